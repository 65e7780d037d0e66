import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import { writeCounts } from '../../../test/db-assertions.js';
import type { ComplaintDetailAnswer } from '../schemas/complaint.responses.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z'); // Wed 10:00 in Shanghai
});
afterAll(async () => t.close());

type Clock = ComplaintDetailAnswer['clocks'][number];
const post = (body: Record<string, unknown>, headers: Record<string, string> = {}, as?: string) =>
  t.inject({ method: 'POST', url: '/api/complaints', payload: body, headers }, as);
const dueOf = (body: ComplaintDetailAnswer) => Object.fromEntries(body.clocks.map((c) => [c.kind, c.dueAt]));
const rules = (body: ComplaintDetailAnswer) => body.gradingReasons.map((r) => r.rule);

describe('POST /api/complaints (R-B1, R-B3..B6, R-C1, clocks)', () => {
  it('registers a level-3 hotline complaint with number, reasons and clocks', async () => {
    const res = await post(complaintBody());
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(res.headers.location).toBe(`/api/complaints/${body.id}`);
    expect(body.number).toBe('TS202611250001');
    expect(body).toMatchObject({
      level: 3,
      proposedLevel: 3,
      levelConfirmed: false,
      status: 'registered',
      amount: '3500.00',
      policyVersion: 1,
    });
    expect(rules(body)).toContain('amount_below_l2');
    expect(Object.keys(dueOf(body)).sort()).toEqual(['l3_answer', 'regulatory']);
    // received Wed 2026-11-25 09:30 Shanghai. Regulatory: day 15 = Thu 12-10, a working day, due at its end.
    expect(dueOf(body).regulatory).toBe('2026-12-10T16:00:00.000Z');
    // 5 working days: Thu 26, Fri 27, Mon 30, Tue 1, Wed 2 -> Wed 2026-12-02 17:30 Shanghai
    expect(dueOf(body).l3_answer).toBe('2026-12-02T09:30:00.000Z');
    const l3 = body.clocks.find((c: Clock) => c.kind === 'l3_answer');
    expect(l3.warnAt).toHaveLength(2);
    expect(body.deadlines.stricter).toBe('l3_answer');
    expect(body.deadlines.regulatory.kind).toBe('regulatory');
    expect(body.deadlines.calendarConfirmed).toBe(true);
  });

  it('numbers are sequential per day and restart the next day', async () => {
    const a = (await post(complaintBody({ complainant: { name: '甲', phone: '13900000001' } }))).json();
    const b = (await post(complaintBody({ complainant: { name: '乙', phone: '13900000002' } }))).json();
    expect(Number(b.number.slice(-4))).toBe(Number(a.number.slice(-4)) + 1);
    t.setNow('2026-11-26T01:00:00Z');
    const c = (await post(complaintBody({ complainant: { name: '丙', phone: '13900000003' } }))).json();
    expect(c.number).toBe('TS202611260001');
    t.setNow('2026-11-25T02:00:00Z');
  });

  it('level 1 by amount: the four level-1 clocks from receipt (R-C3)', async () => {
    const body = (await post(complaintBody({ amount: '150000.00', complainant: { name: '赵六', phone: '13900000010' } }))).json();
    expect(body.level).toBe(1);
    expect(rules(body)).toContain('amount_above_l1');
    expect(dueOf(body)).toMatchObject({
      l1_report_supervisor: '2026-11-25T01:45:00.000Z',
      l1_to_leadership: '2026-11-25T02:00:00.000Z',
      l1_leadership_meeting: '2026-11-25T03:30:00.000Z',
      l1_result: '2026-12-09T09:30:00.000Z', // 10 working days -> Wed 12-09 17:30
    });
  });

  it('amount boundaries are exact: 100000 is level 2, 100000.01 level 1, 10000 level 2, 9999.99 level 3', async () => {
    const levels: Record<string, number> = {};
    for (const [i, amount] of ['100000', '100000.01', '10000', '9999.99'].entries()) {
      levels[amount] = (await post(complaintBody({ amount, complainant: { name: '边界', phone: `1370000000${i}` } }))).json().level;
    }
    expect(levels).toEqual({ '100000': 2, '100000.01': 1, '10000': 2, '9999.99': 3 });
  });

  it('level 2: supervisor within 2 hours, investigation organised within 3 working days (R-C4)', async () => {
    const body = (await post(complaintBody({ amount: 50000, complainant: { name: '钱七', phone: '13900000011' } }))).json();
    expect(body.level).toBe(2);
    expect(body.amount).toBe('50000.00');
    expect(dueOf(body)).toMatchObject({
      l2_to_supervisor: '2026-11-25T03:30:00.000Z',
      l2_investigation_organised: '2026-11-30T09:30:00.000Z',
      l2_result: '2026-12-09T09:30:00.000Z',
    });
  });

  it('keywords, flags and regulator referrals raise the level and are named', async () => {
    const sue = (
      await post(complaintBody({ description: '如果不解决我将委托律师起诉贵公司', complainant: { name: '孙八', phone: '13900000012' } }))
    ).json();
    expect(sue.level).toBe(1);
    expect(
      sue.gradingReasons
        .filter((r: { rule: string }) => r.rule === 'keyword_l1')
        .map((r: { detail: { keyword: string } }) => r.detail.keyword)
        .sort(),
    ).toEqual(['律师', '起诉'].sort());
    const media = (
      await post(complaintBody({ description: '再不处理我就找媒体曝光', complainant: { name: '周九', phone: '13900000013' } }))
    ).json();
    expect(media.level).toBe(2);
    expect(rules(media)).toContain('keyword_l2');
    const agitated = (
      await post(complaintBody({ riskFlags: ['agitated_customer'], complainant: { name: '吴十', phone: '13900000014' } }))
    ).json();
    expect(agitated.level).toBe(2);
    expect(rules(agitated)).toContain('flag_agitated');
    const referral = (
      await post(complaintBody({ channel: 'regulator_referral', complainant: { name: '郑一', phone: '13900000015' } }))
    ).json();
    expect(referral.level).toBe(1);
    expect(rules(referral)).toContain('regulator_named');
    const joint = (await post(complaintBody({ jointComplainants: 6, complainant: { name: '王二', phone: '13900000016' } }))).json();
    expect(joint.level).toBe(1);
    expect(rules(joint)).toContain('mass_joint_complainants');
  });

  it('urgent: initial response within 30 minutes of receipt, not of data entry (R-B3)', async () => {
    const body = (
      await post(complaintBody({ urgent: true, receivedAt: '2026-11-25T01:10:00Z', complainant: { name: '冯三', phone: '13900000017' } }))
    ).json();
    expect(dueOf(body).urgent_initial_response).toBe('2026-11-25T01:40:00.000Z');
  });

  it('letters and e-mail get an acknowledgment clock, web and app a first-reply clock (R-B2)', async () => {
    const letter = (
      await post(
        complaintBody({
          channel: 'letter',
          receivedAt: '2026-11-24T08:00:00Z',
          complainant: { name: '陈四', address: '上海市浦东新区世纪大道100号' },
        }),
      )
    ).json();
    expect(dueOf(letter).acknowledgment).toBe('2026-11-25T09:30:00.000Z'); // 1 working day after Tue -> Wed 17:30
    const email = (await post(complaintBody({ channel: 'email', complainant: { name: '褚五', email: 'chu@example.com' } }))).json();
    expect(dueOf(email).acknowledgment).toBe('2026-11-26T09:30:00.000Z');
    const web = (await post(complaintBody({ channel: 'web', complainant: { name: '卫六', email: 'wei@example.com' } }))).json();
    expect(dueOf(web).online_first_reply).toBe('2026-11-26T09:30:00.000Z');
    expect(dueOf(web).acknowledgment).toBeUndefined();
  });

  it('a backdated receipt counts from the receipt: received on the eve of National Day 2026', async () => {
    const body = (
      await post(complaintBody({ receivedAt: '2026-09-30T10:00:00Z', complainant: { name: '蒋七', phone: '13900000018' } }))
    ).json();
    // policy-defaults.md examples: 5 working days -> Tue 2026-10-13 17:30; 15 calendar days -> end of Thu 10-15
    expect(dueOf(body).l3_answer).toBe('2026-10-13T09:30:00.000Z');
    expect(dueOf(body).regulatory).toBe('2026-10-15T16:00:00.000Z');
    expect(body.overdue).toBe(true);
  });

  it('records received, grading_proposed and clocks_planned events and the outbox message', async () => {
    const body = (await post(complaintBody({ complainant: { name: '沈八', phone: '13900000019' } }))).json();
    const events = (await t.inject({ method: 'GET', url: `/api/complaints/${body.number}/events` })).json().items;
    expect(events.map((e: { type: string }) => e.type)).toEqual(['received', 'grading_proposed', 'clocks_planned']);
    expect(events[0]).toMatchObject({ seq: 1, actor: 'tester' });
    expect(events[1].payload.reasons.length).toBeGreaterThan(0);
    const outbox = await t.db.selectFrom('outbox').selectAll().where('idempotency_key', '=', `complaint.registered:${body.id}`).execute();
    expect(outbox).toHaveLength(1);
  });

  it('the signed-in user is recorded as the actor', async () => {
    const body = (await post(complaintBody({ complainant: { name: '韩九', phone: '13900000020' } }), {}, 'agent')).json();
    expect(body.createdBy).toBe('agent');
  });
});

