import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/test-app.js';
import { expectFieldError, type ApiErrorBody } from '../../../test/db-assertions.js';
import { passwordIssues } from '../../domain/access/password-policy.js';
import { ROLES } from '../../domain/access/permissions.js';
import type {
  CreatedUserAnswer,
  DirectoryAnswer,
  OrgUnitAnswer,
  OrgUnitListAnswer,
  RoleListAnswer,
  UserAnswer,
  UserListAnswer,
} from '../schemas/people.responses.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z');
});
afterAll(async () => t.close());

type OrgUnit = OrgUnitAnswer;
type User = UserAnswer;
type Created = CreatedUserAnswer;

const errorOf = (res: LightMyRequestResponse) => res.json() as ApiErrorBody;
const admin = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: Record<string, unknown>) =>
  t.inject({ method, url, payload }, 'admin');
const units = async (query = '') => ((await admin('GET', `/api/org-units${query}`)).json() as OrgUnitListAnswer).items;
const unitId = async (code: string) =>
  (await t.db.selectFrom('org_units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

describe('org units (administration)', () => {
  it('GET /api/org-units lists the demo organisation, filterable by kind', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/org-units' }, 'agent'); // org.read: everyone
    expect(res.statusCode).toBe(200);
    const codes = (res.json() as OrgUnitListAnswer).items.map((u) => u.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'CS',
        'CLAIMS',
        'UW',
        'BROKERAGE',
        'ADVISORY',
        'COMPLIANCE',
        'LEADERSHIP',
        'SUPERVISION',
        'SENIOR',
        'SH-PD',
        'BJ-CY',
        'GZ-TH',
        'SZ-FT',
        'SZ-NS',
        'HZ-XH',
        'CD-GX',
      ]),
    );
    const branches = await units('?kind=branch');
    expect(branches.map((u) => u.code).sort()).toEqual(['BJ-CY', 'CD-GX', 'GZ-TH', 'HZ-XH', 'SH-PD', 'SZ-FT', 'SZ-NS']);
    expect(branches.find((u) => u.code === 'SH-PD')).toMatchObject({ kind: 'branch', nameZh: '上海浦东营业部', active: true });
  });

  it('POST creates a unit (201, audited); a duplicate code is 409 code_taken naming code', async () => {
    const res = await admin('POST', '/api/org-units', {
      kind: 'branch',
      code: 'WH-WC',
      nameZh: '武汉武昌营业部',
      nameEn: 'Wuhan Wuchang Branch',
    });
    expect(res.statusCode).toBe(201);
    const unit = res.json() as OrgUnit;
    expect(unit).toMatchObject({ kind: 'branch', code: 'WH-WC', nameZh: '武汉武昌营业部', nameEn: 'Wuhan Wuchang Branch', active: true });
    expect((await units('?kind=branch')).map((u) => u.code)).toContain('WH-WC');
    const audited = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'org.create')
      .where('target_id', '=', unit.id)
      .executeTakeFirstOrThrow();
    expect(audited).toMatchObject({ actor: 'admin', outcome: 'success' });

    const dup = expectFieldError(
      await admin('POST', '/api/org-units', { kind: 'department', code: 'WH-WC', nameZh: '重复', nameEn: 'Dup' }),
      409,
      'code',
    );
    expect(dup.code).toBe('code_taken');
    expectFieldError(await admin('POST', '/api/org-units', { kind: 'department', code: 'CS', nameZh: '重复', nameEn: 'Dup' }), 409, 'code');
  });

  it('parallel creates of one code: one 201, the others 409 (not 500)', async () => {
    const payload = { kind: 'branch', code: 'RACE-1', nameZh: '并发', nameEn: 'Race' };
    const results = await Promise.all([0, 1, 2].map(() => admin('POST', '/api/org-units', payload)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    const audited = await t.db.selectFrom('audit_log').select('details').where('action', '=', 'org.create').execute();
    expect(audited.filter((a) => (a.details as { code?: string }).code === 'RACE-1')).toHaveLength(1);
  });

  it('PATCH renames and deactivates; the unit stays listed with includeInactive=true, never deleted', async () => {
    const renamed = await admin('PATCH', '/api/org-units/WH-WC', { nameZh: '武汉武昌支行', nameEn: 'Wuhan Wuchang Sub-branch' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ code: 'WH-WC', nameZh: '武汉武昌支行', nameEn: 'Wuhan Wuchang Sub-branch', active: true });
    const id = (renamed.json() as OrgUnit).id;
    const off = await admin('PATCH', `/api/org-units/${id}`, { active: false });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ code: 'WH-WC', active: false });
    expect((await units()).map((u) => u.code)).not.toContain('WH-WC');
    expect((await units('?includeInactive=true')).find((u) => u.id === id)).toMatchObject({ active: false, nameZh: '武汉武昌支行' });
    // an inactive unit cannot be given to a user
    expectFieldError(
      await admin('POST', '/api/users', { username: 'wuhan', displayName: 'W', roles: ['branch_agent'], orgUnitIds: [id] }),
      400,
      'orgUnitIds.0',
    );
    expect((await admin('PATCH', `/api/org-units/${id}`, { active: true })).json()).toMatchObject({ active: true });
    expect((await admin('PATCH', '/api/org-units/NOPE', { nameZh: 'x' })).statusCode).toBe(404);
  });

  it.each([
    ['unknown kind', 'kind', { kind: 'galaxy', code: 'X1', nameZh: '甲', nameEn: 'A' }],
    ['bad code', 'code', { kind: 'branch', code: 'has space', nameZh: '甲', nameEn: 'A' }],
    ['code too long', 'code', { kind: 'branch', code: 'X'.repeat(41), nameZh: '甲', nameEn: 'A' }],
    ['missing name', 'nameZh', { kind: 'branch', code: 'X2', nameEn: 'A' }],
    ['empty name', 'nameZh', { kind: 'branch', code: 'X3', nameZh: '  ', nameEn: 'A' }],
    ['unknown field', 'body', { kind: 'branch', code: 'X4', nameZh: '甲', nameEn: 'A', colour: 'red' }],
  ])('POST with %s is 400 naming %s', async (_name, field, payload) => {
    const body = expectFieldError(await admin('POST', '/api/org-units', payload), 400, field);
    if (field === 'body') expect(body.fields[0]?.message).toContain('colour');
  });

  it('PATCH with bad input is 400; code and kind cannot be changed', async () => {
    expectFieldError(await admin('PATCH', '/api/org-units/CS', { active: 'no' }), 400, 'active');
    expectFieldError(await admin('PATCH', '/api/org-units/CS', { code: 'CS2' }), 400, 'body');
  });

  it('non-administrators may read but not write (403, audited as denied)', async () => {
    const res = await t.inject(
      { method: 'POST', url: '/api/org-units', payload: { kind: 'branch', code: 'X9', nameZh: '甲', nameEn: 'A' } },
      'agent',
    );
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('forbidden');
    expect((await t.inject({ method: 'PATCH', url: '/api/org-units/CS', payload: { nameZh: '改名' } }, 'supervisor')).statusCode).toBe(403);
    const denied = await t.db.selectFrom('audit_log').selectAll().where('actor', '=', 'agent').where('outcome', '=', 'denied').execute();
    expect(denied.map((d) => d.action)).toContain('org.write');
    expect((await units()).find((u) => u.code === 'CS')?.nameZh).toBe('客户服务部');
  });
});

