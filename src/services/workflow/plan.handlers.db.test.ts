/**
 * Analysis (R-D2), settlement (R-D3), transfer and merge through HTTP on real PostgreSQL: root
 * causes from the taxonomy; a complaint leaving the workflow ends its clocks. Evidence (R-D1):
 * src/http/routes/multipart-upload.db.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFieldError } from '../../../test/db-assertions.js';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import type { ComplaintDetailAnswer, ComplaintEventsAnswer } from '../../http/schemas/complaint.responses.js';

let t: TestApp;
let phone = 13900000500;

beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z'); // Wed 10:00 Shanghai
});
afterAll(async () => t.close());

type Detail = ComplaintDetailAnswer;
type Event = ComplaintEventsAnswer['items'][number];

const act = (id: string, action: string, payload: Record<string, unknown>, as = 'agent') =>
  t.inject({ method: 'POST', url: `/api/complaints/${id}/${action}`, payload }, as);

async function ok(id: string, action: string, payload: Record<string, unknown>, as = 'agent'): Promise<Detail> {
  const res = await act(id, action, payload, as);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json<Detail>();
}

async function register(as = 'agent'): Promise<Detail> {
  phone += 1;
  const res = await t.inject(
    {
      method: 'POST',
      url: '/api/complaints',
      payload: complaintBody({ amount: '150000', complainant: { name: '证据', phone: String(phone) } }),
    },
    as,
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Detail>();
}

async function investigating(): Promise<Detail> {
  const c = await register();
  await ok(c.id, 'start-investigation', {});
  return c;
}

async function lastEvent(id: string): Promise<Event | undefined> {
  return (await t.inject({ method: 'GET', url: `/api/complaints/${id}/events` }, 'agent')).json<ComplaintEventsAnswer>().items.pop();
}

// evidence uploads (multipart, streamed): src/http/routes/multipart-upload.db.test.ts

describe('analysis and settlement (R-D2, R-D3)', () => {
  it('root causes from the taxonomy, impact and strategy; a settlement the customer agreed to', async () => {
    const c = await investigating();
    const analysis = {
      causes: ['business_process', 'staff_service'],
      impact: { business: 'medium', reputation: 'high', financial: 'low', note: '媒体关注' },
      strategy: '复核定损，主动沟通',
    };
    expect((await act(c.id, 'record-analysis', analysis)).statusCode).toBe(409);
    await ok(c.id, 'record-findings', { findings: '定损流程未复核', conclusion: 'upheld' });

    expectFieldError(await act(c.id, 'record-analysis', { ...analysis, causes: ['business_process', 'bad_luck'] }), 400, 'causes.1');
    expectFieldError(await act(c.id, 'record-analysis', { ...analysis, causes: [] }), 400, 'causes');
    expectFieldError(
      await act(c.id, 'record-analysis', { ...analysis, impact: { business: 'low', reputation: 'huge', financial: 'low' } }),
      400,
      'impact.reputation',
    );
    expectFieldError(await act(c.id, 'record-analysis', { causes: ['other'], strategy: 'x' }), 400, 'impact');
    await ok(c.id, 'record-analysis', analysis);
    const e = await lastEvent(c.id);
    expect(e).toMatchObject({
      type: 'record_analysis',
      payload: { causes: ['business_process', 'staff_service'], impact: { business: 'medium', reputation: 'high', financial: 'low' } },
    });
    const rec = await t.db
      .selectFrom('complaint_records')
      .select('data')
      .where('id', '=', String(e?.payload.recordId))
      .executeTakeFirstOrThrow();
    expect(rec.data).toEqual({ causes: ['business_process', 'staff_service'], impact: analysis.impact, strategy: '复核定损，主动沟通' });

    const settlement = { terms: '补偿维修差额 8,000 元，客户撤回其他诉求', agreedAt: '2026-11-25T01:50:00Z', customerAgreed: true };
    expectFieldError(await act(c.id, 'record-settlement', { ...settlement, customerAgreed: false }), 400, 'customerAgreed');
    expectFieldError(await act(c.id, 'record-settlement', { ...settlement, agreedAt: '2026-11-26T01:50:00Z' }), 400, 'agreedAt');
    expectFieldError(await act(c.id, 'record-settlement', { ...settlement, agreedAt: '2026-11-25' }), 400, 'agreedAt');
    await ok(c.id, 'record-settlement', settlement);
    const s = await lastEvent(c.id);
    expect(s).toMatchObject({ type: 'record_settlement', payload: { agreedAt: '2026-11-25T01:50:00.000Z' } });
    const srec = await t.db
      .selectFrom('complaint_records')
      .select(['kind', 'data'])
      .where('id', '=', String(s?.payload.recordId))
      .executeTakeFirstOrThrow();
    expect(srec).toMatchObject({ kind: 'settlement', data: { terms: settlement.terms, customerAgreed: true } });
  });
});

describe('transfer and merge', () => {
  it('a transfer ends the complaint and its clocks', async () => {
    const c = await register();
    expectFieldError(await act(c.id, 'transfer', { reason: 'x' }), 400, 'to');
    const d = await ok(c.id, 'transfer', { to: '12378 监管转办', reason: '属监管部门受理范围' });
    expect(d).toMatchObject({ status: 'transferred', outcome: 'transferred', closedAt: '2026-11-25T02:00:00.000Z' });
    expect(d.clocks.filter((k) => k.status === 'running' || k.status === 'paused')).toEqual([]);
    expect(await lastEvent(c.id)).toMatchObject({ type: 'transfer', reason: '属监管部门受理范围', payload: { to: '12378 监管转办' } });
    expect((await act(c.id, 'transfer', { to: '理赔部', reason: 'x' })).statusCode).toBe(409);
  });

  it('a duplicate merges into an open complaint in scope; both histories say so', async () => {
    const target = await register();
    const dup = await register();
    expectFieldError(await act(dup.id, 'merge', { intoComplaintId: dup.number, reason: '重复' }), 400, 'intoComplaintId');
    expectFieldError(
      await act(dup.id, 'merge', { intoComplaintId: '00000000-0000-4000-8000-000000000000', reason: '重复' }),
      400,
      'intoComplaintId',
    );
    // outside the agent's scope: a branch agent's complaint without a department (a policy with no default department) is unknown to the CS agent
    const elsewhere = await register('branch');
    await t.db.updateTable('complaints').set({ department_ids: [] }).where('id', '=', elsewhere.id).execute();
    expectFieldError(await act(dup.id, 'merge', { intoComplaintId: elsewhere.id, reason: '重复' }), 400, 'intoComplaintId');
    // a finished complaint takes no merge
    const gone = await register();
    await ok(gone.id, 'withdraw', { reason: '客户撤诉' });
    const closed = expectFieldError(await act(dup.id, 'merge', { intoComplaintId: gone.number, reason: '重复' }), 409, 'intoComplaintId');
    expect(closed.code).toBe('invalid_transition');

    const d = await ok(dup.id, 'merge', { intoComplaintId: target.number, reason: '同一客户同一事项' });
    expect(d).toMatchObject({ status: 'merged', outcome: 'merged', closedAt: '2026-11-25T02:00:00.000Z' });
    expect(d.clocks.filter((k) => k.status === 'running')).toEqual([]);
    expect(d.related).toEqual(expect.arrayContaining([expect.objectContaining({ id: target.id, kind: 'merged' })]));
    const row = await t.db.selectFrom('complaints').select('merged_into').where('id', '=', dup.id).executeTakeFirstOrThrow();
    expect(row.merged_into).toBe(target.id);
    expect(await lastEvent(dup.id)).toMatchObject({ type: 'merge', payload: { intoComplaintId: target.id, intoNumber: target.number } });
    expect(await lastEvent(target.id)).toMatchObject({
      type: 'merged_from',
      actor: 'agent',
      reason: '同一客户同一事项',
      payload: { complaintId: dup.id, number: dup.number },
    });
    // the target still works; the merged one does not
    expect((await act(dup.id, 'merge', { intoComplaintId: target.id, reason: 'x' })).statusCode).toBe(409);
    await ok(target.id, 'start-investigation', {});
    const verify = await t.inject({ method: 'GET', url: `/api/complaints/${target.id}/events` }, 'agent');
    expect(verify.json<ComplaintEventsAnswer>().items.map((e) => e.type)).toContain('merged_from');
  });
});
