/**
 * The leadership board (issue #5 item 6) through HTTP on real PostgreSQL: every figure checked on
 * complaints made here, with time injected, for a reader who sees everything (leader) and one who
 * sees only customer service (supervisor). Shanghai days and Monday weeks: 2026-11-25 is a Wednesday.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import { sweepClocks } from '../../services/workflow/sweeper.service.js';
import type { PolicyVersionAnswer } from '../schemas/administration.responses.js';
import type { BoardAnswer } from '../schemas/board.responses.js';
import type { ComplaintDetailAnswer } from '../schemas/complaint.responses.js';

let t: TestApp;
type Created = ComplaintDetailAnswer;
type Board = BoardAnswer;

const NOW = '2026-11-25T02:00:00.000Z'; // Wed 10:00 in Shanghai
let a: Created; // level 1, agent, received Mon 11-09, planned with two milestones
let g: Created; // level 1, agent, received this morning, no plan yet
let c: Created; // level 2, Pudong branch, received Wed 00:30 Shanghai (Tue 16:30 UTC)

async function register(as: string, overrides: Record<string, unknown>): Promise<Created> {
  const res = await t.inject({ method: 'POST', url: '/api/complaints', payload: complaintBody(overrides) }, as);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Created>();
}
async function act(id: string, step: string, payload: Record<string, unknown>, as: string, at: string): Promise<Created> {
  t.setNow(at);
  const res = await t.inject({ method: 'POST', url: `/api/complaints/${id}/${step}`, payload }, as);
  expect(res.statusCode, `${step}: ${res.body}`).toBe(200);
  return res.json<Created>();
}
async function board(as: string): Promise<Board> {
  const res = await t.inject({ method: 'GET', url: '/api/board' }, as);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Board>();
}
const phone = (n: number) => ({ name: `看板${n}`, phone: `1360000000${n}` });

/** The supervisor's figures are those of customer service: a branch agent's complaint stays the branch's (policy: no default department). */
async function withoutDefaultDepartment(): Promise<void> {
  const current = (await t.inject({ method: 'GET', url: '/api/policy' }, 'admin')).json<PolicyVersionAnswer>();
  const policy = { ...current.policy, handling: { ...current.policy.handling, defaultDepartmentCode: null } };
  expect(
    (await t.inject({ method: 'PUT', url: '/api/policy', payload: { policy, reason: '网点投诉不默认归属部门' } }, 'admin')).statusCode,
  ).toBe(201);
}

