/**
 * One-time codes of the portal and the app (#12 item 1, R-B1, R-H3) through the real app on real
 * PostgreSQL: six digits by SMS or e-mail through the message pipeline, kept only as a keyed hash
 * (not in the code table, not in the message, not in the audit log; only the development mailbox,
 * which stands for the customer's phone, shows it), valid 10 minutes, 5 tries, a new one not before
 * 60 s and replacing the old one; a right one opens a 30-minute session stored hashed. Tracking
 * codes answer the same whether or not the number and contact match.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import { codeInMailbox, deliverCodes, post, receiveCode } from '../../../test/portal-support.js';
import type { ComplaintDetailAnswer } from '../schemas/complaint.responses.js';

let t: TestApp;
let client = 0;
/** Each test its own address, so the per-address limit of one does not reach the next. */
const newClient = () => `10.1.0.${++client}`;

type ErrorBody = {
  code: string;
  message: string;
  fields: Array<{ field: string; code: string }>;
  retryAfterSeconds?: number;
  attemptsLeft?: number;
};

const START = '2026-11-25T02:00:00Z';
beforeAll(async () => {
  t = await createTestApp(START);
});
afterAll(async () => t.close());

const codes = (body: Record<string, unknown>, ip: string, headers: Record<string, string> = {}) =>
  post(t.app, '/api/public/codes', body, ip, headers);
const sessions = (body: Record<string, unknown>, ip: string) => post(t.app, '/api/public/sessions', body, ip);

async function codeRows(contactHashOf?: string) {
  let q = t.db.selectFrom('portal_codes').selectAll().orderBy('created_at', 'desc');
  if (contactHashOf) q = q.where('contact_hash', '=', contactHashOf);
  return q.execute();
}

