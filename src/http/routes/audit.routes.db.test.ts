import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { expectFieldError, type ApiErrorBody } from '../../../test/db-assertions.js';
import type { AuditPageAnswer } from '../schemas/administration.responses.js';

const T0 = '2026-11-25T02:00:00Z';
const MINUTE = 60_000;
let t: TestApp;
const at = (minutes: number) => new Date(new Date(T0).getTime() + minutes * MINUTE);

const auditAs = (as: string, query = '') => t.inject({ method: 'GET', url: `/api/audit${query}` }, as);
const page = async (query = '') => {
  const res = await auditAs('auditor', query);
  expect(res.statusCode).toBe(200);
  return res.json() as AuditPageAnswer;
};

/** Sign-ins, a failed one, a lockout-free unknown user and a denial, at known times. */
beforeAll(async () => {
  t = await createTestApp(T0);
  t.setNow(at(1));
  await t.login('agent');
  t.setNow(at(2));
  await t.login('agent', 'Wrong-Passw0rd!');
  t.setNow(at(3));
  await t.login('mallory', 'Wrong-Passw0rd!');
  t.setNow(at(4));
  await t.login('supervisor');
  t.setNow(at(5));
  await t.inject(
    { method: 'POST', url: '/api/users', payload: { username: 'sneaky', displayName: 'S', roles: ['administrator'] } },
    'agent',
  );
  t.setNow(at(6));
  await t.inject({ method: 'PATCH', url: '/api/org-units/CS', payload: { nameEn: 'Customer Service Centre' } }, 'admin');
  t.setNow(T0);
});
afterAll(async () => t.close());

describe('GET /api/audit', () => {
  it('shows auditors the sign-ins, failed sign-ins, denials and administration, newest first', async () => {
    const { items } = await page('?limit=500');
    const find = (actor: string, action: string, outcome: string) =>
      items.find((i) => i.actor === actor && i.action === action && i.outcome === outcome);
    expect(find('agent', 'auth.login', 'success')).toMatchObject({ at: at(1).toISOString(), targetType: 'user', ip: '127.0.0.1' });
    expect(find('agent', 'auth.login', 'failure')).toMatchObject({ at: at(2).toISOString(), details: { reason: 'bad_password' } });
    expect(find('mallory', 'auth.login', 'failure')).toMatchObject({ targetId: null, details: { reason: 'unknown_user' } });
    expect(find('agent', 'user.write', 'denied')).toMatchObject({
      at: at(5).toISOString(),
      targetType: 'route',
      targetId: 'POST /api/users',
      details: { via: 'token' },
    });
    expect(find('admin', 'org.update', 'success')).toMatchObject({
      targetType: 'org_unit',
      details: { nameEn: 'Customer Service Centre' },
    });
    const ids = items.map((i) => BigInt(i.id));
    expect(ids).toEqual([...ids].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));
    expect(JSON.stringify(items)).not.toMatch(/Wrong-Passw0rd|Test-Passw0rd/);
  });

  it('filters by actor, action prefix, outcome, target and time range', async () => {
    const agent = (await page('?actor=agent&limit=500')).items;
    expect(agent.length).toBeGreaterThan(0);
    expect(agent.every((i) => i.actor === 'agent')).toBe(true);

    const auth = (await page('?action=auth.&limit=500')).items;
    expect(auth.length).toBe(4);
    expect(auth.every((i) => i.action.startsWith('auth.'))).toBe(true);
    expect((await page('?action=auth.login&outcome=failure')).items.map((i) => i.actor).sort()).toEqual(['agent', 'mallory']);
    // the prefix is a prefix, not a pattern
    expect((await page('?action=auth_')).items).toEqual([]);
    expect((await page('?action=%25')).items).toEqual([]);

    const denied = (await page('?outcome=denied')).items;
    expect(denied.map((i) => `${i.actor} ${i.action}`)).toEqual(['agent user.write']);

    const range = (await page(`?from=${encodeURIComponent(at(2).toISOString())}&to=${encodeURIComponent(at(4).toISOString())}`)).items;
    expect(range.map((i) => `${i.actor} ${i.outcome}`)).toEqual(['mallory failure', 'agent failure']);
    const supervisorLogin = (await page('?actor=supervisor&action=auth.login')).items[0];
    expect(supervisorLogin).toBeDefined();
    expect((await page(`?targetId=${supervisorLogin?.targetId ?? ''}&action=auth.`)).items.map((i) => i.actor)).toEqual(['supervisor']);
  });

  it('pages by cursor with no repeats and no gaps', async () => {
    const all = (await page('?limit=500')).items.map((i) => i.id);
    expect(all.length).toBeGreaterThan(7);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const p: AuditPageAnswer = await page(`?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(p.items.length).toBeLessThanOrEqual(3);
      seen.push(...p.items.map((i) => i.id));
      cursor = p.nextCursor;
      pages++;
    } while (cursor && pages < 100);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBe(Math.ceil(all.length / 3));
    // filters and cursor combine
    const first = await page('?actor=agent&limit=1');
    const second = await page(`?actor=agent&limit=1&cursor=${first.nextCursor ?? ''}`);
    expect(second.items[0]?.actor).toBe('agent');
    expect(BigInt(second.items[0]?.id ?? '0')).toBeLessThan(BigInt(first.items[0]?.id ?? '0'));
  });

  it('refuses bad filters with a 400 naming the field', async () => {
    expectFieldError(await auditAs('auditor', '?outcome=maybe'), 400, 'querystring.outcome');
    expectFieldError(await auditAs('auditor', '?from=yesterday'), 400, 'querystring.from');
    expectFieldError(await auditAs('auditor', '?cursor=abc'), 400, 'querystring.cursor');
    expectFieldError(await auditAs('auditor', '?cursor=99999999999999999999'), 400, 'querystring.cursor');
    expectFieldError(await auditAs('auditor', '?cursor=9999999999999999999'), 400, 'querystring.cursor'); // beyond bigint
    expectFieldError(await auditAs('auditor', '?limit=0'), 400, 'querystring.limit');
    expectFieldError(await auditAs('auditor', '?colour=red'), 400, 'querystring');
  });

  it('is for auditors only: others get 403, and the denial itself is audited', async () => {
    for (const as of ['agent', 'admin', 'leader', 'inspector', 'tester']) {
      const res = await auditAs(as);
      expect(res.statusCode, as).toBe(403);
      expect((res.json() as ApiErrorBody).code).toBe('forbidden');
    }
    const denials = (await page('?action=audit.read&outcome=denied&limit=500')).items.map((i) => i.actor).sort();
    expect(denials).toEqual(['admin', 'agent', 'inspector', 'leader', 'tester']);
  });
});

describe('audit_log is append-only in the database', () => {
  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    const before = Number(
      (
        await t.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    await expect(t.db.updateTable('audit_log').set({ actor: 'someone-else' }).where('actor', '=', 'mallory').execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.deleteFrom('audit_log').where('actor', '=', 'mallory').execute()).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
    const after = Number(
      (
        await t.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(after).toBe(before);
    expect((await page('?actor=mallory')).items).toHaveLength(1);
  });
});
