/**
 * POST /api/public/track (R-G3, R-H3): the public portal's tracking, through the real app on real
 * PostgreSQL: the contact check, the same 404 for a wrong number and a wrong contact, nothing
 * personal in the answer, the rate limits, the audit log, bad input in both languages.
 */
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import type { errorResponse } from '../schemas/common.js';
import type { ComplaintDetailAnswer } from '../schemas/complaint.responses.js';
import type { TrackAnswer } from './public.routes.js';

let t: TestApp;
let number: string;
let id: string;
type ErrorAnswer = z.output<typeof errorResponse>;
let address = 0;

/** Each test its own client address, so the rate limits of one do not spill into the next. */
function newClient(): string {
  address += 1;
  return `10.0.0.${address}`;
}

const track = (payload: Record<string, unknown>, client: string, lang?: string) => {
  const opts: InjectOptions = {
    method: 'POST',
    url: '/api/public/track',
    payload,
    remoteAddress: client,
    headers: lang ? { 'accept-language': lang } : {},
  };
  return t.app.inject(opts);
};

beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z');
  const res = await t.inject(
    {
      method: 'POST',
      url: '/api/complaints',
      payload: complaintBody({
        complainant: { name: '王丽', phone: '138 1234 5678', email: 'Wang.Li@Example.com', address: '上海市浦东新区世纪大道 100 号' },
      }),
    },
    'agent',
  );
  expect(res.statusCode, res.body).toBe(201);
  ({ number, id } = res.json<ComplaintDetailAnswer>());
});
afterAll(async () => t.close());

