/**
 * Messages to staff and to the complainant through a real SMTP server and an SMS receiver (#11
 * items 3, 6, 7; R-B2, R-C3, R-D4): a level-1 complaint e-mails and texts the supervisor within a
 * minute, quiet hours or not; feedback sent by e-mail shows its delivery on the complaint; the
 * final notice names the regulator's hotline of the business line's sector.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../test/test-app.js';
import { startHttpReceiver, type HttpReceiver } from '../../test/http-receiver.js';
import { startSmtpReceiver, type SmtpReceiver } from '../../test/smtp-receiver.js';
import { DEVELOPMENT_CHANNELS, type ChannelSettings } from '../services/channels/channel-settings.js';
import { buildTransports } from '../services/channels/transports/index.js';
import { sendNotifications } from '../services/channels/notification.service.js';
import { dispatchOutboxRow } from '../services/channels/outbox-dispatch.service.js';
import { runDailyDigest } from '../services/channels/digest.service.js';
import type { MessageItemAnswer, NoticeSettingsAnswer } from '../http/schemas/messages.responses.js';
import { startJobRunner, type JobRunner } from './job-runner.js';

// the runner polls, retries and sends for real: room for a busy two-core machine
vi.setConfig({ testTimeout: 120_000 });

let t: TestApp;
let smtp: SmtpReceiver;
let rx: HttpReceiver;
let runner: JobRunner;
let transports: ReturnType<typeof buildTransports>;

function channels(): ChannelSettings {
  return {
    ...DEVELOPMENT_CHANNELS,
    companyName: '测试保险证券股份有限公司',
    publicUrl: 'https://kefu.example.com',
    email: { smtpUrl: smtp.url, from: '"测试保险 客服中心" <kefu@example.com>' },
    sms: {
      url: `${rx.url}/sms`,
      method: 'POST',
      contentType: 'application/json',
      bodyTemplate: '{"phone":"{{phone}}","content":"{{text}}"}',
      authHeader: null,
      success: 'status:2xx',
      idPath: null,
    },
  };
}

beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z'); // 10:00 in Shanghai
  smtp = await startSmtpReceiver();
  rx = await startHttpReceiver();
  const ctx = { ...t.ctx, channels: channels() };
  transports = buildTransports(ctx);
  runner = await startJobRunner(ctx, {
    transports,
    pollSeconds: 0.5,
    schedules: false,
    log: { info: () => undefined, error: () => undefined },
  });
});
afterAll(async () => {
  await runner.stop();
  transports.email.close?.();
  await smtp.close();
  await rx.close();
  await t.close();
});

const mailsTo = (address: string) => smtp.mails.filter((m) => m.to.includes(address));
const smsTo = (phone: string) => rx.requests.filter((r) => (JSON.parse(r.body) as { phone: string }).phone === phone);

describe('staff alerts outside the app (#11 item 6, R-C3)', () => {
  it('a level-1 complaint e-mails and texts the supervisor at once, in quiet hours too', async () => {
    const settings = await t.inject(
      {
        method: 'PUT',
        url: '/api/me/notice-settings',
        payload: { email: 'supervisor@example.com', mobile: '13800000001', quietHours: { start: '09:00', end: '12:00' } },
      },
      'supervisor',
    );
    expect(settings.statusCode, settings.body).toBe(200);
    const s = settings.json<NoticeSettingsAnswer>();
    expect(s.channels.level1).toEqual(['in_app', 'email', 'sms']);
    expect(s.urgent).toEqual(['level1']);

    const started = Date.now();
    const reg = await t.inject({ method: 'POST', url: '/api/complaints', payload: complaintBody({ amount: '150000.00' }) }, 'tester');
    expect(reg.statusCode, reg.body).toBe(201);
    const c = reg.json<{ id: string; number: string; level: number }>();
    expect(c.level).toBe(1);
    await vi.waitFor(
      () => {
        expect(mailsTo('supervisor@example.com')).toHaveLength(1);
        expect(smsTo('13800000001')).toHaveLength(1);
      },
      { timeout: 60_000, interval: 200 },
    );
    expect(Date.now() - started).toBeLessThan(60_000);
    const [mail] = mailsTo('supervisor@example.com');
    expect(mail?.mail.subject).toContain(c.number);
    expect(mail?.mail.subject).toContain('一级投诉');
    expect(mail?.mail.text).toContain(`https://kefu.example.com/complaints/${c.id}`);
    expect(mail?.mail.html).toContain(c.number);
    expect(mail?.mail.from?.value[0]).toMatchObject({ address: 'kefu@example.com', name: '测试保险 客服中心' });
    expect(mail?.mail.headers.get('x-idempotency-key')).toBe(`notification:registered:${c.id}:${await userId('supervisor')}:email`);
    const sms = JSON.parse(smsTo('13800000001')[0]!.body) as { content: string };
    expect(sms.content).toContain(c.number);
    expect(sms.content.startsWith('【')).toBe(true);
  });

  it('a notice that is not urgent waits for the end of the quiet hours; a digest choice sends nothing at once', async () => {
    const supervisor = await userId('supervisor');
    await t.inject(
      {
        method: 'PUT',
        url: '/api/me/notice-settings',
        payload: { channels: { workflow: ['in_app', 'email'], deadline: ['in_app', 'digest'] } },
      },
      'supervisor',
    );
    const write = (kind: string, key: string) =>
      t.db
        .transaction()
        .execute((trx) =>
          sendNotifications(
            trx,
            [supervisor],
            { complaintId: null, kind, sourceKey: key, message: { template: 'legacy.text', params: { text: key } } },
            t.now(),
          ),
        );
    await write('assign', 'quiet-test');
    await write('clock_warning', 'digest-test');
    // dispatch both rows now (the runner may already have)
    const rows = await t.db
      .selectFrom('outbox')
      .select(['id', 'idempotency_key'])
      .where('idempotency_key', 'in', [`notification:quiet-test:${supervisor}`, `notification:digest-test:${supervisor}`])
      .execute();
    for (const r of rows) await dispatchOutboxRow({ ...t.ctx, channels: channels() }, String(r.id));
    const messages = await t.db
      .selectFrom('messages')
      .select(['id', 'idempotency_key', 'channel'])
      .where('recipient_ref', '=', supervisor)
      .where('idempotency_key', 'like', '%-test:%')
      .execute();
    expect(messages.map((m) => m.idempotency_key)).toEqual([`notification:quiet-test:${supervisor}:email`]);
    const job = await sql<{
      start_after: Date;
    }>`SELECT start_after FROM pgboss.job WHERE name = 'message.send' AND data->>'messageId' = ${messages[0]!.id}`.execute(t.db);
    // 10:00 in Shanghai, quiet until 12:00 -> 04:00Z
    expect(job.rows[0]?.start_after.toISOString()).toBe('2026-11-25T04:00:00.000Z');
  });
});

describe('the daily digest (#11 item 6)', () => {
  it('gathers the notices chosen for the digest since the last one into one e-mail, once a day', async () => {
    // the previous test chose the digest for deadline notices and wrote one (digest-test)
    expect(await runDailyDigest(t.ctx)).toBe(1);
    expect(await runDailyDigest(t.ctx)).toBe(0);
    await vi.waitFor(() => expect(mailsTo('supervisor@example.com').filter((m) => m.mail.subject?.includes('通知摘要'))).toHaveLength(1), {
      timeout: 30_000,
      interval: 200,
    });
    const digest = mailsTo('supervisor@example.com').find((m) => m.mail.subject?.includes('通知摘要'));
    expect(digest?.mail.text).toContain('digest-test');
    // the level-1 alert went out at once, and is not repeated in the digest
    expect(digest?.mail.text).not.toContain('一级投诉');
  });
});

describe('messages to the complainant (#11 item 7, R-D4)', () => {
  it('feedback sent by e-mail goes out through SMTP and its delivery shows on the complaint; the final notice names 12378', async () => {
    const reg = await t.inject(
      { method: 'POST', url: '/api/complaints', payload: complaintBody({ complainant: { name: '孙八', email: 'sun.ba@example.com' } }) },
      'agent',
    );
    const c = reg.json<{ id: string; number: string }>();
    const fb = await t.inject(
      {
        method: 'POST',
        url: `/api/complaints/${c.id}/send-feedback`,
        payload: { method: 'email', content: '经核实，我司将按实际维修费用补足差额 1200 元。', solvedOnTheSpot: true },
      },
      'agent',
    );
    expect(fb.statusCode, fb.body).toBe(200);
    await vi.waitFor(() => expect(mailsTo('sun.ba@example.com')).toHaveLength(1), { timeout: 60_000, interval: 200 });
    const [mail] = mailsTo('sun.ba@example.com');
    expect(mail?.mail.subject).toContain('测试保险证券股份有限公司');
    expect(mail?.mail.text).toContain('补足差额 1200 元');
    expect(mail?.mail.to && 'value' in mail.mail.to ? mail.mail.to.value[0] : null).toMatchObject({
      address: 'sun.ba@example.com',
      name: '孙八',
    });

    await vi.waitFor(
      async () => {
        const res = await t.inject({ method: 'GET', url: `/api/complaints/${c.id}/messages` }, 'agent');
        const feedback = res.json<{ items: MessageItemAnswer[] }>().items.find((m) => m.purpose === 'feedback');
        expect(feedback).toMatchObject({ channel: 'email', status: 'sent', provider: 'smtp', recipient: 's***@example.com' });
        expect(feedback?.providerId).toMatch(/^<[0-9a-f]+@example\.com>$/);
        expect(feedback?.sentAt).not.toBeNull();
      },
      { timeout: 30_000, interval: 200 },
    );
    const proof = await t.db
      .selectFrom('complaint_events')
      .select('payload')
      .where('complaint_id', '=', c.id)
      .where('type', '=', 'message_sent')
      .execute();
    expect(proof.map((e) => (e.payload as { purpose: string }).purpose)).toContain('feedback');

    // survey, confirm the level, close: the final notice
    await t.inject({ method: 'POST', url: `/api/complaints/${c.id}/grade`, payload: { level: 3 } }, 'agent');
    await t.inject(
      { method: 'POST', url: `/api/complaints/${c.id}/record-survey`, payload: { satisfied: true, score: 5, method: 'phone' } },
      'agent',
    );
    const closed = await t.inject(
      { method: 'POST', url: `/api/complaints/${c.id}/close`, payload: { outcome: 'upheld', summary: '补足差额' } },
      'agent',
    );
    expect(closed.statusCode, closed.body).toBe(200);
    await vi.waitFor(() => expect(mailsTo('sun.ba@example.com')).toHaveLength(2), { timeout: 60_000, interval: 200 });
    const notice = mailsTo('sun.ba@example.com')[1];
    expect(notice?.mail.text).toContain('12378');
    expect(notice?.mail.text).toMatch(/调解.*仲裁.*诉讼/);
  }, 120_000);

  it('feedback by SMS to a complainant without a phone number is refused, naming the field', async () => {
    const reg = await t.inject(
      { method: 'POST', url: '/api/complaints', payload: complaintBody({ complainant: { name: '周九', email: 'zhou@example.com' } }) },
      'agent',
    );
    const c = reg.json<{ id: string }>();
    const fb = await t.inject(
      {
        method: 'POST',
        url: `/api/complaints/${c.id}/send-feedback`,
        payload: { method: 'sms', content: '处理结果', solvedOnTheSpot: true },
      },
      'agent',
    );
    expect(fb.statusCode).toBe(400);
    expect(fb.json()).toMatchObject({ fields: [{ field: 'method', code: 'no_contact_for_method' }] });
  });
});

async function userId(username: string): Promise<string> {
  const u = await t.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  return u.id;
}
