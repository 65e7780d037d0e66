import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import { expectFieldError, type ApiErrorBody } from '../../../test/db-assertions.js';
import { passwordIssues } from '../../domain/access/password-policy.js';
import type { CreatedUserAnswer } from '../schemas/people.responses.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z');
});
afterAll(async () => t.close());

type Session = { cookie: string; csrf: string };
const errorOf = (res: LightMyRequestResponse) => res.json() as ApiErrorBody;
const get = (url: string, s: Session) => t.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
const post = (url: string, s: Session, payload?: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url, payload, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });
const change = (s: Session, currentPassword: string, newPassword: string) =>
  post('/api/auth/password', s, { currentPassword, newPassword });

describe('forced password change at first sign-in', () => {
  let oneTime = '';
  let userId = '';
  let first: Session;
  let second: Session;
  const NEW_PASSWORD = 'Blue-Harbour-7731';

  it('an account created by an administrator comes with a one-time password that must be changed', async () => {
    const cs = await t.db.selectFrom('org_units').select('id').where('code', '=', 'CS').executeTakeFirstOrThrow();
    const res = await t.inject(
      { method: 'POST', url: '/api/users', payload: { username: 'Newbie', displayName: '新同事', roles: ['agent'], orgUnitIds: [cs.id] } },
      'admin',
    );
    expect(res.statusCode).toBe(201);
    const body = res.json() as CreatedUserAnswer;
    expect(body.user).toMatchObject({ username: 'newbie', mustChangePassword: true });
    expect(passwordIssues(body.oneTimePassword, 'newbie')).toEqual([]);
    oneTime = body.oneTimePassword;
    userId = body.user.id;

    const signIn = await t.login('newbie', oneTime);
    expect(signIn.res.statusCode).toBe(200);
    expect(signIn.res.json()).toMatchObject({ mustChangePassword: true, user: { username: 'newbie', mustChangePassword: true } });
    first = signIn;
    second = await t.login('newbie', oneTime);
  });

  it('until then every other route answers 403 password_change_required; /api/auth/me works', async () => {
    for (const res of [
      await get('/api/complaints', first),
      await get('/api/roles', first),
      await post('/api/complaints', first, complaintBody()),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(errorOf(res)).toMatchObject({ code: 'password_change_required', message: '首次登录须先修改密码' });
    }
    const me = await get('/api/auth/me', first);
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ mustChangePassword: true, via: 'session', user: { username: 'newbie' } });
  });

  it('the change itself needs the CSRF token and the right current password', async () => {
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: oneTime, newPassword: NEW_PASSWORD },
      headers: { cookie: first.cookie },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(errorOf(noCsrf).code).toBe('csrf_failed');
    const wrong = expectFieldError(await change(first, 'Not-The-0ne-Time', NEW_PASSWORD), 400, 'currentPassword');
    expect(wrong.fields.map((f) => f.code)).toEqual(['password_wrong']);
    const audited = await t.db
      .selectFrom('audit_log')
      .select('outcome')
      .where('actor', '=', 'newbie')
      .where('action', '=', 'auth.password_change')
      .execute();
    expect(audited.map((r) => r.outcome)).toEqual(['failure']);
  });

  it.each([
    ['short', 'Ab1-short', ['password_too_short']],
    ['too simple', 'alllowercaseletters', ['password_too_simple']],
    ['contains the username', 'Newbie-Harbour-77', ['password_contains_username']],
    ['common', 'Password2024!!', ['password_common']],
  ])('a %s new password is refused with field newPassword', async (_name, weak, codes) => {
    const body = expectFieldError(await change(first, oneTime, weak), 400, 'newPassword');
    expect(body.fields.filter((f) => f.field === 'newPassword').map((f) => f.code)).toEqual(codes);
  });

  it('the same password again is refused', async () => {
    const body = expectFieldError(await change(first, oneTime, oneTime), 400, 'newPassword');
    expect(body.fields.map((f) => f.code)).toContain('password_unchanged');
  });

  it('a good new password: 200, routes work, the other sessions of the user end, the old password is refused', async () => {
    const other = await t.login('supervisor');
    const res = await change(first, oneTime, NEW_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect((await get('/api/complaints', first)).statusCode).toBe(200);
    expect((await get('/api/auth/me', first)).json()).toMatchObject({ mustChangePassword: false });
    expect((await get('/api/auth/me', second)).statusCode).toBe(401);
    expect((await get('/api/auth/me', other)).statusCode).toBe(200);

    expect((await t.login('newbie', oneTime)).res.statusCode).toBe(401);
    const again = await t.login('newbie', NEW_PASSWORD);
    expect(again.res.statusCode).toBe(200);
    expect(again.res.json()).toMatchObject({ mustChangePassword: false });

    const user = await t.db
      .selectFrom('users')
      .select(['must_change_password', 'password_hash'])
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    expect(user.must_change_password).toBe(false);
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    expect(user.password_hash).not.toContain(NEW_PASSWORD);
  });

  it('a signed-in user may change their password any time (no forced change needed)', async () => {
    const s = await t.login('handler');
    const res = await change(s, 'Test-Passw0rd!2026', 'Green-Valley-4420');
    expect(res.statusCode).toBe(200);
    expect((await t.login('handler', 'Green-Valley-4420')).res.statusCode).toBe(200);
  });
});