describe('POST /api/public/track', () => {
  it('with the right phone: the public view, and nothing personal or internal', async () => {
    const res = await track({ number, contact: '13812345678' }, newClient());
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual([
      'finished',
      'number',
      'receivedAt',
      'regulatoryDueAt',
      'stages',
      'status',
      'statusLabel',
      'updatedAt',
    ]);
    expect(body).toMatchObject({
      number,
      status: 'registered',
      statusLabel: '已受理',
      finished: false,
      receivedAt: '2026-11-25T01:30:00.000Z',
    });
    expect(typeof body.regulatoryDueAt).toBe('string');
    expect(new Date(String(body.regulatoryDueAt)).getTime()).toBeGreaterThan(new Date('2026-11-25T02:00:00Z').getTime());
    expect(body.stages).toEqual([
      { stage: 'received', label: '受理登记', at: '2026-11-25T01:30:00.000Z', done: true },
      { stage: 'in_progress', label: '专人处理', at: null, done: false },
      { stage: 'answered', label: '答复处理结果', at: null, done: false },
      { stage: 'closed', label: '办结', at: null, done: false },
    ]);
    for (const secret of ['王丽', '1381234', 'Wang', '浦东', '理赔金额', 'agent', 'tester', id])
      expect(res.body, secret).not.toContain(secret);
  });

  it('accepts the phone with spaces, dashes, a +86 or 0086 prefix, and the e-mail in any case', async () => {
    for (const contact of [
      '138 1234 5678',
      '+86 138-1234-5678',
      '0086 13812345678',
      '+8613812345678',
      'WANG.LI@example.COM',
      ' wang.li@example.com ',
    ]) {
      const res = await track({ number, contact }, newClient());
      expect(res.statusCode, contact).toBe(200);
    }
    expect((await track({ number: number.toLowerCase(), contact: '13812345678' }, newClient())).statusCode).toBe(200);
  });

  it('a wrong contact and an unknown number get the very same 404, in zh-CN and en-US', async () => {
    const client = newClient();
    const wrongPhone = await track({ number, contact: '13900000000' }, client);
    const wrongMail = await track({ number, contact: 'someone@example.com' }, client);
    const unknown = await track({ number: 'TS209901010001', contact: '13812345678' }, client);
    for (const res of [wrongPhone, wrongMail, unknown]) expect(res.statusCode).toBe(404);
    expect(wrongPhone.body).toBe(unknown.body);
    expect(wrongMail.body).toBe(unknown.body);
    expect(unknown.json()).toEqual({
      code: 'track_not_found',
      message: '未找到与该投诉编号和联系方式相符的投诉，请核对后重试',
      fields: [],
    });
    const en = await track({ number, contact: '13900000000' }, client, 'en');
    expect(en.json<ErrorAnswer>().message).toBe('No complaint matches this number and contact; check both and try again');
  });

  it('speaks English when asked', async () => {
    const res = await track({ number, contact: '13812345678' }, newClient(), 'en-US,en;q=0.9');
    const body = res.json<TrackAnswer>();
    expect(body.statusLabel).toBe('Received');
    expect(body.stages[0]?.label).toBe('Received and registered');
  });

  it('follows the workflow: assigned, then answered', async () => {
    const assign = await t.inject(
      { method: 'POST', url: `/api/complaints/${id}/assign`, payload: { assignee: 'handler', note: '内部备注：请尽快联系' } },
      'supervisor',
    );
    expect(assign.statusCode, assign.body).toBe(200);
    const res = await track({ number, contact: '13812345678' }, newClient());
    const body = res.json<TrackAnswer>();
    expect(body).toMatchObject({ status: 'assigned', statusLabel: '处理中', updatedAt: '2026-11-25T02:00:00.000Z' });
    expect(body.stages.map((s) => `${s.stage}:${s.done}`)).toEqual(['received:true', 'in_progress:true', 'answered:false', 'closed:false']);
    expect(res.body).not.toContain('内部备注');
    expect(res.body).not.toContain('handler');
  });

  it('every attempt is audited with its outcome, never with the contact typed', async () => {
    const client = newClient();
    await track({ number, contact: '13812345678' }, client);
    await track({ number, contact: '13900000000' }, client);
    await track({ number: 'TS209901010002', contact: 'x@example.com' }, client);
    const rows = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'public.track')
      .where('ip', '=', client)
      .orderBy('id')
      .execute();
    expect(
      rows.map((r) => [
        r.outcome,
        r.target_id,
        (r.details as { reason?: string }).reason ?? null,
        (r.details as { contactKind?: string }).contactKind,
      ]),
    ).toEqual([
      ['success', number, null, 'phone'],
      ['failure', number, 'contact_mismatch', 'phone'],
      ['failure', 'TS209901010002', 'unknown_number', 'email'],
    ]);
    expect(rows.every((r) => r.actor === 'public')).toBe(true);
    expect(JSON.stringify(rows)).not.toMatch(/1381234|1390000|x@example/);
  });

  it('limits attempts per address and number: the 11th in the window answers 429, other numbers and addresses go on', async () => {
    const client = newClient();
    for (let i = 0; i < 10; i += 1) expect((await track({ number, contact: `1390000000${i}` }, client)).statusCode).toBe(404);
    const limited = await track({ number, contact: '13812345678' }, client);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'too_many_requests', message: '请求过于频繁，请稍后再试' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await track({ number: 'TS209901010003', contact: '13812345678' }, client)).statusCode).toBe(404);
    expect((await track({ number, contact: '13812345678' }, newClient())).statusCode).toBe(200);
    const denied = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'public.track')
      .where('ip', '=', client)
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied).toHaveLength(1);
    expect(denied[0]?.details).toMatchObject({ reason: 'rate_limited' });
  });

  it('limits attempts per address across numbers (200 in the window)', async () => {
    const client = newClient();
    for (let i = 0; i < 200; i += 1) {
      const res = await track({ number: `TS2099010${String(i).padStart(5, '0')}`, contact: '13812345678' }, client);
      expect(res.statusCode).toBe(404);
    }
    expect((await track({ number, contact: '13812345678' }, client)).statusCode).toBe(429);
  });

  it.each([
    ['zh-CN', undefined, '必填', '投诉编号格式不正确', '请填写登记时留下的手机号码或电子邮箱'],
    ['en-US', 'en', 'is required', 'is not a complaint number', 'give the phone number or e-mail address'],
  ])('bad input answers 400 naming the field (%s)', async (_name, lang, required, badNumber, badContact) => {
    const client = newClient();
    const fieldsOf = async (payload: Record<string, unknown>) => {
      const res = await track(payload, client, lang);
      expect(res.statusCode, res.body).toBe(400);
      return res.json<ErrorAnswer>().fields;
    };
    expect(await fieldsOf({ contact: '13812345678' })).toEqual([
      expect.objectContaining({ field: 'number', code: 'required', message: expect.stringContaining(required) }),
    ]);
    expect(await fieldsOf({ number: '12-34', contact: '13812345678' })).toEqual([
      expect.objectContaining({ field: 'number', code: 'invalid_complaint_number', message: expect.stringContaining(badNumber) }),
    ]);
    expect(await fieldsOf({ number, contact: '张三' })).toEqual([
      expect.objectContaining({ field: 'contact', code: 'invalid_contact', message: expect.stringContaining(badContact) }),
    ]);
    expect(await fieldsOf({ number, contact: '' })).toEqual([expect.objectContaining({ field: 'contact' })]);
    expect(await fieldsOf({ number: id, contact: '13812345678' })).toEqual([
      expect.objectContaining({ field: 'number', code: 'invalid_complaint_number' }),
    ]);
    expect((await fieldsOf({ number, contact: '13812345678', name: 'x' }))[0]).toMatchObject({ code: 'unrecognized_keys' });
  });
});