describe('users (administration)', () => {
  let created: Created;

  it('POST /api/users creates a user with roles and org units and a one-time password that satisfies the policy', async () => {
    const claims = await unitId('CLAIMS');
    const res = await admin('POST', '/api/users', {
      username: 'liwei',
      displayName: '李伟',
      email: 'liwei@example.com',
      roles: ['department_handler'],
      orgUnitIds: [claims],
    });
    expect(res.statusCode).toBe(201);
    created = res.json() as Created;
    expect(created.user).toMatchObject({
      username: 'liwei',
      roles: ['department_handler'],
      orgUnitIds: [claims],
      active: true,
      mustChangePassword: true,
    });
    expect(created.user.permissions).toEqual(expect.arrayContaining(['complaint.read', 'complaint.unmask']));
    expect(passwordIssues(created.oneTimePassword, 'liwei')).toEqual([]);
    expect(created.oneTimePassword).toHaveLength(16);
    const fetched = await admin('GET', `/api/users/${created.user.id}`);
    expect(fetched.json()).not.toHaveProperty('oneTimePassword');
    expect(fetched.body).not.toContain(created.oneTimePassword);
  });

  it('unknown role / unknown org unit are 400 naming the item; duplicate username 409; bad input 400', async () => {
    const unknownRole = expectFieldError(
      await admin('POST', '/api/users', { username: 'x1', displayName: 'X', roles: ['pope'] }),
      400,
      'roles.0',
    );
    expect(unknownRole.fields[0]?.code).toBe('unknown_role');
    const unknownUnit = expectFieldError(
      await admin('POST', '/api/users', {
        username: 'x2',
        displayName: 'X',
        roles: ['agent'],
        orgUnitIds: ['00000000-0000-4000-8000-000000000000'],
      }),
      400,
      'orgUnitIds.0',
    );
    expect(unknownUnit.fields[0]?.code).toBe('unknown_org_unit');
    expect(errorOf(await admin('POST', '/api/users', { username: 'LiWei', displayName: 'X', roles: ['agent'] }))).toMatchObject({
      code: 'username_taken',
    });
    expectFieldError(await admin('POST', '/api/users', { username: 'liwei', displayName: 'X', roles: ['agent'] }), 409, 'username');
    expectFieldError(await admin('POST', '/api/users', { username: 'bad name', displayName: 'X', roles: ['agent'] }), 400, 'username');
    expectFieldError(await admin('POST', '/api/users', { username: 'x3', displayName: 'X', roles: [] }), 400, 'roles');
    expectFieldError(
      await admin('POST', '/api/users', { username: 'x4', displayName: 'X', roles: ['agent'], email: 'nope' }),
      400,
      'email',
    );
    expectFieldError(
      await admin('POST', '/api/users', { username: 'x5', displayName: 'X', roles: ['agent'], orgUnitIds: ['CS'] }),
      400,
      'orgUnitIds.0',
    );
    expect((await t.db.selectFrom('users').select('username').where('username', 'like', 'x_').execute()).length).toBe(0);
    expect(
      (await t.inject({ method: 'POST', url: '/api/users', payload: { username: 'x6', displayName: 'X', roles: ['agent'] } }, 'leader'))
        .statusCode,
    ).toBe(403);
  });

  it('parallel creates of one username: one 201, the others 409 (not 500)', async () => {
    const results = await Promise.all(
      [0, 1, 2].map(() => admin('POST', '/api/users', { username: 'race', displayName: 'R', roles: ['agent'] })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    expect(
      await t.db
        .selectFrom('user_roles')
        .innerJoin('users', 'users.id', 'user_roles.user_id')
        .select('role')
        .where('username', '=', 'race')
        .execute(),
    ).toHaveLength(1);
  });

  it('PATCH roles and org units changes what the user may do', async () => {
    const { cookie } = await t.login('auditor');
    expect((await t.app.inject({ method: 'GET', url: '/api/audit', headers: { cookie } })).statusCode).toBe(200);
    const handler = await t.db.selectFrom('users').select('id').where('username', '=', 'handler').executeTakeFirstOrThrow();
    const before = await t.login('handler');
    expect((await t.app.inject({ method: 'GET', url: '/api/audit', headers: { cookie: before.cookie } })).statusCode).toBe(403);

    const res = await admin('PATCH', `/api/users/${handler.id}`, {
      roles: ['department_handler', 'auditor'],
      orgUnitIds: [await unitId('CLAIMS'), await unitId('UW')],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ roles: ['auditor', 'department_handler'] });
    expect((res.json() as User).permissions).toContain('audit.read');
    // the same session sees the new rights at once
    expect((await t.app.inject({ method: 'GET', url: '/api/audit', headers: { cookie: before.cookie } })).statusCode).toBe(200);

    expect((await admin('PATCH', `/api/users/${handler.id}`, { roles: ['department_handler'] })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/audit', headers: { cookie: before.cookie } })).statusCode).toBe(403);
    expectFieldError(await admin('PATCH', `/api/users/${handler.id}`, { roles: ['agent', 'emperor'] }), 400, 'roles.1');
    expect((await admin('PATCH', '/api/users/00000000-0000-4000-8000-000000000000', { displayName: 'X' })).statusCode).toBe(404);
    expectFieldError(await admin('PATCH', `/api/users/${handler.id}`, { email: 'not-an-email' }), 400, 'email');
    expect((await admin('PATCH', `/api/users/${handler.id}`, { email: 'liuyang@example.com' })).json()).toMatchObject({
      email: 'liuyang@example.com',
    });
    expect((await admin('PATCH', `/api/users/${handler.id}`, { email: null })).json()).toMatchObject({ email: null });
  });

  it('deactivating a user ends their sessions and tokens, and they cannot sign in; they stay listed', async () => {
    const s = await t.login('senior');
    const token = await t.inject({ method: 'GET', url: '/api/auth/me' }, 'senior');
    expect(token.statusCode).toBe(200);
    const senior = await t.db.selectFrom('users').select('id').where('username', '=', 'senior').executeTakeFirstOrThrow();
    const res = await admin('PATCH', `/api/users/${senior.id}`, { active: false });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ active: false });
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } })).statusCode).toBe(401);
    expect((await t.inject({ method: 'GET', url: '/api/auth/me' }, 'senior')).statusCode).toBe(401);
    const signIn = await t.login('senior', TEST_PASSWORD);
    expect(signIn.res.statusCode).toBe(401);
    expect(errorOf(signIn.res).code).toBe('invalid_credentials');
    const listed = ((await admin('GET', '/api/users')).json() as UserListAnswer).items.map((u) => u.username);
    expect(listed).not.toContain('senior');
    const all = ((await admin('GET', '/api/users?includeInactive=true')).json() as UserListAnswer).items;
    expect(all.find((u) => u.username === 'senior')).toMatchObject({ active: false });
    expect((await admin('PATCH', `/api/users/${senior.id}`, { active: true })).statusCode).toBe(200);
    expect((await t.login('senior')).res.statusCode).toBe(200);
  });

  it('reset-password gives a new one-time password, forces a change and refuses the old password', async () => {
    const inspector = await t.db.selectFrom('users').select('id').where('username', '=', 'inspector').executeTakeFirstOrThrow();
    const s = await t.login('inspector');
    const res = await admin('POST', `/api/users/${inspector.id}/reset-password`);
    expect(res.statusCode).toBe(200);
    const { oneTimePassword } = res.json() as Pick<Created, 'oneTimePassword'>;
    expect(passwordIssues(oneTimePassword, 'inspector')).toEqual([]);
    expect((await admin('GET', `/api/users/${inspector.id}`)).json()).toMatchObject({ mustChangePassword: true });
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } })).statusCode).toBe(401);
    expect((await t.login('inspector', TEST_PASSWORD)).res.statusCode).toBe(401);
    const fresh = await t.login('inspector', oneTimePassword);
    expect(fresh.res.statusCode).toBe(200);
    expect(fresh.res.json()).toMatchObject({ mustChangePassword: true });
    expect((await t.app.inject({ method: 'GET', url: '/api/complaints', headers: { cookie: fresh.cookie } })).statusCode).toBe(403);
    expect((await t.inject({ method: 'POST', url: `/api/users/${inspector.id}/reset-password` }, 'auditor')).statusCode).toBe(403);
  });

  it('a reset also revokes the API tokens the old password could have created', async () => {
    const leader = await t.db.selectFrom('users').select('id').where('username', '=', 'leader').executeTakeFirstOrThrow();
    expect((await t.inject({ method: 'GET', url: '/api/auth/me' }, 'leader')).statusCode).toBe(200);
    expect((await admin('POST', `/api/users/${leader.id}/reset-password`)).statusCode).toBe(200);
    expect((await t.inject({ method: 'GET', url: '/api/auth/me' }, 'leader')).statusCode).toBe(401);
  });

  it('an administrator cannot deactivate themselves or drop their own administrator role', async () => {
    const me = await t.db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
    expectFieldError(await admin('PATCH', `/api/users/${me.id}`, { active: false }), 409, 'active');
    expectFieldError(await admin('PATCH', `/api/users/${me.id}`, { roles: ['auditor'] }), 409, 'roles');
    expect((await admin('GET', `/api/users/${me.id}`)).json()).toMatchObject({ active: true, roles: ['administrator'] });
  });
});

