import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../../test/test-app.js';
import { findUser } from '../../../db/repositories/user.repository.js';
import { principalOf } from '../principal.service.js';
import { permissionsOf } from '../../../domain/access/permissions.js';
import { login, sessionPrincipal } from './session.service.js';
import { createApiToken, tokenPrincipal } from './token.service.js';

let t: TestApp;
const meta = { ip: '127.0.0.1', userAgent: 'test' };
beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z');
});
afterAll(async () => t.close());

/** the principal as the separate user, role and unit reads build it: the reference */
async function reference(username: string) {
  const user = await findUser(t.db, { username });
  if (!user) throw new Error(username);
  return principalOf(t.db, user);
}

describe('the session principal in one statement (#16: ledger and detail latency)', () => {
  it('equals the principal built from the user, role and unit reads, for every demo account', async () => {
    for (const username of ['agent', 'branch', 'supervisor', 'handler', 'leader', 'auditor', 'admin', 'tester']) {
      const { token } = await login(t.ctx, meta, username, TEST_PASSWORD);
      const p = await sessionPrincipal(t.ctx, token);
      const { sessionId: _s, csrfToken, mustChangePassword, ...rules } = p ?? { sessionId: '', csrfToken: '', mustChangePassword: true };
      expect(rules, username).toEqual(await reference(username));
      expect(csrfToken).not.toBe('');
      expect(mustChangePassword).toBe(false);
    }
  });

  it('the bearer token principal too: the same rules view, narrowed to its actions; revoked, expired or inactive is none', async () => {
    const p = await reference('handler');
    const { token } = await createApiToken(t.ctx, meta, p, { name: 'one-read', actions: permissionsOf(p.roles), expiresInDays: 1 });
    const { tokenActions, ...rules } = (await tokenPrincipal(t.ctx, token)) ?? { tokenActions: [] };
    expect(rules).toEqual(p);
    expect(tokenActions).toEqual(permissionsOf(p.roles));
    await sql`update users set active = false where username = 'handler'`.execute(t.db);
    expect(await tokenPrincipal(t.ctx, token)).toBeNull();
    await sql`update users set active = true where username = 'handler'`.execute(t.db);
    t.setNow('2026-11-27T02:00:00Z');
    expect(await tokenPrincipal(t.ctx, token)).toBeNull();
    t.setNow('2026-11-25T02:00:00Z');
    await sql`update api_tokens set revoked_at = now() where name = 'one-read'`.execute(t.db);
    expect(await tokenPrincipal(t.ctx, token)).toBeNull();
    expect(await tokenPrincipal(t.ctx, 'cms_unknown')).toBeNull();
  });

  it('reads roles, several units and deactivation afresh on the next request (nothing cached)', async () => {
    const { token } = await login(t.ctx, meta, 'branch', TEST_PASSWORD);
    const user = await findUser(t.db, { username: 'branch' });
    const claims = await sql<{ id: string }>`select id from org_units where code = 'CLAIMS'`.execute(t.db);
    const sh = await sql<{ id: string }>`select id from org_units where code = 'SH-PD'`.execute(t.db);
    await sql`insert into user_org_units (user_id, org_unit_id) values (${user?.id}, ${claims.rows[0]?.id})`.execute(t.db);
    await sql`insert into user_roles (user_id, role) values (${user?.id}, 'department_handler')`.execute(t.db);
    const both = await sessionPrincipal(t.ctx, token);
    expect([...(both?.roles ?? [])].sort()).toEqual(['branch_agent', 'department_handler']);
    expect(both?.branchIds).toEqual([sh.rows[0]?.id]);
    expect(both?.departmentIds).toEqual([claims.rows[0]?.id]);
    expect(both).toMatchObject(await reference('branch'));

    await sql`update org_units set active = false where code = 'SH-PD'`.execute(t.db);
    const narrowed = await sessionPrincipal(t.ctx, token);
    expect(narrowed?.branchIds).toEqual([]);
    expect(narrowed?.departmentIds).toEqual([claims.rows[0]?.id]);
    await sql`update org_units set active = true where code = 'SH-PD'`.execute(t.db);

    await sql`update users set active = false where username = 'branch'`.execute(t.db);
    expect(await sessionPrincipal(t.ctx, token)).toBeNull();
    await sql`update users set active = true where username = 'branch'`.execute(t.db);
    await sql`update sessions set revoked_at = now() where user_id = ${user?.id}`.execute(t.db);
    expect(await sessionPrincipal(t.ctx, token)).toBeNull();
    expect(await sessionPrincipal(t.ctx, 'no-such-token')).toBeNull();
  });
});
