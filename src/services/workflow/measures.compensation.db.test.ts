/**
 * Compensation through HTTP on real PostgreSQL (R-D3): the approver by amount band (policy
 * defaults: <= 10,000 supervisor; <= 100,000 head of the responsible department; above: leadership
 * group), decisions by the right people only, payment recorded only after approval.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import type { z } from 'zod';
import type { errorResponse } from '../../http/schemas/common.js';
import type { ComplaintDetailAnswer, ComplaintEventsAnswer } from '../../http/schemas/complaint.responses.js';
import type { OrgUnitListAnswer } from '../../http/schemas/people.responses.js';

type ErrorAnswer = z.output<typeof errorResponse>;

let t: TestApp;
let claimsId: string;
let phone = 13700000000;

beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z'); // Wed 10:00 Shanghai
  const list = (await t.inject({ method: 'GET', url: '/api/org-units?kind=department' }, 'admin')).json<OrgUnitListAnswer>().items;
  claimsId = list.find((u) => u.code === 'CLAIMS')?.id ?? '';
  expect(claimsId).not.toBe('');
  // the head of the responsible department: a supervisor of CLAIMS
  const created = await t.inject(
    {
      method: 'POST',
      url: '/api/users',
      payload: { username: 'claims_head', displayName: '理赔部主管', roles: ['supervisor'], orgUnitIds: [claimsId] },
    },
    'admin',
  );
  expect(created.statusCode, created.body).toBe(201);
});
afterAll(async () => t.close());

const act = (id: string, action: string, payload: Record<string, unknown>, as = 'agent') =>
  t.inject({ method: 'POST', url: `/api/complaints/${id}/${action}`, payload }, as);

/** A complaint of CS with CLAIMS responsible, findings recorded: status resolving. */
async function resolving(): Promise<string> {
  phone += 1;
  const reg = await t.inject(
    { method: 'POST', url: '/api/complaints', payload: complaintBody({ complainant: { name: '赔偿', phone: String(phone) } }) },
    'agent',
  );
  expect(reg.statusCode, reg.body).toBe(201);
  const id = reg.json<ComplaintDetailAnswer>().id;
  expect((await act(id, 'assign', { departmentIds: [claimsId] }, 'supervisor')).statusCode).toBe(200);
  expect((await act(id, 'start-investigation', {})).statusCode).toBe(200);
  const f = await act(id, 'record-findings', { findings: '定损金额低于实际维修费用', conclusion: 'upheld' });
  expect(f.statusCode, f.body).toBe(200);
  expect(f.json<ComplaintDetailAnswer>().status).toBe('resolving');
  return id;
}

type Event = ComplaintEventsAnswer['items'][number];
async function events(id: string): Promise<Event[]> {
  return (await t.inject({ method: 'GET', url: `/api/complaints/${id}/events` }, 'agent')).json<ComplaintEventsAnswer>().items;
}

/** Proposes and returns the compensation's id and the approver band it needs. */
async function propose(id: string, amount: string | number): Promise<{ compensationId: string; approver: string; amount: string }> {
  const res = await act(id, 'propose-compensation', { amount, basis: '按维修发票差额赔付', payee: '张三' });
  expect(res.statusCode, res.body).toBe(200);
  const e = (await events(id)).filter((x) => x.type === 'propose_compensation').pop();
  return { compensationId: String(e?.payload.recordId), approver: String(e?.payload.approver), amount: String(e?.payload.amount) };
}

async function record(compensationId: string) {
  return t.db.selectFrom('complaint_records').select(['status', 'data']).where('id', '=', compensationId).executeTakeFirstOrThrow();
}

