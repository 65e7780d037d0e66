/**
 * E-mail intake through the built-in SMTP listener (#12 item 2, R-B1, R-B2, R-B4): a real client
 * (nodemailer) sends to the real listener; the real job runner imports; acknowledgments leave by
 * real SMTP to a test receiver. A new complaint with its attachment (the evidence file's sha256),
 * replies threaded onto their complaint (by In-Reply-To of our acknowledgment, by the number in the
 * subject from the complainant's address), an auto-reply ignored and never answered, a duplicate
 * Message-ID imported once, unknown recipients and oversized messages refused.
 */
import { createHash } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { startSmtpReceiver, type SmtpReceiver } from '../../test/smtp-receiver.js';
import { DEVELOPMENT_CHANNELS } from '../services/channels/channel-settings.js';
import { mailIntakeSettings } from '../services/channels/mail-intake/mail-intake-settings.js';
import { startSmtpListener, type SmtpListener } from '../services/channels/mail-intake/smtp-listener.js';
import type { Transports } from '../services/channels/message-send.service.js';
import { buildTransports } from '../services/channels/transports/index.js';
import { startJobRunner, type JobRunner } from './job-runner.js';

vi.setConfig({ testTimeout: 120_000 });

const MAILBOX = 'tousu@insurer.example';
const PDF = Buffer.concat([
  Buffer.from('%PDF-1.4\n'),
  Buffer.from('1 0 obj << /Type /Catalog >> endobj\n'.repeat(50)),
  Buffer.from('%%EOF\n'),
]);

let t: TestApp;
let rx: SmtpReceiver;
let listener: SmtpListener;
let runner: JobRunner;
let transports: Transports;
let client: Transporter<SMTPTransport.SentMessageInfo>;

beforeAll(async () => {
  rx = await startSmtpReceiver();
  t = await createTestApp(
    '2026-11-25T02:00:00Z',
    {},
    {
      ...DEVELOPMENT_CHANNELS,
      email: { smtpUrl: rx.url, from: '"示例保险" <noreply@insurer.example>' },
    },
  );
  const res = await t.inject(
    {
      method: 'POST',
      url: '/api/admin/mailboxes',
      payload: { name: '客服投诉邮箱', kind: 'smtp', address: MAILBOX, intervalSeconds: 60, stallMinutes: 30, enabled: true },
    },
    'admin',
  );
  expect(res.statusCode, res.body).toBe(201);
  const settings = mailIntakeSettings({ maxBytes: 2 * 1024 * 1024 });
  listener = await startSmtpListener(t.ctx, { port: 0, host: '127.0.0.1', settings });
  transports = buildTransports(t.ctx);
  runner = await startJobRunner(t.ctx, {
    transports,
    mailIntake: settings,
    pollSeconds: 0.5,
    schedules: false,
    log: { info: () => undefined, error: () => undefined },
  });
  client = nodemailer.createTransport({ host: '127.0.0.1', port: listener.port, secure: false, ignoreTLS: true });
});
afterAll(async () => {
  client.close();
  await runner.stop();
  transports.email.close?.();
  await listener.close();
  await rx.close();
  await t.close();
});

