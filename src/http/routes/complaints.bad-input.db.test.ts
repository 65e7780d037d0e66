import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import { expectFieldError, writeCounts } from '../../../test/db-assertions.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z');
});
afterAll(async () => t.close());

const post = (payload: unknown, headers: Record<string, string> = {}) =>
  t.inject({ method: 'POST', url: '/api/complaints', payload: payload as string, headers });

const without = (key: string) => {
  const b = complaintBody();
  delete b[key];
  return b;
};

/** Invariant 2: every bad input is a 4xx naming the field, never a 500, never a partial write. */
const cases: Array<[string, () => ReturnType<typeof post>, number, string]> = [
  ['missing channel', () => post(without('channel')), 400, 'channel'],
  ['missing description', () => post(without('description')), 400, 'description'],
  ['missing complainant', () => post(without('complainant')), 400, 'complainant'],
  ['missing complainant name', () => post(complaintBody({ complainant: { phone: '13812345678' } })), 400, 'complainant.name'],
  ['no contact at all', () => post(complaintBody({ complainant: { name: '李四' } })), 400, 'complainant'],
  ['blank description', () => post(complaintBody({ description: '   ' })), 400, 'description'],
  ['amount as boolean', () => post(complaintBody({ amount: true })), 400, 'amount'],
  ['negative amount', () => post(complaintBody({ amount: '-5' })), 400, 'amount'],
  ['negative number amount', () => post(complaintBody({ amount: -5 })), 400, 'amount'],
  ['malformed amount', () => post(complaintBody({ amount: '12,000' })), 400, 'amount'],
  ['amount in exponent form', () => post(complaintBody({ amount: '1e5' })), 400, 'amount'],
  ['amount with 3 decimals', () => post(complaintBody({ amount: '10.123' })), 400, 'amount'],
  ['amount too large', () => post(complaintBody({ amount: '10000000000000' })), 400, 'amount'],
  ['urgent as string', () => post(complaintBody({ urgent: 'yes' })), 400, 'urgent'],
  ['jointComplainants zero', () => post(complaintBody({ jointComplainants: 0 })), 400, 'jointComplainants'],
  ['jointComplainants fractional', () => post(complaintBody({ jointComplainants: 1.5 })), 400, 'jointComplainants'],
  ['future receivedAt', () => post(complaintBody({ receivedAt: '2026-11-26T02:00:00Z' })), 400, 'receivedAt'],
  ['receivedAt not a date', () => post(complaintBody({ receivedAt: 'yesterday' })), 400, 'receivedAt'],
  ['receivedAt without offset', () => post(complaintBody({ receivedAt: '2026-11-25T09:00:00' })), 400, 'receivedAt'],
  // #9 item 1: year 1 passed the format and made the clock planner throw (500)
  ['receivedAt in year 1', () => post(complaintBody({ receivedAt: '0001-01-01T00:00:00Z' })), 400, 'receivedAt'],
  ['receivedAt in 1899', () => post(complaintBody({ receivedAt: '1899-12-31T00:00:00Z' })), 400, 'receivedAt'],
  ['unknown channel', () => post(complaintBody({ channel: 'carrier_pigeon' })), 400, 'channel'],
  ['unknown business line', () => post(complaintBody({ businessLine: 'crypto' })), 400, 'businessLine'],
  ['unknown category', () => post(complaintBody({ category: 'weather' })), 400, 'category'],
  ['unknown risk flag', () => post(complaintBody({ riskFlags: ['alien'] })), 400, 'riskFlags.0'],
  ['bad e-mail', () => post(complaintBody({ complainant: { name: '王五', email: 'not-an-email' } })), 400, 'complainant.email'],
  ['bad phone', () => post(complaintBody({ complainant: { name: '王五', phone: 'call me' } })), 400, 'complainant.phone'],
  ['unknown field', () => post(complaintBody({ colour: 'red' })), 400, 'body'],
  ['1 MB description', () => post(complaintBody({ description: 'x'.repeat(1_000_000) })), 400, 'description'],
  ['1 MB of Chinese in the remedy', () => post(complaintBody({ requestedRemedy: '赔'.repeat(1_000_000) })), 400, 'requestedRemedy'],
  ['1 MB name', () => post(complaintBody({ complainant: { name: 'n'.repeat(1_000_000), phone: '13812345678' } })), 400, 'complainant.name'],
  ['body is an array', () => post([complaintBody()]), 400, 'body'],
  ['body is a string', () => post(JSON.stringify('hello'), { 'content-type': 'application/json' }), 400, 'body'],
  ['invalid JSON', () => post('{"channel": "hotline",', { 'content-type': 'application/json' }), 400, 'body'],
  ['empty JSON body', () => post('', { 'content-type': 'application/json' }), 400, 'body'],
  ['wrong content type', () => post('channel=hotline', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'Content-Type'],
  ['text/plain', () => post('hello', { 'content-type': 'text/plain' }), 415, 'Content-Type'],
  [
    'body above the size limit',
    () => post(JSON.stringify(complaintBody({ description: 'x'.repeat(5 * 1024 * 1024) })), { 'content-type': 'application/json' }),
    413,
    'body',
  ],
];

describe('bad input on POST /api/complaints (invariant 2)', () => {
  it.each(cases)('%s -> 4xx naming the field, nothing written', async (_name, send, status, field) => {
    const before = await writeCounts(t.db);
    const res = await send();
    const body = expectFieldError(res, status, field);
    expect(body.message.length).toBeGreaterThan(0);
    expect(await writeCounts(t.db)).toEqual(before);
  });

  it('messages are Chinese by default and English with Accept-Language: en', async () => {
    const zh = await post(complaintBody({ amount: '-1' }));
    expect(zh.json().message).toBe('请求参数有误');
    expect(zh.json().fields[0].message).toContain('金额不能为负数');
    const en = await post(complaintBody({ amount: '-1' }), { 'accept-language': 'en-US,en;q=0.9' });
    expect(en.json().message).toBe('The request has invalid fields');
    expect(en.json().fields[0].message).toBe('amount: must not be negative');
  });

  it('a missing field says it is required', async () => {
    const res = await post(without('category'), { 'accept-language': 'en' });
    expect(res.json().fields).toContainEqual({ field: 'category', code: 'required', message: 'category: is required' });
  });

  it('lists every bad field at once', async () => {
    const res = await post(complaintBody({ channel: 'fax', category: 'weather', receivedAt: '2030-01-01T00:00:00Z' }));
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['category', 'channel', 'receivedAt']);
  });

  it('bad ledger queries are 400 naming the parameter', async () => {
    for (const [qs, field] of [
      ['level=7', 'querystring.level'],
      ['limit=0', 'querystring.limit'],
      ['limit=abc', 'querystring.limit'],
      ['sort=colour', 'querystring.sort'],
      ['receivedFrom=yesterday', 'querystring.receivedFrom'],
      ['receivedFrom=0001-01-01T00:00:00Z', 'querystring.receivedFrom'],
      ['cursor=garbage', 'cursor'],
      ['receivedFrom=2026-11-20T00:00:00Z&receivedTo=2026-11-01T00:00:00Z', 'querystring.receivedFrom'],
    ] as const) {
      expectFieldError(await t.inject({ method: 'GET', url: `/api/complaints?${qs}` }), 400, field);
    }
  });

  it('unknown complaint is 404, unknown route is 404, both JSON', async () => {
    const a = await t.inject({ method: 'GET', url: '/api/complaints/TS209901010001' });
    expect(a.statusCode).toBe(404);
    expect(a.json().code).toBe('complaint_not_found');
    const b = await t.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(b.statusCode).toBe(404);
    expect(b.json().code).toBe('route_not_found');
  });
});