describe('compensation approval by amount band', () => {
  it('bands at the exact boundaries', async () => {
    const id = await resolving();
    expect(await propose(id, '10000')).toMatchObject({ approver: 'supervisor', amount: '10000.00' });
    expect(await propose(id, '10000.01')).toMatchObject({ approver: 'department_head', amount: '10000.01' });
    expect(await propose(id, 100000)).toMatchObject({ approver: 'department_head', amount: '100000.00' });
    expect(await propose(id, '100000.01')).toMatchObject({ approver: 'leadership_group', amount: '100000.01' });
  });

  it('a supervisor approves 8,000', async () => {
    const id = await resolving();
    const c = await propose(id, '8000');
    expect(c).toMatchObject({ approver: 'supervisor', amount: '8000.00' });
    expect(await record(c.compensationId)).toMatchObject({
      status: 'proposed',
      data: { amount: '8000.00', basis: '按维修发票差额赔付', payee: '张三', approver: 'supervisor', proposedBy: 'agent' },
    });
    const res = await act(id, 'decide-compensation', { compensationId: c.compensationId, approved: true, note: '同意' }, 'supervisor');
    expect(res.statusCode, res.body).toBe(200);
    const r = await record(c.compensationId);
    expect(r).toMatchObject({
      status: 'approved',
      data: { decision: { approved: true, by: 'supervisor', note: '同意' }, payment: { status: 'pending' } },
    });
    const e = (await events(id)).pop();
    expect(e).toMatchObject({
      type: 'decide_compensation',
      actor: 'supervisor',
      payload: { compensationId: c.compensationId, approved: true, approver: 'supervisor', amount: '8000.00' },
    });
    // deciding again: the compensation is no longer proposed
    const again = await act(id, 'decide-compensation', { compensationId: c.compensationId, approved: false }, 'supervisor');
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'invalid_transition', fields: [{ field: 'compensationId', code: 'invalid_transition' }] });
  });

  it('50,000 needs the head of the responsible department: the CS supervisor is refused', async () => {
    const id = await resolving();
    const c = await propose(id, '50000');
    expect(c.approver).toBe('department_head');
    const cs = await act(id, 'decide-compensation', { compensationId: c.compensationId, approved: true }, 'supervisor');
    expect(cs.statusCode).toBe(403);
    expect(cs.json()).toMatchObject({ code: 'forbidden', fields: [{ field: 'compensationId', code: 'forbidden' }] });
    expect((await record(c.compensationId)).status).toBe('proposed');
    // a department handler has no complaint.approve at all
    expect((await act(id, 'decide-compensation', { compensationId: c.compensationId, approved: true }, 'handler')).statusCode).toBe(403);
    const head = await act(id, 'decide-compensation', { compensationId: c.compensationId, approved: true }, 'claims_head');
    expect(head.statusCode, head.body).toBe(200);
    expect(await record(c.compensationId)).toMatchObject({ status: 'approved', data: { decision: { by: 'claims_head' } } });
  });

  it('150,000 only the leadership group approves; leaders are told of the proposal', async () => {
    const id = await resolving();
    t.setNow('2026-11-26T03:00:00Z');
    const c = await propose(id, 150000);
    expect(c).toMatchObject({ approver: 'leadership_group', amount: '150000.00' });
    const told = await t.db
      .selectFrom('notifications')
      .innerJoin('users', 'users.id', 'notifications.user_id')
      .select(['users.username', 'notifications.kind'])
      .where('notifications.complaint_id', '=', id)
      .where('notifications.kind', '=', 'propose_compensation')
      .execute();
    expect(told.map((n) => n.username)).toEqual(expect.arrayContaining(['leader', 'supervisor', 'claims_head']));
    expect(new Set(told.map((n) => n.username)).size).toBe(told.length);
    for (const who of ['supervisor', 'claims_head']) {
      expect((await act(id, 'decide-compensation', { compensationId: c.compensationId, approved: true }, who)).statusCode).toBe(403);
    }
    const leader = await act(
      id,
      'decide-compensation',
      { compensationId: c.compensationId, approved: true, note: '领导小组会议同意' },
      'leader',
    );
    expect(leader.statusCode, leader.body).toBe(200);
    expect(await record(c.compensationId)).toMatchObject({ status: 'approved', data: { decision: { by: 'leader' } } });
  });

  it('a rejected compensation is never paid', async () => {
    const id = await resolving();
    const c = await propose(id, '3000');
    expect(
      (await act(id, 'decide-compensation', { compensationId: c.compensationId, approved: false, note: '证据不足' }, 'supervisor'))
        .statusCode,
    ).toBe(200);
    expect((await record(c.compensationId)).status).toBe('rejected');
    const pay = await act(id, 'record-payment', { compensationId: c.compensationId, status: 'paid' });
    expect(pay.statusCode).toBe(409);
    expect(pay.json()).toMatchObject({ code: 'invalid_transition', fields: [{ field: 'compensationId' }] });
  });
});

