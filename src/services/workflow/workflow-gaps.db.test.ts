/**
 * Workflow gaps a new user walked through (issue #9 item 7), through HTTP on real PostgreSQL:
 * closing needs a confirmed level and paid (or explicitly waived) compensation (R-C2, R-D3); a
 * decided compensation is no longer offered for decision; exceptions end with the complaint
 * (R-E3); four eyes on compensation and extensions (policy handling.fourEyes, on by default);
 * two merges of the same pair in opposite directions at once: one succeeds, the other is a 409.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import type { z } from 'zod';
import type { PolicyVersionAnswer } from '../../http/schemas/administration.responses.js';
import type { errorResponse } from '../../http/schemas/common.js';
import type { ComplaintDetailAnswer, ComplaintEventsAnswer } from '../../http/schemas/complaint.responses.js';
import type { ExceptionPageAnswer } from '../../http/schemas/workflow.responses.js';

type ErrorAnswer = z.output<typeof errorResponse>;

let t: TestApp;
let claimsId: string;
let phone = 13900000000;

beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z'); // Wed 10:00 Shanghai
  claimsId = (await t.db.selectFrom('org_units').select('id').where('code', '=', 'CLAIMS').executeTakeFirstOrThrow()).id;
});
afterAll(async () => t.close());

type Detail = ComplaintDetailAnswer;
type Event = ComplaintEventsAnswer['items'][number];

const act = (id: string, action: string, payload: Record<string, unknown>, as = 'agent', headers: Record<string, string> = {}) =>
  t.inject({ method: 'POST', url: `/api/complaints/${id}/${action}`, payload, headers }, as);

async function ok(id: string, action: string, payload: Record<string, unknown>, as = 'agent'): Promise<Detail> {
  const res = await act(id, action, payload, as);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json<Detail>();
}

async function register(overrides: Record<string, unknown> = {}, as = 'agent'): Promise<Detail> {
  phone += 1;
  const res = await t.inject(
    {
      method: 'POST',
      url: '/api/complaints',
      payload: complaintBody({ complainant: { name: '测试', phone: String(phone) }, ...overrides }),
    },
    as,
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Detail>();
}

async function view(id: string, as: string): Promise<Detail> {
  const res = await t.inject({ method: 'GET', url: `/api/complaints/${id}` }, as);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Detail>();
}

async function events(id: string): Promise<Event[]> {
  return (await t.inject({ method: 'GET', url: `/api/complaints/${id}/events` }, 'agent')).json<ComplaintEventsAnswer>().items;
}

/** Registered, level confirmed, claims department responsible, findings recorded: resolving. */
async function resolving(): Promise<string> {
  const { id } = await register();
  expect((await t.inject({ method: 'POST', url: `/api/complaints/${id}/grade`, payload: { level: 3 } }, 'agent')).statusCode).toBe(200);
  await ok(id, 'assign', { departmentIds: [claimsId] }, 'supervisor');
  await ok(id, 'start-investigation', {});
  await ok(id, 'record-findings', { findings: '定损金额低于实际维修费用', conclusion: 'upheld' });
  return id;
}

async function proposedBy(id: string, as: string): Promise<string> {
  await ok(id, 'propose-compensation', { amount: '800', basis: '按维修发票差额赔付' }, as);
  return String((await events(id)).filter((e) => e.type === 'propose_compensation').pop()?.payload.recordId);
}

describe('closing (item 7b)', () => {
  it('approved compensation unpaid: close refused, unless a waiver with its reason is given and recorded', async () => {
    const id = await resolving();
    const compensationId = await proposedBy(id, 'agent');
    await ok(id, 'decide-compensation', { compensationId, approved: true }, 'supervisor');
    await ok(id, 'send-feedback', { method: 'phone', content: '同意赔付800元' });
    await ok(id, 'record-survey', { satisfied: true, score: 5, method: 'phone' });
    const refused = await act(id, 'close', { outcome: 'upheld', summary: '赔付800元' }, 'agent', { 'accept-language': 'en-US' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'invalid_transition', message: expect.stringContaining('compensation is unpaid') });
    const blank = await act(id, 'close', { outcome: 'upheld', summary: '赔付800元', unpaidCompensationWaiver: '  ' });
    expect(blank.statusCode).toBe(409);
    const closed = await ok(id, 'close', { outcome: 'upheld', summary: '赔付800元', unpaidCompensationWaiver: '客户书面声明放弃赔付款' });
    expect(closed.status).toBe('closed');
    const close = (await events(id)).find((e) => e.type === 'close');
    expect(close?.payload.unpaidCompensationWaiver).toBe('客户书面声明放弃赔付款');
  });

  it('paid compensation: closed without a waiver', async () => {
    const id = await resolving();
    const compensationId = await proposedBy(id, 'agent');
    await ok(id, 'decide-compensation', { compensationId, approved: true }, 'supervisor');
    await ok(id, 'record-payment', { compensationId, status: 'paid', reference: 'TX-1' });
    await ok(id, 'send-feedback', { method: 'phone', content: '已赔付' });
    await ok(id, 'record-survey', { satisfied: true, score: 5, method: 'phone' });
    expect((await ok(id, 'close', { outcome: 'upheld', summary: '已赔付' })).status).toBe('closed');
  });
});

