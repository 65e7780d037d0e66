/**
 * Inspection samples on real PostgreSQL (#14 item 1, R-E4): a plan's sampling run draws 5 % of the
 * complaints closed per department per month (rounded up, at least one), every level-1 and every
 * reopened complaint of its scope and period; the seed is recorded and the run repeats exactly from
 * it; a redraw records a new seed; a complaint is added or removed by hand only with a reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import { drawPlanSample, type PlanCandidate } from '../../domain/supervision/sampling-plan.js';
import type { PlanDetailAnswer } from '../../http/schemas/inspection.schemas.js';

let t: TestApp;
const T0 = '2026-12-02T02:00:00.000Z';
const units = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp(T0);
  for (const u of await t.db.selectFrom('org_units').select(['id', 'code']).execute()) units.set(u.code, u.id);
});
afterAll(async () => t.close());

let seq = 0;
/** A complaint registered through the API, then set to the state the test needs. */
async function complaint(facts: { department: string; closedAt?: string; receivedAt?: string; level1?: boolean; round?: number }) {
  seq += 1;
  const res = await t.inject({
    method: 'POST',
    url: '/api/complaints',
    payload: complaintBody({
      receivedAt: '2026-10-01T01:00:00Z',
      amount: facts.level1 ? '150000' : '3500.00',
      complainant: { name: `客户${seq}`, phone: `139${String(10000000 + seq)}` },
    }),
  });
  expect(res.statusCode, res.body).toBe(201);
  const { id, number } = res.json<{ id: string; number: string }>();
  await sql`UPDATE complaints SET department_ids = ARRAY[${units.get(facts.department)!}]::uuid[],
              received_at = ${facts.receivedAt ?? '2026-09-20T01:00:00Z'}::timestamptz,
              status = ${facts.closedAt ? 'closed' : 'assigned'},
              closed_at = ${facts.closedAt ?? null}::timestamptz,
              round = ${facts.round ?? 1}
            WHERE id = ${id}`.execute(t.db);
  return { id, number };
}

const oct = (day: number) => `2026-10-${String(day).padStart(2, '0')}T03:00:00Z`;
const nov = (day: number) => `2026-11-${String(day).padStart(2, '0')}T03:00:00Z`;

