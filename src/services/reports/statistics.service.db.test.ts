/**
 * GET /api/statistics (#13 item 1, R-F1/R-F2) on complaints made through the real API: every measure
 * against figures the test knows or computes itself from the facts rows, every drill string opening a
 * ledger whose count (or, for money, whose sum) is the figure, and the reader's scope honoured.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import { STATISTICS_MEASURES, type StatisticsMeasure } from '../../domain/codes.js';
import { measureFormat } from '../../domain/reports/report-labels.js';
import type { ComplaintDetailAnswer, LedgerPageAnswer } from '../../http/schemas/complaint.responses.js';
import { findUser } from '../../db/repositories/user.repository.js';
import { principalOf } from '../people/principal.service.js';
import { computeStatistics, type StatisticsResult } from './statistics.service.js';

let t: TestApp;
const ids: Record<string, string> = {};

async function register(key: string, body: Record<string, unknown>, as = 'agent') {
  const res = await t.inject({ method: 'POST', url: '/api/complaints', payload: complaintBody(body) }, as);
  expect(res.statusCode, res.body).toBe(201);
  ids[key] = res.json<ComplaintDetailAnswer>().id;
}

async function act(key: string, action: string, payload: Record<string, unknown>, when: string, as = 'agent') {
  t.setNow(when);
  const res = await t.inject({ method: 'POST', url: `/api/complaints/${ids[key]}/${action}`, payload }, as);
  expect(res.statusCode, `${key} ${action}: ${res.body}`).toBe(200);
}

/** Level 3 answered on the call, confirmed, surveyed and closed. */
async function answerAndClose(key: string, when: string, satisfied: boolean, outcome: string) {
  await act(key, 'send-feedback', { method: 'phone', content: '当场解释', solvedOnTheSpot: true, proof: 'CALL-1' }, when);
  await act(key, 'grade', { level: 3 }, when);
  await act(key, 'record-survey', { satisfied, score: satisfied ? 5 : 2, method: 'phone' }, when);
  await act(key, 'close', { outcome, summary: '办结' }, when);
}

