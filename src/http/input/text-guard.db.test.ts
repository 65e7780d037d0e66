import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import { expectFieldError, writeCounts } from '../../../test/db-assertions.js';
import { verifyLedger } from '../../services/complaints/ledger-verify.service.js';
import type { ComplaintDetailAnswer, ComplaintEventsAnswer } from '../schemas/complaint.responses.js';

/**
 * #9 item 1, invariant 2: NUL and unpaired surrogates are refused at the edge with a 400 naming the
 * field, before authentication and before any write; every other character is stored and hashed
 * as sent, and the chain verifies (R-A4).
 */
let t: TestApp;
let complaint: { id: string; number: string };
beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z');
  const res = await t.inject({ method: 'POST', url: '/api/complaints', payload: complaintBody() });
  expect(res.statusCode).toBe(201);
  complaint = res.json();
});
afterAll(async () => t.close());

const invalid = (res: { statusCode: number; json: () => unknown }, field: string) => {
  const body = expectFieldError(res, 400, field);
  expect(body.code).toBe('validation_failed');
  expect(body.fields.find((f) => f.field === field)?.code).toBe('invalid_characters');
  return body;
};

/** Every business table: a refused request leaves them all as they were. */
async function businessCounts() {
  return writeCounts(t.db);
}

describe('odd text at the edge answers 400 naming the field (#9 item 1)', () => {
  it('sign-in with NUL or a lone surrogate: 400, not 500, no session', async () => {
    invalid(
      await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ad\u0000min', password: 'x' } }),
      'username',
    );
    invalid(
      await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'pw\ud800' } }),
      'password',
    );
    invalid(
      await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '\udc00admin', password: 'x' } }),
      'username',
    );
  });

  it('path ids with %00 or a lone surrogate', async () => {
    invalid(await t.inject({ method: 'GET', url: `/api/complaints/${complaint.number}%00` }), 'params.id');
    invalid(await t.inject({ method: 'GET', url: '/api/complaints/%00/events' }), 'params.id');
    invalid(await t.inject({ method: 'POST', url: '/api/complaints/a%00b/grade', payload: { level: 3 } }), 'params.id');
    // a percent-encoded surrogate is not UTF-8 at all: refused by the router, still a 4xx
    const surrogate = await t.inject({ method: 'GET', url: '/api/complaints/%ED%A0%80' });
    expect(surrogate.statusCode).toBeGreaterThanOrEqual(400);
    expect(surrogate.statusCode).toBeLessThan(500);
    // a raw lone surrogate in a URL cannot be sent: the URL is encoded as UTF-8, so it arrives as U+FFFD
    expect((await t.inject({ method: 'GET', url: '/api/complaints/\ud800' })).statusCode).toBe(404);
  });

  it('query values and keys', async () => {
    invalid(await t.inject({ method: 'GET', url: '/api/complaints?q=%00' }), 'querystring.q');
    // %ED%A0%80 would be a surrogate, but is not UTF-8: the query parser keeps it undecoded
    const surrogate = await t.inject({ method: 'GET', url: '/api/complaints?q=a%ED%A0%80b' });
    expect(surrogate.statusCode).toBeLessThan(500);
    invalid(await t.inject({ method: 'GET', url: '/api/complaints?q=ok&q=%00' }), 'querystring.q.1');
    invalid(await t.inject({ method: 'GET', url: '/api/complaints?a%00b=1' }), 'querystring.a\\u0000b');
  });

  it('headers the app reads, checked before authentication', async () => {
    const before = await businessCounts();
    invalid(
      await t.inject({ method: 'POST', url: '/api/complaints', payload: complaintBody(), headers: { 'idempotency-key': 'k\u0000' } }),
      'headers.idempotency-key',
    );
    invalid(await t.inject({ method: 'GET', url: '/api/complaints', headers: { 'user-agent': 'bot\ud800' } }), 'headers.user-agent');
    invalid(
      await t.inject({ method: 'GET', url: '/api/complaints', headers: { 'accept-language': 'en\u0000' } }),
      'headers.accept-language',
    );
    // before the token lookup: not 401, and nothing reaches the database
    invalid(
      await t.app.inject({ method: 'GET', url: '/api/complaints', headers: { authorization: 'Bearer abc\u0000' } }),
      'headers.authorization',
    );
    invalid(await t.app.inject({ method: 'GET', url: '/api/complaints', headers: { cookie: 'cms_session=\u0000' } }), 'headers.cookie');
    invalid(await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { 'x-csrf-token': '\ud800' } }), 'headers.x-csrf-token');
    expect(await businessCounts()).toEqual(before);
  });

  it('every string of a JSON body, values and keys, at any depth', async () => {
    const before = await businessCounts();
    invalid(
      await t.inject({
        method: 'POST',
        url: '/api/complaints',
        payload: complaintBody({ complainant: { name: '张\u0000三', phone: '13812345678' } }),
      }),
      'complainant.name',
    );
    invalid(
      await t.inject({ method: 'POST', url: '/api/complaints', payload: complaintBody({ description: '理赔\ud83d' }) }),
      'description',
    );
    invalid(
      await t.inject({ method: 'POST', url: '/api/complaints', payload: complaintBody({ riskFlags: ['media', 'x\udc00'] }) }),
      'riskFlags.1',
    );
    invalid(
      await t.inject({
        method: 'POST',
        url: '/api/complaints',
        payload: complaintBody({ complainant: { name: '张三', 'pho\u0000ne': '1' } }),
      }),
      'complainant.pho\\u0000ne',
    );
    invalid(
      await t.inject({
        method: 'POST',
        url: '/api/complaints',
        payload: JSON.stringify('\u0000'),
        headers: { 'content-type': 'application/json' },
      }),
      'body',
    );
    expect(await businessCounts()).toEqual(before);
  });

  it('a body nested deeper than any form is refused before anything walks it', async () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const res = await t.inject({ method: 'POST', url: '/api/complaints', payload: deep, headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0]).toMatchObject({ code: 'nesting_too_deep' });
  });

  it('the calendar iCalendar upload (text/calendar parser) is covered too', async () => {
    const ics = 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270101\r\nSUMMARY:元旦\u0000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
    invalid(
      await t.inject({ method: 'POST', url: '/api/calendar/2027/import', payload: ics, headers: { 'content-type': 'text/calendar' } }),
      'body',
    );
  });

  it('raw NUL bytes on the wire never reach the app: the HTTP parser answers 400 itself', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as { port: number };
    const statusOf = (raw: string) =>
      new Promise<number>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => socket.end(raw));
        let data = '';
        socket.on('data', (chunk) => (data += chunk.toString('latin1')));
        socket.on('error', reject);
        socket.on('close', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0)));
      });
    for (const raw of [
      `GET /api/complaints/a\u0000b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
      `GET /api/complaints?q=a\u0000b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
      `GET /healthz HTTP/1.1\r\nHost: x\r\nUser-Agent: a\u0000b\r\nConnection: close\r\n\r\n`,
    ]) {
      const status = await statusOf(raw);
      expect(status, JSON.stringify(raw)).toBeGreaterThanOrEqual(400);
      expect(status, JSON.stringify(raw)).toBeLessThan(500);
    }
    // percent-encoded, it reaches the app, and the edge names it
    expect(await statusOf(`GET /api/complaints/a%00b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`)).toBe(400);
  });

  it('messages in Chinese by default and English on request', async () => {
    const zh = invalid(await t.inject({ method: 'GET', url: '/api/complaints?q=%00' }), 'querystring.q');
    expect(zh.message).toBe('请求参数有误');
    expect(zh.fields[0]!.message).toContain('不允许的字符');
    const en = invalid(
      await t.inject({ method: 'GET', url: '/api/complaints?q=%00', headers: { 'accept-language': 'en' } }),
      'querystring.q',
    );
    expect(en.fields[0]!.message).toBe(
      'querystring.q: contains characters that are not allowed (NUL U+0000 or an unpaired UTF-16 surrogate)',
    );
  });
});

