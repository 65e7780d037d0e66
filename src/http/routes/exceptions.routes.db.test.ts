/**
 * R-E3 tracked exceptions through HTTP: listed within each reader's complaint scope, resolved once
 * by someone who may manage exceptions, the resolution recorded in the complaint's history.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import { sweepClocks } from '../../services/workflow/sweeper.service.js';
import type { PolicyVersionAnswer } from '../schemas/administration.responses.js';
import type { ComplaintDetailAnswer, ComplaintEventsAnswer } from '../schemas/complaint.responses.js';
import type { ExceptionPageAnswer } from '../schemas/workflow.responses.js';

let t: TestApp;
const T0 = '2026-11-25T02:00:00.000Z';
type Page = ExceptionPageAnswer;

let cs: ComplaintDetailAnswer; // registered by agent: customer service
let branch: ComplaintDetailAnswer; // registered at the Pudong branch

async function register(as: string, phone: string) {
  const res = await t.inject(
    {
      method: 'POST',
      url: '/api/complaints',
      payload: complaintBody({ amount: '150000', receivedAt: T0, complainant: { name: '异常', phone } }),
    },
    as,
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json<ComplaintDetailAnswer>();
}

/** These tests are about the scope of units: a branch agent's complaint stays the branch's (policy: no default department). */
async function withoutDefaultDepartment(): Promise<void> {
  const current = (await t.inject({ method: 'GET', url: '/api/policy' }, 'admin')).json<PolicyVersionAnswer>();
  const policy = { ...current.policy, handling: { ...current.policy.handling, defaultDepartmentCode: null } };
  expect(
    (await t.inject({ method: 'PUT', url: '/api/policy', payload: { policy, reason: '网点投诉不默认归属部门' } }, 'admin')).statusCode,
  ).toBe(201);
}

beforeAll(async () => {
  t = await createTestApp(T0);
  await withoutDefaultDepartment();
  cs = await register('agent', '13500000001');
  branch = await register('branch', '13500000002');
  t.setNow('2026-11-26T02:00:00Z'); // a day later: the three short level-1 clocks of each are breached
  const r = await sweepClocks(t.ctx);
  expect(r.breaches).toBe(6);
});
afterAll(async () => t.close());

const list = async (as: string, query = '') => {
  const res = await t.inject({ method: 'GET', url: `/api/exceptions${query}` }, as);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Page>();
};
const numbers = (p: Page) => [...new Set(p.items.map((i) => i.complaint?.number))].sort();
const resolve = (id: string, as: string, resolution = '已督办，责任人已说明原因') =>
  t.inject({ method: 'POST', url: `/api/exceptions/${id}/resolve`, payload: { resolution } }, as);

describe('GET /api/exceptions', () => {
  it('leaders see every exception, with the complaint number and level', async () => {
    const page = await list('leader');
    expect(page.items).toHaveLength(6);
    expect(numbers(page)).toEqual([cs.number, branch.number].sort());
    expect(page.items[0]).toMatchObject({ kind: 'breach', status: 'open', complaint: { level: 1, status: 'registered' } });
    expect(page.items.map((i) => i.clockKind).sort()).toEqual([
      'l1_leadership_meeting',
      'l1_leadership_meeting',
      'l1_report_supervisor',
      'l1_report_supervisor',
      'l1_to_leadership',
      'l1_to_leadership',
    ]);
    expect(numbers(await list('senior'))).toHaveLength(2);
  });

  it('others only within their complaint scope', async () => {
    expect(numbers(await list('branch'))).toEqual([branch.number]);
    expect(numbers(await list('agent'))).toEqual([cs.number]);
    expect(numbers(await list('supervisor'))).toEqual([cs.number]);
    expect((await list('handler')).items).toEqual([]);
  });

  it('needs complaint.read', async () => {
    expect((await t.inject({ method: 'GET', url: '/api/exceptions' }, 'admin')).statusCode).toBe(403);
  });

  it('filters by status and kind, and pages with the cursor', async () => {
    expect((await list('leader', '?kind=dissatisfied')).items).toEqual([]);
    expect((await list('leader', '?status=resolved')).items).toEqual([]);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await list('leader', `?status=open&kind=breach&limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(6);
    const bad = await t.inject({ method: 'GET', url: '/api/exceptions?cursor=xyz' }, 'leader');
    expect(bad.statusCode).toBe(400);
    expect((await t.inject({ method: 'GET', url: '/api/exceptions?status=closed' }, 'leader')).statusCode).toBe(400);
  });
});

describe('POST /api/exceptions/{id}/resolve', () => {
  it('resolves once, records the event on the complaint; a second time is 409', async () => {
    const target = (await list('supervisor')).items[0]!;
    t.setNow('2026-11-26T03:00:00Z');
    const res = await resolve(target.id, 'supervisor');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: target.id,
      status: 'resolved',
      resolvedBy: 'supervisor',
      resolution: '已督办，责任人已说明原因',
      resolvedAt: '2026-11-26T03:00:00.000Z',
    });

    const events = (await t.inject({ method: 'GET', url: `/api/complaints/${cs.id}/events` }, 'agent')).json<ComplaintEventsAnswer>().items;
    const last = events[events.length - 1];
    expect(last).toMatchObject({
      type: 'exception_resolved',
      actor: 'supervisor',
      reason: '已督办，责任人已说明原因',
      payload: { exceptionId: target.id, kind: 'breach' },
    });

    const twice = await resolve(target.id, 'leader');
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'invalid_transition' });
    const after = (await t.inject({ method: 'GET', url: `/api/complaints/${cs.id}/events` }, 'agent')).json<ComplaintEventsAnswer>();
    expect(after.items).toHaveLength(events.length);

    expect((await list('leader', '?status=resolved')).items.map((i) => i.id)).toEqual([target.id]);
    expect((await list('leader', '?status=open')).items).toHaveLength(5);
  });

  it('outside the scope or unknown: 404; without exception.manage: 403', async () => {
    const onBranch = (await list('branch')).items[0]!;
    const outOfScope = await resolve(onBranch.id, 'supervisor');
    expect(outOfScope.statusCode).toBe(404);
    expect(outOfScope.json()).toMatchObject({ code: 'not_found' });
    expect((await resolve('00000000-0000-4000-8000-000000000000', 'leader')).statusCode).toBe(404);
    expect((await resolve('not-a-uuid', 'leader')).statusCode).toBe(404);
    expect((await resolve(onBranch.id, 'branch')).statusCode).toBe(403);
    expect((await resolve(onBranch.id, 'auditor')).statusCode).toBe(403);
    expect((await list('leader', '?status=open')).items.map((i) => i.id)).toContain(onBranch.id);
  });

  it('needs a resolution text', async () => {
    const open = (await list('leader', '?status=open')).items[0]!;
    for (const payload of [{}, { resolution: '   ' }]) {
      const res = await t.inject({ method: 'POST', url: `/api/exceptions/${open.id}/resolve`, payload }, 'leader');
      expect(res.statusCode).toBe(400);
    }
    const ok = await resolve(open.id, 'leader', '领导小组已处理');
    expect(ok.statusCode).toBe(200);
  });
});