beforeAll(async () => {
  t = await createTestApp('2026-10-20T02:00:00Z');
  // October: received, closed in November after 16 days
  await register('oct', {
    receivedAt: '2026-10-20T01:00:00Z',
    customerGroup: 'individual',
    complainant: { name: '甲', phone: '13900000001' },
  });
  t.setNow('2026-11-02T03:00:00Z');
  await register('nov2', {
    receivedAt: '2026-11-02T02:00:00Z',
    customerGroup: 'senior',
    complainant: { name: '乙', phone: '13900000002' },
  });
  await answerAndClose('nov2', '2026-11-03T03:00:00Z', true, 'not_upheld');
  await answerAndClose('oct', '2026-11-05T02:00:00Z', true, 'partly_upheld');
  // level 2 (amount), never answered: its result clock runs out
  t.setNow('2026-11-10T02:00:00Z');
  await register('nov10', {
    receivedAt: '2026-11-10T01:00:00Z',
    amount: '50000',
    customerGroup: 'small_business',
    complainant: { name: '丙', phone: '13900000003' },
  });
  // registered at a branch counter by the branch agent
  t.setNow('2026-11-20T02:00:00Z');
  await register(
    'branch',
    { receivedAt: '2026-11-20T01:00:00Z', channel: 'branch', complainant: { name: '丁', phone: '13900000004' } },
    'branch',
  );
  // answered at the counter, the customer not satisfied: open, waiting to be handled again
  await act(
    'branch',
    'send-feedback',
    { method: 'phone', content: '当场解释', solvedOnTheSpot: true, proof: 'DESK-1' },
    '2026-11-20T03:00:00Z',
    'branch',
  );
  await act('branch', 'record-survey', { satisfied: false, score: 2, method: 'in_person' }, '2026-11-20T04:00:00Z', 'branch');
  // answered, closed and reopened; compensation proposed and paid on the way
  t.setNow('2026-11-25T02:00:00Z');
  await register('reopened', { receivedAt: '2026-11-25T01:00:00Z', amount: null, complainant: { name: '戊', phone: '13900000005' } });
  const claims = (await t.db.selectFrom('org_units').select('id').where('code', '=', 'CLAIMS').executeTakeFirstOrThrow()).id;
  await act('reopened', 'assign', { departmentIds: [claims] }, '2026-11-25T03:00:00Z', 'supervisor');
  await act('reopened', 'start-investigation', {}, '2026-11-25T04:00:00Z');
  await act('reopened', 'record-findings', { findings: '属实', conclusion: 'upheld' }, '2026-11-25T05:00:00Z');
  const impact = { business: 'low', reputation: 'low', financial: 'low' };
  await act(
    'reopened',
    'record-analysis',
    { causes: ['sales_practice', 'staff_service'], impact, strategy: '整改' },
    '2026-11-25T06:00:00Z',
  );
  await act('reopened', 'propose-compensation', { amount: '1200.40', basis: '差额' }, '2026-11-25T07:00:00Z');
  const comp = await t.db
    .selectFrom('complaint_records')
    .select('id')
    .where('complaint_id', '=', ids.reopened!)
    .where('kind', '=', 'compensation')
    .executeTakeFirstOrThrow();
  await act('reopened', 'decide-compensation', { compensationId: comp.id, approved: true }, '2026-11-25T07:30:00Z', 'supervisor');
  await act('reopened', 'record-payment', { compensationId: comp.id, status: 'paid' }, '2026-11-25T08:00:00Z');
  await act('reopened', 'send-feedback', { method: 'phone', content: '补足' }, '2026-11-26T02:00:00Z');
  await act('reopened', 'grade', { level: 3 }, '2026-11-26T02:00:00Z');
  await act('reopened', 'record-survey', { satisfied: true, score: 5, method: 'phone' }, '2026-11-26T03:00:00Z');
  await act('reopened', 'close', { outcome: 'upheld', summary: '办结' }, '2026-11-26T04:00:00Z');
  await act('reopened', 'reopen', { reason: '客户再次来电' }, '2026-11-28T02:00:00Z', 'supervisor');
  t.setNow('2026-12-15T02:00:00Z');
});
afterAll(async () => t.close());

async function stats(qs: string, as = 'inspector'): Promise<StatisticsResult> {
  const res = await t.inject({ method: 'GET', url: `/api/statistics?${qs}` }, as);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<StatisticsResult>();
}

async function ledger(drill: string, as = 'inspector'): Promise<LedgerPageAnswer> {
  const res = await t.inject({ method: 'GET', url: `/api/complaints?${drill}&total=true&limit=200` }, as);
  expect(res.statusCode, `${drill}: ${res.body}`).toBe(200);
  return res.json<LedgerPageAnswer>();
}

/** The figure behind a drill string: the ledger's count, its sum for money. */
async function figureOfLedger(m: StatisticsMeasure, drill: string, as: string): Promise<number> {
  const page = await ledger(drill, as);
  if (measureFormat(m) !== 'money' || page.items.length === 0) return page.total ?? -1;
  const rows = await t.db
    .selectFrom('complaint_facts')
    .select(['amount', 'compensation_proposed', 'compensation_paid'])
    .where(
      'id',
      'in',
      page.items.map((i) => i.id),
    )
    .execute();
  const value = (r: (typeof rows)[number]) =>
    Number(m === 'amount_involved' ? (r.amount ?? 0) : m === 'compensation_paid' ? r.compensation_paid : r.compensation_proposed);
  return Math.round(rows.reduce((sum, r) => sum + value(r), 0) * 100) / 100;
}

