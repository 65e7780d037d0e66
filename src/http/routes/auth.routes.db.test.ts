import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { complaintBody, createTestApp, TEST_PASSWORD, TEST_SESSION_SECRET, testSecurity, type TestApp } from '../../../test/test-app.js';
import type { ApiErrorBody } from '../../../test/db-assertions.js';
import { buildApp } from '../app.js';
import { DEFAULT_SIGN_IN_THROTTLE } from '../../domain/access/sign-in-throttle.js';

const T0 = '2026-11-25T02:00:00Z';
const MINUTE = 60_000;
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(T0);
});
afterAll(async () => t.close());

const at = (minutes: number) => new Date(new Date(T0).getTime() + minutes * MINUTE);
const errorOf = (res: LightMyRequestResponse) => res.json() as ApiErrorBody;
const setCookieOf = (res: LightMyRequestResponse) => {
  const set = res.headers['set-cookie'];
  return (Array.isArray(set) ? set : [set ?? '']).find((c) => c.startsWith('cms_session=')) ?? '';
};
const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers });
const withCookie = (
  method: 'GET' | 'POST',
  url: string,
  cookie: string,
  extra: { csrf?: string; payload?: Record<string, unknown> } = {},
) =>
  t.app.inject({
    method,
    url,
    payload: extra.payload,
    headers: { cookie, ...(extra.csrf === undefined ? {} : { 'x-csrf-token': extra.csrf }) },
  });
const me = (cookie: string) => withCookie('GET', '/api/auth/me', cookie);

async function auditRows(actor: string, action: string) {
  return t.db.selectFrom('audit_log').selectAll().where('actor', '=', actor).where('action', '=', action).orderBy('id').execute();
}