/** Emoji (a surrogate pair), CJK extension B, RTL marks and text, combining marks, ZWJ sequences, a BOM-like no-break. */
const EXOTIC =
  '投诉😀👨‍👩‍👧𠀀𪚥 \u200fمرحبا\u200e e\u0301 n\u0303 \u202eabc\u202c 𝔘𝔫𝔦 \u2028x\u00a0y \u0001\u007f\ufeff\uffff\u{10ffff}\u200d!';

describe('everything else valid is stored and hashed byte for byte (#9 item 1, R-A4)', () => {
  it('a description and a grading reason with emoji, extension B, RTL and combining marks read back identical; the chain verifies', async () => {
    const reg = await t.inject({
      method: 'POST',
      url: '/api/complaints',
      payload: complaintBody({
        description: EXOTIC,
        requestedRemedy: EXOTIC,
        complainant: { name: `${EXOTIC.slice(0, 10)}`, phone: '13900000001' },
      }),
    });
    expect(reg.statusCode).toBe(201);
    const c = reg.json<ComplaintDetailAnswer>();
    const graded = await t.inject({ method: 'POST', url: `/api/complaints/${c.id}/grade`, payload: { level: 2, reason: EXOTIC } });
    expect(graded.statusCode).toBe(200);

    const detail = (await t.inject({ method: 'GET', url: `/api/complaints/${c.id}` })).json<ComplaintDetailAnswer>();
    expect(Buffer.from(detail.description, 'utf8').equals(Buffer.from(EXOTIC, 'utf8'))).toBe(true);
    const events = (await t.inject({ method: 'GET', url: `/api/complaints/${c.id}/events` })).json<ComplaintEventsAnswer>().items;
    const regraded = events.find((e) => e.type === 'regraded');
    expect(regraded?.reason).toBe(EXOTIC);
    const stored = await t.db
      .selectFrom('complaint_events')
      .select(['reason'])
      .where('complaint_id', '=', c.id)
      .where('type', '=', 'regraded')
      .executeTakeFirstOrThrow();
    expect(Buffer.from(stored.reason ?? '', 'utf8').equals(Buffer.from(EXOTIC, 'utf8'))).toBe(true);
    const row = await t.db
      .selectFrom('complaints')
      .select(['description', 'requested_remedy'])
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ description: EXOTIC, requested_remedy: EXOTIC });

    const verification = await verifyLedger(t.db);
    expect(verification.broken).toEqual([]);
  });

  it('a lone surrogate in the grading reason is a 400 and writes no event (was: stored as U+FFFD, hashed as sent, chain broken)', async () => {
    const before = await businessCounts();
    invalid(
      await t.inject({
        method: 'POST',
        url: `/api/complaints/${complaint.id}/grade`,
        payload: { level: 1, reason: '客户称\ud800将投诉至监管' },
      }),
      'reason',
    );
    invalid(
      await t.inject({ method: 'POST', url: `/api/complaints/${complaint.id}/grade`, payload: { level: 1, reason: '\udc00' } }),
      'reason',
    );
    expect(await businessCounts()).toEqual(before);
    expect((await verifyLedger(t.db)).broken).toEqual([]);
  });
});