beforeAll(async () => {
  t = await createTestApp('2026-11-09T02:00:00Z'); // Mon 10:00
  await withoutDefaultDepartment();
  const claimsId = (await t.db.selectFrom('org_units').select('id').where('code', '=', 'CLAIMS').executeTakeFirstOrThrow()).id;
  a = await register('agent', { amount: '150000', receivedAt: '2026-11-09T02:00:00Z', complainant: phone(1) });
  // received 10-10 (outside 30 days), withdrawn before any clock went late: counted nowhere
  const e = await register('agent', { receivedAt: '2026-10-10T02:00:00Z', complainant: phone(5) });
  await act(e.id, 'withdraw', { reason: '客户撤回' }, 'agent', '2026-11-09T02:01:00Z');
  // l1_report_supervisor (due 02:15) met on time
  await act(a.id, 'escalate', { to: 'supervisor' }, 'agent', '2026-11-09T02:10:00Z');
  t.setNow('2026-11-09T05:00:00Z');
  await sweepClocks(t.ctx); // l1_to_leadership (02:30) and l1_leadership_meeting (04:00) breached
  const planned = await act(
    a.id,
    'record-meeting',
    {
      heldAt: '2026-11-09T05:30:00Z',
      attendees: ['leader', 'supervisor'],
      decisions: '理赔部牵头复核',
      owners: ['handler'],
      departmentIds: [claimsId],
      milestones: [
        { title: '复核定损', owner: 'handler', dueAt: '2026-11-20T02:00:00Z' },
        { title: '调取理赔档案', owner: 'handler', dueAt: '2026-11-11T02:00:00Z' },
      ],
    },
    'leader',
    '2026-11-09T06:00:00Z',
  );
  const first = planned.clocks.find((k) => k.label === '调取理赔档案')!;
  await act(a.id, 'complete-milestone', { milestoneId: first.subjectId }, 'handler', '2026-11-10T02:00:00Z'); // on time
  // received 10-30 (inside 30 days), withdrawn: counted as received, not as open
  const f = await register('agent', { receivedAt: '2026-10-30T02:00:00Z', complainant: phone(6) });
  await act(f.id, 'withdraw', { reason: '客户撤回' }, 'agent', '2026-11-10T02:01:00Z');

  t.setNow(NOW);
  await register('agent', { receivedAt: '2026-11-24T01:30:00Z', complainant: phone(2) }); // level 3, Tue
  c = await register('branch', { branchId: 'SH-PD', amount: '50000', receivedAt: '2026-11-24T16:30:00Z', complainant: phone(3) });
  await register('agent', { amount: '50000', receivedAt: '2026-11-25T01:30:00Z', complainant: phone(4) }); // level 2, Wed
  g = await register('agent', { amount: '150000', receivedAt: '2026-11-25T01:55:00Z', complainant: phone(7) });
  // A: progress report (Wed 11-11 17:30), second milestone (11-20), l1_result (Mon 11-23 17:30), regulatory (Wed 11-25 00:00);
  // C: l2_to_supervisor (2 hours after 00:30)
  await sweepClocks(t.ctx);
});
afterAll(async () => t.close());

