/**
 * The e-mail intake's administration routes (#12 item 2): mailbox settings checked field by field in
 * the user's language, the IMAP password kept encrypted and kept when a change leaves it out, the
 * audit rows without it, "poll now" queued once per mailbox, the inbound list paged, and a
 * quarantined message imported again.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import type { ApiErrorBody } from '../../../test/db-assertions.js';
import { storeArrivedMail } from '../../services/channels/mail-intake/inbound-store.js';
import { protectMailboxPasswords } from '../../services/channels/mail-intake/mailboxes.service.js';
import { decryptField, parseKeyRing } from '../../security/pii-crypto.js';
import { TEST_KEYS } from '../../../test/test-constants.js';
import type { InboundMailAnswerSchema, MailboxAnswerSchema } from '../schemas/mailboxes.responses.js';

vi.setConfig({ testTimeout: 120_000 });

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z');
});
afterAll(async () => t.close());

const imap = {
  name: '投诉邮箱',
  kind: 'imap',
  host: 'imap.insurer.example',
  username: 'tousu',
  password: 'first-password',
  intervalSeconds: 300,
  stallMinutes: 30,
  enabled: true,
};
const post = (payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.inject({ method: 'POST', url: '/api/admin/mailboxes', payload, headers }, 'admin');

describe('mailbox settings (#12 item 2)', () => {
  it('refuses what cannot work, naming the field, in the user’s language', async () => {
    const smtp = await post({ name: 'a', kind: 'smtp', intervalSeconds: 60, stallMinutes: 30, enabled: true });
    expect(smtp.statusCode).toBe(400);
    expect(smtp.json<ApiErrorBody>().fields).toEqual([expect.objectContaining({ field: 'address', code: 'required' })]);

    const bad = await post(
      { name: 'a', kind: 'smtp', address: 'not an address', intervalSeconds: 60, stallMinutes: 30, enabled: true },
      {
        'accept-language': 'en',
      },
    );
    expect(bad.json<ApiErrorBody>().fields).toEqual([expect.objectContaining({ field: 'address', code: 'mailbox_address_invalid' })]);
    expect(bad.json<ApiErrorBody>().fields?.[0]?.message).toContain('valid e-mail address');

    const noAccount = await post({ name: 'b', kind: 'imap', intervalSeconds: 60, stallMinutes: 30, enabled: true });
    expect(
      noAccount
        .json<ApiErrorBody>()
        .fields?.map((f) => f.field)
        .sort(),
    ).toEqual(['host', 'password', 'username']);

    const codes = await post({ ...imap, defaultBusinessLine: 'brokerage', defaultCategory: 'claims_dispute' });
    expect(codes.json<ApiErrorBody>().fields).toEqual([
      expect.objectContaining({ field: 'defaultCategory', code: 'category_not_of_business_line' }),
    ]);

    const tooOften = await post({ ...imap, intervalSeconds: 10 });
    expect(tooOften.statusCode).toBe(400);
    expect(tooOften.json<ApiErrorBody>().fields?.[0]?.field).toContain('intervalSeconds');
  });

  it('the password is stored encrypted, never answered, kept when a change leaves it out; the audit rows never hold it', async () => {
    const created = await post(imap);
    expect(created.statusCode, created.body).toBe(201);
    const m = created.json<MailboxAnswerSchema>();
    expect(m).toMatchObject({ port: 993, tls: 'implicit', folder: 'INBOX', hasPassword: true, health: { state: 'never', backlog: 0 } });
    expect(created.body).not.toContain('first-password');
    const stored = await t.db.selectFrom('mailboxes').select('password').where('id', '=', m.id).executeTakeFirstOrThrow();
    expect(stored.password).toMatch(/^enc:v1:/);

    const renamed = await t.inject(
      { method: 'PUT', url: `/api/admin/mailboxes/${m.id}`, payload: { ...imap, password: undefined, name: '新名称' } },
      'admin',
    );
    expect(renamed.json<MailboxAnswerSchema>()).toMatchObject({ name: '新名称', hasPassword: true });
    const kept = await t.db.selectFrom('mailboxes').select('password').where('id', '=', m.id).executeTakeFirstOrThrow();
    expect(kept.password).toBe(stored.password);

    await t.inject({ method: 'PUT', url: `/api/admin/mailboxes/${m.id}`, payload: { ...imap, password: 'second-password' } }, 'admin');
    const changed = await t.db.selectFrom('mailboxes').select('password').where('id', '=', m.id).executeTakeFirstOrThrow();
    expect(changed.password).not.toBe(stored.password);

    const audit = await t.db.selectFrom('audit_log').select(['action', 'details']).where('target_id', '=', m.id).orderBy('id').execute();
    expect(audit.map((a) => [a.action, (a.details as { passwordChanged: boolean }).passwordChanged])).toEqual([
      ['mailbox.create', true],
      ['mailbox.update', false],
      ['mailbox.update', true],
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/first-password|second-password/);

    // key rotation (npm run rotate-keys, and every start): re-encrypted under the new current key, the same password
    const ring = parseKeyRing(`${TEST_KEYS},k2:${Buffer.alloc(32, 7).toString('base64')}`, 'k2');
    expect(await protectMailboxPasswords(t.db, ring)).toBe(1);
    const rotated = await t.db.selectFrom('mailboxes').select('password').where('id', '=', m.id).executeTakeFirstOrThrow();
    expect(rotated.password).toMatch(/^enc:v1:k2:/);
    expect(decryptField(ring, rotated.password!)).toBe('second-password');
    expect(await protectMailboxPasswords(t.db, ring)).toBe(0);

    const missing = await t.inject(
      { method: 'PUT', url: '/api/admin/mailboxes/00000000-0000-4000-8000-000000000009', payload: imap },
      'admin',
    );
    expect(missing.statusCode).toBe(404);
    expect(missing.json<ApiErrorBody>().code).toBe('mailbox_not_found');
  });

  it('an SMTP address belongs to one mailbox; "poll now" is queued once per mailbox; the test is for IMAP', async () => {
    const a = await post({
      name: 'SMTP',
      kind: 'smtp',
      address: 'Tousu@Insurer.example',
      intervalSeconds: 60,
      stallMinutes: 30,
      enabled: true,
    });
    expect(a.json<MailboxAnswerSchema>().address).toBe('tousu@insurer.example');
    const b = await post({
      name: 'SMTP 2',
      kind: 'smtp',
      address: 'tousu@insurer.example',
      intervalSeconds: 60,
      stallMinutes: 30,
      enabled: true,
    });
    expect(b.statusCode).toBe(409);
    expect(b.json<ApiErrorBody>().code).toBe('mailbox_address_taken');

    const box = (await post({ ...imap, address: 'imap@insurer.example' })).json<MailboxAnswerSchema>();
    for (let i = 0; i < 3; i += 1) {
      const res = await t.inject({ method: 'POST', url: `/api/admin/mailboxes/${box.id}/poll` }, 'admin');
      expect(res.statusCode).toBe(202);
      expect(res.json()).toEqual({ queued: true });
    }
    const jobs = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'mailbox.poll' AND data->>'mailboxId' = ${box.id}`.execute(t.db);
    expect(jobs.rows[0]?.n).toBe(1);

    const smtpTest = await t.inject({ method: 'POST', url: `/api/admin/mailboxes/${a.json<MailboxAnswerSchema>().id}/test` }, 'admin');
    expect(smtpTest.json()).toMatchObject({ ok: false });
  });
});

describe('the inbound list and the quarantine (#12 item 2)', () => {
  let mailboxId: string;
  let quarantined: string;

  beforeAll(async () => {
    const box = await post({
      name: '收件',
      kind: 'smtp',
      address: 'list@insurer.example',
      intervalSeconds: 60,
      stallMinutes: 30,
      enabled: true,
    });
    mailboxId = box.json<MailboxAnswerSchema>().id;
    const now = t.now();
    for (let i = 0; i < 3; i += 1) {
      const raw = Buffer.from(
        `From: =?UTF-8?B?5byg5LiJ?= <zhang${i}@customer.example>\r\nSubject: =?UTF-8?B?55CG6LWU5oqV6K+J?= ${i}\r\nMessage-ID: <list-${i}@customer.example>\r\n\r\n理赔款迟迟未到账，请尽快处理。\r\n`,
      );
      const stored = await t.db.transaction().execute((trx) =>
        storeArrivedMail(trx, {
          mailboxId,
          raw,
          envelopeFrom: `zhang${i}@customer.example`,
          receivedAt: new Date(now.getTime() - (3 - i) * 60_000),
          storedAt: now,
          // the last one as an IMAP message over the size limit would be: quarantined at once
          ...(i === 2 ? { quarantined: { reason: 'too_large' as const, detail: 'over the limit' } } : {}),
        }),
      );
      if (i === 2) quarantined = stored.id;
    }
  });

  it('newest first, paged, the sender masked, the reason in words, counts per outcome', async () => {
    const page1 = await t.inject({ method: 'GET', url: `/api/admin/inbound-mail?mailboxId=${mailboxId}&limit=2` }, 'inspector');
    expect(page1.statusCode, page1.body).toBe(200);
    const body = page1.json<{ items: InboundMailAnswerSchema[]; next: string | null; counts: Record<string, number> }>();
    expect(body.items.map((i) => i.messageId)).toEqual(['<list-2@customer.example>', '<list-1@customer.example>']);
    expect(body.items[0]).toMatchObject({
      outcome: 'quarantined',
      reason: 'too_large',
      reasonLabel: '邮件超过大小上限：over the limit',
      subject: '理赔投诉 2',
    });
    expect(body.items[0]!.from).not.toContain('zhang2@customer.example');
    expect(body.counts).toEqual({ pending: 2, created: 0, threaded: 0, ignored: 0, quarantined: 1 });
    const page2 = await t.inject(
      { method: 'GET', url: `/api/admin/inbound-mail?mailboxId=${mailboxId}&limit=2&cursor=${body.next}` },
      'inspector',
    );
    expect(page2.json<{ items: InboundMailAnswerSchema[]; next: string | null }>()).toMatchObject({
      items: [{ messageId: '<list-0@customer.example>' }],
      next: null,
    });
    const forged = await t.inject({ method: 'GET', url: '/api/admin/inbound-mail?cursor=xyz' }, 'inspector');
    expect(forged.statusCode).toBe(400);
    expect(forged.json<ApiErrorBody>().code).toBe('invalid_cursor');
  });

  it('a quarantined message is imported again on request (audited), once', async () => {
    const res = await t.inject({ method: 'POST', url: `/api/admin/inbound-mail/${quarantined}/reprocess` }, 'admin');
    expect(res.statusCode, res.body).toBe(200);
    const answer = res.json<InboundMailAnswerSchema>();
    expect(answer).toMatchObject({ outcome: 'created', reason: null, complaintNumber: expect.stringMatching(/^[A-Z]+\d+$/) });
    const audit = await t.db.selectFrom('audit_log').select('actor').where('action', '=', 'inbound_mail.reprocess').execute();
    expect(audit).toEqual([{ actor: 'admin' }]);
    const again = await t.inject({ method: 'POST', url: `/api/admin/inbound-mail/${quarantined}/reprocess` }, 'admin');
    expect(again.statusCode).toBe(409);
    expect(again.json<ApiErrorBody>()).toMatchObject({
      code: 'inbound_mail_not_reprocessable',
      message: expect.stringContaining('已生成投诉'),
    });
    const unknown = await t.inject({ method: 'GET', url: '/api/admin/inbound-mail/00000000-0000-4000-8000-000000000009/raw' }, 'admin');
    expect(unknown.statusCode).toBe(404);
  });
});
