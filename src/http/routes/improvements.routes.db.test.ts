/**
 * Improvement actions beyond the complaint (issue #4 item 6, R-D3) through HTTP on real
 * PostgreSQL: listing with filters and data scope, open -> done -> verified, verification by
 * someone else, not effective -> open again with a new 20-working-day deadline, changes by
 * improvement managers; each change in the complaint's history and told to the owner.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import type { errorResponse } from '../schemas/common.js';
import type { ComplaintDetailAnswer, ComplaintEventsAnswer } from '../schemas/complaint.responses.js';
import type { ImprovementPageAnswer } from '../schemas/workflow.responses.js';

let t: TestApp;
let claimsId: string;
let phone = 13720000000;

beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z');
  claimsId = (await t.db.selectFrom('org_units').select('id').where('code', '=', 'CLAIMS').executeTakeFirstOrThrow()).id;
});
afterAll(async () => t.close());

type Page = ImprovementPageAnswer;
type ErrorAnswer = z.output<typeof errorResponse>;

const act = (id: string, action: string, payload: Record<string, unknown>, as = 'agent') =>
  t.inject({ method: 'POST', url: `/api/complaints/${id}/${action}`, payload }, as);
const get = (url: string, as = 'agent') => t.inject({ method: 'GET', url }, as);
const post = (url: string, payload: Record<string, unknown>, as: string) => t.inject({ method: 'POST', url, payload }, as);

/** A CS complaint in resolving with one improvement action; returns both ids. */
async function withAction(extra: Record<string, unknown> = {}): Promise<{ complaintId: string; actionId: string }> {
  phone += 1;
  const reg = await t.inject(
    { method: 'POST', url: '/api/complaints', payload: complaintBody({ complainant: { name: '改进', phone: String(phone) } }) },
    'agent',
  );
  const complaintId = reg.json<ComplaintDetailAnswer>().id;
  expect((await act(complaintId, 'start-investigation', {})).statusCode).toBe(200);
  expect((await act(complaintId, 'record-findings', { findings: '流程缺陷', conclusion: 'upheld' })).statusCode).toBe(200);
  const res = await act(complaintId, 'create-improvement-action', {
    title: '理赔复核',
    owner: 'handler',
    departmentId: claimsId,
    causeCodes: ['business_process'],
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(200);
  const row = await t.db
    .selectFrom('improvement_actions')
    .select('id')
    .where('complaint_id', '=', complaintId)
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  return { complaintId, actionId: row.id };
}

async function clocksOf(actionId: string) {
  return t.db
    .selectFrom('complaint_clocks')
    .select(['status', 'due_at', 'met_at'])
    .where('subject_id', '=', actionId)
    .orderBy('created_at')
    .execute();
}

async function eventTypes(complaintId: string): Promise<string[]> {
  return (await get(`/api/complaints/${complaintId}/events`)).json<ComplaintEventsAnswer>().items.map((e) => e.type);
}

async function toldTo(username: string, kind: string): Promise<number> {
  const rows = await t.db
    .selectFrom('notifications')
    .innerJoin('users', 'users.id', 'notifications.user_id')
    .select('notifications.id')
    .where('users.username', '=', username)
    .where('notifications.kind', '=', kind)
    .execute();
  return rows.length;
}

describe('open -> done -> verified', () => {
  it('the owner marks it done, another manager verifies; the complaint history and the owner follow', async () => {
    t.setNow('2026-11-25T02:00:00Z');
    const { complaintId, actionId } = await withAction();
    const one = await get(`/api/improvement-actions/${actionId}`);
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()).toMatchObject({
      id: actionId,
      status: 'open',
      owner: 'handler',
      departmentId: claimsId,
      dueAt: '2026-12-23T09:30:00.000Z',
      overdue: false,
      complaint: { id: complaintId },
    });

    // an agent is neither the owner nor an improvement manager
    expect((await post(`/api/improvement-actions/${actionId}/done`, { note: '完成' }, 'agent')).statusCode).toBe(403);
    expect((await post(`/api/improvement-actions/${actionId}/verify`, { note: 'x', effective: true }, 'supervisor')).statusCode).toBe(409);

    t.setNow('2026-12-01T03:00:00Z');
    const done = await post(`/api/improvement-actions/${actionId}/done`, { note: '复核流程已上线' }, 'handler');
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', doneBy: 'handler' });
    expect(await clocksOf(actionId)).toMatchObject([{ status: 'met', met_at: new Date('2026-12-01T03:00:00Z') }]);
    expect((await post(`/api/improvement-actions/${actionId}/done`, { note: 'again' }, 'handler')).statusCode).toBe(409);

    // whoever marked it done does not verify it (handler holds improvement.manage)
    const self = await post(`/api/improvement-actions/${actionId}/verify`, { note: '有效', effective: true }, 'handler');
    expect(self.statusCode).toBe(403);
    expect(self.json()).toMatchObject({ code: 'forbidden' });

    const verified = await post(
      `/api/improvement-actions/${actionId}/verify`,
      { note: '抽查 20 件，均已复核', effective: true },
      'supervisor',
    );
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json()).toMatchObject({ status: 'verified', verifiedBy: 'supervisor', doneBy: 'handler' });
    expect(await toldTo('handler', 'improvement_action_verified')).toBe(1);
    expect(await toldTo('supervisor', 'improvement_action_done')).toBe(1);

    expect(
      (await t.inject({ method: 'PATCH', url: `/api/improvement-actions/${actionId}`, payload: { description: 'x' } }, 'supervisor'))
        .statusCode,
    ).toBe(409);
    expect((await post(`/api/improvement-actions/${actionId}/verify`, { note: 'x', effective: true }, 'leader')).statusCode).toBe(409);
    expect((await eventTypes(complaintId)).slice(-3)).toEqual([
      'create_improvement_action',
      'improvement_action_done',
      'improvement_action_verified',
    ]);
  });

  it('not effective: open again with a new default deadline from the verification', async () => {
    t.setNow('2026-11-25T02:00:00Z');
    const { complaintId, actionId } = await withAction();
    t.setNow('2026-11-27T02:00:00Z');
    expect((await post(`/api/improvement-actions/${actionId}/done`, { note: '完成' }, 'handler')).statusCode).toBe(200);
    t.setNow('2026-11-30T02:00:00Z'); // Mon 10:00: day 1 = Tue Dec 1 ... day 20 = Mon Dec 28
    const res = await post(`/api/improvement-actions/${actionId}/verify`, { note: '抽查发现仍未复核', effective: false }, 'leader');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'open', doneBy: null, verifiedBy: null, dueAt: '2026-12-28T09:30:00.000Z' });
    const clocks = await clocksOf(actionId);
    expect(clocks.map((k) => k.status)).toEqual(['met', 'running']);
    expect(clocks[1]?.due_at?.toISOString()).toBe('2026-12-28T09:30:00.000Z');
    expect(await toldTo('handler', 'improvement_action_reopened')).toBe(1);
    expect((await eventTypes(complaintId)).pop()).toBe('improvement_action_reopened');
  });
});

