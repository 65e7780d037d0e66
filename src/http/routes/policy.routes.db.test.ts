import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { Policy } from '../../domain/policy/policy.schema.js';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import { expectFieldError } from '../../../test/db-assertions.js';
import type { PolicyVersionAnswer, PolicyVersionListAnswer, PublishedPolicyAnswer } from '../schemas/administration.responses.js';
import type { ComplaintDetailAnswer, complaintEvents, LedgerPageAnswer } from '../schemas/complaint.responses.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z'); // Wed 10:00 in Shanghai
});
afterAll(async () => t.close());

type PolicyView = PolicyVersionAnswer;
type ComplaintView = ComplaintDetailAnswer;

const get = (url: string) => t.inject({ method: 'GET', url });
const put = (payload: unknown, headers: Record<string, string> = {}, as?: string) =>
  t.inject({ method: 'PUT', url: '/api/policy', payload: payload as string, headers }, as);
const current = async () => (await get('/api/policy')).json() as PolicyView;
const versionCount = async () =>
  Number(
    (
      await t.db
        .selectFrom('policy_versions')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const register = async (overrides: Record<string, unknown>) => {
  const res = await t.inject({ method: 'POST', url: '/api/complaints', payload: complaintBody(overrides) });
  expect(res.statusCode).toBe(201);
  return res.json() as ComplaintView;
};
const dueOf = (c: ComplaintView, kind: string) => c.clocks.find((k) => k.kind === kind)?.dueAt;

let original: Policy;

describe('GET /api/policy (R-A2, R-C1..C5)', () => {
  it('returns version 1 with the defaults of policy-defaults.md', async () => {
    const res = await get('/api/policy');
    expect(res.statusCode).toBe(200);
    const body = res.json() as PolicyView;
    expect(body.version).toBe(1);
    expect(body.createdBy).toBe('system');
    original = body.policy;
    expect(original.clocks.l1_result).toEqual({ amount: 10, unit: 'working_days' });
    expect(original.clocks.l3_answer).toEqual({ amount: 5, unit: 'working_days' });
    expect(original.clocks.urgent_initial_response).toEqual({ amount: 30, unit: 'minutes' });
    expect(original.clocks.l1_to_leadership).toEqual({ amount: 30, unit: 'minutes' });
    expect(original.clocks.l2_to_supervisor).toEqual({ amount: 2, unit: 'hours' });
    expect(original.regulatory).toEqual({ decisionDays: 15, extendedDays: 30, maxDays: 60 });
    expect(original.workingHours).toEqual({ start: '09:00', end: '17:30' });
    expect(original.warningFractions).toEqual([0.5, 0.8]);
    for (const line of original.taxonomies.businessLines) {
      const g = original.grading[line.code];
      expect(g, line.code).toBeDefined();
      expect(Number(g?.l1Above)).toBe(100000);
      expect(Number(g?.l2From)).toBe(10000);
    }
    expect(original.retention.life).toBe(10);
    expect(original.retention.brokerage).toBe(20);
    const list = (await get('/api/policy/versions')).json() as PolicyVersionListAnswer;
    expect(list.items.map((v) => v.version)).toEqual([1]);
  });
});

describe('PUT /api/policy publishes a new version', () => {
  it('creates version 2; the current policy is 2; version 1 stays readable and unchanged', async () => {
    const before = await register({ complainant: { name: '旧版', phone: '13900000100' } });
    expect(dueOf(before, 'l3_answer')).toBe('2026-12-02T09:30:00.000Z');
    const next: Policy = structuredClone(original);
    next.clocks.l3_answer = { amount: 3, unit: 'working_days' };
    const res = await put({ policy: next, reason: 'L3 答复时限缩短为 3 个工作日' }, {}, 'admin');
    expect(res.statusCode).toBe(201);
    const body = res.json() as PolicyView;
    expect(body).toMatchObject({ version: 2, createdBy: 'admin', reason: 'L3 答复时限缩短为 3 个工作日' });
    expect(body.policy.clocks.l3_answer).toEqual({ amount: 3, unit: 'working_days' });
    expect(new Date(body.createdAt).toISOString()).toBe(t.now().toISOString());

    const now = await current();
    expect(now.version).toBe(2);
    expect(now.policy).toEqual(next);

    const list = (await get('/api/policy/versions')).json() as PolicyVersionListAnswer;
    expect(list.items.map((v) => v.version)).toEqual([2, 1]);
    expect(list.items[0]).toMatchObject({ createdBy: 'admin', reason: 'L3 答复时限缩短为 3 个工作日' });

    const v1 = await get('/api/policy/versions/1');
    expect(v1.statusCode).toBe(200);
    expect((v1.json() as PolicyView).policy).toEqual(original);
    expect((v1.json() as PolicyView).version).toBe(1);
    const v2 = (await get('/api/policy/versions/2')).json() as PolicyView;
    expect(v2.policy.clocks.l3_answer.amount).toBe(3);

    // the open clock of the complaint registered under version 1 is re-planned, and says so
    expect((res.json() as PublishedPolicyAnswer).replanned).toBeGreaterThanOrEqual(1);
    const after = (await get(`/api/complaints/${before.id}`)).json() as ComplaintView;
    expect(after.policyVersion).toBe(1);
    expect(after.clocks.find((k) => k.kind === 'l3_answer')).toMatchObject({ dueAt: '2026-11-30T09:30:00.000Z', policyVersion: 2 });
    expect(after.clocks.find((k) => k.kind === 'regulatory')).toMatchObject({ policyVersion: 1 });
    const events = (await get(`/api/complaints/${before.id}/events`)).json() as z.output<typeof complaintEvents>;
    const replanned = events.items.filter((e) => e.type === 'clocks_replanned');
    expect(replanned).toHaveLength(1);
    expect(replanned[0]).toMatchObject({
      reason: 'policy_changed',
      payload: { policyVersion: 2, clocks: [expect.objectContaining({ kind: 'l3_answer', toDueAt: '2026-11-30T09:30:00.000Z' })] },
    });
  });

  it('a complaint registered after the change records version 2 and follows the new numbers', async () => {
    const c = await register({ complainant: { name: '新版', phone: '13900000101' } });
    expect(c.level).toBe(3);
    expect(c.policyVersion).toBe(2);
    expect(c.clocks.every((k) => k.policyVersion === 2)).toBe(true);
    // received Wed 2026-11-25 09:30 Shanghai; 3 working days: Thu 26, Fri 27, Mon 30 -> 17:30
    expect(dueOf(c, 'l3_answer')).toBe('2026-11-30T09:30:00.000Z');
    expect(dueOf(c, 'regulatory')).toBe('2026-12-10T16:00:00.000Z');
  });

  it('a threshold changed for one business line changes grading for that line only', async () => {
    const next: Policy = structuredClone((await current()).policy);
    next.grading.property_casualty = { l1Above: '50000.00', l2From: '5000.00' };
    const res = await put({ policy: next, reason: '车险阈值下调' });
    expect(res.statusCode).toBe(201);
    expect((res.json() as PolicyView).version).toBe(3);

    const pc = await register({ amount: '60000.00', complainant: { name: '车险', phone: '13900000102' } });
    expect(pc.policyVersion).toBe(3);
    expect(pc.level).toBe(1);
    expect(pc.gradingReasons.map((r) => r.rule)).toContain('amount_above_l1');
    const life = await register({ businessLine: 'life', amount: '60000.00', complainant: { name: '寿险', phone: '13900000103' } });
    expect(life.level).toBe(2);
    const pcSmall = await register({ amount: '6000.00', complainant: { name: '车险小额', phone: '13900000104' } });
    expect(pcSmall.level).toBe(2);
    const lifeSmall = await register({ businessLine: 'life', amount: '6000.00', complainant: { name: '寿险小额', phone: '13900000105' } });
    expect(lifeSmall.level).toBe(3);
    // the earlier complaint keeps the version it was planned with
    const earlier = (await get('/api/complaints?limit=100')).json() as LedgerPageAnswer;
    const first = earlier.items.find((i) => i.complainantName === '新版');
    expect(first).toBeDefined();
    const detail = (await get(`/api/complaints/${first?.id ?? ''}`)).json() as ComplaintView;
    expect(detail.policyVersion).toBe(2);
  });

  it('concurrent publishers get distinct, gap-free version numbers', async () => {
    const base = (await current()).policy;
    const results = await Promise.all([1, 2, 3].map((i) => put({ policy: base, reason: `并发 ${i}` })));
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    expect(results.map((r) => (r.json() as PolicyView).version).sort()).toEqual([4, 5, 6]);
    expect((await current()).version).toBe(6);
  });
});

describe('bad input on the policy API (invariant 2)', () => {
  const mutate = (change: (p: Record<string, unknown> & Policy) => void) => {
    const p = structuredClone(original) as Record<string, unknown> & Policy;
    change(p);
    return { policy: p, reason: 'bad' };
  };
  const withoutSection = () => {
    const { regulatory: _dropped, ...rest } = structuredClone(original);
    return { policy: rest, reason: 'bad' };
  };
  const cases: Array<[string, () => unknown, string, Record<string, string>?]> = [
    ['negative clock amount', () => mutate((p) => void (p.clocks.l3_answer.amount = -1)), 'policy.clocks.l3_answer.amount'],
    ['zero clock amount', () => mutate((p) => void (p.clocks.l1_result.amount = 0)), 'policy.clocks.l1_result.amount'],
    ['fractional clock amount', () => mutate((p) => void (p.clocks.l1_result.amount = 1.5)), 'policy.clocks.l1_result.amount'],
    [
      'unknown clock unit',
      () => mutate((p) => void ((p.clocks.l3_answer as Record<string, unknown>).unit = 'fortnights')),
      'policy.clocks.l3_answer.unit',
    ],
    ['l2From >= l1Above', () => mutate((p) => void (p.grading.life = { l1Above: '10000', l2From: '10000' })), 'policy.grading.life.l2From'],
    [
      'malformed threshold',
      () => mutate((p) => void (p.grading.life = { l1Above: '1e5', l2From: '10000' })),
      'policy.grading.life.l1Above',
    ],
    [
      'grading for an unknown business line',
      () => mutate((p) => void (p.grading.crypto = { l1Above: '10', l2From: '1' })),
      'policy.grading.crypto',
    ],
    ['extendedDays below decisionDays', () => mutate((p) => void (p.regulatory.extendedDays = 10)), 'policy.regulatory.extendedDays'],
    ['working hours inverted', () => mutate((p) => void (p.workingHours = { start: '18:00', end: '09:00' })), 'policy.workingHours.end'],
    ['unknown top-level key', () => mutate((p) => void (p.colour = 'red')), 'policy'],
    [
      'unknown key in a clock',
      () => mutate((p) => void ((p.clocks.l3_answer as Record<string, unknown>).colour = 'red')),
      'policy.clocks.l3_answer',
    ],
    ['missing section', withoutSection, 'policy.regulatory'],
    ['policy is a string', () => ({ policy: 'strict please' }), 'policy'],
    ['policy is an array', () => ({ policy: [original] }), 'policy'],
    ['policy is null', () => ({ policy: null }), 'policy'],
    ['policy missing', () => ({ reason: 'nothing' }), 'policy'],
    ['unknown key beside policy', () => ({ policy: original, colour: 'red' }), 'body'],
    ['reason too long', () => ({ policy: original, reason: 'x'.repeat(2001) }), 'reason'],
    ['reason missing (R-A2: every change says why)', () => ({ policy: original }), 'reason'],
    ['invalid JSON', () => '{"policy": {', 'body', { 'content-type': 'application/json' }],
    ['body is not JSON', () => 'policy=1', 'Content-Type', { 'content-type': 'application/x-www-form-urlencoded' }],
  ];

  it.each(cases)('%s -> 4xx naming the field, no version written', async (_name, body, field, headers) => {
    const before = await versionCount();
    const currentBefore = await current();
    const res = await put(body(), headers ?? {});
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expectFieldError(res, res.statusCode, field);
    expect(await versionCount()).toBe(before);
    expect(await current()).toEqual(currentBefore);
  });

  it('a policy field error says what is wrong, in English on request', async () => {
    const res = await put(
      mutate((p) => void (p.clocks.l3_answer.amount = -1)),
      { 'accept-language': 'en' },
    );
    const body = expectFieldError(res, 400, 'policy.clocks.l3_answer.amount');
    expect(body.message).toBe('The request has invalid fields');
    expect(body.fields.find((f) => f.field === 'policy.clocks.l3_answer.amount')?.message).toBe(
      'policy.clocks.l3_answer.amount: must be greater than 0',
    );
    const zh = await put(mutate((p) => void (p.clocks.l3_answer.amount = 0)));
    expect(expectFieldError(zh, 400, 'policy.clocks.l3_answer.amount').fields[0]?.message).toContain('必须大于 0');
    const rule = await put(
      mutate((p) => void (p.grading.life = { l1Above: '10000', l2From: '20000' })),
      { 'accept-language': 'en' },
    );
    const field = expectFieldError(rule, 400, 'policy.grading.life.l2From').fields.find((f) => f.field === 'policy.grading.life.l2From');
    expect(field?.message).toBe('policy.grading.life.l2From: invalid policy: l2From must be less than l1Above');
  });

  it('unknown version is 404, a non-numeric version is 400', async () => {
    const missing = await get('/api/policy/versions/999');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'policy_version_not_found' });
    expectFieldError(await get('/api/policy/versions/abc'), 400, 'params.version');
    expectFieldError(await get('/api/policy/versions/0'), 400, 'params.version');
    expectFieldError(await get('/api/policy/versions/1.5'), 400, 'params.version');
  });
});