describe('payment', () => {
  it('only after approval; pending -> failed -> pending -> paid, with history; paid is final', async () => {
    const id = await resolving();
    const c = await propose(id, '5200.50');
    const early = await act(id, 'record-payment', { compensationId: c.compensationId, status: 'paid' });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'invalid_transition', fields: [{ field: 'compensationId' }] });
    expect((await act(id, 'decide-compensation', { compensationId: c.compensationId, approved: true }, 'supervisor')).statusCode).toBe(200);

    t.setNow('2026-11-27T02:00:00Z');
    expect(
      (await act(id, 'record-payment', { compensationId: c.compensationId, status: 'failed', reference: 'TRF-1 退票' })).statusCode,
    ).toBe(200);
    expect((await act(id, 'record-payment', { compensationId: c.compensationId, status: 'paid' })).statusCode).toBe(409);
    expect((await act(id, 'record-payment', { compensationId: c.compensationId, status: 'pending' })).statusCode).toBe(200);
    const paid = await act(id, 'record-payment', {
      compensationId: c.compensationId,
      status: 'paid',
      reference: 'TRF-2',
      paidAt: '2026-11-27T01:30:00Z',
    });
    expect(paid.statusCode, paid.body).toBe(200);
    const again = await act(id, 'record-payment', { compensationId: c.compensationId, status: 'failed' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'invalid_transition', fields: [{ field: 'compensationId' }] });
    expect(again.json<ErrorAnswer>().message).toContain('（paid）');

    const r = await record(c.compensationId);
    expect(r.status).toBe('approved');
    expect(r.data.payment).toEqual({
      status: 'paid',
      reference: 'TRF-2',
      paidAt: '2026-11-27T01:30:00.000Z',
      history: [
        { status: 'pending', at: '2026-11-26T03:00:00.000Z', by: 'supervisor', reference: null, paidAt: null },
        { status: 'failed', at: '2026-11-27T02:00:00.000Z', by: 'agent', reference: 'TRF-1 退票', paidAt: null },
        { status: 'pending', at: '2026-11-27T02:00:00.000Z', by: 'agent', reference: null, paidAt: null },
        { status: 'paid', at: '2026-11-27T02:00:00.000Z', by: 'agent', reference: 'TRF-2', paidAt: '2026-11-27T01:30:00.000Z' },
      ],
    });
    // refused steps leave no trace
    const types = (await events(id)).map((e) => e.type).slice(-4);
    expect(types).toEqual(['decide_compensation', 'record_payment', 'record_payment', 'record_payment']);
  });
});

describe('bad requests', () => {
  it('bodies are 400 naming the fields', async () => {
    const id = await resolving();
    const p = await act(id, 'propose-compensation', { amount: '12,000', basis: '' });
    expect(p.statusCode).toBe(400);
    expect(p.json<ErrorAnswer>().fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'amount', code: 'invalid_amount' }),
        expect.objectContaining({ field: 'basis' }),
      ]),
    );
    expect((await act(id, 'propose-compensation', { amount: 0.001, basis: 'x' })).json<ErrorAnswer>().fields[0]?.code).toBe(
      'amount_too_many_decimals',
    );
    const d = await act(id, 'decide-compensation', { compensationId: 'x' }, 'supervisor');
    expect(d.statusCode).toBe(400);
    expect(
      d
        .json<ErrorAnswer>()
        .fields.map((f) => f.field)
        .sort(),
    ).toEqual(['approved', 'compensationId']);
    const pay = await act(id, 'record-payment', {
      compensationId: '00000000-0000-4000-8000-000000000000',
      status: 'failed',
      paidAt: '2026-11-27T01:30:00Z',
    });
    expect(pay.statusCode).toBe(400);
    expect(pay.json()).toMatchObject({ fields: [{ field: 'paidAt', code: 'paid_at_only_when_paid' }] });
  });

  it('an unknown compensation is 404 naming compensationId; a future payment time is refused', async () => {
    const id = await resolving();
    const unknown = await act(
      id,
      'decide-compensation',
      { compensationId: '00000000-0000-4000-8000-000000000000', approved: true },
      'supervisor',
    );
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'not_found', fields: [{ field: 'compensationId' }] });
    const c = await propose(id, '100');
    expect((await act(id, 'decide-compensation', { compensationId: c.compensationId, approved: true }, 'supervisor')).statusCode).toBe(200);
    const future = await act(id, 'record-payment', { compensationId: c.compensationId, status: 'paid', paidAt: '2030-01-01T00:00:00Z' });
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({ fields: [{ field: 'paidAt', code: 'in_future' }] });
  });

  it('compensation is proposed only while resolving', async () => {
    phone += 1;
    const reg = await t.inject(
      { method: 'POST', url: '/api/complaints', payload: complaintBody({ complainant: { name: '早', phone: String(phone) } }) },
      'agent',
    );
    const res = await act(reg.json<ComplaintDetailAnswer>().id, 'propose-compensation', { amount: '100', basis: 'x' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'invalid_transition' });
  });
});
