/**
 * Pauses and restarts (issue #9 item 11, R-A2, R-E2), through HTTP on real PostgreSQL: a
 * mediation pause also stops the level-2 agent reply (24 hours to tell the customer the result),
 * like every clock that answers the customer; "resume clocks" is offered only while something is
 * paused and "pause clocks" only while nothing is; every handling step restarts the
 * progress-report clock (one rule, decide.ts isProgress), request/decide extension and findings
 * included, while pausing and resuming do not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import type { ComplaintDetailAnswer, ComplaintEventsAnswer } from '../../http/schemas/complaint.responses.js';

let t: TestApp;
let claimsId: string;
const sh = (local: string) => new Date(`${local}+08:00`).toISOString();

type Detail = ComplaintDetailAnswer;
let c: Detail;

const open = (d: Detail, kind: string) => d.clocks.filter((k) => k.kind === kind && (k.status === 'running' || k.status === 'paused'));
const progressStart = (d: Detail) => open(d, 'progress_report').map((k) => k.startedAt);

async function act(action: string, payload: Record<string, unknown>, as: string, when: string): Promise<Detail> {
  t.setNow(sh(when));
  const res = await t.inject({ method: 'POST', url: `/api/complaints/${c.id}/${action}`, payload }, as);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json<Detail>();
}

beforeAll(async () => {
  t = await createTestApp(sh('2026-11-25T10:00:00'));
  claimsId = (await t.db.selectFrom('org_units').select('id').where('code', '=', 'CLAIMS').executeTakeFirstOrThrow()).id;
  const res = await t.inject(
    { method: 'POST', url: '/api/complaints', payload: complaintBody({ amount: '50000', receivedAt: sh('2026-11-25T09:55:00') }) },
    'agent',
  );
  c = res.json<Detail>();
  expect(c.level).toBe(2);
});
afterAll(async () => t.close());

describe('the progress-report clock restarts with every handling step', () => {
  it('assign, start investigation, request and decide an extension, record findings: each restarts it', async () => {
    expect(progressStart(await act('assign', { departmentIds: [claimsId] }, 'supervisor', '2026-11-25T11:00:00'))).toEqual([
      sh('2026-11-25T11:00:00'),
    ]);
    expect(progressStart(await act('start-investigation', {}, 'handler', '2026-11-26T09:00:00'))).toEqual([sh('2026-11-26T09:00:00')]);
    expect(
      progressStart(await act('request-extension', { days: 2, reason: '需调取维修厂记录' }, 'handler', '2026-11-27T10:00:00')),
    ).toEqual([sh('2026-11-27T10:00:00')]);
    const requestId = (await t.inject({ method: 'GET', url: `/api/complaints/${c.id}/events` }, 'agent'))
      .json<ComplaintEventsAnswer>()
      .items.find((e) => e.type === 'request_extension')?.payload.recordId as string;
    const decided = await act('decide-extension', { requestId, approved: true }, 'supervisor', '2026-11-27T11:00:00');
    expect(progressStart(decided)).toEqual([sh('2026-11-27T11:00:00')]);
    // 2 working days: Mon 30, Tue Dec 1
    expect(open(decided, 'progress_report')[0]?.dueAt).toBe(sh('2026-12-01T17:30:00'));
    const found = await act('record-findings', { findings: '维修单价偏低', conclusion: 'partly_upheld' }, 'handler', '2026-11-30T10:00:00');
    expect(progressStart(found)).toEqual([sh('2026-11-30T10:00:00')]);
    expect(open(found, 'l2_agent_reply')[0]).toMatchObject({ status: 'running', dueAt: sh('2026-12-01T10:00:00') });
  });
});

describe('a mediation pause', () => {
  it('offers pause only while nothing is paused, resume only while something is', async () => {
    const before = (await t.inject({ method: 'GET', url: `/api/complaints/${c.id}` }, 'supervisor')).json<Detail>();
    expect(before.allowedActions).toContain('pause_clocks');
    expect(before.allowedActions).not.toContain('resume_clocks');
  });

  it('stops the level-2 agent reply with the regulatory and result clocks; not the progress report', async () => {
    const paused = await act('pause-clocks', { reason: 'mediation', note: '进入调解' }, 'supervisor', '2026-11-30T12:00:00');
    for (const kind of ['l2_agent_reply', 'l2_result', 'regulatory'])
      expect(open(paused, kind)[0], kind).toMatchObject({ status: 'paused', dueAt: null });
    expect(open(paused, 'progress_report')[0]?.status).toBe('running');
    expect(progressStart(paused)).toEqual([sh('2026-11-30T10:00:00')]);
    expect(paused.allowedActions).toContain('resume_clocks');
    expect(paused.allowedActions).not.toContain('pause_clocks');
  });

  it('resuming gives the agent reply back the 22 hours that remained', async () => {
    const resumed = await act('resume-clocks', { note: '调解结束' }, 'supervisor', '2026-12-02T12:00:00');
    expect(open(resumed, 'l2_agent_reply')[0]).toMatchObject({ status: 'running', dueAt: sh('2026-12-03T10:00:00') });
    expect(resumed.allowedActions).toContain('pause_clocks');
    expect(resumed.allowedActions).not.toContain('resume_clocks');
  });
});
