import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { TEST_SESSION_SECRET, testSecurity } from '../../../test/test-constants.js';
import { buildApp } from '../app.js';
import { createDatabase } from '../../db/database.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('API surface (issue #2 item 10)', () => {
  it('GET /healthz and GET /readyz report the database when it is up', async () => {
    const health = await t.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: 'ok', database: 'up' });
    const ready = await t.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', database: 'up' });
  });

  it('while the database is unreachable: /healthz stays 200 (alive), /readyz and the API answer 503 (#9 item 3)', async () => {
    const db = createDatabase('postgres://nobody:nothing@127.0.0.1:1/none', 1);
    const app = await buildApp({
      db,
      timeZone: 'Asia/Shanghai',
      logLevel: 'silent',
      security: testSecurity(),
      sessionSecret: TEST_SESSION_SECRET,
    });
    const health = await app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok', database: 'down' });
    const ready = await app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.headers['retry-after']).toBeDefined();
    expect(ready.json()).toEqual({ status: 'unavailable', database: 'down' });
    // a route that needs the database (sign-in reads the account): 503 database_unavailable, in the caller's language
    for (const [lang, text] of [
      ['zh-CN', '数据库暂时不可用'],
      ['en-US', 'database is unavailable'],
    ] as const) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'accept-language': lang },
        payload: { username: 'admin', password: 'wrong-password-1' },
      });
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('2');
      expect(res.json()).toMatchObject({ code: 'database_unavailable' });
      expect(res.json().message).toContain(text);
    }
    const signedIn = await app.inject({
      method: 'GET',
      url: '/api/complaints',
      headers: { authorization: 'Bearer cms_not-checkable-now' },
    });
    expect(signedIn.statusCode).toBe(503);
    expect(signedIn.json()).toMatchObject({ code: 'database_unavailable' });
    await app.close();
    await db.destroy();
  });

  it('GET /api/openapi.json documents every route with its request schema', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/complaints',
      '/api/complaints/{id}',
      '/api/complaints/{id}/events',
      '/api/complaints/{id}/grade',
      '/api/policy',
      '/api/policy/versions',
      '/api/calendar/{year}',
      '/api/calendar/{year}/import',
      '/api/calendar/days/{date}',
      '/healthz',
      '/readyz',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    const create = doc.paths['/api/complaints'].post;
    expect(create.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['channel', 'businessLine', 'category', 'description', 'complainant']),
    );
    expect(create.parameters.map((p: { name: string }) => p.name)).toContain('idempotency-key');
  });

  it('responses are gzip-compressed for clients that accept it', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json', headers: { 'accept-encoding': 'gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.rawPayload.length).toBeLessThan(
      JSON.stringify((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json()).length / 3,
    );
  });

  it('GET /api/docs serves the interactive documentation', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });

  it('GET / is a landing page linking to the docs', async () => {
    const res = await t.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('/api/docs');
  });
});
