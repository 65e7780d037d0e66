/**
 * The portal's request limits (#12 item 1) are kept in PostgreSQL: two app instances (two buildApp
 * on one database, as two processes behind a load balancer) share them, per client address, per
 * contact and overall, and answer 429 with Retry-After and `retryAfterSeconds`. Also the form's
 * options (GET /api/public/intake-options).
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SESSION_SECRET, testSecurity } from '../../../test/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { post } from '../../../test/portal-support.js';
import { DEFAULT_EVIDENCE_TYPES } from '../../services/workflow/handlers/evidence-file.js';
import type { PortalOptions } from '../../services/portal/portal-settings.js';
import { buildApp } from '../app.js';

let tdb: TestDatabase;
let now = new Date('2026-11-25T02:03:20Z');
const apps: FastifyInstance[] = [];

type ErrorBody = { code: string; message: string; retryAfterSeconds?: number };

async function instance(portal: PortalOptions): Promise<FastifyInstance> {
  const app = await buildApp({
    db: tdb.db,
    timeZone: 'Asia/Shanghai',
    now: () => new Date(now),
    logLevel: 'silent',
    security: testSecurity(),
    sessionSecret: TEST_SESSION_SECRET,
    portal,
  });
  await app.ready();
  apps.push(app);
  return app;
}

beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await tdb.close();
});

describe('portal limits shared by app instances (PostgreSQL counters)', () => {
  it('per address: requests to either instance count together; the next is 429 with Retry-After', async () => {
    const limits = {
      address: { max: 3, windowSeconds: 600 },
      contact: { max: 100, windowSeconds: 600 },
      overall: { max: 1000, windowSeconds: 600 },
    };
    const [a, b] = [await instance({ limits }), await instance({ limits })];
    const ip = '192.0.2.10';
    const ask = (app: FastifyInstance, i: number) => post(app, '/api/public/codes', { purpose: 'submit', contact: `1381234800${i}` }, ip);
    expect((await ask(a!, 1)).statusCode).toBe(202);
    expect((await ask(b!, 2)).statusCode).toBe(202);
    expect((await ask(a!, 3)).statusCode).toBe(202);
    const refused = await ask(b!, 4);
    expect(refused.statusCode).toBe(429);
    // the window of 600 s began at 02:00:00 (aligned), it is 02:03:20: 400 s to go
    expect(refused.headers['retry-after']).toBe('400');
    expect(refused.json<ErrorBody>()).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 400 });
    expect(refused.json<ErrorBody>().message).toContain('7 分钟');
    // another address is not held back
    expect((await post(a!, '/api/public/codes', { purpose: 'submit', contact: '13812348005' }, '192.0.2.11')).statusCode).toBe(202);
    // the code tries count against the address too
    const tried = await post(a!, '/api/public/sessions', { purpose: 'submit', contact: '13812348001', code: '123456' }, ip);
    expect(tried.statusCode).toBe(429);
    const denied = await tdb.db
      .selectFrom('audit_log')
      .selectAll()
      .where('ip', '=', ip)
      .where('outcome', '=', 'denied')
      .orderBy('id')
      .execute();
    expect(denied.map((d) => [d.action, (d.details as { reason?: string }).reason])).toEqual([
      ['public.code', 'rate_limited:address'],
      ['public.session', 'rate_limited:address'],
    ]);
    // the next window starts afresh
    now = new Date('2026-11-25T02:10:00Z');
    expect((await ask(b!, 6)).statusCode).toBe(202);
  });

  it('per contact across addresses, and overall across everything', async () => {
    const limits = {
      address: { max: 100, windowSeconds: 600 },
      contact: { max: 2, windowSeconds: 3600 },
      overall: { max: 5, windowSeconds: 600 },
    };
    const [a, b] = [await instance({ limits }), await instance({ limits })];
    now = new Date('2026-11-25T03:00:00Z');
    const contact = 'limited@example.com';
    expect((await post(a!, '/api/public/sessions', { purpose: 'submit', contact, code: '123456' }, '192.0.2.20')).statusCode).toBe(400);
    expect((await post(b!, '/api/public/codes', { purpose: 'submit', contact }, '192.0.2.21')).statusCode).toBe(202);
    const third = await post(a!, '/api/public/codes', { purpose: 'submit', contact: 'Limited@Example.com' }, '192.0.2.22');
    expect(third.statusCode).toBe(429);
    expect(third.json<ErrorBody>()).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 3600 });

    // overall: code requests of everyone (the refused one above counted too); three more fill the window of five
    for (const i of [1, 2, 3])
      expect((await post(b!, '/api/public/codes', { purpose: 'submit', contact: `1381234810${i}` }, `192.0.2.3${i}`)).statusCode).toBe(202);
    const over = await post(a!, '/api/public/codes', { purpose: 'submit', contact: '13812348109' }, '192.0.2.39');
    expect(over.statusCode).toBe(429);
    expect(over.headers['retry-after']).toBe('600');
  });
});

describe('GET /api/public/intake-options', () => {
  it('business lines with their categories in words, the attachment rules, the code rules and the expected days', async () => {
    const app = apps[0]!;
    const zh = await app.inject({ method: 'GET', url: '/api/public/intake-options' });
    expect(zh.statusCode, zh.body).toBe(200);
    const o = zh.json<{
      businessLines: Array<{ code: string; label: string; sector: string; categories: Array<{ code: string; label: string }> }>;
      attachments: { maxFiles: number; maxBytes: number; types: string[]; extensions: string[] };
      codeLength: number;
      codeTtlSeconds: number;
      expectedDays: number;
    }>();
    const pc = o.businessLines.find((l) => l.code === 'property_casualty');
    expect(pc).toMatchObject({ label: '财产保险', sector: 'insurance' });
    expect(pc?.categories).toContainEqual({ code: 'claims_dispute', label: '理赔纠纷' });
    // a category of the securities lines is not offered for property insurance
    expect(pc?.categories.map((c) => c.code)).not.toContain('securities_trading');
    expect(o.attachments).toEqual({
      maxFiles: 10,
      maxBytes: 50 * 1024 * 1024,
      types: [...DEFAULT_EVIDENCE_TYPES],
      extensions: expect.arrayContaining(['pdf', 'jpg', 'png', 'mp3']),
    });
    expect(o).toMatchObject({ codeLength: 6, codeTtlSeconds: 600, expectedDays: 15 });
    const en = (await app.inject({ method: 'GET', url: '/api/public/intake-options', headers: { 'accept-language': 'en' } })).json<
      typeof o
    >();
    expect(en.businessLines.find((l) => l.code === 'property_casualty')?.label).toBe('Property & casualty insurance');
  });
});