/** Waits until the message with this Message-ID is stored and processed (the job runner works it). */
async function processed(messageId: string) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const row = await t.db
      .selectFrom('inbound_mail')
      .select(['id', 'outcome', 'reason', 'detail', 'complaint_id', 'sender', 'subject'])
      .where('message_id', '=', messageId)
      .executeTakeFirst();
    if (row && row.outcome !== 'pending') return row;
    if (Date.now() > deadline) throw new Error(`${messageId} not processed: ${JSON.stringify(row)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function until<T>(what: string, get: () => T | undefined): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const v = get();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const complaint = (id: string) => t.db.selectFrom('complaints').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

let first: { complaintId: string; number: string; ackMessageId: string };

describe('SMTP listener: e-mail becomes a complaint (#12 item 2, R-B1, R-B4)', () => {
  it('R-B1: a new message is a complaint on channel email, with its text, sender and PDF attachment; a disallowed file is named, not fatal', async () => {
    const info = await client.sendMail({
      from: '"王小明" <wang.xm@customer.example>',
      to: MAILBOX,
      subject: '车险理赔金额不合理',
      text: '您好，我的车险理赔只赔了一半，定损单见附件，请重新核定。\n\n王小明',
      messageId: '<first-complaint@customer.example>',
      attachments: [
        { filename: '定损单.pdf', content: PDF, contentType: 'application/pdf' },
        { filename: 'tool.exe', content: Buffer.from('MZ\x90\x00 not allowed'), contentType: 'application/x-msdownload' },
      ],
    });
    expect(info.response).toMatch(/^250 /);
    const row = await processed('<first-complaint@customer.example>');
    expect(row).toMatchObject({ outcome: 'created', sender: 'wang.xm@customer.example', subject: '车险理赔金额不合理' });
    const c = await complaint(row.complaint_id!);
    expect(c).toMatchObject({
      channel: 'email',
      complainant_name: '王小明',
      complainant_email: 'wang.xm@customer.example',
      assignee: null,
    });
    expect(c.description).toContain('定损单见附件');
    expect(c.description).toContain('tool.exe');
    const files = await t.db.selectFrom('evidence_files').select(['name', 'sha256', 'size']).where('complaint_id', '=', c.id).execute();
    expect(files).toEqual([{ name: '定损单.pdf', sha256: createHash('sha256').update(PDF).digest('hex'), size: PDF.length }]);
    // R-B2: the acknowledgment goes to the sender by e-mail, with a Message-ID a reply can name
    const ack = await until('the acknowledgment', () => rx.mails.find((m) => m.to.includes('wang.xm@customer.example')));
    expect(ack.mail.subject).toContain(c.number);
    expect(ack.mail.messageId).toBeTruthy();
    first = { complaintId: c.id, number: c.number, ackMessageId: ack.mail.messageId! };
  });

  it('a reply naming our acknowledgment in In-Reply-To is added to the complaint’s correspondence, its quoted history cut off', async () => {
    const before = await t.db
      .selectFrom('complaints')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    await client.sendMail({
      from: 'wang.xm@customer.example',
      to: MAILBOX,
      subject: 'Re: 补充材料',
      text: '补充维修发票一张。\n\n在 2026年11月25日 10:05，示例保险 写道：\n> 您的投诉已受理',
      messageId: '<reply-1@customer.example>',
      inReplyTo: first.ackMessageId,
      references: [first.ackMessageId],
    });
    const row = await processed('<reply-1@customer.example>');
    expect(row).toMatchObject({ outcome: 'threaded', complaint_id: first.complaintId });
    const records = await t.db
      .selectFrom('complaint_records')
      .select(['data'])
      .where('complaint_id', '=', first.complaintId)
      .where('kind', '=', 'correspondence')
      .execute();
    expect(records).toHaveLength(1);
    expect(records[0]!.data).toMatchObject({
      direction: 'inbound',
      channel: 'email',
      text: '补充维修发票一张。',
      messageId: '<reply-1@customer.example>',
    });
    const after = await t.db
      .selectFrom('complaints')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('a reply with the number in the subject from the complainant’s address is threaded; from another address it is a new complaint', async () => {
    await client.sendMail({
      from: 'Wang.XM@customer.example',
      to: MAILBOX,
      subject: `回复：您的投诉 [${first.number}]`,
      html: '<p>请尽快<b>处理</b>，谢谢。</p>',
      messageId: '<reply-2@customer.example>',
    });
    const reply = await processed('<reply-2@customer.example>');
    expect(reply).toMatchObject({ outcome: 'threaded', complaint_id: first.complaintId });
    const record = await t.db
      .selectFrom('complaint_records')
      .select('data')
      .where('complaint_id', '=', first.complaintId)
      .where('kind', '=', 'correspondence')
      .where((eb) => eb.ref('data', '->>').key('messageId'), '=', '<reply-2@customer.example>')
      .executeTakeFirstOrThrow();
    // HTML without a text part is turned into text
    expect((record.data as { text: string }).text).toMatch(/请尽快\s*处理\S*，谢谢。/);

    await client.sendMail({
      from: 'someone.else@other.example',
      to: MAILBOX,
      subject: `关于 ${first.number} 的另一件事`,
      text: '我也有同样的问题，保险公司一直不处理。',
      messageId: '<not-a-reply@other.example>',
    });
    const other = await processed('<not-a-reply@other.example>');
    expect(other.outcome).toBe('created');
    expect(other.complaint_id).not.toBe(first.complaintId);
  });

  it('an auto-reply is ignored: no complaint, no record, and nothing is sent to it (no mail loop)', async () => {
    await client.sendMail({
      from: 'vacation@away.example',
      to: MAILBOX,
      subject: 'Automatic reply: 您的投诉已受理',
      text: 'I am out of the office until Monday.',
      messageId: '<auto-1@away.example>',
      headers: { 'Auto-Submitted': 'auto-replied', 'X-Autoreply': 'yes' },
    });
    const row = await processed('<auto-1@away.example>');
    expect(row).toMatchObject({ outcome: 'ignored', reason: 'auto_submitted', complaint_id: null });
    const complaints = await t.db.selectFrom('complaints').select('id').where('complainant_email', '=', 'vacation@away.example').execute();
    expect(complaints).toEqual([]);
    // no complaint, so no acknowledgment: nothing went to the auto-responder
    expect(rx.mails.filter((m) => m.to.includes('vacation@away.example'))).toEqual([]);
  });

  it('the same Message-ID delivered twice is stored and imported once', async () => {
    const mail = {
      from: 'li.hua@customer.example',
      to: MAILBOX,
      subject: '基金赎回款未到账',
      text: '赎回已经五个工作日，款项仍未到账。',
      messageId: '<dup-1@customer.example>',
    };
    const a = await client.sendMail(mail);
    const b = await client.sendMail(mail);
    expect(a.response).toMatch(/^250 .*queued as/);
    expect(b.response).toMatch(/^250 .*already received/);
    await processed('<dup-1@customer.example>');
    const rows = await t.db.selectFrom('inbound_mail').select('id').where('message_id', '=', '<dup-1@customer.example>').execute();
    expect(rows).toHaveLength(1);
    const complaints = await t.db
      .selectFrom('complaints')
      .select('id')
      .where('complainant_email', '=', 'li.hua@customer.example')
      .execute();
    expect(complaints).toHaveLength(1);
  });

  it('a recipient that is no enabled mailbox is refused with 550; a message over the size limit with 552', async () => {
    await expect(
      client.sendMail({ from: 'a@customer.example', to: 'nobody@insurer.example', subject: 'x', text: 'x' }),
    ).rejects.toMatchObject({
      responseCode: 550,
    });
    const big = Buffer.alloc(3 * 1024 * 1024, 'a');
    await expect(
      client.sendMail({
        from: 'a@customer.example',
        to: MAILBOX,
        subject: 'big',
        text: 'x',
        attachments: [{ filename: 'big.txt', content: big }],
      }),
    ).rejects.toMatchObject({ responseCode: 552 });
    const stored = await t.db.selectFrom('inbound_mail').select('id').where('sender', '=', 'a@customer.example').execute();
    expect(stored).toEqual([]);
  });
});
