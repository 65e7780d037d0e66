import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { complaintBody, createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/test-app.js';
import { expectFieldError, type ApiErrorBody } from '../../../test/db-assertions.js';
import { createUser } from '../../services/people/user.service.js';
import type { ApiTokenListAnswer, CreatedApiTokenAnswer } from '../schemas/people.responses.js';

const T0 = '2026-11-25T02:00:00Z';
const DAY = 86_400_000;
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(T0);
});
afterAll(async () => t.close());

type Created = CreatedApiTokenAnswer;

const bearer = (method: 'GET' | 'POST' | 'DELETE', url: string, token: string, payload?: Record<string, unknown>) =>
  t.app.inject({ method, url, payload, headers: { authorization: `Bearer ${token}` } });
const createToken = (as: string, body: Record<string, unknown>) => t.inject({ method: 'POST', url: '/api/auth/tokens', payload: body }, as);
const listTokens = async (as: string) => (await t.inject({ method: 'GET', url: '/api/auth/tokens' }, as)).json() as ApiTokenListAnswer;
const errorOf = (res: LightMyRequestResponse) => res.json() as ApiErrorBody;

async function makeUser(username: string, roles: string[]): Promise<string> {
  const created = await createUser(
    t.ctx,
    { ip: null, userAgent: null },
    { id: 'test-setup' },
    { username, displayName: username, roles, orgUnitIds: [] },
    { value: TEST_PASSWORD, mustChange: false },
  );
  return created.user.id;
}