describe('GET /api/board', () => {
  it('needs board.read: leaders, senior managers, supervisors and inspectors', async () => {
    for (const who of ['agent', 'branch', 'handler', 'auditor', 'admin']) {
      const res = await t.inject({ method: 'GET', url: '/api/board' }, who);
      expect(res.statusCode, who).toBe(403);
      expect(res.json()).toMatchObject({ code: 'forbidden' });
    }
    for (const who of ['senior', 'inspector']) expect((await t.inject({ method: 'GET', url: '/api/board' }, who)).statusCode).toBe(200);
  });

  it('open complaints by level, with how many have a late clock', async () => {
    const b = await board('leader');
    expect(b.generatedAt).toBe(NOW);
    expect(b.openByLevel).toEqual([
      { level: 1, open: 2, overdue: 1 },
      { level: 2, open: 2, overdue: 1 },
      { level: 3, open: 1, overdue: 0 },
    ]);
    expect(b.tiles).toMatchObject({ openComplaints: 5, openLevel1: 2, overdueComplaints: 2 });
  });

  it('on-time rate per Monday week: met by the due time vs went late, each clock once', async () => {
    const b = await board('leader');
    expect(b.onTime.map((w) => w.weekStart)).toEqual([
      '2026-10-05',
      '2026-10-12',
      '2026-10-19',
      '2026-10-26',
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
      '2026-11-23',
    ]);
    expect(b.onTime.slice(0, 5).every((w) => w.onTime === 0 && w.late === 0 && w.rate === null)).toBe(true);
    // week of 11-09: on time = report to supervisor, first milestone; late = hand-over, meeting (met late, counted once), progress report
    expect(b.onTime[5]).toEqual({ weekStart: '2026-11-09', onTime: 2, late: 3, rate: 0.4 });
    expect(b.onTime[6]).toEqual({ weekStart: '2026-11-16', onTime: 0, late: 1, rate: 0 }); // second milestone
    expect(b.onTime[7]).toEqual({ weekStart: '2026-11-23', onTime: 0, late: 3, rate: 0 }); // l1_result, regulatory, C's l2_to_supervisor
    expect(b.tiles.onTimeRate).toBe(0.222); // 2 / 9
  });

  it('complaints received per Shanghai day over the last 30 days, zero-filled, closed ones included', async () => {
    const b = await board('leader');
    expect(b.receivedPerDay).toHaveLength(30);
    expect(b.receivedPerDay[0]).toEqual({ day: '2026-10-27', count: 0 });
    expect(b.receivedPerDay.at(-1)).toEqual({ day: '2026-11-25', count: 3 }); // C at 00:30 Shanghai, D, G
    expect(b.receivedPerDay.filter((d) => d.count > 0)).toEqual([
      { day: '2026-10-30', count: 1 },
      { day: '2026-11-09', count: 1 },
      { day: '2026-11-24', count: 1 },
      { day: '2026-11-25', count: 3 },
    ]);
  });

  it('open exceptions per kind and the latest ones; breaches of the last 7 days', async () => {
    const b = await board('leader');
    expect(b.exceptions.open).toEqual({ breach: 6, stalled: 1, dissatisfied: 0, message_failed: 0, spike: 0 });
    expect(b.tiles.openExceptions).toBe(7);
    expect(b.exceptions.items).toHaveLength(7);
    expect(b.exceptions.items.every((e) => e.status === 'open')).toBe(true);
    expect(b.breaches.since).toBe('2026-11-18T02:00:00.000Z');
    expect(b.tiles.breaches).toBe(4);
    expect(b.breaches.items.map((k) => [k.complaint.number, k.kind, k.label])).toEqual([
      [c.number, 'l2_to_supervisor', null],
      [a.number, 'regulatory', null],
      [a.number, 'l1_result', null],
      [a.number, 'milestone', '复核定损'],
    ]);
  });

  it('open level-1 complaints, the longest waiting first, with the plan (owners, departments) and milestones', async () => {
    const b = await board('leader');
    expect(b.level1.total).toBe(2);
    expect(b.level1.items.map((i) => i.number)).toEqual([a.number, g.number]);
    const [planned, fresh] = b.level1.items;
    expect(planned).toMatchObject({
      status: 'assigned',
      amount: '150000.00',
      overdue: true,
      plan: {
        heldAt: '2026-11-09T05:30:00.000Z',
        decisions: '理赔部牵头复核',
        owners: [{ username: 'handler', displayName: expect.any(String) }],
        departments: [{ code: 'CLAIMS', zh: '理赔部', en: 'Claims' }],
        meetings: 1,
      },
    });
    expect(planned!.milestones.map((m) => [m.label, m.owner.username, m.dueAt, m.status, m.overdue, m.late])).toEqual([
      ['调取理赔档案', 'handler', '2026-11-11T02:00:00.000Z', 'met', false, false],
      ['复核定损', 'handler', '2026-11-20T02:00:00.000Z', 'breached', true, false],
    ]);
    expect(fresh).toMatchObject({ status: 'registered', overdue: false, plan: null, milestones: [] });
  });

  it('a supervisor sees the same figures for customer service only (not the branch complaint)', async () => {
    const b = await board('supervisor');
    expect(b.openByLevel).toEqual([
      { level: 1, open: 2, overdue: 1 },
      { level: 2, open: 1, overdue: 0 },
      { level: 3, open: 1, overdue: 0 },
    ]);
    expect(b.onTime[7]).toEqual({ weekStart: '2026-11-23', onTime: 0, late: 2, rate: 0 });
    expect(b.receivedPerDay.at(-1)).toEqual({ day: '2026-11-25', count: 2 });
    expect(b.exceptions.open).toEqual({ breach: 5, stalled: 1, dissatisfied: 0, message_failed: 0, spike: 0 });
    expect(b.breaches.items.map((k) => k.complaint.number)).not.toContain(c.number);
    expect(b.tiles).toMatchObject({ openComplaints: 4, overdueComplaints: 1, breaches: 3 });
  });
});
