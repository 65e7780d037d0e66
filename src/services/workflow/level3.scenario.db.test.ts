/**
 * Level 3 solved on the spot (R-C5): a hotline agent registers, answers on the call, records the
 * customer's satisfaction, closes. Every clock ends met, the history names each step.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import type { z } from 'zod';
import type { errorResponse } from '../../http/schemas/common.js';
import type { ComplaintDetailAnswer, ComplaintEventsAnswer } from '../../http/schemas/complaint.responses.js';

type ErrorAnswer = z.output<typeof errorResponse>;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z'); // Wed 10:00 Shanghai
});
afterAll(async () => t.close());

const act = (id: string, action: string, payload: Record<string, unknown>, as = 'agent') =>
  t.inject({ method: 'POST', url: `/api/complaints/${id}/${action}`, payload }, as);

describe('level 3 solved on the spot (R-C5)', () => {
  it('register, answer on the call, survey, close', async () => {
    const reg = await t.inject(
      { method: 'POST', url: '/api/complaints', payload: complaintBody({ receivedAt: '2026-11-25T01:55:00Z' }) },
      'agent',
    );
    expect(reg.statusCode).toBe(201);
    const c = reg.json<ComplaintDetailAnswer>();
    expect(c).toMatchObject({ level: 3, status: 'registered', assignee: 'agent', tracker: 'agent' });
    expect(c.allowedActions).toContain('send_feedback');
    expect(c.allowedActions).not.toContain('record_survey');

    t.setNow('2026-11-25T02:05:00Z');
    const fb = await act(c.id, 'send-feedback', {
      method: 'phone',
      content: '已当场核实并解释定损依据，客户接受',
      solvedOnTheSpot: true,
      proof: 'CALL-20261125-0042',
    });
    expect(fb.statusCode, fb.body).toBe(200);
    const afterFeedback = fb.json<ComplaintDetailAnswer>();
    expect(afterFeedback.status).toBe('feedback_sent');
    const byKind = Object.fromEntries(afterFeedback.clocks.map((k) => [k.kind, k]));
    expect(byKind.l3_answer).toMatchObject({ status: 'met', metAt: '2026-11-25T02:05:00.000Z' });
    expect(byKind.regulatory).toMatchObject({ status: 'met' });
    // follow-up within 3 working days: Thu 26, Fri 27, Mon 30 -> 17:30
    expect(byKind.satisfaction_followup).toMatchObject({ status: 'running', dueAt: '2026-11-30T09:30:00.000Z' });
    expect(afterFeedback.allowedActions).toEqual(expect.arrayContaining(['record_survey', 'reopen']));
    // the level was never confirmed: closing is not offered, and refused (issue #9 item 7b, R-C2)
    expect(afterFeedback.allowedActions).not.toContain('close');
    const early = await act(c.id, 'close', { outcome: 'partly_upheld', summary: 'x', reason: 'y' });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'invalid_transition', message: expect.stringContaining('定级') });
    const confirmed = await t.inject({ method: 'POST', url: `/api/complaints/${c.id}/grade`, payload: { level: 3 } }, 'agent');
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json<ComplaintDetailAnswer>().allowedActions).toContain('close');

    t.setNow('2026-11-26T06:00:00Z');
    const survey = await act(c.id, 'record-survey', { satisfied: true, score: 5, method: 'phone', comment: '满意' });
    expect(survey.statusCode, survey.body).toBe(200);

    const closed = await act(c.id, 'close', { outcome: 'partly_upheld', summary: '解释定损依据，补发差额' });
    expect(closed.statusCode, closed.body).toBe(200);
    const final = closed.json<ComplaintDetailAnswer>();
    expect(final).toMatchObject({ status: 'closed', outcome: 'partly_upheld', closedAt: '2026-11-26T06:00:00.000Z' });
    expect(final.clocks.filter((k) => k.status === 'running')).toEqual([]);
    expect(final.allowedActions).not.toContain('send_feedback');
    expect(final.allowedActions).not.toContain('grade');
    const regrade = await t.inject(
      { method: 'POST', url: `/api/complaints/${c.id}/grade`, payload: { level: 1, reason: '事后升级' } },
      'supervisor',
    );
    expect(regrade.statusCode).toBe(409);

    const events = (await t.inject({ method: 'GET', url: `/api/complaints/${c.id}/events` }, 'agent')).json<ComplaintEventsAnswer>().items;
    expect(events.map((e) => e.type)).toEqual([
      'received',
      'grading_proposed',
      'clocks_planned',
      'send_feedback',
      'grading_confirmed',
      'record_survey',
      'close',
    ]);
    expect(events.slice(3).every((e) => e.actor === 'agent')).toBe(true);
  });

  it('forbidden steps are 409 with the reason, and nothing changes', async () => {
    const c = (
      await t.inject(
        { method: 'POST', url: '/api/complaints', payload: complaintBody({ complainant: { name: '顺序', phone: '13600009999' } }) },
        'agent',
      )
    ).json<ComplaintDetailAnswer>();
    const survey = await act(c.id, 'record-survey', { satisfied: true, score: 5, method: 'phone' });
    expect(survey.statusCode).toBe(409);
    expect(survey.json()).toMatchObject({ code: 'invalid_transition' });
    expect(survey.json<ErrorAnswer>().message).toContain('registered');
    const close = await act(c.id, 'close', { outcome: 'upheld', summary: 'x' });
    expect(close.statusCode).toBe(409);
    const findings = await act(c.id, 'record-findings', { findings: 'x', conclusion: 'upheld' });
    expect(findings.statusCode).toBe(409);
    const events = (await t.inject({ method: 'GET', url: `/api/complaints/${c.id}/events` }, 'agent')).json<ComplaintEventsAnswer>().items;
    expect(events).toHaveLength(3);
  });

  it('a dissatisfied customer cannot be closed: reopen starts a new round with a new answer clock', async () => {
    const c = (
      await t.inject(
        { method: 'POST', url: '/api/complaints', payload: complaintBody({ complainant: { name: '不满', phone: '13600008888' } }) },
        'agent',
      )
    ).json<ComplaintDetailAnswer>();
    expect((await act(c.id, 'send-feedback', { method: 'phone', content: '答复' })).statusCode).toBe(200);
    expect((await act(c.id, 'record-survey', { satisfied: false, score: 1, method: 'phone', comment: '不接受' })).statusCode).toBe(200);
    const close = await act(c.id, 'close', { outcome: 'not_upheld', summary: 'x', reason: '客户不满意' });
    expect(close.statusCode).toBe(409);
    expect(close.json()).toMatchObject({ code: 'invalid_transition' });
    const exceptions = await t.db.selectFrom('complaint_exceptions').selectAll().where('complaint_id', '=', c.id).execute();
    expect(exceptions).toMatchObject([{ kind: 'dissatisfied', status: 'open' }]);
    const reopened = await act(c.id, 'reopen', { reason: '客户不满意，重新核查' });
    expect(reopened.statusCode, reopened.body).toBe(200);
    const body = reopened.json<ComplaintDetailAnswer>();
    expect(body).toMatchObject({ status: 'assigned', round: 2 });
    expect(body.clocks.filter((k) => k.kind === 'l3_answer' && k.status === 'running')).toHaveLength(1);
  });
});