describe('GET /api/roles', () => {
  it('lists the 10 roles with zh/en names, scope and permissions', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/roles' }, 'agent');
    expect(res.statusCode).toBe(200);
    const items = (res.json() as RoleListAnswer).items;
    expect(items.map((i) => i.role)).toEqual([...ROLES]);
    expect(items).toHaveLength(10);
    for (const i of items) {
      expect(i.zh.length).toBeGreaterThan(0);
      expect(i.en.length).toBeGreaterThan(0);
      expect(['none', 'branch', 'department', 'all']).toContain(i.scope);
    }
    expect(items.find((i) => i.role === 'auditor')).toMatchObject({
      scope: 'all',
      permissions: expect.arrayContaining(['audit.read', 'complaint.read']),
    });
    expect(items.find((i) => i.role === 'auditor')?.permissions).not.toContain('complaint.create');
    expect(items.find((i) => i.role === 'branch_agent')).toMatchObject({ scope: 'branch', zh: '网点客服人员' });
    expect(items.find((i) => i.role === 'administrator')).toMatchObject({
      scope: 'none',
      permissions: expect.arrayContaining(['user.write', 'org.write']),
    });
    // the trainer (#15 item 1) runs training and reads no complaints
    expect(items.find((i) => i.role === 'trainer')).toMatchObject({
      scope: 'none',
      zh: '培训管理员',
      permissions: expect.arrayContaining(['training.manage', 'training.read']),
    });
    expect(items.find((i) => i.role === 'trainer')?.permissions).not.toContain('complaint.read');
    expect((await t.app.inject({ method: 'GET', url: '/api/roles' })).statusCode).toBe(401);
  });
});

