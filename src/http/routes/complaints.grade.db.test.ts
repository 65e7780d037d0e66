import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import { expectFieldError, writeCounts } from '../../../test/db-assertions.js';
import type { ComplaintDetailAnswer, ComplaintEventsAnswer } from '../schemas/complaint.responses.js';
import type { NotificationPageAnswer } from '../schemas/notification.responses.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z');
});
afterAll(async () => t.close());

let n = 0;
async function register(overrides: Record<string, unknown> = {}) {
  n += 1;
  const res = await t.inject({
    method: 'POST',
    url: '/api/complaints',
    payload: complaintBody({ complainant: { name: `分级${n}`, phone: `1360000${String(n).padStart(4, '0')}` }, ...overrides }),
  });
  expect(res.statusCode).toBe(201);
  return res.json<ComplaintDetailAnswer>();
}
const grade = (id: string, payload: unknown, as?: string) =>
  t.inject({ method: 'POST', url: `/api/complaints/${id}/grade`, payload: payload as Record<string, unknown> }, as);
const events = async (id: string) =>
  (await t.inject({ method: 'GET', url: `/api/complaints/${id}/events` })).json<ComplaintEventsAnswer>().items;

describe('POST /api/complaints/{id}/grade (R-C2)', () => {
  it('confirming the proposal keeps the clocks and records who confirmed', async () => {
    const c = await register();
    const res = await grade(c.id, { level: 3 }, 'supervisor');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ level: 3, levelConfirmed: true });
    expect(res.json().clocks).toEqual(c.clocks);
    const last = (await events(c.id)).at(-1)!;
    expect(last).toMatchObject({ type: 'grading_confirmed', actor: 'supervisor', payload: { from: 3, to: 3 } });
  });

  it('an override needs a reason; without one nothing changes', async () => {
    const c = await register();
    const before = await writeCounts(t.db);
    expectFieldError(await grade(c.id, { level: 1 }), 400, 'reason');
    expectFieldError(await grade(c.id, { level: 1, reason: '   ' }), 400, 'reason');
    expect(await writeCounts(t.db)).toEqual(before);
    expect((await t.inject({ method: 'GET', url: `/api/complaints/${c.id}` })).json()).toMatchObject({ level: 3, levelConfirmed: false });
  });

  it('raising 3 -> 1 cancels the level-3 clock and plans the level-1 clocks from receipt (R-C3)', async () => {
    const c = await register({ receivedAt: '2026-11-25T01:00:00Z' });
    const res = await grade(c.number, { level: 1, reason: '客户称将联系媒体，影响重大' });
    expect(res.statusCode).toBe(200);
    const body = res.json<ComplaintDetailAnswer>();
    expect(body).toMatchObject({ level: 1, proposedLevel: 3 });
    const byKind = Object.fromEntries(body.clocks.map((k) => [k.kind, k]));
    expect(byKind.l3_answer!.status).toBe('cancelled');
    expect(byKind.regulatory!.status).toBe('running');
    expect(byKind.l1_to_leadership).toMatchObject({ status: 'running', dueAt: '2026-11-25T01:30:00.000Z' });
    expect(byKind.l1_result!.dueAt).toBe('2026-12-09T09:30:00.000Z');
    const types = (await events(c.id)).map((e) => e.type);
    expect(types.slice(-2)).toEqual(['regraded', 'clocks_replanned']);
    const inbox = (await t.inject({ method: 'GET', url: '/api/notifications' }, 'supervisor')).json<NotificationPageAnswer>();
    expect(inbox.items.filter((n) => n.body.number === c.number).map((n) => n.kind)).toEqual(['level1_regraded']);
    const regraded = (await events(c.id)).find((e) => e.type === 'regraded')!;
    expect(regraded).toMatchObject({ reason: '客户称将联系媒体，影响重大', payload: { from: 3, to: 1, overridesProposal: true } });
  });

  it('lowering 1 -> 2 replaces the level-1 clocks with the level-2 ones', async () => {
    const c = await register({ amount: '200000' });
    expect(c.level).toBe(1);
    const body = (await grade(c.id, { level: 2, reason: '金额经核实为5万元' })).json<ComplaintDetailAnswer>();
    const running = body.clocks
      .filter((k) => k.status === 'running')
      .map((k) => k.kind)
      .sort();
    expect(running).toEqual(['l2_investigation_organised', 'l2_result', 'l2_to_supervisor', 'regulatory']);
    expect(body.clocks.filter((k) => k.status === 'cancelled')).toHaveLength(4);
  });

  it('bad grade requests are 4xx naming the field', async () => {
    const c = await register();
    expectFieldError(await grade(c.id, { level: 4, reason: 'x' }), 400, 'level');
    expectFieldError(await grade(c.id, { level: '1', reason: 'x' }), 400, 'level');
    expectFieldError(await grade(c.id, {}), 400, 'level');
    expectFieldError(await grade(c.id, { level: 2, reason: 'r'.repeat(1_000_000) }), 400, 'reason');
    const missing = await grade('TS209901010001', { level: 2, reason: 'x' });
    expect(missing.statusCode).toBe(404);
  });
});