describe('POST /api/auth/login', () => {
  it('signs in: HttpOnly, SameSite=Lax session cookie, CSRF token, roles and permissions; audited', async () => {
    const res = await login('supervisor', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = setCookieOf(res);
    expect(cookie).toMatch(/^cms_session=[^;]+/);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).toMatch(/;\s*Path=\/(;|$)/);
    expect(cookie).not.toMatch(/;\s*Secure/i);
    const body = res.json();
    expect(typeof body.csrfToken).toBe('string');
    expect(body.csrfToken.length).toBeGreaterThanOrEqual(32);
    expect(body.mustChangePassword).toBe(false);
    expect(body.user).toMatchObject({ username: 'supervisor', roles: ['supervisor'] });
    expect(body.user.permissions).toEqual(expect.arrayContaining(['complaint.read', 'complaint.create']));
    expect(body.user.permissions).not.toContain('audit.read');
    expect(JSON.stringify(body)).not.toMatch(/password_hash|\$argon2/);

    const who = await me(cookie.split(';')[0] ?? '');
    expect(who.statusCode).toBe(200);
    expect(who.json()).toMatchObject({ via: 'session', csrfToken: body.csrfToken, user: { username: 'supervisor' } });

    const rows = await auditRows('supervisor', 'auth.login');
    expect(rows.at(-1)).toMatchObject({ outcome: 'success', target_type: 'user', target_id: body.user.id });
  });

  it('a forwarded https scheme is ignored without trustProxy; behind a trusted proxy the cookie is Secure', async () => {
    const plain = await login('supervisor', TEST_PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(plain.statusCode).toBe(200);
    expect(setCookieOf(plain)).not.toMatch(/;\s*Secure/i);

    const proxied = await buildApp({
      db: t.db,
      timeZone: 'Asia/Shanghai',
      now: t.now,
      logLevel: 'silent',
      security: testSecurity(),
      sessionSecret: TEST_SESSION_SECRET,
      trustProxy: true,
    });
    try {
      const res = await proxied.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'supervisor', password: TEST_PASSWORD },
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(res.statusCode).toBe(200);
      expect(setCookieOf(res)).toMatch(/;\s*Secure/i);
    } finally {
      await proxied.close();
    }
  });

  it('a wrong password and an unknown user get the same 401, in zh or en; both audited as failures', async () => {
    const wrong = await login('handler', 'Not-The-Passw0rd!');
    const unknown = await login('nobody-here', 'Not-The-Passw0rd!');
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(errorOf(res)).toEqual({ code: 'invalid_credentials', message: '用户名或密码错误', fields: [] });
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    const en = await login('handler', 'Not-The-Passw0rd!', { 'accept-language': 'en-US,en;q=0.9' });
    expect(errorOf(en)).toMatchObject({ code: 'invalid_credentials', message: 'Wrong username or password' });
    const enUnknown = await login('nobody-here', 'Not-The-Passw0rd!', { 'accept-language': 'en' });
    expect(errorOf(enUnknown)).toEqual(errorOf(en));

    expect((await auditRows('handler', 'auth.login')).map((r) => [r.outcome, r.details])).toEqual([
      ['failure', { reason: 'bad_password' }],
      ['failure', { reason: 'bad_password' }],
    ]);
    expect((await auditRows('nobody-here', 'auth.login')).map((r) => [r.outcome, r.target_id])).toEqual([
      ['failure', null],
      ['failure', null],
    ]);
  });

  it('usernames are matched case-insensitively and trimmed', async () => {
    expect((await login('  Supervisor ', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('bad input is a 400 naming the field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'agent' } });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fields.map((f) => f.field)).toContain('password');
  });
});

describe('login rate limit', () => {
  it("a flood beyond the throttle is cut by the per-address+username limit, with the throttle's own 429 (#9 item 4)", async () => {
    // a throttle that never holds back, so that only the rate limit (3 a minute here) answers 429
    const lenient = { freeFailures: 1000, firstDelaySeconds: 1, maxDelaySeconds: 1 };
    const policy = { ...DEFAULT_SIGN_IN_THROTTLE, perSource: lenient, perAccount: lenient };
    const limitedApp = await buildApp({
      db: t.db,
      timeZone: 'Asia/Shanghai',
      now: t.now,
      logLevel: 'silent',
      security: testSecurity({ signInThrottle: policy }),
      sessionSecret: TEST_SESSION_SECRET,
      loginRateLimit: 3,
    });
    try {
      const attempt = (username: string) =>
        limitedApp.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username, password: 'Wrong-Passw0rd!' },
          headers: { 'accept-language': 'en' },
          remoteAddress: '10.9.9.9',
        });
      const codes: number[] = [];
      for (let i = 0; i < 3; i++) codes.push((await attempt(i % 2 === 0 ? 'ghost' : 'GHOST')).statusCode);
      expect(codes).toEqual([401, 401, 401]);
      const limited = await attempt('ghost');
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['content-type']).toContain('application/json');
      expect(errorOf(limited)).toMatchObject({ code: 'too_many_attempts', fields: [] });
      expect(errorOf(limited).message).toMatch(/^Too many attempts; try again in (1 minute|\d+ seconds)$/);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      // another username is not held back
      expect((await attempt('ghost-2')).statusCode).toBe(401);
    } finally {
      await limitedApp.close();
    }
  });
});

describe('CSRF protection of cookie-authenticated writes', () => {
  const body = (phone: string) => complaintBody({ complainant: { name: '张三', phone } });

  it('refuses a cookie write without or with a wrong X-CSRF-Token, accepts the right one', async () => {
    const { cookie, csrf } = await t.login('agent');
    const missing = await withCookie('POST', '/api/complaints', cookie, { payload: body('13800000001') });
    expect(missing.statusCode).toBe(403);
    expect(errorOf(missing).code).toBe('csrf_failed');
    expect(errorOf(missing).fields.map((f) => f.field)).toEqual(['X-CSRF-Token']);
    const wrong = await withCookie('POST', '/api/complaints', cookie, { payload: body('13800000001'), csrf: `${csrf.slice(0, -2)}xx` });
    expect(wrong.statusCode).toBe(403);
    expect(errorOf(wrong).code).toBe('csrf_failed');
    const other = await t.login('agent');
    expect((await withCookie('POST', '/api/complaints', cookie, { payload: body('13800000001'), csrf: other.csrf })).statusCode).toBe(403);
    expect(await t.db.selectFrom('complaints').select('id').where('created_by', '=', 'agent').execute()).toHaveLength(0);

    const ok = await withCookie('POST', '/api/complaints', cookie, { payload: body('13800000001'), csrf });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().createdBy).toBe('agent');
  });

  it('reads need no token; bearer-token writes need none', async () => {
    const { cookie } = await t.login('agent');
    expect((await withCookie('GET', '/api/complaints', cookie)).statusCode).toBe(200);
    const res = await t.inject({ method: 'POST', url: '/api/complaints', payload: body('13800000002') }, 'agent');
    expect(res.statusCode).toBe(201);
  });

  it('a tampered cookie signature is not a session', async () => {
    const { cookie } = await t.login('agent');
    const tampered = cookie.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await me(tampered)).statusCode).toBe(401);
  });
});

