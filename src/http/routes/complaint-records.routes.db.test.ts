/**
 * GET /api/complaints/{id}/records (issue #5, the complaint page's tabs) through HTTP on real
 * PostgreSQL: every record a step wrote, oldest first, with its kind, status and data; the plan's
 * milestones with the state of their clocks; 404 outside the data scope, like an unknown number.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import { sweepClocks } from '../../services/workflow/sweeper.service.js';
import type { ComplaintDetailAnswer } from '../schemas/complaint.responses.js';
import type { ComplaintRecordsAnswer } from '../schemas/workflow.responses.js';

let t: TestApp;
let phone = 13730000000;

beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z');
});
afterAll(async () => t.close());

async function register(overrides: Record<string, unknown> = {}, as = 'agent'): Promise<string> {
  phone += 1;
  const res = await t.inject(
    {
      method: 'POST',
      url: '/api/complaints',
      payload: complaintBody({ complainant: { name: '记录', phone: String(phone) }, ...overrides }),
    },
    as,
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json<ComplaintDetailAnswer>().id;
}

/** One step, a minute after the previous one (records are listed by time). */
async function act(id: string, action: string, payload: Record<string, unknown>, as = 'agent') {
  t.setNow(new Date(t.now().getTime() + 60_000));
  const res = await t.inject({ method: 'POST', url: `/api/complaints/${id}/${action}`, payload }, as);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
}

const records = (id: string, as = 'agent') => t.inject({ method: 'GET', url: `/api/complaints/${id}/records` }, as);

describe('GET /api/complaints/{id}/records', () => {
  it('lists what each step wrote, oldest first, with compensation status and payment', async () => {
    t.setNow('2026-11-25T02:00:00Z');
    const id = await register();
    const empty = await records(id);
    expect(empty.statusCode, empty.body).toBe(200);
    expect(empty.json()).toEqual({ records: [], milestones: [] });

    await act(id, 'start-investigation', { plan: '调取定损单' });
    await act(id, 'record-findings', { findings: '定损漏项', conclusion: 'upheld' });
    await act(id, 'record-analysis', {
      causes: ['business_process'],
      impact: { business: 'low', reputation: 'medium', financial: 'low' },
      strategy: '补赔',
    });
    await act(id, 'propose-compensation', { amount: '800', basis: '漏项维修费' });
    const proposed = (await records(id)).json<ComplaintRecordsAnswer>();
    const compensation = proposed.records.find((r) => r.kind === 'compensation')!;
    expect(compensation).toMatchObject({
      status: 'proposed',
      data: { amount: '800.00', approver: expect.any(String) },
      createdBy: 'agent',
    });
    await act(id, 'decide-compensation', { compensationId: compensation.id, approved: true }, 'supervisor');
    await act(id, 'record-payment', { compensationId: compensation.id, status: 'paid', reference: 'TX-1' });
    await act(id, 'send-feedback', { method: 'phone', content: '已补赔 800 元' });
    await act(id, 'record-survey', { satisfied: true, score: 5, method: 'phone' });
    expect((await t.inject({ method: 'POST', url: `/api/complaints/${id}/grade`, payload: { level: 3 } }, 'supervisor')).statusCode).toBe(
      200,
    );
    await act(id, 'close', { outcome: 'upheld', summary: '补赔结案' });

    const res = await records(id);
    expect(res.statusCode).toBe(200);
    const body = res.json<ComplaintRecordsAnswer>();
    expect(body.records.map((r) => r.kind)).toEqual([
      'investigation',
      'findings',
      'analysis',
      'compensation',
      'feedback',
      'survey',
      'closing',
    ]);
    expect(body.records.find((r) => r.kind === 'compensation')).toMatchObject({
      status: 'approved',
      data: { decision: { approved: true, by: 'supervisor' }, payment: { status: 'paid', reference: 'TX-1' } },
    });
    expect(body.records.find((r) => r.kind === 'survey')).toMatchObject({ round: 1, data: { satisfied: true, score: 5 } });
    expect(body.milestones).toEqual([]);
  });

  it("gives the plan's milestones with their state: done, open, overdue", async () => {
    t.setNow('2026-11-25T02:00:00Z');
    const id = await register({ amount: '250000' });
    await act(
      id,
      'record-meeting',
      {
        heldAt: '2026-11-25T01:50:00Z',
        attendees: ['组长', '理赔部'],
        decisions: '先行赔付，复核定损',
        owners: ['handler'],
        milestones: [
          { title: '复核定损', owner: 'handler', dueAt: '2026-11-26T02:00:00Z' },
          { title: '先行赔付', owner: 'supervisor', dueAt: '2026-11-27T02:00:00Z' },
          { title: '回访客户', owner: 'agent', dueAt: '2026-11-30T02:00:00Z' },
        ],
      },
      'leader',
    );
    const planned = (await records(id)).json<ComplaintRecordsAnswer>();
    expect(planned.records.map((r) => r.kind)).toEqual(['meeting']);
    expect(planned.milestones.map((m) => [m.title, m.status])).toEqual([
      ['复核定损', 'open'],
      ['先行赔付', 'open'],
      ['回访客户', 'open'],
    ]);
    const first = planned.milestones[0]!;
    await act(id, 'complete-milestone', { milestoneId: first.id, note: '已复核' }, 'supervisor');
    t.setNow('2026-11-28T02:00:00Z');
    await sweepClocks(t.ctx);
    const later = (await records(id)).json<ComplaintRecordsAnswer>();
    expect(later.milestones.map((m) => [m.title, m.status])).toEqual([
      ['复核定损', 'done'],
      ['先行赔付', 'breached'],
      ['回访客户', 'open'],
    ]);
    expect(later.milestones[0]).toMatchObject({
      doneBy: 'supervisor',
      doneNote: '已复核',
      owner: 'handler',
      dueAt: '2026-11-26T02:00:00.000Z',
    });
    expect(later.records.map((r) => r.kind)).toEqual(['meeting', 'milestone_done']);
  });

  it('answers 404 outside the data scope and for an unknown complaint, as the detail does', async () => {
    t.setNow('2026-11-25T02:00:00Z');
    const id = await register({ branchId: 'BJ-CY' }, 'tester');
    const branch = await records(id, 'branch');
    expect(branch.statusCode).toBe(404);
    expect(branch.json()).toMatchObject({ code: 'complaint_not_found' });
    expect((await t.inject({ method: 'GET', url: `/api/complaints/${id}` }, 'branch')).statusCode).toBe(404);
    expect((await records(id, 'auditor')).statusCode).toBe(200);
    expect((await records('TS209901010001', 'agent')).statusCode).toBe(404);
  });
});