describe('R-E4 sampling run', () => {
  const ids: Record<string, string[]> = { csOct: [], csNov: [], claimsOct: [], level1: [], reopened: [], outside: [] };
  let plan: PlanDetailAnswer;

  it('sets up closed complaints of two departments over two months, level-1, reopened and out-of-scope ones', async () => {
    for (let i = 0; i < 30; i++) ids.csOct!.push((await complaint({ department: 'CS', closedAt: oct(1 + (i % 28)) })).id);
    for (let i = 0; i < 5; i++) ids.csNov!.push((await complaint({ department: 'CS', closedAt: nov(2 + i) })).id);
    for (let i = 0; i < 12; i++) ids.claimsOct!.push((await complaint({ department: 'CLAIMS', closedAt: oct(3 + i) })).id);
    // level-1 received in the period, still open
    for (let i = 0; i < 2; i++) ids.level1!.push((await complaint({ department: 'CLAIMS', receivedAt: oct(10), level1: true })).id);
    // reopened (second round), received in the period, open again
    ids.reopened!.push((await complaint({ department: 'CS', receivedAt: nov(5), round: 2 })).id);
    // out of scope (UW) or closed before the period
    ids.outside!.push((await complaint({ department: 'UW', closedAt: oct(5) })).id);
    ids.outside!.push((await complaint({ department: 'CS', closedAt: '2026-09-15T03:00:00Z' })).id);
  });

  it('creates a checklist and a plan for October-November, CS and CLAIMS', async () => {
    const cl = await t.inject(
      {
        method: 'POST',
        url: '/api/inspections/checklists',
        payload: {
          name: '办结质量检查',
          items: [
            { code: 'A1', text: '按时答复', weight: 2 },
            { code: 'A2', text: '回访记录', weight: 1 },
          ],
        },
      },
      'inspector',
    );
    expect(cl.statusCode, cl.body).toBe(201);
    const res = await t.inject(
      {
        method: 'POST',
        url: '/api/inspections/plans',
        payload: {
          title: '2026年10-11月办结投诉检查',
          periodFrom: '2026-10-01',
          periodTo: '2026-11-30',
          departmentIds: [units.get('CS'), units.get('CLAIMS')],
          rules: [
            { kind: 'share', percent: 5, per: 'department_month' },
            { kind: 'all', population: 'level1' },
            { kind: 'all', population: 'reopened' },
          ],
          checklistId: cl.json<{ id: string }>().id,
        },
      },
      'inspector',
    );
    expect(res.statusCode, res.body).toBe(201);
    plan = res.json<PlanDetailAnswer>();
    expect(plan.status).toBe('planned');
    expect(plan.rules[0]).toEqual({ kind: 'share', percent: 5, minimum: 1, per: 'department_month', population: 'closed' });
  });

  let first: PlanDetailAnswer;

  it('R-E4: draws 5 % per department per month rounded up, every level-1, every reopened; records the seed', async () => {
    const res = await t.inject({ method: 'POST', url: `/api/inspections/plans/${plan.id}/draw` }, 'inspector');
    expect(res.statusCode, res.body).toBe(200);
    first = res.json<PlanDetailAnswer>();
    const run = first.runs[0]!;
    expect(run.seq).toBe(1);
    expect(Number.isInteger(run.seed) && run.seed >= 0 && run.seed <= 0xffffffff).toBe(true);
    // the population: in scope, received or closed in the period
    expect(run.populationSize).toBe(30 + 5 + 12 + 2 + 1);
    const items = first.items.filter((i) => i.removedAt === null);
    const share = (d: string, m: string) =>
      items.filter((i) => i.reasons.some((r) => r.kind === 'share' && r.departmentId === units.get(d) && r.month === m));
    expect(share('CS', '2026-10')).toHaveLength(2); // 5 % of 30 = 1.5 -> 2
    expect(share('CS', '2026-11')).toHaveLength(1); // 5 % of 5 = 0.25 -> 1
    expect(share('CLAIMS', '2026-10')).toHaveLength(1); // 5 % of 12 = 0.6 -> 1
    for (const i of share('CS', '2026-10')) expect(ids.csOct).toContain(i.complaint.id);
    const sampled = new Set(items.map((i) => i.complaint.id));
    for (const id of [...ids.level1!, ...ids.reopened!]) expect(sampled.has(id)).toBe(true);
    for (const id of ids.outside!) expect(sampled.has(id)).toBe(false);
    expect(items.every((i) => i.source === 'drawn')).toBe(true);
    expect([...sampled].sort()).toEqual([...run.drawnComplaintIds].sort());
  });

  it('R-E4: the run repeats exactly from its recorded seed and population', async () => {
    const run = first.runs[0]!;
    const check = await t.inject({ method: 'GET', url: `/api/inspections/runs/${run.id}/verify` }, 'auditor');
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json<{ matches: boolean }>().matches).toBe(true);
    const stored = await t.db
      .selectFrom('inspection_sampling_runs')
      .select(['population', 'seed'])
      .where('id', '=', run.id)
      .executeTakeFirstOrThrow();
    const again = drawPlanSample(stored.population as PlanCandidate[], plan.rules as never, Number(stored.seed));
    expect(again.map((s) => s.id)).toEqual(run.drawnComplaintIds);
    // the same seed on the same population from the database draws the same again (service with an injected seed)
    const { drawPlanSampleRun } = await import('./inspection-plans.service.js');
    const { principalOf } = await import('../people/principal.service.js');
    const { findUser } = await import('../../db/repositories/user.repository.js');
    const p = await principalOf(t.db, (await findUser(t.db, { username: 'inspector' }))!);
    const same = await drawPlanSampleRun(t.ctx, p, plan.id, { seed: run.seed });
    expect(same.runs[0]!.seq).toBe(2);
    expect(same.runs[0]!.seed).toBe(run.seed);
    expect([...same.runs[0]!.drawnComplaintIds]).toEqual([...run.drawnComplaintIds]);
  });

  it('R-E4: a redraw records a new seed; earlier unscored drawn complaints leave with the reason', async () => {
    const res = await t.inject({ method: 'POST', url: `/api/inspections/plans/${plan.id}/draw` }, 'inspector');
    const after = res.json<PlanDetailAnswer>();
    expect(after.runs).toHaveLength(3);
    expect(after.runs[0]!.seq).toBe(3);
    const current = after.items.filter((i) => i.removedAt === null);
    expect(current.map((i) => i.complaint.id).sort()).toEqual([...after.runs[0]!.drawnComplaintIds].sort());
    for (const i of after.items.filter((x) => x.removedAt !== null)) expect(i.removedReason).toMatch(/^redrawn: run \d/);
  });

  it('R-E4: a complaint is added or removed by hand only with a reason, recorded as such', async () => {
    // not in the sample as it stands now (the redraw above drew afresh from a random seed)
    const now = await t.inject({ method: 'GET', url: `/api/inspections/plans/${plan.id}` }, 'inspector');
    expect(now.statusCode, now.body).toBe(200);
    const current = now.json<PlanDetailAnswer>().items.filter((i) => i.removedAt === null);
    const outside = ids.csOct!.find((id) => !current.some((i) => i.complaint.id === id))!;
    const missing = await t.inject(
      { method: 'POST', url: `/api/inspections/plans/${plan.id}/items`, payload: { complaintId: outside } },
      'inspector',
    );
    expect(missing.statusCode).toBe(400);
    const added = await t.inject(
      {
        method: 'POST',
        url: `/api/inspections/plans/${plan.id}/items`,
        payload: { complaintId: outside, reason: '客户多次来电，专项抽查' },
      },
      'inspector',
    );
    expect(added.statusCode, added.body).toBe(200);
    const item = added.json<PlanDetailAnswer>().items.find((i) => i.complaint.id === outside && i.removedAt === null)!;
    expect(item.source).toBe('manual');
    expect(item.manualReason).toBe('客户多次来电，专项抽查');
    const twice = await t.inject(
      { method: 'POST', url: `/api/inspections/plans/${plan.id}/items`, payload: { complaintId: outside, reason: '再次' } },
      'inspector',
    );
    expect(twice.statusCode).toBe(409);
    const removed = await t.inject(
      { method: 'POST', url: `/api/inspections/items/${item.id}/remove`, payload: { reason: '误加' } },
      'inspector',
    );
    expect(removed.statusCode, removed.body).toBe(200);
    const gone = removed.json<PlanDetailAnswer>().items.find((i) => i.id === item.id)!;
    expect(gone.removedReason).toBe('误加');
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('actor', '=', 'inspector')
      .where('action', 'like', 'inspection.%')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['inspection.sample.draw', 'inspection.sample.add', 'inspection.sample.remove']),
    );
  });

  it('R-E4: scores a sampled complaint with scoreChecklist; the inspected cannot draw or score', async () => {
    const item = (await t.inject({ method: 'GET', url: `/api/inspections/plans/${plan.id}` }, 'inspector'))
      .json<PlanDetailAnswer>()
      .items.find((i) => i.removedAt === null)!;
    const res = await t.inject(
      {
        method: 'PUT',
        url: `/api/inspections/items/${item.id}/score`,
        payload: {
          answers: [
            { code: 'A1', result: 'pass' },
            { code: 'A2', result: 'partial', comment: '回访未记录时间' },
          ],
        },
      },
      'inspector',
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ score: number }>().score).toBe(83.3); // (2 + 0.5) / 3
    const unknown = await t.inject(
      { method: 'PUT', url: `/api/inspections/items/${item.id}/score`, payload: { answers: [{ code: 'ZZ', result: 'pass' }] } },
      'inspector',
    );
    expect(unknown.statusCode).toBe(400);
    expect((await t.inject({ method: 'POST', url: `/api/inspections/plans/${plan.id}/draw` }, 'agent')).statusCode).toBe(403);
    expect((await t.inject({ method: 'GET', url: `/api/inspections/plans/${plan.id}` }, 'leader')).statusCode).toBe(200);
  });

  it('R-E4: the inspection report as PDF and xlsx', async () => {
    const pdf = await t.inject({ method: 'GET', url: `/api/inspections/plans/${plan.id}/report/pdf` }, 'inspector');
    expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await t.inject({ method: 'GET', url: `/api/inspections/plans/${plan.id}/report/xlsx` }, 'leader');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await t.inject({ method: 'GET', url: `/api/inspections/plans/${plan.id}/report/pdf` }, 'agent')).statusCode).toBe(403);
  });
});