describe('session expiry', () => {
  it('ends after 30 idle minutes', async () => {
    const { cookie } = await t.login('branch');
    t.setNow(at(10));
    expect((await me(cookie)).statusCode).toBe(200);
    t.setNow(at(39));
    expect((await me(cookie)).statusCode).toBe(200);
    t.setNow(at(39 + 31));
    const res = await me(cookie);
    expect(res.statusCode).toBe(401);
    expect(errorOf(res).code).toBe('unauthenticated');
    t.setNow(at(40)); // going back does not revive it: the session was ended
    expect((await me(cookie)).statusCode).toBe(401);
    t.setNow(T0);
  });

  it('a request every 20 minutes keeps it alive until the 12-hour limit', async () => {
    const { cookie } = await t.login('inspector');
    for (let m = 20; m < 12 * 60; m += 20) {
      t.setNow(at(m));
      const res = await me(cookie);
      if (res.statusCode !== 200) throw new Error(`session died after ${m} minutes`);
    }
    t.setNow(at(12 * 60));
    expect((await me(cookie)).statusCode).toBe(401);
    t.setNow(T0);
  });
});

describe('logout', () => {
  it('logout ends this session only; logout-all ends every session of the user, not others', async () => {
    const a = await t.login('leader');
    const b = await t.login('leader');
    const c = await t.login('leader');
    const other = await t.login('senior');
    expect((await withCookie('POST', '/api/auth/logout', a.cookie)).statusCode).toBe(403); // CSRF applies
    const out = await withCookie('POST', '/api/auth/logout', a.cookie, { csrf: a.csrf });
    expect(out.statusCode).toBe(200);
    expect(setCookieOf(out)).toMatch(/^cms_session=;/);
    expect((await me(a.cookie)).statusCode).toBe(401);
    expect((await me(b.cookie)).statusCode).toBe(200);

    const all = await withCookie('POST', '/api/auth/logout-all', b.cookie, { csrf: b.csrf });
    expect(all.statusCode).toBe(200);
    expect(all.json()).toEqual({ ok: true, sessions: 2 });
    expect((await me(b.cookie)).statusCode).toBe(401);
    expect((await me(c.cookie)).statusCode).toBe(401);
    expect((await me(other.cookie)).statusCode).toBe(200);
    expect((await auditRows('leader', 'auth.logout_all')).map((r) => r.details)).toEqual([{ sessions: 2 }]);
  });

  it('logout with an API token ends no browser session', async () => {
    const s = await t.login('senior');
    const res = await t.inject({ method: 'POST', url: '/api/auth/logout' }, 'senior');
    expect(res.statusCode).toBe(200);
    expect((await me(s.cookie)).statusCode).toBe(200);
  });
});

describe('sign-in required', () => {
  it('protected routes answer 401 unauthenticated without credentials or with bad ones', async () => {
    for (const [method, url] of [
      ['GET', '/api/complaints'],
      ['POST', '/api/complaints'],
      ['GET', '/api/auth/me'],
      ['GET', '/api/audit'],
      ['GET', '/api/users'],
      ['GET', '/api/policy'],
    ] as const) {
      const res = await t.app.inject({ method, url });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(errorOf(res)).toEqual({ code: 'unauthenticated', message: '请先登录', fields: [] });
    }
    for (const authorization of ['Bearer cms_not-a-token', 'Bearer nonsense', 'Basic YWRtaW46eA==']) {
      expect((await t.app.inject({ method: 'GET', url: '/api/complaints', headers: { authorization } })).statusCode).toBe(401);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/complaints', headers: { cookie: 'cms_session=forged' } })).statusCode).toBe(401);
  });

  it('health, OpenAPI, the docs and the landing page are public', async () => {
    for (const url of ['/healthz', '/api/openapi.json', '/api/docs/', '/']) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(200);
    }
  });
});