/** Each figure of each row against the ledger its drill string opens (rates: numerator = rate x the ledger of the denominator). */
async function checkDrills(result: StatisticsResult, as = 'inspector') {
  for (const row of [...result.rows, result.totals]) {
    for (const m of result.measures) {
      const drill = row.drill[m];
      const where = `${row.keys.map((k) => k.value).join('/') || 'totals'} ${m}: ${drill}`;
      expect(drill, where).toBeTruthy();
      const got = await figureOfLedger(m, drill!, as);
      const v = row.values[m] ?? null;
      if (m === 'reopen_rate' || m === 'satisfaction_rate') {
        const denominator = m === 'reopen_rate' ? drill!.replace('&reopened=true', '') : drill!.replace('satisfied=true', 'surveyed=true');
        const base = (await ledger(denominator, as)).total ?? 0;
        expect(got, where).toBe(v === null ? 0 : Math.round(v * base));
        expect(v === null, where).toBe(base === 0);
      } else if (m === 'handling_days_p50' || m === 'handling_days_p90') {
        const closed = (await ledger(drill!, as)).total ?? 0;
        expect(v === null, where).toBe(closed === 0);
      } else {
        expect(got, where).toBe(v);
      }
    }
  }
}

describe('statistics over complaints made through the API (R-F1, R-F2)', () => {
  it('November in total: every measure', async () => {
    const r = await stats('from=2026-11-01&to=2026-11-30');
    expect(r.measures).toEqual([...STATISTICS_MEASURES]);
    expect(r.rows).toEqual([]);
    const v = r.totals.values;
    expect(v).toMatchObject({
      received: 4, // nov2, nov10, branch, reopened
      closed: 2, // nov2 (1.04 days), oct (16.04 days); the reopened one is open again
      open_at_end: 3, // nov10, branch, reopened
      reopen_rate: 0.25,
      satisfaction_rate: 2 / 3, // nov2 yes, branch no, reopened yes
      compensation_proposed: 1200.4,
      compensation_paid: 1200.4,
      amount_involved: 57000, // 3500 (nov2) + 50000 (nov10) + 3500 (branch)
      handling_days_p50: 8.5,
      handling_days_p90: 14.5,
    });
    // timeliness, computed here from the facts rows themselves
    const now = t.now();
    const facts = await t.db
      .selectFrom('complaint_facts')
      .selectAll()
      .where('received_on', '>=', '2026-11-01')
      .where('received_on', '<=', '2026-11-30')
      .execute();
    for (const clock of ['policy', 'regulatory'] as const) {
      const due = (f: (typeof facts)[number]) => f[`${clock}_due_at`];
      const met = (f: (typeof facts)[number]) => f[`${clock}_met_at`];
      const breached = (f: (typeof facts)[number]) => f[`${clock}_breached`] === true;
      const onTime = facts.filter((f) => met(f) && due(f) && met(f)! <= due(f)! && !breached(f)).length;
      const late = facts.filter((f) => met(f) && ((due(f) && met(f)! > due(f)!) || breached(f))).length;
      const overdue = facts.filter((f) => !met(f) && (breached(f) || (due(f) !== null && due(f)! < now))).length;
      expect([v[`${clock}_on_time`], v[`${clock}_late`], v[`${clock}_open_overdue`]], clock).toEqual([onTime, late, overdue]);
    }
    // the level-2 complaint nobody answered is overdue on its result clock
    expect(v.policy_open_overdue).toBeGreaterThanOrEqual(1);
    await checkDrills(r);
  });

  it('by month: each measure at its own instant, open at the end of each month', async () => {
    const r = await stats('from=2026-10-01&to=2026-11-30&groupBy=month&measures=received,closed,open_at_end,handling_days_p50');
    expect(
      r.rows.map((row) => [row.keys[0]!.value, row.keys[0]!.label.zh, row.values.received, row.values.closed, row.values.open_at_end]),
    ).toEqual([
      ['2026-10', '2026年10月', 1, 0, 1],
      ['2026-11', '2026年11月', 4, 2, 3],
    ]);
    expect(r.rows[0]!.values.handling_days_p50).toBeNull();
    await checkDrills(r);
  });

  it('by level and customer group, and by cause: drill strings open exactly the complaints', async () => {
    const byLevel = await stats('from=2026-11-01&to=2026-11-30&groupBy=level,customer_group');
    const cell = byLevel.rows.find((row) => row.keys[0]!.value === '2' && row.keys[1]!.value === 'small_business');
    expect(cell?.values.received).toBe(1);
    expect(cell?.keys[1]!.label).toEqual({ zh: '小微企业', en: 'Small business' });
    const none = byLevel.rows.find((row) => row.keys[0]!.value === '3' && row.keys[1]!.value === null);
    expect(none?.values.received).toBe(2); // branch, reopened
    await checkDrills(byLevel);

    const byCause = await stats('from=2026-11-01&to=2026-11-30&groupBy=cause&measures=received,compensation_paid');
    expect(Object.fromEntries(byCause.rows.map((row) => [row.keys[0]!.value ?? 'none', row.values.received]))).toEqual({
      sales_practice: 1,
      staff_service: 1,
      none: 3,
    });
    await checkDrills(byCause);
  });

  it('filters narrow the figures as they narrow the ledger', async () => {
    const r = await stats('from=2026-11-01&to=2026-11-30&customerGroup=senior,small_business&measures=received,closed');
    expect(r.totals.values).toEqual({ received: 2, closed: 1 });
    const page = await ledger(r.totals.drill.received!);
    expect(page.items.map((i) => i.id).sort()).toEqual([ids.nov2!, ids.nov10!].sort());
  });

  it("the reader's scope: a department supervisor and a branch agent count only what they may see", async () => {
    const all = await stats('from=2026-11-01&to=2026-11-30&measures=received', 'inspector');
    expect(all.totals.values.received).toBe(4);
    // a supervisor of the claims department sees the one complaint claims handles
    const claims = (await t.db.selectFrom('org_units').select('id').where('code', '=', 'CLAIMS').executeTakeFirstOrThrow()).id;
    const created = await t.inject(
      {
        method: 'POST',
        url: '/api/users',
        payload: { username: 'claims_head', displayName: '理赔部主管', roles: ['supervisor'], orgUnitIds: [claims] },
      },
      'admin',
    );
    expect(created.statusCode, created.body).toBe(201);
    const head = await stats('from=2026-11-01&to=2026-11-30&groupBy=department&measures=received,compensation_paid', 'claims_head');
    expect(head.totals.values).toEqual({ received: 1, compensation_paid: 1200.4 });
    await checkDrills(head, 'claims_head');

    const user = await findUser(t.db, { username: 'branch' });
    const branch = await principalOf(t.db, user!);
    const own = await computeStatistics(t.ctx, branch, {
      from: '2026-11-01',
      to: '2026-11-30',
      groupBy: ['branch'],
      measures: ['received'],
      filter: {},
    });
    expect(own.totals.values.received).toBe(1);
    expect(own.rows.map((row) => row.keys[0]!.label.zh)).toEqual(['上海浦东营业部']);
  });

  it('statistics.read only; the read is audited; bad input names the field', async () => {
    expect((await t.inject({ method: 'GET', url: '/api/statistics?from=2026-11-01&to=2026-11-30' }, 'agent')).statusCode).toBe(403);
    const audited = await t.db.selectFrom('audit_log').select(['action', 'actor']).where('action', '=', 'statistics.read').execute();
    expect(audited.length).toBeGreaterThan(0);
    for (const [qs, field] of [
      ['from=2026-11-30&to=2026-11-01', 'querystring.from'],
      ['from=2026-11-01&to=2026-11-30&groupBy=month,week', 'querystring.groupBy'],
      ['from=2026-11-01&to=2026-11-30&groupBy=colour', 'querystring.groupBy'],
      ['from=2026-11-01&to=2026-11-30&measures=joy', 'querystring.measures'],
      ['from=2026-11-01&to=2028-11-30&groupBy=day', 'querystring.to'],
      ['from=2026-13-01&to=2026-11-30', 'querystring.from'],
    ] as const) {
      const res = await t.inject({ method: 'GET', url: `/api/statistics?${qs}`, headers: { 'accept-language': 'zh-CN' } }, 'inspector');
      expect(res.statusCode, qs).toBe(400);
      expect(res.json<{ fields: Array<{ field: string }> }>().fields[0]?.field, qs).toBe(field);
    }
  });
});
