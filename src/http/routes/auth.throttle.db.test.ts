/**
 * Sign-in throttling instead of lockout (#9 item 4, R-H1): nobody can lock an account out, unknown
 * and existing names get the same answers, the real user still signs in from their usual address,
 * administrators are told of an attack, and a wrong current password on a password change is
 * throttled on its own. Time passes through the injected clock, never by sleeping.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/test-app.js';
import type { ApiErrorBody } from '../../../test/db-assertions.js';
import { renderMessage, type Message } from '../../domain/messages/message-templates.js';
import { createUser } from '../../services/people/user.service.js';
import { translate } from '../i18n/messages.js';
import type { LoginAnswer, UserListAnswer } from '../schemas/people.responses.js';

const T0 = '2026-11-25T02:00:00Z';
let t: TestApp;
let clock = new Date(T0).getTime();
beforeAll(async () => {
  t = await createTestApp(T0);
});
afterAll(async () => t.close());

/** Moves the injected clock forward. */
const wait = (seconds: number) => {
  clock += seconds * 1000;
  t.setNow(new Date(clock));
};
const errorOf = (res: LightMyRequestResponse) => res.json() as ApiErrorBody;
const retryAfter = (res: LightMyRequestResponse) => Number(res.headers['retry-after'] ?? 0);
const login = (username: string, password: string, address: string, lang = 'zh-CN') =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress: address,
    headers: { 'accept-language': lang },
  });
const WRONG = 'Wrong-Passw0rd!';

async function makeUser(username: string): Promise<string> {
  const created = await createUser(
    t.ctx,
    { ip: null, userAgent: null },
    { id: 'test-setup' },
    { username, displayName: username, roles: ['agent'], orgUnitIds: [] },
    { value: TEST_PASSWORD, mustChange: false },
  );
  return created.user.id;
}

/** Fails `n` times from one address, waiting out each pause asked for; returns the pauses. */
async function failPatiently(username: string, address: string, n: number): Promise<number[]> {
  const pauses: number[] = [];
  for (let failures = 0; failures < n;) {
    const res = await login(username, WRONG, address);
    if (res.statusCode === 429) {
      pauses.push(retryAfter(res));
      wait(retryAfter(res));
      continue;
    }
    expect(res.statusCode).toBe(401);
    failures++;
  }
  return pauses;
}

/** A failure from each of `n` addresses (a guesser spread over many machines), waiting out pauses. */
async function failFromMany(username: string, prefix: string, n: number, patient = false): Promise<void> {
  for (let i = 1; i <= n; i++) {
    if (patient) await failPatiently(username, `${prefix}.${i}`, 1);
    else expect((await login(username, WRONG, `${prefix}.${i}`)).statusCode).toBe(401);
  }
}

/** The notices about a target, with their message rendered in both languages (body.en: the English). */
async function attackNotices(target: string) {
  const rows = await t.db
    .selectFrom('notifications as n')
    .innerJoin('users as u', 'u.id', 'n.user_id')
    .select(['u.username', 'n.template', 'n.params', 'n.complaint_id'])
    .where('n.kind', '=', 'sign_in_attack')
    .where((eb) =>
      eb.or([eb(eb.ref('n.params', '->>').key('username'), '=', target), eb(eb.ref('n.params', '->>').key('address'), '=', target)]),
    )
    .execute();
  return rows.map(({ template, params, ...r }) => {
    const message = { template, params } as Message;
    return { ...r, title: renderMessage(message, 'zh-CN'), body: { ...params, en: renderMessage(message, 'en-US') } };
  });
}