describe('offered only when it makes sense (item 7c)', () => {
  it('"decide compensation" is offered while a proposal waits, not after the decision', async () => {
    const id = await resolving();
    expect((await view(id, 'supervisor')).allowedActions).not.toContain('decide_compensation');
    const compensationId = await proposedBy(id, 'agent');
    expect((await view(id, 'supervisor')).allowedActions).toContain('decide_compensation');
    const decided = await ok(id, 'decide-compensation', { compensationId, approved: false, note: '依据不足' }, 'supervisor');
    expect(decided.allowedActions).not.toContain('decide_compensation');
  });
});

describe('exceptions end with the complaint (item 7e, R-E3)', () => {
  it('withdrawing resolves the open dissatisfaction exception, recorded in the event', async () => {
    const { id } = await register();
    await ok(id, 'send-feedback', { method: 'phone', content: '答复' });
    await ok(id, 'record-survey', { satisfied: false, score: 1, method: 'phone' });
    const open = await t.db.selectFrom('complaint_exceptions').select(['id', 'status']).where('complaint_id', '=', id).execute();
    expect(open).toMatchObject([{ status: 'open' }]);
    t.setNow('2026-11-25T03:00:00Z');
    await ok(id, 'withdraw', { reason: '客户撤回投诉' }, 'supervisor');
    const after = await t.db
      .selectFrom('complaint_exceptions')
      .select(['id', 'status', 'resolved_by', 'resolved_at', 'resolution'])
      .where('complaint_id', '=', id)
      .execute();
    expect(after).toMatchObject([{ status: 'resolved', resolved_by: 'supervisor', resolved_at: new Date('2026-11-25T03:00:00Z') }]);
    expect(after[0]?.resolution).toContain('撤诉');
    const withdraw = (await events(id)).find((e) => e.type === 'withdraw');
    expect(withdraw?.payload.exceptionsResolved).toEqual([open[0]?.id]);
    // the leaders' open list no longer shows it
    const list = (await t.inject({ method: 'GET', url: '/api/exceptions?status=open&limit=100' }, 'leader')).json<ExceptionPageAnswer>();
    expect(list.items.map((e) => e.complaint?.id)).not.toContain(id);
  });
});

describe('four eyes (item 7f, policy handling.fourEyes)', () => {
  it('the proposer of a compensation may not decide it; another approver may', async () => {
    const id = await resolving();
    const compensationId = await proposedBy(id, 'tester');
    expect((await view(id, 'tester')).allowedActions).not.toContain('decide_compensation');
    const own = await act(id, 'decide-compensation', { compensationId, approved: true }, 'tester', { 'accept-language': 'en-US' });
    expect(own.statusCode).toBe(409);
    expect(own.json()).toMatchObject({ code: 'invalid_transition', message: expect.stringContaining('four eyes') });
    const zh = await act(id, 'decide-compensation', { compensationId, approved: true }, 'tester');
    expect(zh.json<ErrorAnswer>().message).toContain('四眼原则');
    expect((await view(id, 'supervisor')).allowedActions).toContain('decide_compensation');
    await ok(id, 'decide-compensation', { compensationId, approved: true }, 'supervisor');
  });

  it('the requester of an investigation extension may not decide it', async () => {
    const { id } = await register();
    await ok(id, 'assign', { departmentIds: [claimsId] }, 'supervisor');
    await ok(id, 'start-investigation', {}, 'tester');
    await ok(id, 'request-extension', { days: 3, reason: '需外部鉴定' }, 'tester');
    const requestId = String((await events(id)).find((e) => e.type === 'request_extension')?.payload.recordId);
    expect((await view(id, 'tester')).allowedActions).not.toContain('decide_extension');
    const own = await act(id, 'decide-extension', { requestId, approved: true }, 'tester');
    expect(own.statusCode).toBe(409);
    expect(own.json()).toMatchObject({ code: 'invalid_transition' });
    expect((await view(id, 'supervisor')).allowedActions).toContain('decide_extension');
    await ok(id, 'decide-extension', { requestId, approved: true }, 'supervisor');
  });
});

describe('merges of the same pair in opposite directions at the same moment (item 7g)', () => {
  it('one succeeds, the other is a 409, never a 500', async () => {
    for (let round = 0; round < 3; round += 1) {
      const a = await register();
      const b = await register();
      const [ab, ba] = await Promise.all([
        act(a.id, 'merge', { intoComplaintId: b.id, reason: '重复投诉' }, 'supervisor'),
        act(b.id, 'merge', { intoComplaintId: a.number, reason: '重复投诉' }, 'supervisor'),
      ]);
      expect([ab.statusCode, ba.statusCode].sort(), `${ab.body} ${ba.body}`).toEqual([200, 409]);
      const rows = await t.db.selectFrom('complaints').select(['id', 'status']).where('id', 'in', [a.id, b.id]).execute();
      expect(rows.map((r) => r.status).sort()).toEqual(['merged', 'registered']);
    }
  });
});

describe('four eyes off by policy', () => {
  it('the proposer may then decide their own compensation', async () => {
    const current = (await t.inject({ method: 'GET', url: '/api/policy' }, 'admin')).json<PolicyVersionAnswer>();
    const next = { ...current.policy, handling: { ...current.policy.handling, fourEyes: false } };
    const put = await t.inject({ method: 'PUT', url: '/api/policy', payload: { policy: next, reason: '小机构：不设四眼原则' } }, 'admin');
    expect(put.statusCode, put.body.slice(0, 500)).toBe(201);
    const id = await resolving();
    const compensationId = await proposedBy(id, 'tester');
    expect((await view(id, 'tester')).allowedActions).toContain('decide_compensation');
    await ok(id, 'decide-compensation', { compensationId, approved: true }, 'tester');
  });
});
