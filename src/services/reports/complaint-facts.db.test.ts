/**
 * The statistics read model (#13, R-F1): complaint_facts is current after every step of the
 * workflow, in the step's own transaction, computed after the state row, clocks and records were
 * written. One complaint walks from registration to closing and reopening; its facts row is checked
 * against the complaint as the API shows it at each step.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import { findFacts } from '../../db/repositories/statistics.repository.js';
import type { ComplaintDetailAnswer } from '../../http/schemas/complaint.responses.js';

let t: TestApp;
let claimsId: string;
let id: string;

beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z'); // Wed 10:00 Shanghai
  claimsId = (await t.db.selectFrom('org_units').select('id').where('code', '=', 'CLAIMS').executeTakeFirstOrThrow()).id;
});
afterAll(async () => t.close());

async function act(action: string, payload: Record<string, unknown>, as = 'agent', when?: string): Promise<ComplaintDetailAnswer> {
  if (when) t.setNow(when);
  const res = await t.inject({ method: 'POST', url: `/api/complaints/${id}/${action}`, payload }, as);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json<ComplaintDetailAnswer>();
}

async function facts() {
  const f = await findFacts(t.db, id);
  if (!f) throw new Error('no facts row');
  return f;
}

const clock = (c: ComplaintDetailAnswer, kind: string) => c.clocks.filter((k) => k.kind === kind && k.status !== 'cancelled').pop();
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The facts that mirror the complaint as the API shows it. */
async function expectMirrors(c: ComplaintDetailAnswer) {
  const f = await facts();
  expect(f).toMatchObject({
    number: c.number,
    status: c.status,
    level: c.level,
    channel: c.channel,
    business_line: c.businessLine,
    category: c.category,
    product: c.product,
    customer_group: c.customerGroup,
    branch_id: c.branchId,
    assignee: c.assignee,
    tracker: c.tracker,
    outcome: c.outcome,
    reopen_count: c.round - 1,
  });
  expect(iso(f.closed_at)).toBe(c.closedAt);
  const result = clock(c, `l${c.level}_${c.level === 3 ? 'answer' : 'result'}`);
  expect(f.policy_clock).toBe(result?.kind ?? null);
  expect(iso(f.policy_due_at)).toBe(result?.dueAt ?? null);
  expect(iso(f.policy_met_at)).toBe(result?.metAt ?? null);
  const reg = clock(c, 'regulatory');
  expect(iso(f.regulatory_due_at)).toBe(reg?.dueAt ?? null);
  expect(iso(f.regulatory_met_at)).toBe(reg?.metAt ?? null);
  return f;
}