describe('Idempotency-Key (invariant 1)', () => {
  it('a retry returns the first complaint and writes nothing new', async () => {
    const payload = complaintBody({ complainant: { name: '杨十', phone: '13900000030' } });
    const first = await post(payload, { 'idempotency-key': 'retry-1' });
    const before = await writeCounts(t.db);
    const again = await post(payload, { 'idempotency-key': 'retry-1' });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    expect(await writeCounts(t.db)).toEqual(before);
  });

  it('the same key with a different request is refused', async () => {
    await post(complaintBody({ complainant: { name: '朱一', phone: '13900000031' } }), { 'idempotency-key': 'retry-2' });
    const res = await post(complaintBody({ complainant: { name: '朱一', phone: '13900000031' }, amount: '1.00' }), {
      'idempotency-key': 'retry-2',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().fields[0].field).toBe('Idempotency-Key');
  });

  it('concurrent retries create exactly one complaint', async () => {
    const payload = complaintBody({ complainant: { name: '秦二', phone: '13900000032' } });
    const results = await Promise.all(Array.from({ length: 6 }, () => post(payload, { 'idempotency-key': 'burst-1' })));
    expect(results.every((r) => r.statusCode === 201)).toBe(true);
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
    const rows = await t.db.selectFrom('complaints').select('id').where('complainant_name', '=', '秦二').execute();
    expect(rows).toHaveLength(1);
  });
});
