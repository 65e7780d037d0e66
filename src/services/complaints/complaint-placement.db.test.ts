/**
 * Whoever is alerted about a complaint can open it (issue #9 item 7a, R-A3, R-C3, R-C4, R-H1): a
 * complaint registered at a branch has a responsible department from registration (policy
 * handling.defaultDepartmentCode, customer service by default), so the supervisors told about a
 * branch level-1 or level-2 complaint open it instead of getting 404; the assignee and tracker
 * named on a complaint see it too. Checked for every notification written about the complaint.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import type { ComplaintDetailAnswer, LedgerPageAnswer } from '../../http/schemas/complaint.responses.js';

let t: TestApp;
let csId: string;

beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z'); // Wed 10:00 Shanghai
  csId = (await t.db.selectFrom('org_units').select('id').where('code', '=', 'CS').executeTakeFirstOrThrow()).id;
});
afterAll(async () => t.close());

type Detail = ComplaintDetailAnswer;

async function registerAtBranch(amount: string, phone: string): Promise<Detail> {
  const res = await t.inject(
    {
      method: 'POST',
      url: '/api/complaints',
      payload: complaintBody({ channel: 'branch', amount, complainant: { name: '网点客户', phone } }),
    },
    'branch',
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Detail>();
}

/** Every user told anything about the complaint, and what each gets on opening it. */
async function openedByEveryoneTold(id: string): Promise<Record<string, number>> {
  const told = await t.db
    .selectFrom('notifications as n')
    .innerJoin('users as u', 'u.id', 'n.user_id')
    .select('u.username')
    .distinct()
    .where('n.complaint_id', '=', id)
    .execute();
  const out: Record<string, number> = {};
  for (const { username } of told) out[username] = (await t.inject({ method: 'GET', url: `/api/complaints/${id}` }, username)).statusCode;
  return out;
}

async function toldKinds(username: string, id: string): Promise<string[]> {
  const rows = await t.db
    .selectFrom('notifications as n')
    .innerJoin('users as u', 'u.id', 'n.user_id')
    .select('n.kind')
    .where('u.username', '=', username)
    .where('n.complaint_id', '=', id)
    .execute();
  return rows.map((r) => r.kind);
}

describe('a complaint registered at a branch', () => {
  it('level 1: customer service is responsible from registration; the supervisors alerted open it', async () => {
    const c = await registerAtBranch('150000', '13911110001');
    expect(c.level).toBe(1);
    expect(c.branchId).not.toBeNull();
    expect(c.departmentIds).toEqual([csId]);
    expect(await toldKinds('supervisor', c.id)).toContain('level1_registered');
    const opened = await openedByEveryoneTold(c.id);
    expect(Object.keys(opened)).toContain('supervisor');
    expect(
      Object.values(opened).every((s) => s === 200),
      JSON.stringify(opened),
    ).toBe(true);
  });

  it('level 2: the supervisor it is escalated to opens it', async () => {
    const c = await registerAtBranch('50000', '13911110002');
    expect(c.level).toBe(2);
    const up = await t.inject({ method: 'POST', url: `/api/complaints/${c.id}/escalate`, payload: { to: 'supervisor' } }, 'branch');
    expect(up.statusCode, up.body).toBe(200);
    expect(await toldKinds('supervisor', c.id)).toContain('escalate');
    expect((await t.inject({ method: 'GET', url: `/api/complaints/${c.id}` }, 'supervisor')).statusCode).toBe(200);
    const opened = await openedByEveryoneTold(c.id);
    expect(
      Object.values(opened).every((s) => s === 200),
      JSON.stringify(opened),
    ).toBe(true);
  });
});

describe('the people named on a complaint', () => {
  it('an assignee from another department is told, opens it and finds it in the ledger', async () => {
    const c = await registerAtBranch('3000', '13911110003');
    const assigned = await t.inject({ method: 'POST', url: `/api/complaints/${c.id}/assign`, payload: { assignee: 'handler' } }, 'branch');
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(await toldKinds('handler', c.id)).toContain('assign');
    expect((await t.inject({ method: 'GET', url: `/api/complaints/${c.id}` }, 'handler')).statusCode).toBe(200);
    const ledger = (await t.inject({ method: 'GET', url: '/api/complaints?limit=200' }, 'handler')).json<LedgerPageAnswer>();
    expect(ledger.items.map((i) => i.id)).toContain(c.id);
    const opened = await openedByEveryoneTold(c.id);
    expect(
      Object.values(opened).every((s) => s === 200),
      JSON.stringify(opened),
    ).toBe(true);
  });
});
