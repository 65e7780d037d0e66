/**
 * Level 2 with a customer dissatisfied twice (R-C4, R-D5, R-E3): to the supervisor within 2 hours,
 * investigation organised within 3 working days, agent reply within 24 hours of the findings,
 * dissatisfaction raising tracked exceptions for the leaders, reopening into new rounds, and from
 * the third round a formal review (30 calendar days) by the department head, who concludes it (#14 item 3).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import type { ComplaintDetailAnswer, ComplaintEventsAnswer } from '../../http/schemas/complaint.responses.js';
import type { NotificationPageAnswer } from '../../http/schemas/notification.responses.js';

let t: TestApp;
const sh = (local: string) => new Date(`${local}+08:00`).toISOString();

type Detail = ComplaintDetailAnswer;
type Inbox = NotificationPageAnswer;

let c: Detail;
let claimsId: string;
const running = (d: Detail, kind: string) => d.clocks.filter((k) => k.kind === kind && (k.status === 'running' || k.status === 'paused'));
const dueOf = (d: Detail, kind: string) => running(d, kind)[0]?.dueAt;

async function act(action: string, payload: Record<string, unknown>, as: string, when: string, expected = 200): Promise<Detail> {
  t.setNow(sh(when));
  const res = await t.inject({ method: 'POST', url: `/api/complaints/${c.id}/${action}`, payload }, as);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(expected);
  return res.json<Detail>();
}

async function told(user: string, kind: string): Promise<string[]> {
  const items = (await t.inject({ method: 'GET', url: '/api/notifications?limit=200' }, user)).json<Inbox>().items;
  return items
    .filter((n) => n.body.number === c.number && n.kind === kind)
    .map((n) => n.createdAt)
    .reverse();
}

beforeAll(async () => {
  t = await createTestApp(sh('2026-11-25T10:05:00'));
  claimsId = (await t.db.selectFrom('org_units').select('id').where('code', '=', 'CLAIMS').executeTakeFirstOrThrow()).id;
});
afterAll(async () => t.close());

describe('level 2, customer dissatisfied twice', () => {
  it('registration: supervisor within 2 hours, investigation organised within 3 working days, result within 10', async () => {
    const res = await t.inject(
      { method: 'POST', url: '/api/complaints', payload: complaintBody({ amount: '50000', receivedAt: sh('2026-11-25T10:00:00') }) },
      'agent',
    );
    c = res.json<Detail>();
    expect(c.level).toBe(2);
    expect(dueOf(c, 'l2_to_supervisor')).toBe(sh('2026-11-25T12:00:00'));
    expect(dueOf(c, 'l2_investigation_organised')).toBe(sh('2026-11-30T17:30:00'));
    expect(dueOf(c, 'l2_result')).toBe(sh('2026-12-09T17:30:00'));
  });

  it('to the supervisor, to the claims department, investigation, findings, the agent answers within 24 hours', async () => {
    const up = await act('escalate', { to: 'supervisor' }, 'agent', '2026-11-25T10:30:00');
    expect(running(up, 'l2_to_supervisor')).toEqual([]);
    expect(await told('supervisor', 'escalate')).toEqual([sh('2026-11-25T10:30:00')]);
    const assigned = await act('assign', { departmentIds: [claimsId] }, 'supervisor', '2026-11-25T14:00:00');
    expect(dueOf(assigned, 'progress_report')).toBe(sh('2026-11-27T17:30:00'));
    expect(await told('handler', 'assign')).toEqual([sh('2026-11-25T14:00:00')]);
    const inv = await act('start-investigation', {}, 'handler', '2026-11-26T09:00:00');
    expect(running(inv, 'l2_investigation_organised')).toEqual([]);
    expect(dueOf(inv, 'investigation')).toBe(sh('2026-12-03T17:30:00'));
    const found = await act('record-findings', { findings: '定损单价偏低', conclusion: 'partly_upheld' }, 'handler', '2026-12-01T10:00:00');
    expect(dueOf(found, 'l2_agent_reply')).toBe(sh('2026-12-02T10:00:00'));
    expect(await told('agent', 'record_findings')).toEqual([sh('2026-12-01T10:00:00')]);
    const fb = await act('send-feedback', { method: 'phone', content: '按复核单价补差' }, 'agent', '2026-12-01T15:00:00');
    expect(fb.status).toBe('feedback_sent');
    expect(running(fb, 'l2_agent_reply')).toEqual([]);
    expect(running(fb, 'l2_result')).toEqual([]);
    expect(dueOf(fb, 'satisfaction_followup')).toBe(sh('2026-12-04T17:30:00'));
  });

  it('first dissatisfaction: exception for the leaders, closing refused, reopened as round 2', async () => {
    await act('record-survey', { satisfied: false, score: 2, method: 'phone', comment: '补差不足' }, 'agent', '2026-12-02T10:00:00');
    expect(await told('leader', 'record_survey')).toEqual([sh('2026-12-02T10:00:00')]);
    expect(await told('supervisor', 'record_survey')).toEqual([sh('2026-12-02T10:00:00')]);
    await act('close', { outcome: 'partly_upheld', summary: 'x', reason: '客户坚持' }, 'agent', '2026-12-02T10:30:00', 409);
    const again = await act('reopen', { reason: '客户对补差金额不满意' }, 'supervisor', '2026-12-02T11:00:00');
    expect(again).toMatchObject({ status: 'assigned', round: 2 });
    // a new answer deadline: 10 working days from Wed Dec 2 -> Wed Dec 16
    expect(dueOf(again, 'l2_result')).toBe(sh('2026-12-16T17:30:00'));
    expect(running(again, 'formal_review')).toEqual([]);
  });

  it('second dissatisfaction: round 3 runs a formal review of 30 calendar days (into unconfirmed 2027)', async () => {
    await act('send-feedback', { method: 'letter', content: '复核后维持补差方案并说明依据' }, 'agent', '2026-12-03T16:00:00');
    await act('record-survey', { satisfied: false, score: 1, method: 'phone' }, 'agent', '2026-12-04T10:00:00');
    const third = await act('reopen', { reason: '第二次不满意，提交正式复核' }, 'leader', '2026-12-04T11:00:00');
    expect(third.round).toBe(3);
    // day 30 after Fri Dec 4 is Sun 2027-01-03: rolled to the end of Mon Jan 4 on the weekend-only 2027 calendar
    const review = running(third, 'formal_review')[0];
    expect(review).toMatchObject({ dueAt: sh('2027-01-05T00:00:00'), calendarConfirmed: false });
    const exceptions = await t.db.selectFrom('complaint_exceptions').select(['kind', 'status']).where('complaint_id', '=', c.id).execute();
    expect(exceptions).toEqual([
      { kind: 'dissatisfied', status: 'open' },
      { kind: 'dissatisfied', status: 'open' },
    ]);
  });

  it('the formal review is concluded by its reviewer (the department head), not closed by the handler (#14 item 3)', async () => {
    await act(
      'send-feedback',
      { method: 'letter', content: '正式复核结论，并告知可向12378或调解组织申请处理' },
      'agent',
      '2026-12-20T10:00:00',
    );
    await act('record-survey', { satisfied: false, score: 1, method: 'phone' }, 'agent', '2026-12-21T10:00:00');
    await act('grade', { level: 2 }, 'supervisor', '2026-12-21T10:30:00');
    // the handler (or anyone) no longer closes it while the customer is dissatisfied: the reviewer concludes
    await act(
      'close',
      { outcome: 'partly_upheld', summary: '正式复核结论', reason: '复核结论已告知' },
      'leader',
      '2026-12-21T11:00:00',
      409,
    );
    const closed = await act(
      'conclude-review',
      { outcome: 'partly_upheld', conclusion: '正式复核结论：维持补差方案，外部救济途径已说明' },
      'supervisor',
      '2026-12-21T11:00:00',
    );
    expect(closed).toMatchObject({ status: 'closed', closedAs: 'concluded' });
    const events = (await t.inject({ method: 'GET', url: `/api/complaints/${c.id}/events` }, 'leader')).json<ComplaintEventsAnswer>().items;
    expect(events.filter((e) => e.type === 'reopen')).toHaveLength(2);
    expect(events.filter((e) => e.type === 'record_survey')).toHaveLength(3);
  });
});
