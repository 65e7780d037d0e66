import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../test/test-app.js';
import type { ComplaintDetailAnswer } from './schemas/complaint.responses.js';

/** #9 item 5: a strict CSP everywhere, and no API answer (personal data) kept by a cache. */
let t: TestApp;
let complaintId: string;

beforeAll(async () => {
  t = await createTestApp();
  const res = await t.inject({ method: 'POST', url: '/api/complaints', payload: complaintBody() });
  expect(res.statusCode, res.body).toBe(201);
  complaintId = res.json<ComplaintDetailAnswer>().id;
});
afterAll(() => t.close());

function directives(header: string | string[] | number | undefined): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of String(header ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name, values);
  }
  return map;
}

describe('Cache-Control: no-store on every API answer (R-H1: personal data never cached)', () => {
  it('on success, on errors and without sign-in', async () => {
    const answers = [
      await t.inject({ method: 'GET', url: '/api/complaints' }),
      await t.inject({ method: 'GET', url: `/api/complaints/${complaintId}` }),
      await t.inject({ method: 'GET', url: `/api/complaints/${complaintId}/events` }),
      await t.inject({ method: 'GET', url: '/api/complaints/00000000-0000-4000-8000-000000000000' }),
      await t.inject({ method: 'GET', url: '/api/complaints/export' }),
      await t.app.inject({ method: 'GET', url: '/api/complaints' }),
      await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'wrong-password-1' } }),
      await t.app.inject({ method: 'GET', url: '/api/no-such-route' }),
      await t.app.inject({ method: 'GET', url: '/api/openapi.json' }),
      await t.app.inject({ method: 'GET', url: '/healthz' }),
    ];
    for (const res of answers) {
      expect(res.headers['cache-control'], `${res.statusCode} ${res.body.slice(0, 80)}`).toBe('no-store');
    }
    expect(answers.map((r) => r.statusCode)).toContain(200);
    expect(answers.map((r) => r.statusCode)).toContain(401);
    expect(answers.map((r) => r.statusCode)).toContain(404);
  });
});

describe('Content-Security-Policy', () => {
  it('allows scripts from this origin only: no inline script, no eval, no inline handlers', async () => {
    for (const url of ['/', '/api/docs', '/api/complaints']) {
      const res = await t.app.inject({ method: 'GET', url });
      const csp = directives(res.headers['content-security-policy']);
      expect(csp.get('script-src'), url).toEqual(["'self'"]);
      expect(csp.get('script-src-attr'), url).toEqual(["'none'"]);
      expect(csp.get('default-src'), url).toEqual(["'self'"]);
      expect(csp.get('object-src'), url).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors'), url).toEqual(["'none'"]);
    }
  });

  it('the web app and the portal pages carry no inline script or inline event handler', () => {
    for (const page of ['web/index.html', 'web/portal.html']) {
      const html = readFileSync(page, 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      expect(scripts.length, page).toBeGreaterThan(0);
      for (const [, attrs = '', body = ''] of scripts) {
        expect(attrs, page).toMatch(/\bsrc=/);
        expect(body.trim(), page).toBe('');
      }
      expect(html, page).not.toMatch(/\son[a-z]+\s*=/i);
      expect(html, page).not.toMatch(/javascript:/i);
    }
  });
});
