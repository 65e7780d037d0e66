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
  it('GET /healthz reports the database', async () => {
    const res = await t.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: { status: 'up' } });
  });

  it('GET /healthz is 503 when the database is unreachable', async () => {
    const db = createDatabase('postgres://nobody:nothing@127.0.0.1:1/none', 1);
    const app = await buildApp({ db, timeZone: 'Asia/Shanghai', logLevel: 'silent', security: testSecurity(), sessionSecret: TEST_SESSION_SECRET });
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: 'degraded', database: { status: 'down' } });
    await app.close();
    await db.destroy();
  });

  it('GET /api/openapi.json documents every route with its request schema', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of ['/api/complaints', '/api/complaints/{id}', '/api/complaints/{id}/events', '/api/complaints/{id}/grade', '/api/policy', '/api/policy/versions', '/api/calendar/{year}', '/api/calendar/{year}/import', '/api/calendar/days/{date}', '/healthz']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    const create = doc.paths['/api/complaints'].post;
    expect(create.requestBody.content['application/json'].schema.required).toEqual(expect.arrayContaining(['channel', 'businessLine', 'category', 'description', 'complainant']));
    expect(create.parameters.map((p: { name: string }) => p.name)).toContain('idempotency-key');
  });

  it('responses are gzip-compressed for clients that accept it', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json', headers: { 'accept-encoding': 'gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.rawPayload.length).toBeLessThan(JSON.stringify((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json()).length / 3);
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
