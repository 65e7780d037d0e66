import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { findUser } from '../../db/repositories/user.repository.js';
import { createApiToken } from '../../services/people/auth/token.service.js';
import { principalOf } from '../../services/people/principal.service.js';
import { complaintBody, type TestApp } from '../../../test/test-app.js';
import type { ApiErrorBody } from '../../../test/db-assertions.js';
import { CALLER, createHotlineTestApp, telephony } from '../../../test/hotline-events.js';
import type { ComplaintDetailAnswer } from '../schemas/complaint.responses.js';
import type { hotlineCallDraft, hotlineCalls } from '../schemas/hotline.schemas.js';

type Calls = z.output<typeof hotlineCalls>;
type Draft = z.output<typeof hotlineCallDraft>;

let t: TestApp;
let tel: ReturnType<typeof telephony>;

beforeAll(async () => {
  t = await createHotlineTestApp();
  tel = telephony(t);
});
afterAll(async () => t.close());

const nowSeconds = () => tel.nowSeconds();
const callEvent = (o?: Record<string, unknown>) => tel.callEvent(o);
const postEvent = (...a: Parameters<typeof tel.postEvent>) => tel.postEvent(...a);
const counts = () => tel.counts();
const callRow = (callId: string) => tel.callRow(callId);
const started = (o?: Record<string, unknown>) => tel.started(o);

