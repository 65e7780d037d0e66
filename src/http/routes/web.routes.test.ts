import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webRoutes } from './web.routes.js';

let dir: string;
const apps: FastifyInstance[] = [];

async function appWith(root?: string): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  await app.register(webRoutes({ root }));
  app.get('/api/known', async () => ({ ok: true }));
  await app.ready();
  apps.push(app);
  return app;
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'web-routes-'));
  mkdirSync(path.join(dir, 'built', 'assets'), { recursive: true });
  writeFileSync(path.join(dir, 'built', 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(path.join(dir, 'built', 'portal.html'), '<!doctype html><div id="portal"></div>');
  writeFileSync(path.join(dir, 'built', 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(path.join(dir, 'built', 'assets', 'index-abc123.js.gz'), gzipSync('console.log(1)'));
  writeFileSync(path.join(dir, 'secret.txt'), 'outside');
});
afterAll(async () => {
  await Promise.all(apps.map((a) => a.close()));
  rmSync(dir, { recursive: true, force: true });
});

describe('web routes: the built app', () => {
  it("serves index.html at / and for the app's own paths, revalidated on every load", async () => {
    const app = await appWith(path.join(dir, 'built'));
    for (const url of ['/', '/complaints', '/complaints/5a320ffc?level=1']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain('<div id="root">');
    }
  });

  it('serves hashed assets as immutable, and 404 for a missing file, an unknown API path or a path outside the root', async () => {
    const app = await appWith(path.join(dir, 'built'));
    const asset = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await app.inject({ method: 'GET', url: '/assets/missing.js' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/unknown' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/known' })).json()).toEqual({ ok: true });
    expect((await app.inject({ method: 'GET', url: '/%2e%2e/secret.txt' })).statusCode).toBe(404);
  });
});

describe('web routes: compressed at build time', () => {
  it('sends the .gz written beside a file to a client that accepts gzip, the file itself to others', async () => {
    const app = await appWith(path.join(dir, 'built'));
    const gz = await app.inject({ method: 'GET', url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.statusCode).toBe(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['content-type']).toContain('javascript');
    expect(gunzipSync(gz.rawPayload).toString()).toBe('console.log(1)');
    const plain = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe('console.log(1)');
  });
});

describe('web routes: the public portal', () => {
  it('serves portal.html at /portal and below it, revalidated on every load; the app keeps its own paths', async () => {
    const app = await appWith(path.join(dir, 'built'));
    for (const url of ['/portal', '/portal/', '/portal/track?number=TS1', '/portal.html']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body, url).toContain('<div id="portal">');
    }
    expect((await app.inject({ method: 'GET', url: '/portal' })).headers['cache-control']).toBe('no-cache');
    expect((await app.inject({ method: 'GET', url: '/portals' })).body).toContain('<div id="root">');
    expect((await app.inject({ method: 'GET', url: '/portal/missing.js' })).statusCode).toBe(404);
  });
});

describe('web routes: not built', () => {
  it.each([
    ['a missing build', 'missing'],
    ['no web root given', undefined],
  ])('%s: keeps the landing page at / and answers 404 elsewhere', async (_name, sub) => {
    const app = await appWith(sub === undefined ? undefined : path.join(dir, sub));
    const home = await app.inject({ method: 'GET', url: '/' });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('/api/docs');
    expect((await app.inject({ method: 'GET', url: '/complaints' })).statusCode).toBe(404);
  });
});
