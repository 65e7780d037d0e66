/**
 * IMAP polling against a real Debian dovecot on loopback (#12 item 2, R-B1): several messages with
 * a malformed one in the middle (quarantined with its raw bytes and an alert, the others imported,
 * all marked seen only once stored); the server stopped and started again between polls (nothing
 * lost, nothing imported twice, a changed UIDVALIDITY deduplicated too); the health alert when the
 * server stays down longer than the mailbox's stallMinutes (the injected clock), once, and cleared
 * when it is back.
 */
import { createHash } from 'node:crypto';
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { startDovecot, type Dovecot } from '../../test/dovecot.js';
import { ingestInboundMail } from '../services/channels/mail-intake/ingest.service.js';
import { pollMailbox } from '../services/channels/mail-intake/imap-poll.js';
import { mailIntakeSettings } from '../services/channels/mail-intake/mail-intake-settings.js';
import { runMailIntakeRound } from '../services/channels/mail-intake/mail-schedule.js';
import type { Transports } from '../services/channels/message-send.service.js';
import { buildTransports } from '../services/channels/transports/index.js';
import type { MailboxAnswerSchema } from '../http/schemas/mailboxes.responses.js';
import { startJobRunner } from './job-runner.js';

vi.setConfig({ testTimeout: 120_000 });

const settings = mailIntakeSettings({ imapTimeoutMs: 5_000 });
let t: TestApp;
let dovecot: Dovecot;
let mailboxId: string;

beforeAll(async () => {
  dovecot = await startDovecot();
  t = await createTestApp('2026-11-25T02:00:00Z');
  const res = await t.inject(
    {
      method: 'POST',
      url: '/api/admin/mailboxes',
      payload: {
        name: '理赔投诉邮箱',
        kind: 'imap',
        address: 'claims@insurer.example',
        host: dovecot.host,
        port: dovecot.port,
        tls: 'none',
        username: dovecot.user,
        password: dovecot.password,
        intervalSeconds: 60,
        stallMinutes: 10,
        enabled: true,
        defaultBusinessLine: 'property_casualty',
        defaultCategory: 'claims_dispute',
      },
    },
    'admin',
  );
  expect(res.statusCode, res.body).toBe(201);
  mailboxId = res.json<MailboxAnswerSchema>().id;
});
afterAll(async () => {
  await t.close();
  await dovecot.close();
});

let n = 0;
function message(from: string, subject: string, text: string): string {
  n += 1;
  return [
    `From: ${from}`,
    'To: claims@insurer.example',
    `Subject: ${subject}`,
    `Message-ID: <imap-${n}@customer.example>`,
    'Date: Wed, 25 Nov 2026 09:30:00 +0800',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    text,
    '',
  ].join('\r\n');
}

const rows = () =>
  t.db
    .selectFrom('inbound_mail')
    .select(['id', 'message_id', 'outcome', 'reason', 'complaint_id', 'sha256', 'imap_uid'])
    .orderBy('imap_uid')
    .execute();
const mailbox = () => t.db.selectFrom('mailboxes').selectAll().where('id', '=', mailboxId).executeTakeFirstOrThrow();
async function health() {
  const res = await t.inject({ method: 'GET', url: '/api/admin/mailboxes' }, 'admin');
  return res.json<{ items: MailboxAnswerSchema[] }>().items.find((m) => m.id === mailboxId)!.health;
}
async function ingestPending() {
  const pending = await t.db.selectFrom('inbound_mail').select('id').where('outcome', '=', 'pending').execute();
  for (const r of pending) await ingestInboundMail(t.ctx, r.id, settings);
}
const stallAlerts = () => t.db.selectFrom('notifications').select(['user_id', 'params']).where('kind', '=', 'mailbox_stalled').execute();

async function onServer<T>(folder: string, work: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = new ImapFlow({
    host: dovecot.host,
    port: dovecot.port,
    secure: false,
    auth: { user: dovecot.user, pass: dovecot.password },
    logger: false,
  });
  await client.connect();
  const lock = await client.getMailboxLock(folder);
  try {
    return await work(client);
  } finally {
    lock.release();
    await client.logout();
  }
}
const seenFlags = (folder = 'INBOX') =>
  onServer(folder, async (c) => (await c.fetchAll('1:*', { uid: true, flags: true })).map((m) => m.flags?.has('\\Seen') ?? false));
/** As a restored mail store would be: every message unseen again. */
const forgetSeen = () => onServer('INBOX', (c) => c.messageFlagsRemove('1:*', ['\\Seen']));