describe('the staff directory (issue #5: picking an assignee)', () => {
  it('lists active colleagues with names, roles and units only, for every complaint reader; not for the administrator', async () => {
    const created = await t.inject(
      {
        method: 'POST',
        url: '/api/users',
        payload: { username: 'dir.gone', displayName: '已离职', email: 'gone@example.com', roles: ['agent'] },
      },
      'admin',
    );
    expect(created.statusCode, created.body).toBe(201);
    const goneId = (created.json() as Created).user.id;
    expect((await t.inject({ method: 'PATCH', url: `/api/users/${goneId}`, payload: { active: false } }, 'admin')).statusCode).toBe(200);

    const res = await t.inject({ method: 'GET', url: '/api/directory' }, 'handler');
    expect(res.statusCode).toBe(200);
    const items = (res.json() as DirectoryAnswer).items;
    expect(items.find((u) => u.username === 'agent')).toEqual({
      username: 'agent',
      displayName: expect.any(String),
      roles: ['agent'],
      orgUnitIds: expect.any(Array),
      active: true,
    });
    expect(items.map((u) => u.username)).not.toContain('dir.gone');
    expect(items.every((u) => !('email' in u) && !('lockedUntil' in u) && !('permissions' in u))).toBe(true);
    expect((await t.inject({ method: 'GET', url: '/api/directory' }, 'admin')).statusCode).toBe(403);
  });
});