describe('hotline calls and their drafts (#12 item 3, R-B1, R-B7, R-H1)', () => {
  it('call.started makes a ringing call with its draft; call.ended adds the end and the recording; repeats change nothing', async () => {
    const { ev, id, callId } = await started();
    const row = await callRow(callId);
    expect(row).toMatchObject({ id, status: 'ringing', caller: CALLER, agent: 'agent', callee: '95500', ended_at: null });
    expect(row.started_at.toISOString()).toBe(ev.startedAt);

    const draft = await t.inject({ method: 'GET', url: `/api/hotline/calls/${id}` }, 'agent');
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json<Draft>().draft).toEqual({
      channel: 'hotline',
      callReference: callId,
      receivedAt: ev.startedAt,
      complainant: { phone: CALLER },
    });

    const repeatStart = await postEvent(ev, { ts: nowSeconds() - 1 });
    expect(repeatStart.json()).toMatchObject({ id, applied: false, status: 'ringing' });

    const endedAt = t.now().toISOString();
    const end = { ...ev, event: 'call.ended', endedAt, recordingUrl: 'https://rec.example.com/calls/1.mp3' };
    const ended = await postEvent(end);
    expect(ended.json()).toMatchObject({ id, applied: true, status: 'ended' });
    const afterEnd = await callRow(callId);
    expect(afterEnd).toMatchObject({ status: 'ended', recording_url: 'https://rec.example.com/calls/1.mp3' });
    expect(afterEnd.ended_at?.toISOString()).toBe(endedAt);

    // the same event again, signed anew (the telephony system retrying): applied once only
    const repeatEnd = await postEvent({ ...end, recordingUrl: 'https://rec.example.com/other.mp3' }, { ts: nowSeconds() - 2 });
    expect(repeatEnd.json()).toMatchObject({ id, applied: false });
    expect(await callRow(callId)).toEqual(afterEnd);
    expect(await t.db.selectFrom('hotline_calls').select('id').where('call_id', '=', callId).execute()).toHaveLength(1);
  });

  it('call.ended arriving before call.started creates the call; both at once make one call', async () => {
    const ev = callEvent({ event: 'call.ended', endedAt: t.now().toISOString() });
    const res = await postEvent(ev);
    expect(res.json()).toMatchObject({ status: 'ended', applied: true });
    const late = await postEvent({ ...ev, event: 'call.started', endedAt: undefined });
    expect(late.json()).toMatchObject({ status: 'ended', applied: true });

    const both = callEvent();
    const [a, b] = await Promise.all([postEvent(both), postEvent({ ...both, event: 'call.ended', endedAt: t.now().toISOString() })]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    const row = await callRow(both.callId as string);
    expect(row).toMatchObject({ status: 'ended' });
    expect(row.started_event_at).not.toBeNull();
    expect(row.ended_event_at).not.toBeNull();
  });

  it("the workbench list masks the caller's number and shows the caller's earlier complaints, the agent's own calls first", async () => {
    const earlier = await t.inject(
      { method: 'POST', url: '/api/complaints', payload: complaintBody({ complainant: { name: '来电甲', phone: '139 1234 5678' } }) },
      'agent',
    );
    expect(earlier.statusCode, earlier.body).toBe(201);
    const other = await started({ agent: 'supervisor', startedAt: t.now().toISOString() });
    const own = await started({ agent: 'agent', startedAt: new Date(t.now().getTime() - 600_000).toISOString() });

    const res = await t.inject({ method: 'GET', url: '/api/hotline/calls' }, 'agent');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<Calls>().items;
    expect(res.body).not.toContain(CALLER);
    const mine = items.find((c) => c.id === own.id)!;
    expect(mine).toMatchObject({ caller: '139****5678', callerMasked: true, mine: true, status: 'ringing' });
    expect(mine.earlier?.items.map((c) => c.id)).toContain(earlier.json<ComplaintDetailAnswer>().id);
    expect(mine.earlier?.total).toBeGreaterThanOrEqual(1);
    // every call of the agent's before any other's
    const firstOther = items.findIndex((c) => !c.mine);
    expect(items.slice(firstOther).some((c) => c.mine)).toBe(false);
    expect(items.findIndex((c) => c.id === own.id)).toBeLessThan(items.findIndex((c) => c.id === other.id));
  });

  it('the draft shows the number in clear to complaint.unmask (audited), masked to a token without it', async () => {
    const { id } = await started();
    const clear = await t.inject({ method: 'GET', url: `/api/hotline/calls/${id}` }, 'agent');
    expect(clear.json<Draft>()).toMatchObject({ caller: CALLER, callerMasked: false });
    const audited = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'hotline.call_read')
      .where('target_id', '=', id)
      .execute();
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ actor: 'agent', outcome: 'success' });

    const user = await findUser(t.db, { username: 'agent' });
    const p = await principalOf(t.db, user!);
    const narrow = await createApiToken(t.ctx, { ip: null, userAgent: 'test' }, p, {
      name: 'no-unmask',
      actions: ['complaint.create', 'complaint.read'],
      expiresInDays: 1,
    });
    const masked = await t.app.inject({
      method: 'GET',
      url: `/api/hotline/calls/${id}`,
      headers: { authorization: `Bearer ${narrow.token}` },
    });
    expect(masked.statusCode, masked.body).toBe(200);
    expect(masked.json<Draft>()).toMatchObject({
      caller: '139****5678',
      callerMasked: true,
      draft: { complainant: { phone: '139****5678' } },
    });
    expect(masked.body).not.toContain(CALLER);
  });

  it('registering the completed draft makes a hotline complaint with the call reference and links the call', async () => {
    const { ev, id, callId } = await started();
    const body = complaintBody({
      channel: 'letter',
      callReference: 'typed-by-hand',
      receivedAt: undefined,
      complainant: { name: '来电乙' },
    });
    const res = await t.inject({ method: 'POST', url: `/api/hotline/calls/${id}/register`, payload: body }, 'agent');
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json<ComplaintDetailAnswer>();
    expect(c).toMatchObject({ channel: 'hotline', callReference: callId, receivedAt: ev.startedAt });
    const stored = await t.db.selectFrom('complaints').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ complainant_phone: CALLER, assignee: 'agent', tracker: 'agent', created_by: 'agent' });
    expect(await callRow(callId)).toMatchObject({ status: 'registered', complaint_id: c.id, closed_by: 'agent', claimed_by: null });

    // gone from the incoming list, listed as registered with the complaint's number
    const open = await t.inject({ method: 'GET', url: '/api/hotline/calls' }, 'agent');
    expect(open.json<Calls>().items.map((x) => x.id)).not.toContain(id);
    const done = await t.inject({ method: 'GET', url: '/api/hotline/calls?status=registered' }, 'agent');
    expect(done.json<Calls>().items.find((x) => x.id === id)?.complaint).toEqual({ id: c.id, number: c.number });

    // the agent's retry (a lost answer) gets the same complaint; another agent is told it is done
    const retry = await t.inject({ method: 'POST', url: `/api/hotline/calls/${id}/register`, payload: body }, 'agent');
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json<ComplaintDetailAnswer>().id).toBe(c.id);
    const second = await t.inject({ method: 'POST', url: `/api/hotline/calls/${id}/register`, payload: body }, 'supervisor');
    expect(second.statusCode).toBe(409);
    expect(second.json<ApiErrorBody>()).toMatchObject({ code: 'hotline_call_closed' });

    // the recording arriving after registration is still kept; the status stays
    const late = await postEvent({
      ...ev,
      event: 'call.ended',
      endedAt: t.now().toISOString(),
      recordingUrl: 'https://rec.example.com/late.mp3',
    });
    expect(late.json()).toMatchObject({ applied: true, status: 'registered' });
    expect(await callRow(callId)).toMatchObject({ status: 'registered', recording_url: 'https://rec.example.com/late.mp3' });

    // the complaint page finds its call: times and recording, the number masked
    const ofComplaint = await t.inject({ method: 'GET', url: `/api/complaints/${c.id}/call` }, 'agent');
    expect(ofComplaint.statusCode, ofComplaint.body).toBe(200);
    expect(ofComplaint.json()).toMatchObject({
      call: {
        id,
        callId,
        caller: '139****5678',
        recordingUrl: 'https://rec.example.com/late.mp3',
        complaint: { id: c.id, number: c.number },
      },
    });
    const typed = await t.inject(
      { method: 'POST', url: '/api/complaints', payload: complaintBody({ callReference: 'CALL-BY-HAND' }) },
      'agent',
    );
    const none = await t.inject({ method: 'GET', url: `/api/complaints/${typed.json<ComplaintDetailAnswer>().id}/call` }, 'agent');
    expect(none.json()).toEqual({ call: null });
    const outside = await t.inject({ method: 'GET', url: `/api/complaints/${c.id}/call` }, 'branch');
    expect(outside.statusCode).toBe(404);
    expect(outside.json<ApiErrorBody>().code).toBe('complaint_not_found');
  });

  it('a refused registration (bad field) leaves the call open and unclaimed, with no complaint', async () => {
    const { id, callId } = await started();
    const before = await counts();
    const res = await t.inject(
      { method: 'POST', url: `/api/hotline/calls/${id}/register`, payload: complaintBody({ category: 'no_such_category' }) },
      'agent',
    );
    expect(res.statusCode).toBe(400);
    expect(res.json<ApiErrorBody>().fields.map((f) => f.field)).toContain('category');
    expect((await counts()).complaints).toBe(before.complaints);
    expect(await callRow(callId)).toMatchObject({ status: 'ringing', claimed_by: null, complaint_id: null });
  });

  it('a second agent cannot register or dismiss a call another agent is registering', async () => {
    const { id } = await started();
    await t.db
      .updateTable('hotline_calls')
      .set({ claimed_by: 'supervisor', claimed_until: new Date(t.now().getTime() + 30_000) })
      .where('id', '=', id)
      .execute();
    const res = await t.inject({ method: 'POST', url: `/api/hotline/calls/${id}/register`, payload: complaintBody() }, 'agent');
    expect(res.statusCode).toBe(409);
    expect(res.json<ApiErrorBody>()).toMatchObject({ code: 'hotline_call_busy' });
    const dismiss = await t.inject({ method: 'POST', url: `/api/hotline/calls/${id}/dismiss`, payload: { reason: '咨询' } }, 'agent');
    expect(dismiss.json<ApiErrorBody>().code).toBe('hotline_call_busy');
  });

  it('a complaint registered from the call whose link was lost is linked on the next attempt, never registered twice', async () => {
    const { id, callId } = await started();
    // as if the process stopped between the registration and the link
    const orphan = await t.inject({ method: 'POST', url: '/api/complaints', payload: complaintBody({ callReference: callId }) }, 'agent');
    expect(orphan.statusCode).toBe(201);
    const before = await counts();
    const res = await t.inject({ method: 'POST', url: `/api/hotline/calls/${id}/register`, payload: complaintBody() }, 'agent');
    expect(res.statusCode).toBe(201);
    expect(res.json<ComplaintDetailAnswer>().id).toBe(orphan.json<ComplaintDetailAnswer>().id);
    expect((await counts()).complaints).toBe(before.complaints);
    expect(await callRow(callId)).toMatchObject({ status: 'registered', complaint_id: orphan.json<ComplaintDetailAnswer>().id });
  });

  it('dismissing (not a complaint) needs a reason, takes the call off the list, and is final', async () => {
    const { id, callId } = await started();
    const noReason = await t.inject({ method: 'POST', url: `/api/hotline/calls/${id}/dismiss`, payload: { reason: ' ' } }, 'agent');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<ApiErrorBody>().fields.map((f) => f.field)).toContain('reason');
    const res = await t.inject(
      { method: 'POST', url: `/api/hotline/calls/${id}/dismiss`, payload: { reason: '咨询保单条款，已当场解答' } },
      'agent',
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'dismissed',
      dismissReason: '咨询保单条款，已当场解答',
      closedBy: 'agent',
      caller: '139****5678',
    });
    expect(await callRow(callId)).toMatchObject({ status: 'dismissed', closed_by: 'agent' });
    const open = await t.inject({ method: 'GET', url: '/api/hotline/calls' }, 'agent');
    expect(open.json<Calls>().items.map((x) => x.id)).not.toContain(id);
    const again = await t.inject({ method: 'POST', url: `/api/hotline/calls/${id}/dismiss`, payload: { reason: '再次' } }, 'agent');
    expect(again.statusCode).toBe(409);
    expect(again.json<ApiErrorBody>()).toMatchObject({ code: 'hotline_call_closed' });
    const register = await t.inject({ method: 'POST', url: `/api/hotline/calls/${id}/register`, payload: complaintBody() }, 'agent');
    expect(register.json<ApiErrorBody>().code).toBe('hotline_call_closed');
  });

  it('an unknown call is 404, a bad status filter 400', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/hotline/calls/00000000-0000-4000-8000-000000000009' }, 'agent');
    expect(res.statusCode).toBe(404);
    expect(res.json<ApiErrorBody>().code).toBe('hotline_call_not_found');
    const bad = await t.inject({ method: 'GET', url: '/api/hotline/calls?status=ringing,nope' }, 'agent');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ApiErrorBody>().fields.map((f) => f.field)).toContain('querystring.status');
  });
});
