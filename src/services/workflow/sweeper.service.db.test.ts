/**
 * The clock sweeper on real PostgreSQL with injected time (R-E3): a level-1 complaint's hand-over
 * to the leadership group (30 minutes) warns at 50% and 80%, is breached at the due time with a
 * tracked exception, and escalates to the leadership group and to senior management; the
 * notifications land in the inboxes of exactly the people each step names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import { sweepClocks } from './sweeper.service.js';
import type { z } from 'zod';
import type { ComplaintDetailAnswer, ComplaintEventsAnswer } from '../../http/schemas/complaint.responses.js';
import type { NotificationPageAnswer, unreadCountAnswer } from '../../http/schemas/notification.responses.js';

type UnreadCountAnswer = z.output<typeof unreadCountAnswer>;

let t: TestApp;
const T0 = '2026-11-25T02:00:00.000Z'; // Wed 10:00 Shanghai
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000);

beforeAll(async () => {
  t = await createTestApp(T0);
});
afterAll(async () => t.close());

type Inbox = NotificationPageAnswer;
type Event = ComplaintEventsAnswer['items'][number];

async function registerLevel1(name: string, phone: string): Promise<{ id: string; number: string }> {
  const res = await t.inject(
    { method: 'POST', url: '/api/complaints', payload: complaintBody({ amount: '150000', receivedAt: T0, complainant: { name, phone } }) },
    'agent',
  );
  expect(res.statusCode, res.body).toBe(201);
  const c = res.json<ComplaintDetailAnswer>();
  expect(c.level).toBe(1);
  return c;
}

async function clockOf(complaintId: string, kind: string) {
  return t.db
    .selectFrom('complaint_clocks')
    .selectAll()
    .where('complaint_id', '=', complaintId)
    .where('kind', '=', kind)
    .executeTakeFirstOrThrow();
}

async function inbox(user: string, clockId: string): Promise<Inbox['items']> {
  const res = await t.inject({ method: 'GET', url: '/api/notifications?limit=200' }, user);
  expect(res.statusCode).toBe(200);
  return res.json<Inbox>().items.filter((n) => n.body.clockId === clockId);
}

const kindsIn = async (user: string, clockId: string) => (await inbox(user, clockId)).map((n) => n.kind).reverse();

async function clockEvents(complaintId: string, clockId: string): Promise<Event[]> {
  const items = (await t.inject({ method: 'GET', url: `/api/complaints/${complaintId}/events` }, 'agent')).json<ComplaintEventsAnswer>()
    .items;
  return items.filter((e) => e.payload.clockId === clockId);
}

async function sweepAt(minutes: number) {
  t.setNow(at(minutes));
  return sweepClocks(t.ctx);
}

describe('sweeping the level-1 hand-over to the leadership group', () => {
  let c: { id: string; number: string };
  let clockId: string;

  it('plans the 30-minute clock with warnings at +15 and +24 minutes', async () => {
    c = await registerLevel1('李四', '13900001111');
    const k = await clockOf(c.id, 'l1_to_leadership');
    clockId = k.id;
    expect(k.due_at).toEqual(at(30));
    expect(k.warn_at).toEqual([at(15), at(24)]);
    expect(k.next_check_at).toEqual(at(15));
  });

  it('nothing for this clock before its first warning', async () => {
    await sweepAt(14);
    expect(await clockEvents(c.id, clockId)).toEqual([]);
    expect(await kindsIn('agent', clockId)).toEqual([]);
  });

  it('+15 min: the first warning, to the assignee and tracker (agent)', async () => {
    await sweepAt(15);
    expect((await clockEvents(c.id, clockId)).map((e) => [e.type, e.payload.warning])).toEqual([['clock_warning', 0]]);
    const notes = await inbox('agent', clockId);
    expect(notes).toMatchObject([{ kind: 'clock_warning', complaintNumber: c.number, readAt: null }]);
    expect(notes[0]?.title).toContain('一级投诉提交领导小组');
    expect(await kindsIn('supervisor', clockId)).toEqual([]);
    expect(await clockOf(c.id, 'l1_to_leadership')).toMatchObject({ status: 'running', warnings_sent: 1, next_check_at: at(24) });
  });

  it('+24 min: the second warning', async () => {
    await sweepAt(24);
    expect((await clockEvents(c.id, clockId)).map((e) => [e.type, e.payload.warning])).toEqual([
      ['clock_warning', 0],
      ['clock_warning', 1],
    ]);
    expect(await kindsIn('agent', clockId)).toEqual(['clock_warning', 'clock_warning']);
  });

  it('+30 min: breached, a breach exception, supervisors and the tracker/assignee told', async () => {
    await sweepAt(30);
    const k = await clockOf(c.id, 'l1_to_leadership');
    expect(k).toMatchObject({ status: 'breached', breached_at: at(30), escalation_step: 1, next_check_at: at(270) });
    const events = await clockEvents(c.id, clockId);
    expect(events.slice(2).map((e) => [e.type, e.payload.step ?? null, e.actor])).toEqual([
      ['clock_breached', null, 'system'],
      ['clock_escalated', 0, 'system'],
    ]);
    expect(events[3]?.payload.notified).toEqual(expect.arrayContaining(['agent', 'supervisor']));
    const exceptions = await t.db.selectFrom('complaint_exceptions').selectAll().where('clock_id', '=', clockId).execute();
    expect(exceptions).toMatchObject([{ kind: 'breach', status: 'open', source_key: `breach:${clockId}`, complaint_id: c.id }]);
    expect(await kindsIn('supervisor', clockId)).toEqual(['clock_breached']);
    expect(await kindsIn('agent', clockId)).toEqual(['clock_warning', 'clock_warning', 'clock_breached']);
    expect(await kindsIn('leader', clockId)).toEqual([]);
    expect(await kindsIn('senior', clockId)).toEqual([]);
  });

  it('a second sweep at the same instant does nothing', async () => {
    const before = await t.db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const again = await sweepClocks(t.ctx);
    expect(again).toEqual({ checked: 0, warnings: 0, breaches: 0, escalations: 0, failed: 0 });
    const after = await t.db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    expect(await clockEvents(c.id, clockId)).toHaveLength(4);
  });

  it('+30 min + 240: step 1 tells the leadership group', async () => {
    await sweepAt(269);
    expect(await kindsIn('leader', clockId)).toEqual([]);
    await sweepAt(270);
    expect(await kindsIn('leader', clockId)).toEqual(['clock_escalated']);
    expect((await inbox('leader', clockId))[0]?.body).toMatchObject({ step: 1, clockKind: 'l1_to_leadership' });
    expect(await kindsIn('senior', clockId)).toEqual([]);
    expect(await kindsIn('supervisor', clockId)).toEqual(['clock_breached']);
    const unread = await t.inject({ method: 'GET', url: '/api/notifications/unread-count' }, 'leader');
    expect(unread.json<UnreadCountAnswer>().unreadCount).toBeGreaterThanOrEqual(1);
  });

  it('+30 min + 1440: step 2 tells senior management; then nothing remains', async () => {
    await sweepAt(30 + 1440);
    expect(await kindsIn('senior', clockId)).toEqual(['clock_escalated']);
    expect((await inbox('senior', clockId))[0]?.body).toMatchObject({ step: 2 });
    expect(await clockOf(c.id, 'l1_to_leadership')).toMatchObject({ status: 'breached', escalation_step: 3, next_check_at: null });
    const steps = (await clockEvents(c.id, clockId)).filter((e) => e.type === 'clock_escalated').map((e) => e.payload.step);
    expect(steps).toEqual([0, 1, 2]);
    await sweepAt(10_000);
    expect(await clockEvents(c.id, clockId)).toHaveLength(6);
  });
});

describe('a clock met by an action is never breached', () => {
  it('escalating to the leadership group meets l1_to_leadership', async () => {
    t.setNow(T0);
    const c = await registerLevel1('王五', '13900002222');
    const k = await clockOf(c.id, 'l1_to_leadership');
    t.setNow(at(10));
    const esc = await t.inject({ method: 'POST', url: `/api/complaints/${c.id}/escalate`, payload: { to: 'leadership' } }, 'agent');
    expect(esc.statusCode, esc.body).toBe(200);
    expect(await clockOf(c.id, 'l1_to_leadership')).toMatchObject({ status: 'met', next_check_at: null });
    await sweepAt(3000);
    expect(await clockOf(c.id, 'l1_to_leadership')).toMatchObject({ status: 'met', breached_at: null, warnings_sent: 0 });
    expect(await clockEvents(c.id, k.id)).toEqual([]);
    expect(await t.db.selectFrom('complaint_exceptions').select('id').where('clock_id', '=', k.id).execute()).toEqual([]);
    // the report went higher than the supervisor: that clock is met too (R-C3)
    expect((await clockOf(c.id, 'l1_report_supervisor')).status).toBe('met');
    // the other clocks of the complaint were swept as usual
    expect((await clockOf(c.id, 'l1_leadership_meeting')).status).toBe('breached');
  });
});

describe('a missed progress report is stalled progress', () => {
  it('raises a stalled exception (not a breach) and tells the tracker', async () => {
    t.setNow(T0);
    const c = await registerLevel1('赵六', '13900003333');
    const assigned = await t.inject({ method: 'POST', url: `/api/complaints/${c.id}/assign`, payload: { assignee: 'agent' } }, 'agent');
    expect(assigned.statusCode, assigned.body).toBe(200);
    const k = await clockOf(c.id, 'progress_report');
    // 2 working days from Wed 25 Nov: Thu 26, Fri 27 -> 17:30 Shanghai
    expect(k.due_at).toEqual(new Date('2026-11-27T09:30:00Z'));
    t.setNow('2026-11-27T09:30:00Z');
    await sweepClocks(t.ctx);
    const exceptions = await t.db.selectFrom('complaint_exceptions').selectAll().where('clock_id', '=', k.id).execute();
    expect(exceptions).toMatchObject([{ kind: 'stalled', status: 'open', source_key: `stalled:${k.id}` }]);
    expect((await clockEvents(c.id, k.id)).find((e) => e.type === 'clock_breached')?.payload).toMatchObject({
      exception: 'stalled',
      kind: 'progress_report',
    });
    // a catch-up sweep writes them at one instant
    expect((await kindsIn('agent', k.id)).sort()).toEqual(['clock_warning', 'clock_warning', 'progress_stalled']);
  });
});