describe('personal API tokens', () => {
  let created: Created;

  it('POST /api/auth/tokens creates a token limited to the asked actions; the secret is shown once', async () => {
    const res = await createToken('agent', { name: 'ledger sync', actions: ['complaint.read'] });
    expect(res.statusCode).toBe(201);
    created = res.json() as Created;
    expect(created.token).toMatch(/^cms_[A-Za-z0-9_-]{40,}$/);
    expect(created).toMatchObject({
      name: 'ledger sync',
      actions: ['complaint.read'],
      prefix: created.token.slice(0, 10),
      useCount: 0,
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(created.expiresAt).toBe(new Date(new Date(T0).getTime() + 90 * DAY).toISOString());

    const listed = await t.inject({ method: 'GET', url: '/api/auth/tokens' }, 'agent');
    expect(listed.statusCode).toBe(200);
    expect(listed.body).not.toContain(created.token);
    const mine = (listed.json() as ApiTokenListAnswer).items.find((i) => i.id === created.id);
    expect(mine).toBeDefined();
    expect(Object.keys(mine ?? {})).not.toContain('token');
    expect(Object.keys(mine ?? {})).not.toContain('tokenHash');

    const row = await t.db.selectFrom('api_tokens').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(row.token_hash).not.toContain(created.token.slice(4));
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    const audited = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'token.create')
      .where('target_id', '=', created.id)
      .execute();
    expect(audited).toHaveLength(1);
    expect(JSON.stringify(audited[0]?.details)).not.toContain(created.token);
  });

  it('the token works for its actions only, and no CSRF token is needed', async () => {
    const me = await bearer('GET', '/api/auth/me', created.token);
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ via: 'token', tokenActions: ['complaint.read'], csrfToken: null, user: { username: 'agent' } });
    expect((await bearer('GET', '/api/complaints', created.token)).statusCode).toBe(200);

    const write = await bearer('POST', '/api/complaints', created.token, complaintBody());
    expect(write.statusCode).toBe(403);
    expect(errorOf(write).code).toBe('forbidden');
    const denial = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('actor', '=', 'agent')
      .where('outcome', '=', 'denied')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(denial).toMatchObject({
      action: 'complaint.create',
      target_type: 'route',
      target_id: 'POST /api/complaints',
      details: { via: 'token' },
    });
    // not even the token's own management
    expect((await bearer('GET', '/api/auth/tokens', created.token)).statusCode).toBe(403);
  });

  it('records usage: use count and last use', async () => {
    const before = (await listTokens('agent')).items.find((i) => i.id === created.id);
    t.setNow(new Date(new Date(T0).getTime() + 3_600_000));
    await bearer('GET', '/api/complaints', created.token);
    await bearer('GET', '/api/complaints', created.token);
    t.setNow(T0);
    const after = (await listTokens('agent')).items.find((i) => i.id === created.id);
    expect(after?.useCount).toBe((before?.useCount ?? 0) + 2);
    expect(after?.lastUsedAt).toBe('2026-11-25T03:00:00.000Z');
  });

  it('refuses actions the user does not hold, and bad input', async () => {
    const res = await createToken('agent', { name: 'too much', actions: ['complaint.read', 'policy.write'] });
    const body = expectFieldError(res, 400, 'actions');
    expect(body.fields.map((f) => f.code)).toEqual(['action_not_held']);
    expect(body.fields[0]?.message).toContain('policy.write');
    expectFieldError(await createToken('agent', { name: 'x', actions: ['complaint.fly'] }), 400, 'actions.0');
    expectFieldError(await createToken('agent', { name: 'x', actions: [] }), 400, 'actions');
    expectFieldError(await createToken('agent', { name: 'x', actions: ['complaint.read'], expiresInDays: 400 }), 400, 'expiresInDays');
    expectFieldError(await createToken('agent', { name: '', actions: ['complaint.read'] }), 400, 'name');
  });

  it('a token cannot mint a token wider than itself', async () => {
    const narrow = (await createToken('agent', { name: 'token admin', actions: ['token.manage'] })).json() as Created;
    const wider = await bearer('POST', '/api/auth/tokens', narrow.token, {
      name: 'escalate',
      actions: ['complaint.create', 'complaint.read'],
    });
    expect(wider.statusCode).toBe(400);
    expect(errorOf(wider).fields.map((f) => f.code)).toEqual(['action_not_held', 'action_not_held']);
    const same = await bearer('POST', '/api/auth/tokens', narrow.token, { name: 'rotate', actions: ['token.manage'] });
    expect(same.statusCode).toBe(201);
  });

  it('DELETE revokes: the token answers 401 afterwards; only the owner can revoke', async () => {
    const other = await t.inject({ method: 'DELETE', url: `/api/auth/tokens/${created.id}` }, 'supervisor');
    expect(other.statusCode).toBe(404);
    expect((await bearer('GET', '/api/complaints', created.token)).statusCode).toBe(200);

    const res = await t.inject({ method: 'DELETE', url: `/api/auth/tokens/${created.id}` }, 'agent');
    expect(res.statusCode).toBe(200);
    const after = await bearer('GET', '/api/complaints', created.token);
    expect(after.statusCode).toBe(401);
    expect(errorOf(after).code).toBe('unauthenticated');
    expect((await listTokens('agent')).items.find((i) => i.id === created.id)?.revokedAt).toBe(T0.replace('Z', '.000Z'));
    expect((await t.inject({ method: 'DELETE', url: `/api/auth/tokens/${created.id}` }, 'agent')).statusCode).toBe(404);
    expectFieldError(await t.inject({ method: 'DELETE', url: '/api/auth/tokens/not-a-uuid' }, 'agent'), 400, 'params.id');
  });

  it('an expired token answers 401', async () => {
    const short = (await createToken('supervisor', { name: 'one day', actions: ['complaint.read'], expiresInDays: 1 })).json() as Created;
    t.setNow(new Date(new Date(T0).getTime() + DAY - 60_000));
    expect((await bearer('GET', '/api/complaints', short.token)).statusCode).toBe(200);
    t.setNow(new Date(new Date(T0).getTime() + DAY));
    expect((await bearer('GET', '/api/complaints', short.token)).statusCode).toBe(401);
    t.setNow(T0);
  });

  it("a token of a deactivated user answers 401; a token never does more than its user's roles", async () => {
    const id = await makeUser('integration', ['agent']);
    const login = await t.login('integration');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      payload: { name: 'feed', actions: ['complaint.read', 'complaint.create'] },
      headers: { cookie: login.cookie, 'x-csrf-token': login.csrf },
    });
    expect(res.statusCode).toBe(201);
    const token = (res.json() as Created).token;
    expect((await bearer('GET', '/api/complaints', token)).statusCode).toBe(200);

    // the user loses the role: the token loses it too
    expect((await t.inject({ method: 'PATCH', url: `/api/users/${id}`, payload: { roles: ['auditor'] } }, 'admin')).statusCode).toBe(200);
    expect((await bearer('POST', '/api/complaints', token, complaintBody())).statusCode).toBe(403);
    expect((await bearer('GET', '/api/complaints', token)).statusCode).toBe(200); // auditors read

    // inactive, even if the token row was not revoked
    await t.db.updateTable('users').set({ active: false }).where('id', '=', id).execute();
    expect((await bearer('GET', '/api/complaints', token)).statusCode).toBe(401);
    await t.db.updateTable('users').set({ active: true }).where('id', '=', id).execute();
    expect((await bearer('GET', '/api/complaints', token)).statusCode).toBe(200);

    // deactivation through the API revokes the token for good
    expect((await t.inject({ method: 'PATCH', url: `/api/users/${id}`, payload: { active: false } }, 'admin')).statusCode).toBe(200);
    expect((await bearer('GET', '/api/complaints', token)).statusCode).toBe(401);
    const row = await t.db.selectFrom('api_tokens').select('revoked_at').where('user_id', '=', id).executeTakeFirstOrThrow();
    expect(row.revoked_at).not.toBeNull();
  });
});