async function administrators(): Promise<string[]> {
  const rows = await t.db
    .selectFrom('user_roles as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select('u.username')
    .where('r.role', '=', 'administrator')
    .where('u.active', '=', true)
    .execute();
  return rows.map((r) => r.username).sort();
}

describe('sign-in throttle instead of lockout', () => {
  it('many failures for admin from address A do not stop admin signing in from known address B; administrators get one notice', async () => {
    const A = '203.0.113.10';
    const B = '10.20.0.5';
    expect((await login('admin', TEST_PASSWORD, B)).statusCode).toBe(200);

    // A guesses: first freely, then with growing pauses; even the right password is refused while held back
    expect(await failPatiently('admin', A, 8)).toEqual([1, 2, 4]);
    const heldBack = await login('admin', TEST_PASSWORD, A);
    expect(heldBack.statusCode).toBe(429);
    expect(heldBack.headers['set-cookie']).toBeUndefined();
    expect(errorOf(heldBack)).toEqual({ code: 'too_many_attempts', message: '尝试次数过多，请 8 秒后再试', fields: [] });
    expect(retryAfter(heldBack)).toBe(8);

    // the real user at B is not held back by A
    expect((await login('admin', TEST_PASSWORD, B)).statusCode).toBe(200);

    // a guesser spread over many addresses pushes the whole account past its threshold (21 failures) ...
    await failFromMany('admin', '198.51.100', 13);
    const elsewhere = await login('admin', TEST_PASSWORD, '192.0.2.77');
    expect(elsewhere.statusCode).toBe(429);
    expect(errorOf(elsewhere).code).toBe('too_many_attempts');
    // ... but a known source still signs in
    expect((await login('admin', TEST_PASSWORD, B)).statusCode).toBe(200);

    // every administrator was told once in this window, however many failures followed
    await failFromMany('admin', '198.51.101', 5, true);
    const notices = await attackNotices('admin');
    expect(notices.map((n) => n.username).sort()).toEqual(await administrators());
    expect(notices[0]).toMatchObject({
      complaint_id: null,
      body: { target: 'account', username: 'admin', failures: 20, windowMinutes: 15 },
    });
    expect(notices[0]?.title).toContain('账号 admin');
    expect((notices[0]?.body as { en?: string }).en).toContain('account admin');
    const audited = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'auth.sign_in_attack')
      .where('target_id', '=', 'admin')
      .execute();
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ actor: 'system', outcome: 'denied', target_type: 'username' });
  });

  it('an unknown name and an existing one get identical answers, wrong or held back', async () => {
    await makeUser('same-answer');
    const run = async (username: string, prefix: string) => {
      const answers: Array<[number, unknown, number]> = [];
      const record = (r: LightMyRequestResponse) => answers.push([r.statusCode, r.json(), retryAfter(r)]);
      for (let i = 0; i < 7; i++) record(await login(username, WRONG, `${prefix}.1`));
      record(await login(username, WRONG, `${prefix}.1`, 'en'));
      await failFromMany(username, `${prefix}.2`, 16);
      record(await login(username, WRONG, `${prefix}.3`));
      return answers;
    };
    const existing = await run('same-answer', '10.31');
    const unknown = await run('no-such-person', '10.32');
    expect(unknown).toEqual(existing);
    expect(existing.map(([status]) => status)).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429]);
    expect(existing[0]?.[1]).toEqual({ code: 'invalid_credentials', message: '用户名或密码错误', fields: [] });
    expect(existing[7]).toEqual([429, { code: 'too_many_attempts', message: 'Too many attempts; try again in 1 second', fields: [] }, 1]);
    // held back by the per-account throttle from a fresh address, alike
    expect(existing[8]).toEqual([429, { code: 'too_many_attempts', message: '尝试次数过多，请 1 秒后再试', fields: [] }, 1]);
    // longer pauses are said in minutes or hours
    expect(translate('too_many_attempts', 'zh-CN', { retryAfterSeconds: 512 })).toBe('尝试次数过多，请 9 分钟后再试');
    expect(translate('too_many_attempts', 'en-US', { retryAfterSeconds: 3600 })).toBe('Too many attempts; try again in 1 hour');
  });

  it('the pause grows with each failure and decays with time', async () => {
    await makeUser('decay-user');
    const E = '10.40.0.1';
    expect(await failPatiently('decay-user', E, 8)).toEqual([1, 2, 4]);
    // an hour later (one half-life) the score is halved: a failure is held back only briefly
    wait(3600);
    expect((await login('decay-user', WRONG, E)).statusCode).toBe(401);
    expect(retryAfter(await login('decay-user', WRONG, E))).toBe(1);
    // four hours on, nothing is left: failures are free again, and the right password works
    wait(4 * 3600);
    expect((await login('decay-user', WRONG, E)).statusCode).toBe(401);
    expect((await login('decay-user', WRONG, E)).statusCode).toBe(401);
    expect((await login('decay-user', TEST_PASSWORD, E)).statusCode).toBe(200);
  });

  it('parallel wrong passwords all count (no lost update)', async () => {
    await makeUser('parallel-user');
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => login('parallel-user', `Wrong-Passw0rd-${i}`, '10.50.0.1')));
    const failures = results.filter((r) => r.statusCode === 401).length;
    expect(results.every((r) => r.statusCode === 401 || r.statusCode === 429)).toBe(true);
    const row = await t.db
      .selectFrom('sign_in_throttle')
      .selectAll()
      .where('kind', '=', 'source')
      .where('username', '=', 'parallel-user')
      .executeTakeFirstOrThrow();
    expect(row.window_failures).toBe(failures);
    expect((await login('parallel-user', TEST_PASSWORD, '10.50.0.1')).statusCode).toBe(failures > 4 ? 429 : 200);
  });

  it('one address failing across many names alerts the administrators once', async () => {
    const G = '10.60.0.1';
    for (let i = 0; i < 55; i++) expect((await login(`sprayed-${i}`, WRONG, G)).statusCode).toBe(401);
    const notices = await attackNotices(G);
    expect(notices.map((n) => n.username).sort()).toEqual(await administrators());
    expect(notices[0]?.body).toMatchObject({ target: 'address', address: G, failures: 50 });
  });

  it('an administrator clears the throttle with the former unlock; the user list shows it until then', async () => {
    const id = await makeUser('cleared-user');
    const F = '10.70.0.1';
    for (let i = 0; i < 6; i++) await login('cleared-user', WRONG, F);
    expect((await login('cleared-user', TEST_PASSWORD, F)).statusCode).toBe(429);
    const held = await t.inject({ method: 'GET', url: `/api/users/${id}` }, 'admin');
    expect(new Date(held.json().lockedUntil as string).getTime()).toBeGreaterThan(clock);
    const listed = (await t.inject({ method: 'GET', url: '/api/users' }, 'admin')).json() as UserListAnswer;
    expect(listed.items.find((u) => u.username === 'cleared-user')?.lockedUntil).toBe(held.json().lockedUntil);
    const unlock = await t.inject({ method: 'POST', url: `/api/users/${id}/unlock` }, 'admin');
    expect(unlock.statusCode).toBe(200);
    expect(unlock.json()).toMatchObject({ username: 'cleared-user', lockedUntil: null });
    expect((await login('cleared-user', TEST_PASSWORD, F)).statusCode).toBe(200);
    const audited = await t.db
      .selectFrom('audit_log')
      .select(['target_id', 'details'])
      .where('actor', '=', 'admin')
      .where('action', '=', 'user.unlock')
      .execute();
    expect(audited.map((r) => r.target_id)).toContain(id);
  });
});