describe('IMAP polling against dovecot (#12 item 2, R-B1)', () => {
  it('the password is stored encrypted and never answered; the connection test logs in', async () => {
    const stored = await mailbox();
    expect(stored.password).toMatch(/^enc:v1:/);
    const list = await t.inject({ method: 'GET', url: '/api/admin/mailboxes' }, 'admin');
    expect(list.body).not.toContain(dovecot.password);
    expect(list.json<{ items: MailboxAnswerSchema[] }>().items[0]).toMatchObject({ hasPassword: true, health: { state: 'never' } });
    const test = await t.inject({ method: 'POST', url: `/api/admin/mailboxes/${mailboxId}/test` }, 'admin');
    expect(test.json()).toEqual({ ok: true, error: null });
  });

  it('several messages with a malformed one in the middle: the malformed one quarantined (raw kept, administrators alerted), the others imported by the job runner, all seen', async () => {
    const malformed = 'this is not an e-mail at all\r\n\x01\x02 just bytes, no headers\r\n';
    await dovecot.append(message('张三 <zhang.san@customer.example>', '理赔被拒', '车险理赔被拒，理由不成立。'));
    await dovecot.append(malformed);
    await dovecot.append(message('李四 <li.si@customer.example>', '保费多扣', '保费被重复扣款两次。'));

    const ctx = t.ctx;
    const transports: Transports = buildTransports(ctx);
    const runner = await startJobRunner(ctx, {
      transports,
      mailIntake: settings,
      pollSeconds: 0.5,
      schedules: false,
      log: { info: () => undefined, error: () => undefined },
    });
    try {
      // the every-minute round queues the poll of the due mailbox; the runner polls, then imports each message
      expect((await runMailIntakeRound(ctx)).polls).toBe(1);
      const deadline = Date.now() + 60_000;
      for (;;) {
        const r = await rows();
        if (r.length === 3 && r.every((x) => x.outcome !== 'pending')) break;
        if (Date.now() > deadline) throw new Error(`not imported: ${JSON.stringify(r)}\n${await dovecot.log()}`);
        await new Promise((res) => setTimeout(res, 100));
      }
    } finally {
      await runner.stop();
      transports.email.close?.();
    }

    const [a, bad, b] = await rows();
    expect(a).toMatchObject({ outcome: 'created', message_id: '<imap-1@customer.example>' });
    expect(b).toMatchObject({ outcome: 'created', message_id: '<imap-2@customer.example>' });
    expect(bad).toMatchObject({ outcome: 'quarantined', reason: 'no_sender', complaint_id: null });
    // the raw message is kept as the server had it
    expect(bad!.sha256).toBe(createHash('sha256').update(Buffer.from(malformed, 'latin1')).digest('hex'));
    const complaintA = await t.db.selectFrom('complaints').selectAll().where('id', '=', a!.complaint_id!).executeTakeFirstOrThrow();
    expect(complaintA).toMatchObject({
      channel: 'email',
      business_line: 'property_casualty',
      category: 'claims_dispute',
      complainant_name: '张三',
    });
    // the administrators are told, in the app
    const alerts = await t.db.selectFrom('notifications').select(['template', 'params']).where('kind', '=', 'mail_quarantined').execute();
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts[0]).toMatchObject({ template: 'mail.quarantined', params: { mailboxName: '理赔投诉邮箱', reason: 'no_sender' } });
    // the administrator downloads it raw (audited) and sees it in the quarantine list
    const raw = await t.inject({ method: 'GET', url: `/api/admin/inbound-mail/${bad!.id}/raw` }, 'admin');
    expect(raw.statusCode).toBe(200);
    expect(raw.headers['content-type']).toBe('message/rfc822');
    expect(raw.rawPayload.equals(Buffer.from(malformed, 'latin1'))).toBe(true);
    const audited = await t.db
      .selectFrom('audit_log')
      .select('actor')
      .where('action', '=', 'inbound_mail.read_raw')
      .where('target_id', '=', bad!.id)
      .execute();
    expect(audited).toEqual([{ actor: 'admin' }]);
    const list = await t.inject({ method: 'GET', url: '/api/admin/inbound-mail?outcome=quarantined' }, 'admin');
    expect(list.json()).toMatchObject({ items: [{ id: bad!.id, reason: 'no_sender' }], counts: { created: 2, quarantined: 1 } });
    expect(await seenFlags()).toEqual([true, true, true]);
    expect(await health()).toMatchObject({ state: 'ok', backlog: 0, quarantined: 1 });
  });

  it('the server stopped and started again between polls: nothing lost, nothing imported twice', async () => {
    await dovecot.append(message('王五 <wang.wu@customer.example>', '退保金额', '退保金额计算有误。'));
    expect(await pollMailbox(t.ctx, mailboxId, settings)).toMatchObject({ skipped: false, stored: 1, error: null });

    await dovecot.stop();
    t.setNow('2026-11-25T02:02:00Z');
    const down = await pollMailbox(t.ctx, mailboxId, settings);
    expect(down.stored).toBe(0);
    expect(down.error).toMatch(/ECONNREFUSED|connect/i);
    expect(await health()).toMatchObject({ state: 'failing', lastErrorAt: '2026-11-25T02:02:00.000Z' });

    await dovecot.start();
    await dovecot.append(message('赵六 <zhao.liu@customer.example>', '理财收益', '理财产品收益与宣传不符。'));
    t.setNow('2026-11-25T02:03:00Z');
    expect(await pollMailbox(t.ctx, mailboxId, settings)).toMatchObject({ stored: 1, duplicates: 0, error: null });
    // a restored mail store: the UIDs start again and every message is unseen; each is recognised by its Message-ID
    await t.db.updateTable('mailboxes').set({ uid_validity: '1' }).where('id', '=', mailboxId).execute();
    await forgetSeen();
    expect(await pollMailbox(t.ctx, mailboxId, settings)).toMatchObject({ stored: 0, duplicates: 5, error: null });
    await ingestPending();

    const all = await rows();
    expect(all.map((r) => r.message_id)).toEqual([
      '<imap-1@customer.example>',
      expect.stringMatching(/@no-message-id>$/),
      '<imap-2@customer.example>',
      '<imap-3@customer.example>',
      '<imap-4@customer.example>',
    ]);
    expect(all.filter((r) => r.outcome === 'created')).toHaveLength(4);
    const complaints = await t.db.selectFrom('complaints').select('complainant_email').where('channel', '=', 'email').execute();
    expect(complaints.map((c) => c.complainant_email).sort()).toEqual(
      ['li.si@customer.example', 'wang.wu@customer.example', 'zhang.san@customer.example', 'zhao.liu@customer.example'].sort(),
    );
    expect(await health()).toMatchObject({ state: 'ok', backlog: 0 });
  });

  it('down longer than stallMinutes: one alert to the administrators, cleared once polls succeed again', async () => {
    await dovecot.stop();
    t.setNow('2026-11-25T02:08:00Z');
    await pollMailbox(t.ctx, mailboxId, settings);
    await runMailIntakeRound(t.ctx);
    expect(await health()).toMatchObject({ state: 'failing' });
    expect(await stallAlerts()).toEqual([]);

    // 10 minutes after the last success (02:03): stalled
    t.setNow('2026-11-25T02:14:00Z');
    await pollMailbox(t.ctx, mailboxId, settings);
    expect((await runMailIntakeRound(t.ctx)).raised).toBe(1);
    expect(await health()).toMatchObject({ state: 'stalled' });
    const admins = await t.db
      .selectFrom('users as u')
      .innerJoin('user_roles as r', 'r.user_id', 'u.id')
      .select('u.id')
      .where('r.role', '=', 'administrator')
      .execute();
    const alerts = await stallAlerts();
    expect(alerts.map((a) => a.user_id).sort()).toEqual(admins.map((a) => a.id).sort());
    expect(alerts[0]!.params).toMatchObject({
      mailboxName: '理赔投诉邮箱',
      stallMinutes: 10,
      lastError: expect.stringMatching(/ECONNREFUSED|connect/i),
    });

    // still down a while later: no second alert
    t.setNow('2026-11-25T02:20:00Z');
    await pollMailbox(t.ctx, mailboxId, settings);
    expect((await runMailIntakeRound(t.ctx)).raised).toBe(0);
    expect(await stallAlerts()).toHaveLength(alerts.length);

    // back: the next poll succeeds, the alert is cleared, so the next stall alerts again
    await dovecot.start();
    t.setNow('2026-11-25T02:21:00Z');
    expect(await pollMailbox(t.ctx, mailboxId, settings)).toMatchObject({ error: null });
    expect((await runMailIntakeRound(t.ctx)).cleared).toBe(1);
    expect(await health()).toMatchObject({ state: 'ok' });
    expect((await mailbox()).alert_raised).toBe(false);
  });

  it('another folder connected: its read history is left alone, what is unseen is imported, and later mail whether read or not', async () => {
    await dovecot.append(message('旧客户 <old@customer.example>', '去年的来信', '早已处理完毕。'), 'Complaints', ['\\Seen']);
    await dovecot.append(message('新客户 <new@customer.example>', '未读来信', '保单迟迟未寄出。'), 'Complaints');
    const moved = await t.inject(
      {
        method: 'PUT',
        url: `/api/admin/mailboxes/${mailboxId}`,
        payload: {
          name: '理赔投诉邮箱',
          kind: 'imap',
          host: dovecot.host,
          port: dovecot.port,
          tls: 'none',
          username: dovecot.user,
          folder: 'Complaints',
          intervalSeconds: 60,
          stallMinutes: 10,
          enabled: true,
        },
      },
      'admin',
    );
    expect(moved.statusCode, moved.body).toBe(200);
    t.setNow('2026-11-25T02:22:00Z');
    expect(await pollMailbox(t.ctx, mailboxId, settings)).toMatchObject({ stored: 1, duplicates: 0, error: null });
    // arrived after the folder was connected and read in webmail before the next poll: still new to us
    await dovecot.append(message('又一位 <another@customer.example>', '已读但未导入', '请回电。'), 'Complaints', ['\\Seen']);
    t.setNow('2026-11-25T02:23:00Z');
    expect(await pollMailbox(t.ctx, mailboxId, settings)).toMatchObject({ stored: 1, duplicates: 0, error: null });
    const senders = (await t.db.selectFrom('inbound_mail').select('sender').execute()).map((r) => r.sender);
    expect(senders).toEqual(expect.arrayContaining(['new@customer.example', 'another@customer.example']));
    expect(senders).not.toContain('old@customer.example');
    expect(await seenFlags('Complaints')).toEqual([true, true, true]);
  });
});