describe('complaint_facts follows every step (#13, R-F1)', () => {
  it('registration writes the row in the intake transaction', async () => {
    const res = await t.inject(
      {
        method: 'POST',
        url: '/api/complaints',
        payload: complaintBody({ customerGroup: 'senior', product: '车险尊享版', amount: '3500.00', receivedAt: '2026-11-24T17:30:00Z' }),
      },
      'agent',
    );
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json<ComplaintDetailAnswer>();
    id = c.id;
    expect(c.customerGroup).toBe('senior');
    const f = await expectMirrors(c);
    // 01:30 Shanghai on the 25th: the local date, not the UTC one
    expect(f).toMatchObject({
      received_on: '2026-11-25',
      closed_on: null,
      sector: 'insurance',
      amount: '3500.00',
      causes: [],
      surveyed: false,
      satisfied: null,
      compensation_proposed: '0.00',
      compensation_paid: '0.00',
      imported: false,
      policy_clock: 'l3_answer',
      policy_breached: false,
      decided_at: null,
      handling_days: null,
    });
    expect(f.department_ids.length).toBeGreaterThan(0);
  });

  it('an unknown customer group is refused, naming the field', async () => {
    const res = await t.inject({ method: 'POST', url: '/api/complaints', payload: complaintBody({ customerGroup: 'martians' }) }, 'agent');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ fields: [{ field: 'customerGroup', code: 'unknown_code' }] });
  });

  it('assignment, investigation and findings: departments and status', async () => {
    await act('assign', { departmentIds: [claimsId] }, 'supervisor', '2026-11-25T03:00:00Z');
    expect((await facts()).department_ids).toContain(claimsId);
    await act('start-investigation', {}, 'agent', '2026-11-25T04:00:00Z');
    const c = await act('record-findings', { findings: '定损金额低于实际维修费用', conclusion: 'upheld' }, 'agent', '2026-11-25T05:00:00Z');
    expect(c.status).toBe('resolving');
    expect((await expectMirrors(c)).status).toBe('resolving');
  });

  it('the analysis record gives the causes (the latest one counts)', async () => {
    const impact = { business: 'low', reputation: 'medium', financial: 'low' };
    await act('record-analysis', { causes: ['staff_service'], impact, strategy: '解释定损依据' }, 'agent', '2026-11-25T06:00:00Z');
    expect((await facts()).causes).toEqual(['staff_service']);
    await act(
      'record-analysis',
      { causes: ['business_process', 'sales_practice'], impact, strategy: '复核' },
      'agent',
      '2026-11-25T06:10:00Z',
    );
    expect((await facts()).causes).toEqual(['business_process', 'sales_practice']);
  });

  it('compensation: proposed, approved, paid (the payment is an update of the record)', async () => {
    await act('propose-compensation', { amount: '800.50', basis: '按发票差额', payee: '张三' }, 'agent', '2026-11-25T07:00:00Z');
    expect(await facts()).toMatchObject({ compensation_proposed: '800.50', compensation_paid: '0.00' });
    const compensationId = (
      await t.db
        .selectFrom('complaint_records')
        .select('id')
        .where('complaint_id', '=', id)
        .where('kind', '=', 'compensation')
        .executeTakeFirstOrThrow()
    ).id;
    await act('decide-compensation', { compensationId, approved: true }, 'supervisor', '2026-11-25T07:30:00Z');
    expect(await facts()).toMatchObject({ compensation_proposed: '800.50', compensation_paid: '0.00' });
    await act('record-payment', { compensationId, status: 'paid', reference: 'TX-1' }, 'agent', '2026-11-25T08:00:00Z');
    expect(await facts()).toMatchObject({ compensation_proposed: '800.50', compensation_paid: '800.50' });
  });

  it('feedback meets the result clock and the regulatory clock: the decision time', async () => {
    const c = await act('send-feedback', { method: 'phone', content: '按发票差额补足赔款' }, 'agent', '2026-11-26T02:00:00Z');
    const f = await expectMirrors(c);
    expect(iso(f.policy_met_at)).toBe('2026-11-26T02:00:00.000Z');
    expect(iso(f.decided_at)).toBe(iso(f.regulatory_met_at));
    expect(f.decided_at).not.toBeNull();
  });

  it('survey, grading confirmed, closing: outcome, closed date and handling days', async () => {
    await act('record-survey', { satisfied: true, score: 5, method: 'phone' }, 'agent', '2026-11-26T03:00:00Z');
    expect(await facts()).toMatchObject({ surveyed: true, satisfied: true });
    await t.inject({ method: 'POST', url: `/api/complaints/${id}/grade`, payload: { level: 3 } }, 'agent');
    const c = await act('close', { outcome: 'upheld', summary: '补足赔款' }, 'agent', '2026-11-27T17:30:00Z');
    const f = await expectMirrors(c);
    // 01:30 Shanghai on the 28th; received 2026-11-24T17:30Z: 3 days exactly
    expect(f).toMatchObject({ status: 'closed', outcome: 'upheld', closed_on: '2026-11-28', handling_days: '3.0000' });
  });

  it('reopening: open again, one reopen, the survey kept until a new one', async () => {
    const c = await act('reopen', { reason: '客户对赔付时间有异议' }, 'supervisor', '2026-11-30T02:00:00Z');
    const f = await expectMirrors(c);
    expect(f).toMatchObject({ reopen_count: 1, closed_at: null, closed_on: null, outcome: null, handling_days: null, satisfied: true });
  });

  it('a write that rolls back leaves the facts as they were; one transaction refreshes once', async () => {
    const before = await facts();
    await t.db
      .transaction()
      .execute(async (trx) => {
        await trx.updateTable('complaints').set({ customer_group: 'other' }).where('id', '=', id).execute();
        throw new Error('rollback');
      })
      .catch(() => undefined);
    expect((await facts()).customer_group).toBe(before.customer_group);
    await t.db.transaction().execute(async (trx) => {
      await trx.updateTable('complaints').set({ customer_group: 'other' }).where('id', '=', id).execute();
      await trx.updateTable('complaints').set({ customer_group: 'institution' }).where('id', '=', id).execute();
    });
    expect((await facts()).customer_group).toBe('institution');
  });

  it('the backfill function rebuilds the same rows', async () => {
    const before = await t.db.selectFrom('complaint_facts').selectAll().orderBy('id').execute();
    await sql`SELECT complaint_facts_refresh_all()`.execute(t.db);
    const after = await t.db.selectFrom('complaint_facts').selectAll().orderBy('id').execute();
    const strip = (rows: typeof before) => rows.map(({ refreshed_at: _a, refreshed_xid: _x, ...r }) => r);
    expect(strip(after)).toEqual(strip(before));
  });

  it('the backfill walks every complaint in order of receipt, ties included, and writes the rows in that order', async () => {
    t.setNow('2026-11-26T02:00:00Z');
    for (let i = 0; i < 3; i++) {
      const res = await t.inject({ method: 'POST', url: '/api/complaints', payload: complaintBody({ channel: 'letter' }) });
      expect(res.statusCode, res.body).toBe(201);
    }
    // three complaints received in the same instant: the keyset walk must not skip the ties
    await sql`UPDATE complaints SET received_at = '2026-11-20T01:00:00Z' WHERE received_at >= '2026-11-26T00:00:00Z'`.execute(t.db);
    await sql`TRUNCATE complaint_facts`.execute(t.db);
    const total = await sql<{ n: string }>`SELECT complaint_facts_refresh_all() AS n`.execute(t.db);
    const complaints = await t.db.selectFrom('complaints').select('id').execute();
    expect(Number(total.rows[0]!.n)).toBe(complaints.length);
    const onDisk = await sql<{ received_at: Date }>`SELECT received_at FROM complaint_facts ORDER BY ctid`.execute(t.db);
    expect(onDisk.rows).toHaveLength(complaints.length);
    const times = onDisk.rows.map((r) => r.received_at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('the refresh never runs under JIT: it compiled for up to a second at every COMMIT on PostgreSQL 15', async () => {
    const fn = await sql<{ proconfig: string[] | null }>`
      SELECT proconfig FROM pg_proc WHERE proname IN ('complaint_facts_refresh', 'complaint_facts_refresh_all')`.execute(t.db);
    expect(fn.rows).toHaveLength(2);
    for (const r of fn.rows) expect(r.proconfig).toContain('jit=off');
    const session = await sql<{ jit: string }>`SHOW jit`.execute(t.db);
    expect(session.rows[0]!.jit).toBe('off');
  });
});