describe('changes by improvement managers', () => {
  it('owner and due time; a new due time restarts the clock', async () => {
    t.setNow('2026-11-25T02:00:00Z');
    const { complaintId, actionId } = await withAction();
    const url = `/api/improvement-actions/${actionId}`;
    expect((await t.inject({ method: 'PATCH', url, payload: { owner: 'agent' } }, 'agent')).statusCode).toBe(403);
    const bad = await t.inject({ method: 'PATCH', url, payload: {} }, 'supervisor');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ fields: [{ field: 'owner', code: 'nothing_to_change' }] });
    const badDue = await t.inject({ method: 'PATCH', url, payload: { dueAt: 'tomorrow', extra: 1 } }, 'supervisor');
    expect(
      badDue
        .json<ErrorAnswer>()
        .fields.map((f) => f.field)
        .sort(),
    ).toEqual(['body', 'dueAt']);
    const nobody = await t.inject({ method: 'PATCH', url, payload: { owner: 'nobody' } }, 'supervisor');
    expect(nobody.json()).toMatchObject({ fields: [{ field: 'owner', code: 'unknown_user' }] });

    t.setNow('2026-11-26T02:00:00Z');
    const res = await t.inject(
      { method: 'PATCH', url, payload: { owner: 'supervisor', dueAt: '2027-01-08T17:30:00+08:00', description: '扩大到车险全部门店' } },
      'leader',
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ owner: 'supervisor', dueAt: '2027-01-08T09:30:00.000Z', description: '扩大到车险全部门店' });
    expect((await clocksOf(actionId)).map((k) => [k.status, k.due_at?.toISOString()])).toEqual([
      ['cancelled', '2026-12-23T09:30:00.000Z'],
      ['running', '2027-01-08T09:30:00.000Z'],
    ]);
    expect(await toldTo('supervisor', 'improvement_action_updated')).toBe(1);
    expect((await eventTypes(complaintId)).pop()).toBe('improvement_action_updated');
  });
});

