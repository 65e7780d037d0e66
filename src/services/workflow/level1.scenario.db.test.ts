/**
 * Level 1 through every stage (R-C3, R-A2, R-E1..E3), with time injected: received on the Friday
 * evening before National Day 2026 (Fri 2026-09-25 is also Mid-Autumn), reported to the supervisor,
 * handed to the leadership group, emergency meeting with a plan, investigation over the holiday,
 * findings, feedback, report to senior management, survey, close. Asserts the exact due times, the
 * sweeper's warnings and breaches, and who was notified at which instant.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import { sweepClocks } from './sweeper.service.js';
import type { ComplaintDetailAnswer } from '../../http/schemas/complaint.responses.js';
import type { NotificationPageAnswer } from '../../http/schemas/notification.responses.js';

let t: TestApp;
/** Shanghai wall time -> ISO instant */
const sh = (local: string) => new Date(`${local}+08:00`).toISOString();

type Clock = ComplaintDetailAnswer['clocks'][number];
type Detail = ComplaintDetailAnswer;
type Inbox = NotificationPageAnswer;

let c: Detail;
let claimsId: string;
const due = (d: Detail, kind: string) => d.clocks.filter((k) => k.kind === kind && k.status !== 'cancelled').map((k) => k.dueAt)[0];
const status = (d: Detail, kind: string) => d.clocks.find((k) => k.kind === kind && k.status !== 'cancelled')?.status;

async function act(action: string, payload: Record<string, unknown>, as: string, when: string): Promise<Detail> {
  t.setNow(sh(when));
  const res = await t.inject({ method: 'POST', url: `/api/complaints/${c.id}/${action}`, payload }, as);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json<Detail>();
}

async function sweep(when: string) {
  t.setNow(sh(when));
  return sweepClocks(t.ctx);
}

/** What a user was told about this complaint, oldest first, as "kind@Shanghai time". */
async function told(user: string): Promise<string[]> {
  const res = await t.inject({ method: 'GET', url: '/api/notifications?limit=200' }, user);
  const items = res.json<Inbox>().items.filter((n) => n.body.number === c.number);
  return items
    .map((n) => `${n.kind}@${new Date(Date.parse(n.createdAt) + 8 * 3_600_000).toISOString().slice(5, 16).replace('T', ' ')}`)
    .reverse();
}

beforeAll(async () => {
  t = await createTestApp(sh('2026-09-25T20:02:00'));
  claimsId = (await t.db.selectFrom('org_units').select('id').where('code', '=', 'CLAIMS').executeTakeFirstOrThrow()).id;
});
afterAll(async () => t.close());