describe('POST /api/public/codes and /api/public/sessions (R-B1: the contact is verified before a complaint is accepted)', () => {
  it('sends six digits by SMS, stores only their keyed hash, hides them in the message and the audit log', async () => {
    const ip = newClient();
    const res = await codes({ purpose: 'submit', contact: '138 1234 5601' }, ip);
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toEqual({ sentTo: '138****5601', expiresAt: '2026-11-25T02:10:00.000Z', resendAfterSeconds: 60 });

    const [row] = await codeRows();
    expect(row).toMatchObject({
      purpose: 'submit',
      contact_kind: 'phone',
      attempts: 0,
      max_attempts: 5,
      used_at: null,
      complaint_id: null,
    });
    expect(row?.code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.contact).toMatch(/^enc:v1:/);

    const message = await t.db.selectFrom('messages').selectAll().where('recipient_ref', '=', row!.id).executeTakeFirstOrThrow();
    expect(message).toMatchObject({
      channel: 'sms',
      purpose: 'verification_code',
      recipient_kind: 'contact',
      recipient_label: '138****5601',
      complaint_id: null,
      template: 'complainant.code',
      status: 'queued',
    });
    expect(String(message.params.code)).toMatch(/^enc:v1:/);
    const jobs = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'message.send' AND data->>'messageId' = ${message.id}`.execute(t.db);
    expect(jobs.rows[0]?.n).toBe(1);

    await deliverCodes(t.ctx);
    const code = await codeInMailbox(t.db, '13812345601');
    expect(code).toMatch(/^\d{6}$/);
    const sent = await t.db.selectFrom('messages').selectAll().where('id', '=', message.id).executeTakeFirstOrThrow();
    expect(sent.status).toBe('delivered');
    expect(sent.body).toContain('******');
    // the code in clear nowhere but the development mailbox: not the code row, the message, the audit log
    expect(JSON.stringify(sent)).not.toContain(code!);
    expect(JSON.stringify(await codeRows())).not.toContain(code!);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', 'like', 'public.%').orderBy('id').execute();
    expect(audit.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit)).not.toContain(code!);
    expect(JSON.stringify(audit)).not.toContain('13812345601');
    expect(audit.at(-1)).toMatchObject({ actor: 'public', action: 'public.code', outcome: 'success', ip });
    expect(audit.at(-1)?.details).toMatchObject({ purpose: 'submit', contactKind: 'phone' });

    // the administrators' mailbox shows the text with the code (the demo and the browser tests read it there)
    const mailbox = await t.inject({ method: 'GET', url: '/api/messages/development-mailbox?channel=sms' }, 'admin');
    expect(mailbox.statusCode, mailbox.body).toBe(200);
    expect(JSON.stringify(mailbox.json())).toContain(`您的验证码是 ${code}`);

    // a right code opens a session; only its SHA-256 is kept
    const ok = await sessions({ purpose: 'submit', contact: '13812345601', code: code! }, ip);
    expect(ok.statusCode, ok.body).toBe(200);
    const { token, expiresAt } = ok.json<{ token: string; expiresAt: string }>();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(expiresAt).toBe('2026-11-25T02:30:00.000Z');
    const session = await t.db.selectFrom('portal_sessions').selectAll().where('code_id', '=', row!.id).executeTakeFirstOrThrow();
    expect(session.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(session)).not.toContain(token);
    // used: a second try with the same code needs a new one
    const again = await sessions({ purpose: 'submit', contact: '13812345601', code: code! }, ip);
    expect(again.statusCode).toBe(400);
    expect(again.json<ErrorBody>()).toMatchObject({ code: 'code_expired', fields: [{ field: 'code', code: 'code_expired' }] });
  });

  it('counts wrong tries: 4 left … 1 left, then code_attempts_exceeded, even for the right code', async () => {
    const ip = newClient();
    const code = await receiveCode(t.app, t.ctx, { purpose: 'submit', contact: 'Try.Five@Example.com' }, ip, 'try.five@example.com');
    const wrong = code === '000000' ? '111111' : '000000';
    for (const left of [4, 3, 2, 1]) {
      const res = await sessions({ purpose: 'submit', contact: 'try.five@example.com', code: wrong }, ip);
      expect(res.statusCode).toBe(400);
      expect(res.json<ErrorBody>()).toMatchObject({
        code: 'code_invalid',
        attemptsLeft: left,
        fields: [{ field: 'code', code: 'code_invalid' }],
      });
    }
    const fifth = await sessions({ purpose: 'submit', contact: 'try.five@example.com', code: wrong }, ip);
    expect(fifth.json<ErrorBody>().code).toBe('code_attempts_exceeded');
    const right = await sessions({ purpose: 'submit', contact: 'try.five@example.com', code }, ip);
    expect(right.statusCode).toBe(400);
    expect(right.json<ErrorBody>().code).toBe('code_attempts_exceeded');
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['outcome', 'details'])
      .where('action', '=', 'public.session')
      .where('ip', '=', ip)
      .execute();
    expect(audit.map((a) => (a.details as { reason?: string }).reason)).toEqual([
      'code_invalid',
      'code_invalid',
      'code_invalid',
      'code_invalid',
      'code_attempts_exceeded',
      'code_attempts_exceeded',
    ]);
  });

  it('a resend waits 60 s (429 with Retry-After) and replaces the old code; a code expires after 10 minutes', async () => {
    const ip = newClient();
    const body = { purpose: 'submit', contact: '13812345602' };
    const first = await receiveCode(t.app, t.ctx, body, ip, '13812345602');

    t.setNow('2026-11-25T02:00:30Z');
    const soon = await codes(body, ip, { 'accept-language': 'en' });
    expect(soon.statusCode).toBe(429);
    expect(soon.headers['retry-after']).toBe('30');
    expect(soon.json<ErrorBody>()).toMatchObject({ code: 'code_resend_too_soon', retryAfterSeconds: 30 });
    expect(soon.json<ErrorBody>().message).toContain('30 seconds');

    t.setNow('2026-11-25T02:01:00Z');
    const second = await receiveCode(t.app, t.ctx, body, ip, '13812345602');
    // the first code was replaced: only the newest is checked, so the old one is a wrong try
    if (first !== second) {
      const old = await sessions({ ...body, code: first }, ip);
      expect(old.json<ErrorBody>()).toMatchObject({ code: 'code_invalid', attemptsLeft: 4 });
    }
    const replaced = await t.db.selectFrom('portal_codes').select('superseded_at').where('superseded_at', 'is not', null).execute();
    expect(replaced.length).toBeGreaterThanOrEqual(1);

    t.setNow('2026-11-25T02:11:00Z');
    const late = await sessions({ ...body, code: second }, ip);
    expect(late.statusCode).toBe(400);
    expect(late.json<ErrorBody>()).toMatchObject({ code: 'code_expired', fields: [{ field: 'code' }] });
    // an expired code is not sent any more (a backlog of jobs never delivers a dead code)
    expect((await codes({ purpose: 'submit', contact: '13812345603' }, ip)).statusCode).toBe(202);
    t.setNow('2026-11-25T02:21:01Z');
    await deliverCodes(t.ctx);
    const dead = await t.db
      .selectFrom('messages')
      .select(['status', 'last_error'])
      .where('recipient_label', '=', '138****5603')
      .executeTakeFirstOrThrow();
    expect(dead.status).toBe('dead');
    expect(await codeInMailbox(t.db, '13812345603')).toBeNull();
    t.setNow(START);
  });

  it('a code asked for in English is written in English, by e-mail for an address', async () => {
    const ip = newClient();
    const res = await codes({ purpose: 'submit', contact: 'english@example.com' }, ip, { 'accept-language': 'en-US,en;q=0.9' });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ sentTo: 'e***@example.com' });
    await deliverCodes(t.ctx);
    const r = await sql<{ subject: string; body: string }>`
      SELECT subject, body FROM development_messages WHERE recipient LIKE '%english@example.com%' ORDER BY id DESC LIMIT 1`.execute(t.db);
    expect(r.rows[0]?.subject).toContain('your verification code');
    expect(r.rows[0]?.body).toMatch(/^Your verification code is \d{6}\. It is valid for 10 minutes/);
  });

  it('bad input names the field, in the request language', async () => {
    const ip = newClient();
    const bad = await codes({ purpose: 'submit', contact: 'not a contact' }, ip, { 'accept-language': 'en' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().fields).toEqual([expect.objectContaining({ field: 'contact', code: 'invalid_phone_or_email' })]);
    const noNumber = await codes({ purpose: 'track', contact: '13812345678' }, ip);
    expect(noNumber.statusCode).toBe(400);
    expect(noNumber.json<ErrorBody>().fields[0]?.field).toBe('number');
    const purpose = await codes({ purpose: 'login', contact: '13812345678' }, ip);
    expect(purpose.statusCode).toBe(400);
    expect(purpose.json<ErrorBody>().fields[0]?.field).toBe('purpose');
    const nul = await sessions({ purpose: 'submit', contact: '13812345678', code: '12\u00003456' }, ip);
    expect(nul.statusCode).toBe(400);
    expect(nul.json<ErrorBody>().fields[0]).toMatchObject({ field: 'code', code: 'invalid_characters' });
  });
});

describe('tracking codes (R-H3): the same answer whether or not number and contact match', () => {
  let number = '';
  beforeAll(async () => {
    const res = await t.inject(
      { method: 'POST', url: '/api/complaints', payload: complaintBody({ complainant: { name: '赵六', phone: '13812345610' } }) },
      'agent',
    );
    expect(res.statusCode, res.body).toBe(201);
    number = res.json<ComplaintDetailAnswer>().number;
  });

  it('a wrong number or a wrong contact answers like the right pair, sends nothing, and no code opens it', async () => {
    const ip = newClient();
    const sentBefore = await t.db.selectFrom('messages').select('id').where('purpose', '=', 'verification_code').execute();
    const wrongContact = await codes({ purpose: 'track', number, contact: '13812345699' }, ip);
    const wrongNumber = await codes({ purpose: 'track', number: 'TS209901019999', contact: '13812345610' }, ip);
    const right = await codes({ purpose: 'track', number: number.toLowerCase(), contact: '+86 138-1234-5610' }, ip);
    for (const r of [wrongContact, wrongNumber, right]) {
      expect(r.statusCode, r.body).toBe(202);
      expect(Object.keys(r.json()).sort()).toEqual(['expiresAt', 'resendAfterSeconds', 'sentTo']);
    }
    const sentAfter = await t.db.selectFrom('messages').select('id').where('purpose', '=', 'verification_code').execute();
    expect(sentAfter.length - sentBefore.length).toBe(1);

    // the decoys take tries exactly like a real code, and no code opens them
    for (const body of [
      { purpose: 'track', number, contact: '13812345699', code: '123456' },
      { purpose: 'track', number: 'TS209901019999', contact: '13812345610', code: '123456' },
    ]) {
      const res = await sessions(body, ip);
      expect(res.statusCode).toBe(400);
      expect(res.json<ErrorBody>()).toMatchObject({ code: 'code_invalid', attemptsLeft: 4 });
    }
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['outcome', 'details'])
      .where('action', '=', 'public.code')
      .where('ip', '=', ip)
      .execute();
    expect(audit.map((a) => [a.outcome, (a.details as { reason?: string }).reason ?? null])).toEqual([
      ['failure', 'contact_mismatch'],
      ['failure', 'unknown_number'],
      ['success', null],
    ]);

    await deliverCodes(t.ctx);
    const code = await codeInMailbox(t.db, '13812345610');
    const ok = await sessions({ purpose: 'track', number, contact: '13812345610', code: code! }, ip);
    expect(ok.statusCode, ok.body).toBe(200);
    const view = await t.app.inject({
      method: 'GET',
      url: `/api/public/complaints/${number}`,
      remoteAddress: ip,
      headers: { authorization: `Bearer ${ok.json<{ token: string }>().token}` },
    });
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json()).toMatchObject({ number, status: 'registered', canAddInformation: true, survey: { open: false, answered: false } });
  });
});