describe('listing', () => {
  it('filters, scope and paging', async () => {
    t.setNow('2026-11-25T02:00:00Z');
    const a = await withAction({ title: '甲' });
    const b = await withAction({ title: '乙', owner: 'supervisor', departmentId: null, dueAt: '2026-11-27T09:30:00Z' });
    const mine = (q: string, as = 'agent') => get(`/api/improvement-actions?${q}`, as).then((r) => r.json<Page>());
    const ids = (p: Page) => p.items.map((i) => i.id);

    expect(ids(await mine(`complaintId=${a.complaintId}`))).toEqual([a.actionId]);
    expect(ids(await mine(`owner=supervisor&complaintId=${b.complaintId}`))).toEqual([b.actionId]);
    expect(ids(await mine(`departmentId=${claimsId}`))).toContain(a.actionId);
    expect(ids(await mine(`departmentId=${claimsId}`))).not.toContain(b.actionId);
    expect(ids(await mine('status=verified'))).not.toContain(a.actionId);

    t.setNow('2026-11-28T00:00:00Z');
    const overdue = await mine('overdue=true');
    expect(ids(overdue)).toContain(b.actionId);
    expect(ids(overdue)).not.toContain(a.actionId);
    expect(overdue.items.find((i) => i.id === b.actionId)?.overdue).toBe(true);
    expect(ids(await mine('overdue=false'))).toContain(a.actionId);

    // earliest due first, keyset-paged
    const first = await mine('limit=1');
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const second = await mine(`limit=1&cursor=${first.nextCursor ?? ''}`);
    expect((second.items[0]?.dueAt ?? '') >= (first.items[0]?.dueAt ?? '')).toBe(true);
    expect(second.items[0]?.id).not.toBe(first.items[0]?.id);

    // a branch agent sees nothing of a customer-service complaint
    expect(ids(await mine('', 'branch'))).toEqual([]);
    expect((await get(`/api/improvement-actions/${a.actionId}`, 'branch')).statusCode).toBe(404);
    expect((await post(`/api/improvement-actions/${a.actionId}/done`, { note: 'x' }, 'branch')).statusCode).toBe(404);
    // the owner sees their action although the complaint is not their department's; leaders see all
    expect(ids(await mine('', 'handler'))).toContain(a.actionId);
    expect(ids(await mine('', 'handler'))).not.toContain(b.actionId);
    expect(ids(await mine('', 'leader'))).toEqual(expect.arrayContaining([a.actionId, b.actionId]));
    // an administrator reads no complaints
    expect((await get('/api/improvement-actions', 'admin')).statusCode).toBe(403);
  });

  it('bad queries and ids', async () => {
    const q = await get('/api/improvement-actions?status=closed&overdue=yes&limit=0&departmentId=x');
    expect(q.statusCode).toBe(400);
    expect(
      q
        .json<ErrorAnswer>()
        .fields.map((f) => f.field)
        .sort(),
    ).toEqual(['querystring.departmentId', 'querystring.limit', 'querystring.overdue', 'querystring.status']);
    expect((await get('/api/improvement-actions?cursor=zzz')).json()).toMatchObject({
      fields: [{ field: 'cursor', code: 'invalid_cursor' }],
    });
    expect((await get('/api/improvement-actions/not-a-uuid')).statusCode).toBe(404);
    expect((await get('/api/improvement-actions/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const body = await post('/api/improvement-actions/00000000-0000-4000-8000-000000000000/verify', { note: '' }, 'supervisor');
    expect(body.statusCode).toBe(400);
    expect(
      body
        .json<ErrorAnswer>()
        .fields.map((f) => f.field)
        .sort(),
    ).toEqual(['effective', 'note']);
  });
});