describe('level 1 received on the Friday evening before National Day 2026', () => {
  it('registration plans the four level-1 clocks and the regulatory clock', async () => {
    const res = await t.inject(
      {
        method: 'POST',
        url: '/api/complaints',
        payload: complaintBody({ amount: '150000', receivedAt: sh('2026-09-25T20:00:00'), description: '重大事故理赔被拒，损失15万元' }),
      },
      'agent',
    );
    expect(res.statusCode, res.body).toBe(201);
    c = res.json<Detail>();
    expect(c.level).toBe(1);
    expect(due(c, 'l1_report_supervisor')).toBe(sh('2026-09-25T20:15:00'));
    expect(due(c, 'l1_to_leadership')).toBe(sh('2026-09-25T20:30:00'));
    expect(due(c, 'l1_leadership_meeting')).toBe(sh('2026-09-25T22:00:00'));
    // working days after Fri 25 (Mid-Autumn): Mon 28, Tue 29, Wed 30, [Oct 1–7 National Day], Thu 8, Fri 9, Sat 10 (adjusted), Mon 12, Tue 13, Wed 14, Thu 15
    expect(due(c, 'l1_result')).toBe(sh('2026-10-15T17:30:00'));
    // 15 calendar days: day 15 = Sat Oct 10, an adjusted working day, so no roll-over
    expect(due(c, 'regulatory')).toBe(sh('2026-10-11T00:00:00'));
  });

  it('20:10 the agent reports to the supervisor; 20:15 the sweeper warns about the hand-over', async () => {
    const d = await act('escalate', { to: 'supervisor', note: '金额超过10万，一级投诉' }, 'agent', '2026-09-25T20:10:00');
    expect(status(d, 'l1_report_supervisor')).toBe('met');
    expect(await sweep('2026-09-25T20:15:00')).toMatchObject({ warnings: 1, breaches: 0 });
    // alerted at once at registration (R-C3), then the agent's report
    expect(await told('supervisor')).toEqual(['level1_registered@09-25 20:02', 'escalate@09-25 20:10']);
  });

  it('20:28 the hand-over to the leadership group meets its clock; the meeting clock warns at 21:00', async () => {
    const d = await act('escalate', { to: 'leadership' }, 'agent', '2026-09-25T20:28:00');
    expect(status(d, 'l1_to_leadership')).toBe('met');
    expect(await told('leader')).toEqual(['escalate@09-25 20:28']);
    expect(await sweep('2026-09-25T20:40:00')).toMatchObject({ warnings: 0, breaches: 0 });
    expect((await sweep('2026-09-25T21:00:00')).warnings).toBe(1);
  });

  it('21:50 the leadership group records the plan: owners, claims department, a milestone', async () => {
    const d = await act(
      'record-meeting',
      {
        heldAt: sh('2026-09-25T21:30:00'),
        attendees: ['leader', 'supervisor'],
        decisions: '理赔部牵头复核，节后首个工作日前调取全部档案',
        owners: ['handler'],
        departmentIds: [claimsId],
        milestones: [{ title: '调取理赔档案', owner: 'handler', dueAt: sh('2026-09-28T12:00:00') }],
      },
      'leader',
      '2026-09-25T21:50:00',
    );
    expect(d.status).toBe('assigned');
    expect(status(d, 'l1_leadership_meeting')).toBe('met');
    expect(d.clocks.find((k) => k.kind === 'milestone')).toMatchObject({ dueAt: sh('2026-09-28T12:00:00'), label: '调取理赔档案' });
    // progress every 2 working days: Mon 28, Tue 29 -> Tue 17:30
    expect(due(d, 'progress_report')).toBe(sh('2026-09-29T17:30:00'));
    expect(await told('handler')).toEqual(['record_meeting@09-25 21:50']);
  });

  it('Mon 28 the claims department investigates: 5 working days end on the adjusted Saturday Oct 10', async () => {
    const d = await act('start-investigation', { plan: '调取档案、询问查勘员' }, 'handler', '2026-09-28T09:30:00');
    expect(d.status).toBe('investigating');
    expect(due(d, 'investigation')).toBe(sh('2026-10-10T17:30:00'));
    const milestone = d.clocks.find((k) => k.kind === 'milestone') as Clock & { subjectId: string };
    const done = await act('complete-milestone', { milestoneId: milestone.subjectId, note: '档案已齐' }, 'handler', '2026-09-28T11:00:00');
    expect(done.clocks.find((k) => k.kind === 'milestone')).toMatchObject({ status: 'met', metAt: sh('2026-09-28T11:00:00') });
    expect(await told('leader')).toContain('complete_milestone@09-28 11:00');
    await act('report-progress', { content: '档案已调取' }, 'handler', '2026-09-29T16:00:00');
    // after the holiday the progress report of Tue 29 is overdue (2 working days: Wed 30, Thu Oct 8 17:30): not yet at 09:00
    expect((await sweep('2026-10-08T09:00:00')).breaches).toBe(0);
    expect((await sweep('2026-10-08T17:31:00')).breaches).toBe(1);
    const stalled = await t.db.selectFrom('complaint_exceptions').select('kind').where('complaint_id', '=', c.id).execute();
    expect(stalled).toEqual([{ kind: 'stalled' }]);
  });

  it('findings, feedback, report to senior management, survey, close', async () => {
    await act('record-findings', { findings: '查勘记录显示责任认定有误', conclusion: 'upheld' }, 'handler', '2026-10-09T10:00:00');
    const fb = await act(
      'send-feedback',
      { method: 'phone', content: '复核后同意赔付', proof: 'CALL-20261009-0007' },
      'agent',
      '2026-10-09T15:00:00',
    );
    expect(fb.status).toBe('feedback_sent');
    expect(status(fb, 'l1_result')).toBe('met');
    expect(status(fb, 'regulatory')).toBe('met');
    // 1 working day: Sat Oct 10 (adjusted) 17:30; follow-up 3 working days: Sat 10, Mon 12, Tue 13
    expect(due(fb, 'l1_report_senior')).toBe(sh('2026-10-10T17:30:00'));
    expect(due(fb, 'satisfaction_followup')).toBe(sh('2026-10-13T17:30:00'));
    const reported = await act('report-to-senior', { content: '一级投诉处理完毕，已同意赔付' }, 'leader', '2026-10-10T11:00:00');
    expect(status(reported, 'l1_report_senior')).toBe('met');
    expect(await told('senior')).toContain('report_to_senior@10-10 11:00');
    await act('record-survey', { satisfied: true, score: 4, method: 'phone' }, 'agent', '2026-10-12T10:00:00');
    // a complaint is closed at a confirmed level (issue #9 item 7b)
    await act('grade', { level: 1 }, 'supervisor', '2026-10-12T10:02:00');
    const closed = await act('close', { outcome: 'upheld', summary: '同意赔付15万元' }, 'agent', '2026-10-12T10:05:00');
    expect(closed.status).toBe('closed');
    expect(closed.clocks.filter((k) => k.status === 'running')).toEqual([]);
  });
});
