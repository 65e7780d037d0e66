/**
 * The formal review from round three (#14 item 3, R-D5): the complaint goes to a reviewer above its
 * handler (the department head by default), the handler's close is refused (409 with the reason),
 * the reviewer records the conclusion, the complaint closes as concluded (not satisfied, and the
 * statistics count it so), and the final notice names the regulator's hotline of the business
 * line: 12378 for insurance, 12386 for securities.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import type { ComplaintDetailAnswer, ComplaintEventsAnswer } from '../../http/schemas/complaint.responses.js';
import type { NotificationPageAnswer } from '../../http/schemas/notification.responses.js';
import { dispatchOutboxRow } from '../channels/outbox-dispatch.service.js';

type Detail = ComplaintDetailAnswer;
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z');
});
afterAll(async () => t.close());

async function act(id: string, action: string, payload: Record<string, unknown>, as: string, expected = 200) {
  const res = await t.inject({ method: 'POST', url: `/api/complaints/${id}/${action}`, payload }, as);
  expect(res.statusCode, `${action} as ${as}: ${res.body}`).toBe(expected);
  return res;
}

/** A complaint the customer was dissatisfied with twice: reopened into round 3, answered again. */
async function intoRoundThree(body: Record<string, unknown>): Promise<Detail> {
  const reg = await t.inject({ method: 'POST', url: '/api/complaints', payload: complaintBody(body) }, 'agent');
  expect(reg.statusCode, reg.body).toBe(201);
  const c = reg.json<Detail>();
  await act(c.id, 'grade', { level: c.level }, 'agent');
  for (const round of [1, 2]) {
    await act(c.id, 'send-feedback', { method: 'phone', content: `第 ${round} 轮答复` }, 'agent');
    await act(c.id, 'record-survey', { satisfied: false, score: 1, method: 'phone' }, 'agent');
    await act(c.id, 'reopen', { reason: `第 ${round} 次不满意` }, round === 1 ? 'supervisor' : 'leader');
  }
  await act(c.id, 'send-feedback', { method: 'phone', content: '第 3 轮答复' }, 'agent');
  const res = await act(c.id, 'record-survey', { satisfied: false, score: 1, method: 'phone' }, 'agent');
  return res.json<Detail>();
}

async function finalNotice(complaintId: string) {
  const rows = await t.db
    .selectFrom('outbox')
    .select('id')
    .where('topic', '=', 'complaint.concluded')
    .where(({ ref }) => ref('payload', '->>').key('complaintId'), '=', complaintId)
    .execute();
  expect(rows).toHaveLength(1);
  await dispatchOutboxRow(t.ctx, String(rows[0]!.id));
  return t.db
    .selectFrom('messages')
    .select(['template', 'params', 'purpose', 'channel'])
    .where('complaint_id', '=', complaintId)
    .where('purpose', '=', 'final_notice')
    .execute();
}

describe('formal review from round three (#14 item 3, R-D5)', () => {
  it('insurance: the department head reviews, the handler cannot close (409), the conclusion closes it; the notice names 12378', async () => {
    const c = await intoRoundThree({ complainant: { name: '王五', phone: '13800000301' } });
    expect(c).toMatchObject({ round: 3, status: 'feedback_sent', review: { by: 'department_head', reviewer: 'supervisor' } });
    expect(c.clocks.some((k) => k.kind === 'formal_review' && k.status === 'running')).toBe(true);
    // the reviewer was told
    const inbox = (await t.inject({ method: 'GET', url: '/api/notifications?limit=200' }, 'supervisor')).json<NotificationPageAnswer>();
    expect(inbox.items.some((n) => n.kind === 'formal_review' && n.body.number === c.number)).toBe(true);

    // the handler no longer closes it: not offered, and refused with the reason
    const asAgent = (await t.inject({ method: 'GET', url: `/api/complaints/${c.id}` }, 'agent')).json<Detail>();
    expect(asAgent.allowedActions).not.toContain('close');
    expect(asAgent.allowedActions).not.toContain('conclude_review');
    const refused = await act(c.id, 'close', { outcome: 'partly_upheld', summary: '办结', reason: '客户坚持' }, 'agent', 409);
    expect(refused.json()).toMatchObject({ code: 'formal_review_required', message: expect.stringContaining('复核') });
    const en = await t.inject(
      {
        method: 'POST',
        url: `/api/complaints/${c.id}/close`,
        payload: { outcome: 'partly_upheld', summary: 'x', reason: 'y' },
        headers: { 'accept-language': 'en-US' },
      },
      'agent',
    );
    expect(en.json()).toMatchObject({ code: 'formal_review_required', message: expect.stringContaining('formal review') });
    // only the named reviewer concludes: not a leader when a department head was named, not the agent (no permission)
    await act(c.id, 'conclude-review', { outcome: 'partly_upheld', conclusion: 'x' }, 'agent', 403);
    expect((await act(c.id, 'conclude-review', { outcome: 'partly_upheld', conclusion: 'x' }, 'leader', 403)).json()).toMatchObject({
      code: 'not_the_reviewer',
    });

    const asReviewer = (await t.inject({ method: 'GET', url: `/api/complaints/${c.id}` }, 'supervisor')).json<Detail>();
    expect(asReviewer.allowedActions).toContain('conclude_review');
    expect(asReviewer.allowedActions).not.toContain('close');
    t.setNow('2026-11-26T02:00:00Z');
    const done = (
      await act(c.id, 'conclude-review', { outcome: 'partly_upheld', conclusion: '复核维持原处理结论，补差方案合理' }, 'supervisor')
    ).json<Detail>();
    expect(done).toMatchObject({ status: 'closed', closedAs: 'concluded', outcome: 'partly_upheld' });
    expect(done.clocks.find((k) => k.kind === 'formal_review')?.status).toBe('met');
    expect(done.clocks.filter((k) => k.status === 'running')).toEqual([]);
    const events = (await t.inject({ method: 'GET', url: `/api/complaints/${c.id}/events` }, 'supervisor')).json<ComplaintEventsAnswer>();
    const concluded = events.items.find((e) => e.type === 'conclude_review');
    expect(concluded).toMatchObject({ actor: 'supervisor', payload: { outcome: 'partly_upheld', reviewBy: 'department_head' } });

    // the final notice: the external routes and the insurance regulator's hotline
    const notices = await finalNotice(c.id);
    expect(notices).toEqual([expect.objectContaining({ template: 'complainant.final_notice', channel: 'sms' })]);
    expect(notices[0]!.params).toMatchObject({ number: c.number, sector: 'insurance', hotline: '12378' });

    // counted as concluded, not satisfied
    const facts = await t.db
      .selectFrom('complaint_facts')
      .select(['status', 'surveyed', 'satisfied'])
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(facts).toEqual({ status: 'closed', surveyed: true, satisfied: false });
  });

  it('securities: the final notice names 12386', async () => {
    t.setNow('2026-11-27T02:00:00Z');
    const c = await intoRoundThree({
      businessLine: 'brokerage',
      category: 'securities_trading',
      receivedAt: '2026-11-27T01:30:00Z',
      complainant: { name: '赵六', phone: '13800000302' },
    });
    expect(c.review).toEqual({ by: 'department_head', reviewer: 'supervisor' });
    await act(c.id, 'conclude-review', { outcome: 'not_upheld', conclusion: '交易系统记录显示委托未触发，维持原结论' }, 'supervisor');
    const notices = await finalNotice(c.id);
    expect(notices[0]!.params).toMatchObject({ sector: 'securities', hotline: '12386' });
  });
});