describe('wrong current password on a password change', () => {
  it('is throttled on its own counter and neither holds back nor is cleared by signing in', async () => {
    await makeUser('changer');
    const H = '10.80.0.1';
    const signIn = await login('changer', TEST_PASSWORD, H);
    expect(signIn.statusCode).toBe(200);
    const cookie = String(signIn.headers['set-cookie']).split(';')[0] ?? '';
    const csrf = (signIn.json() as LoginAnswer).csrfToken;
    const change = (currentPassword: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        remoteAddress: H,
        payload: { currentPassword, newPassword: 'Green-Meadow-4417' },
        headers: { cookie, 'x-csrf-token': csrf },
      });

    for (let i = 0; i < 4; i++) {
      const res = await change(WRONG);
      expect(res.statusCode).toBe(400);
      expect(errorOf(res).fields.map((f) => f.code)).toEqual(['password_wrong']);
    }
    const held = await change(TEST_PASSWORD);
    expect(held.statusCode).toBe(429);
    expect(errorOf(held).code).toBe('too_many_attempts');
    expect(retryAfter(held)).toBe(2);

    // signing in is untouched: the right password works, a wrong one is a plain 401 without pause
    expect((await login('changer', TEST_PASSWORD, H)).statusCode).toBe(200);
    expect((await login('changer', WRONG, H)).statusCode).toBe(401);
    expect((await login('changer', WRONG, H)).statusCode).toBe(401);
    expect((await change(TEST_PASSWORD)).statusCode).toBe(429);

    wait(2);
    expect((await change(TEST_PASSWORD)).statusCode).toBe(200);
    expect(
      await t.db.selectFrom('sign_in_throttle').select('kind').where('username', '=', 'changer').where('kind', '=', 'password').execute(),
    ).toEqual([]);
  });
});
