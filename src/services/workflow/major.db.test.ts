/**
 * Major complaints (重大投诉, #14 item 4) on real PostgreSQL with injected time: marked by the
 * grading rules at intake (20+ joint complainants, a disaster cause, named by the regulator) or by
 * a leader with a reason (major.manage); the leadership group and senior management told at once;
 * the report to the regulator on its own clock (24 hours by default), met when recorded; the
 * emergency plan's milestones on clocks the sweeper warns, breaches and escalates; the ledger's
 * `major` filter, listing and export alike.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import type { ComplaintDetailAnswer, ComplaintEventsAnswer, LedgerPageAnswer } from '../../http/schemas/complaint.responses.js';
import type { NotificationPageAnswer } from '../../http/schemas/notification.responses.js';
import type { z } from 'zod';
import type { majorView } from '../../http/schemas/major.schemas.js';
import { sweepClocks } from './sweeper.service.js';

type MajorAnswer = z.output<typeof majorView>;

let t: TestApp;
const T0 = '2026-11-25T02:00:00.000Z'; // Wed 10:00 Shanghai
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000);

beforeAll(async () => {
  t = await createTestApp(T0);
});
afterAll(async () => t.close());

async function register(overrides: Record<string, unknown>, phone: string): Promise<ComplaintDetailAnswer> {
  const res = await t.inject(
    {
      method: 'POST',
      url: '/api/complaints',
      payload: complaintBody({ receivedAt: T0, complainant: { name: '王五', phone }, ...overrides }),
    },
    'agent',
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json<ComplaintDetailAnswer>();
}

async function major(id: string, as = 'agent'): Promise<MajorAnswer> {
  const res = await t.inject({ method: 'GET', url: `/api/complaints/${id}/major` }, as);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<MajorAnswer>();
}

async function notices(user: string, number: string, kind: string) {
  const res = await t.inject({ method: 'GET', url: '/api/notifications?limit=200' }, user);
  expect(res.statusCode).toBe(200);
  return res.json<NotificationPageAnswer>().items.filter((n) => n.complaintNumber === number && n.kind === kind);
}

async function events(id: string) {
  return (await t.inject({ method: 'GET', url: `/api/complaints/${id}/events` }, 'tester')).json<ComplaintEventsAnswer>().items;
}

async function clocksOf(id: string, kind: string) {
  return t.db
    .selectFrom('complaint_clocks')
    .selectAll()
    .where('complaint_id', '=', id)
    .where('kind', '=', kind)
    .orderBy('created_at')
    .execute();
}

const post = (url: string, payload: Record<string, unknown>, as = 'tester') => t.inject({ method: 'POST', url, payload }, as);

describe('marking by the rules at intake (R-C1, policy defaults)', () => {
  let joint: ComplaintDetailAnswer;

  it('20 joint complainants: major by rule major_joint_complainants, level 1, recorded with the rule', async () => {
    joint = await register({ jointComplainants: 20 }, '13900002001');
    expect(joint).toMatchObject({ level: 1, major: true });
    const m = await major(joint.id);
    expect(m).toMatchObject({ major: true, source: 'rules', rules: ['major_joint_complainants'], reason: null, markedBy: 'system' });
    expect(m.markedAt).toBe(T0);
    const marked = (await events(joint.id)).filter((e) => e.type === 'major_marked');
    expect(marked).toHaveLength(1);
    expect(marked[0]).toMatchObject({
      actor: 'system',
      payload: { source: 'rules', rules: ['major_joint_complainants'], jointComplainants: 20 },
    });
  });

  it('R-C3: the leadership group and senior management are told at once', async () => {
    for (const user of ['leader', 'senior']) {
      const n = await notices(user, joint.number, 'major_marked');
      expect(n, user).toHaveLength(1);
      expect(n[0]?.title).toContain('重大投诉');
    }
    expect(await notices('agent', joint.number, 'major_marked')).toEqual([]);
    const marked = (await events(joint.id)).find((e) => e.type === 'major_marked');
    expect(marked?.payload.notified).toEqual(expect.arrayContaining(['leader', 'senior']));
  });

  it('the report to the regulator is due 24 hours after the marking (policy majorComplaint.regulatorReport)', async () => {
    const [k] = await clocksOf(joint.id, 'major_regulator_report');
    expect(k).toMatchObject({ status: 'running', due_at: at(24 * 60), unit: 'hours', amount: '24' });
    expect((await major(joint.id)).regulatorReport).toMatchObject({
      dueAt: at(24 * 60).toISOString(),
      clockStatus: 'running',
      overdue: false,
    });
  });

  it('19 joint complainants are not major; the intake now takes the cause and the regulator naming it', async () => {
    const few = await register({ jointComplainants: 19 }, '13900002002');
    expect(few.major).toBe(false);
    expect(await clocksOf(few.id, 'major_regulator_report')).toEqual([]);

    const disaster = await register({ majorCause: 'disaster' }, '13900002003');
    expect(disaster.major).toBe(true);
    expect(await major(disaster.id)).toMatchObject({ rules: ['major_disaster'], majorCause: 'disaster', regulatorNamed: false });

    const named = await register({ regulatorNamed: true, regulatorReference: '金监消保函〔2026〕18号' }, '13900002004');
    expect(await major(named.id)).toMatchObject({
      major: true,
      rules: ['major_regulator_designated'],
      regulatorNamed: true,
      regulatorReference: '金监消保函〔2026〕18号',
    });
    const bad = await t.inject({ method: 'POST', url: '/api/complaints', payload: complaintBody({ majorCause: 'flood' }) }, 'agent');
    expect(bad.statusCode).toBe(400);
  });
});

describe('marking and unmarking by a leader (major.manage)', () => {
  let c: ComplaintDetailAnswer;

  it('refused without major.manage (agent, supervisor)', async () => {
    c = await register({}, '13900002010');
    expect(c.major).toBe(false);
    for (const user of ['agent', 'supervisor']) {
      const res = await post(`/api/complaints/${c.id}/major/mark`, { reason: '涉及群体性事件' }, user);
      expect(res.statusCode, user).toBe(403);
    }
    expect((await major(c.id)).major).toBe(false);
    expect((await events(c.id)).some((e) => e.type === 'major_marked')).toBe(false);
  });

  it('a leader marks it with a reason: flag, reason, clock, event, leaders told', async () => {
    t.setNow(at(10));
    const res = await post(`/api/complaints/${c.id}/major/mark`, { reason: '媒体已报道，客户聚集' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<MajorAnswer>()).toMatchObject({
      major: true,
      source: 'leader',
      reason: '媒体已报道，客户聚集',
      markedBy: 'tester',
      rules: [],
    });
    const row = await t.db
      .selectFrom('complaints')
      .select(['major', 'major_reason', 'major_source'])
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ major: true, major_reason: '媒体已报道，客户聚集', major_source: 'leader' });
    const [k] = await clocksOf(c.id, 'major_regulator_report');
    expect(k?.due_at).toEqual(at(10 + 24 * 60));
    const e = (await events(c.id)).filter((x) => x.type === 'major_marked');
    expect(e).toMatchObject([{ actor: 'tester', reason: '媒体已报道，客户聚集', payload: { source: 'leader' } }]);
    expect(await notices('leader', c.number, 'major_marked')).toHaveLength(1);
    expect(await notices('senior', c.number, 'major_marked')).toHaveLength(1);
    expect((await post(`/api/complaints/${c.id}/major/mark`, { reason: '再次认定' })).statusCode).toBe(409);
  });

  it('unmarked with a reason: the open report clock is cancelled; a reason is required', async () => {
    expect((await post(`/api/complaints/${c.id}/major/unmark`, { reason: '' })).statusCode).toBe(400);
    expect((await post(`/api/complaints/${c.id}/major/unmark`, { reason: '经核实' }, 'agent')).statusCode).toBe(403);
    const res = await post(`/api/complaints/${c.id}/major/unmark`, { reason: '经核实仅为个案' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<MajorAnswer>()).toMatchObject({ major: false, reason: '经核实仅为个案' });
    expect((await clocksOf(c.id, 'major_regulator_report')).map((k) => k.status)).toEqual(['cancelled']);
    expect((await events(c.id)).filter((x) => x.type === 'major_unmarked')).toMatchObject([{ payload: { cancelledClocks: 1 } }]);
    expect(await notices('senior', c.number, 'major_unmarked')).toHaveLength(1);
    expect((await post(`/api/complaints/${c.id}/major/unmark`, { reason: '再次' })).statusCode).toBe(409);
  });
});

describe('the emergency plan and the report to the regulator (R-E3)', () => {
  let c: ComplaintDetailAnswer;
  let milestoneId: string;

  it('a plan with owners, an action and a milestone; the milestone runs on its own clock', async () => {
    t.setNow(T0);
    c = await register({ jointComplainants: 30 }, '13900002020');
    expect((await post(`/api/complaints/${c.id}/major/items`, { kind: 'milestone', title: 'x', owner: 'agent' })).statusCode).toBe(400);
    const plan = await t.inject(
      {
        method: 'PUT',
        url: `/api/complaints/${c.id}/major/plan`,
        payload: { summary: '成立专班，统一口径，逐一回访', owners: ['leader', 'supervisor'] },
      },
      'tester',
    );
    expect(plan.statusCode, plan.body).toBe(200);
    await post(`/api/complaints/${c.id}/major/items`, { kind: 'action', title: '统一对外口径', owner: 'supervisor' });
    const res = await post(`/api/complaints/${c.id}/major/items`, {
      kind: 'milestone',
      title: '完成首轮客户回访',
      owner: 'agent',
      dueAt: at(120).toISOString(),
    });
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json<MajorAnswer>();
    expect(m.plan).toMatchObject({ summary: '成立专班，统一口径，逐一回访', owners: ['leader', 'supervisor'] });
    expect(m.items.map((i) => [i.kind, i.title, i.status])).toEqual([
      ['milestone', '完成首轮客户回访', 'open'],
      ['action', '统一对外口径', 'open'],
    ]);
    milestoneId = m.items[0]?.id ?? '';
    const [k] = (await clocksOf(c.id, 'major_milestone')).filter((x) => x.subject_id === milestoneId);
    expect(k).toMatchObject({ status: 'running', due_at: at(120), label: '完成首轮客户回访', warn_at: [at(60), at(96)] });
    expect(await notices('agent', c.number, 'major_plan_item_added')).toHaveLength(1);
    expect((await post(`/api/complaints/${c.id}/major/items`, { kind: 'action', title: 'y', owner: 'leader' }, 'agent')).statusCode).toBe(
      403,
    );
  });

  it('the sweeper warns, breaches and escalates the milestone clock', async () => {
    t.setNow(at(60));
    await sweepClocks(t.ctx);
    t.setNow(at(121));
    await sweepClocks(t.ctx);
    const [k] = (await clocksOf(c.id, 'major_milestone')).filter((x) => x.subject_id === milestoneId);
    expect(k).toMatchObject({ status: 'breached', breached_at: at(120) });
    const types = (await events(c.id)).filter((e) => e.payload.clockId === k?.id).map((e) => e.type);
    expect(types).toEqual(['clock_warning', 'clock_warning', 'clock_breached', 'clock_escalated']);
    const exceptions = await t.db
      .selectFrom('complaint_exceptions')
      .selectAll()
      .where('clock_id', '=', k?.id ?? '')
      .execute();
    expect(exceptions).toMatchObject([{ kind: 'breach', status: 'open' }]);
    const view = await major(c.id);
    expect(view.items.find((i) => i.id === milestoneId)).toMatchObject({ clockStatus: 'breached', overdue: true });
  });

  it('the owner marks the milestone done: its clock is met, late; nobody else but a leader may', async () => {
    t.setNow(at(150));
    expect((await post(`/api/complaints/${c.id}/major/items/${milestoneId}/done`, { note: '已回访' }, 'supervisor')).statusCode).toBe(403);
    const res = await post(`/api/complaints/${c.id}/major/items/${milestoneId}/done`, { note: '已回访 30 位客户' }, 'agent');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<MajorAnswer>().items.find((i) => i.id === milestoneId)).toMatchObject({
      status: 'done',
      doneBy: 'agent',
      clockStatus: 'met',
      late: true,
      overdue: false,
    });
    const done = (await events(c.id)).filter((e) => e.type === 'major_plan_item_done');
    expect(done).toMatchObject([{ actor: 'agent', payload: { itemId: milestoneId, late: true, clockMet: true } }]);
    expect((await post(`/api/complaints/${c.id}/major/items/${milestoneId}/done`, { note: '再次' }, 'agent')).statusCode).toBe(409);
  });

  it('the report to the regulator is recorded in time: its clock met, the text kept, its hash chained', async () => {
    t.setNow(at(180));
    const body = {
      reportedAt: at(170).toISOString(),
      recipient: '国家金融监督管理总局上海监管局消保处',
      reference: '沪保报〔2026〕7号',
      text: '关于客户集体投诉的情况报告……',
    };
    expect((await post(`/api/complaints/${c.id}/major/regulator-reports`, body, 'agent')).statusCode).toBe(403);
    const res = await post(`/api/complaints/${c.id}/major/regulator-reports`, body);
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json<MajorAnswer>();
    expect(m.regulatorReport).toMatchObject({
      clockStatus: 'met',
      overdue: false,
      reports: [{ recipient: body.recipient, reference: body.reference, text: body.text, recordedBy: 'tester', late: false }],
    });
    const [k] = await clocksOf(c.id, 'major_regulator_report');
    expect(k).toMatchObject({ status: 'met', met_at: at(170) });
    const e = (await events(c.id)).filter((x) => x.type === 'major_regulator_reported');
    expect(e).toMatchObject([{ payload: { recipient: body.recipient, clockMet: true, late: false } }]);
    expect(String(e[0]?.payload.bodySha256)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('the board lists the open major complaint with its next milestone', async () => {
    await post(`/api/complaints/${c.id}/major/items`, {
      kind: 'milestone',
      title: '发布处置公告',
      owner: 'leader',
      dueAt: at(600).toISOString(),
    });
    const res = await t.inject({ method: 'GET', url: '/api/board' }, 'leader');
    expect(res.statusCode, res.body).toBe(200);
    const board = res.json<{
      major: { total: number; items: Array<{ id: string; nextMilestone: { title: string } | null; reportedAt: string | null }> };
    }>();
    const item = board.major.items.find((i) => i.id === c.id);
    expect(item).toMatchObject({ nextMilestone: { title: '发布处置公告' } });
    expect(item?.reportedAt).toBe(at(170).toISOString());
  });
});

describe('the ledger filter major=true (R-B5)', () => {
  it('lists and exports exactly the major complaints', async () => {
    const all = await t.db.selectFrom('complaints').select(['number', 'major']).execute();
    const majors = all
      .filter((r) => r.major)
      .map((r) => r.number)
      .sort();
    expect(majors.length).toBeGreaterThanOrEqual(4);
    const listed = async (qs: string) =>
      (await t.inject({ method: 'GET', url: `/api/complaints?limit=200&${qs}` }, 'tester')).json<LedgerPageAnswer>().items;
    const yes = await listed('major=true');
    expect(yes.map((i) => i.number).sort()).toEqual(majors);
    expect(yes.every((i) => i.major)).toBe(true);
    const no = await listed('major=false');
    expect(no.some((i) => i.major)).toBe(false);
    expect(no.length + yes.length).toBe(all.length);
    const exported = await t.inject({ method: 'GET', url: '/api/complaints/export?major=true' }, 'tester');
    expect(exported.statusCode).toBe(200);
    expect(Number(exported.headers['x-export-rows'])).toBe(majors.length);
  });
});
