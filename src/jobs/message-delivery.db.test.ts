/**
 * Messages leave the system, reliably (#11 items 1, 2, 4, 7; R-B2, R-D4): the real job runner
 * (pg-boss on the test database) delivers outbox rows by the real transports to a real HTTP
 * receiver or the development mailbox: retries with one idempotency key, a dead letter, a resend,
 * the acknowledgment meeting its clock, the proof on the complaint.
 */
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../test/test-app.js';
import { startHttpReceiver, type HttpReceiver } from '../../test/http-receiver.js';
import { DEVELOPMENT_CHANNELS, type ChannelSettings } from '../services/channels/channel-settings.js';
import { buildTransports } from '../services/channels/transports/index.js';
import type { ServiceContext } from '../services/context.js';
import { startJobRunner, type JobRunner } from './job-runner.js';
import type { QueueName } from './job-queues.js';
import { verifyWebhookSignature } from '../domain/messages/webhook-signature.js';

// the runner polls, retries and sends for real: room for a busy two-core machine
vi.setConfig({ testTimeout: 120_000 });

const RECEIPT_TOKEN = 'receipt-token-for-the-tests';
let t: TestApp;
let rx: HttpReceiver;
const runners: JobRunner[] = [];

beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z', {}, { ...DEVELOPMENT_CHANNELS, receiptToken: RECEIPT_TOKEN });
  rx = await startHttpReceiver();
  // fast retries for the test: 3 attempts a second apart, an attempt taken for crashed after 3 s
  await tune('message.send', { retry_limit: 2, retry_delay: 1, retry_backoff: false, expire_seconds: 3 });
});
afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.stop()));
});
afterAll(async () => {
  await rx.close();
  await t.close();
});

async function tune(queue: QueueName, o: { retry_limit: number; retry_delay: number; retry_backoff: boolean; expire_seconds: number }) {
  await sql`UPDATE pgboss.queue SET retry_limit = ${o.retry_limit}, retry_delay = ${o.retry_delay}, retry_backoff = ${o.retry_backoff},
    expire_seconds = ${o.expire_seconds} WHERE name = ${queue}`.execute(t.db);
}

function channels(): ChannelSettings {
  return {
    ...DEVELOPMENT_CHANNELS,
    companyName: '测试保险证券股份有限公司',
    smsSignature: '【测试保险】',
    sms: {
      url: `${rx.url}/sms`,
      method: 'POST',
      contentType: 'application/json',
      bodyTemplate: '{"phone":"{{phone}}","content":"{{text}}","requestId":"{{key}}"}',
      authHeader: 'Authorization: Bearer gw-token',
      success: 'json:code=0',
      idPath: 'data.msgId',
    },
  };
}

async function run(ctx: ServiceContext = { ...t.ctx, channels: channels() }): Promise<JobRunner> {
  const r = await startJobRunner(ctx, {
    transports: buildTransports(ctx),
    pollSeconds: 0.5,
    maintenanceSeconds: 1,
    schedules: false,
    log: quiet,
  });
  runners.push(r);
  return r;
}
const quiet = { info: () => undefined, error: () => undefined };

async function register(overrides: Record<string, unknown>): Promise<{ id: string; number: string }> {
  const res = await t.inject({ method: 'POST', url: '/api/complaints', payload: complaintBody(overrides) });
  expect(res.statusCode, res.body).toBe(201);
  const { id } = res.json() as { id: string };
  const c = await t.db.selectFrom('complaints').select(['id', 'number']).where('id', '=', id).executeTakeFirstOrThrow();
  return c;
}

const messagesOf = (complaintId: string) =>
  t.db.selectFrom('messages').selectAll().where('complaint_id', '=', complaintId).where('recipient_kind', '=', 'complainant').execute();

const smsTo = (phone: string) => rx.requests.filter((r) => r.path === '/sms' && (JSON.parse(r.body) as { phone: string }).phone === phone);

describe('outbox delivery by the job runner (#11)', () => {
  it('a letter complaint with an e-mail address gets its acknowledgment in the development mailbox; the clock is met (R-B2)', async () => {
    const c = await register({ channel: 'letter', complainant: { name: '李四', email: 'li.si@example.com' } });
    await run({ ...t.ctx, channels: { ...DEVELOPMENT_CHANNELS, companyName: '测试保险证券股份有限公司' } });
    await vi.waitFor(
      async () => {
        const [m] = await messagesOf(c.id);
        expect(m?.status).toBe('delivered');
      },
      { timeout: 30_000, interval: 200 },
    );
    const [m] = await messagesOf(c.id);
    expect(m).toMatchObject({
      channel: 'email',
      purpose: 'acknowledgment',
      provider: 'development',
      attempts: 1,
      recipient_label: 'l***@example.com',
    });
    const box = await t.db.selectFrom('development_messages').selectAll().where('message_id', '=', m!.id).execute();
    expect(box).toHaveLength(1);
    expect(box[0]?.recipient).toBe('李四 <li.si@example.com>');
    expect(box[0]?.subject).toContain('测试保险证券股份有限公司');
    expect(box[0]?.body).toContain(c.number);
    expect(box[0]?.html).toContain(c.number);
    const ack = await t.db
      .selectFrom('complaint_clocks')
      .select(['status'])
      .where('complaint_id', '=', c.id)
      .where('kind', '=', 'acknowledgment')
      .executeTakeFirstOrThrow();
    expect(ack.status).toBe('met');
    const events = await t.db
      .selectFrom('complaint_events')
      .select(['type', 'payload'])
      .where('complaint_id', '=', c.id)
      .where('type', '=', 'message_sent')
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]?.payload).toMatchObject({
      purpose: 'acknowledgment',
      channel: 'email',
      provider: 'development',
      metClocks: ['acknowledgment'],
    });
    // the address itself is not in the history, only its masked form
    expect(JSON.stringify(events[0]?.payload)).not.toContain('li.si@');
    // what the complainant was told shows in the log to readers of every complaint, not to the administrator (scope none)
    const logAs = async (who: string) =>
      (await t.inject({ method: 'GET', url: `/api/messages?complaint=${c.number}` }, who)).json<{ items: Array<{ body: string | null }> }>()
        .items[0];
    expect((await logAs('auditor'))?.body).toContain(c.number);
    expect(await logAs('admin')).toMatchObject({ body: null, subject: null });
  });

  it('an SMS gateway that fails twice gets the same idempotency key three times, then the message is sent', async () => {
    const phone = '13900000101';
    rx.respond = (req, n) => {
      const mine = smsTo(phone).length;
      if (mine <= 2) return { status: 503, body: 'busy' };
      return { status: 200, body: JSON.stringify({ code: 0, data: { msgId: `gw-${n}` } }) };
    };
    const c = await register({ channel: 'letter', complainant: { name: '王五', phone } });
    await run();
    await vi.waitFor(
      async () => {
        const [m] = await messagesOf(c.id);
        expect(m?.status).toBe('sent');
      },
      { timeout: 30_000, interval: 200 },
    );
    const got = smsTo(phone);
    expect(got).toHaveLength(3);
    const keys = new Set(got.map((r) => r.headers['x-idempotency-key']));
    expect(keys.size).toBe(1);
    expect(got.every((r) => r.headers.authorization === 'Bearer gw-token')).toBe(true);
    const body = JSON.parse(got[2]!.body) as { content: string };
    expect(body.content.startsWith('【测试保险】')).toBe(true);
    expect(body.content).toContain(c.number);
    const [m] = await messagesOf(c.id);
    expect(m).toMatchObject({ attempts: 3, provider: 'sms-http', last_error: null });
    expect(m?.provider_id).toMatch(/^gw-/);
    expect(m?.segments).toBeGreaterThanOrEqual(1);

    // the gateway's delivery receipt, matched by its id; a receipt without the shared token is refused
    const receipt = (token: string | null, payload: Record<string, unknown>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/messages/receipts',
        payload,
        headers: token ? { 'x-receipt-token': token } : {},
      });
    expect((await receipt(null, { providerId: m!.provider_id, status: 'delivered' })).statusCode).toBe(401);
    expect((await receipt('wrong-token-wrong-token', { providerId: m!.provider_id, status: 'delivered' })).statusCode).toBe(401);
    expect((await receipt(RECEIPT_TOKEN, { providerId: 'gw-unknown', status: 'delivered' })).statusCode).toBe(404);
    const ok = await receipt(RECEIPT_TOKEN, {
      provider: 'sms-http',
      providerId: m!.provider_id,
      status: 'delivered',
      at: '2026-11-25T02:00:30Z',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ messageId: m!.id, status: 'delivered' });
    const [delivered] = await messagesOf(c.id);
    expect(delivered?.delivered_at?.toISOString()).toBe('2026-11-25T02:00:30.000Z');
  });

  it('after the last attempt the message is dead, a tracked exception is raised; a resend from the message log delivers it', async () => {
    const phone = '13900000102';
    let accept = false;
    rx.respond = () =>
      accept ? { status: 200, body: JSON.stringify({ code: 0, data: { msgId: 'gw-late' } }) } : { status: 503, body: 'down' };
    const c = await register({ channel: 'letter', complainant: { name: '赵六', phone } });
    await run();
    await vi.waitFor(
      async () => {
        const [m] = await messagesOf(c.id);
        expect(m?.status).toBe('dead');
      },
      { timeout: 30_000, interval: 200 },
    );
    const [dead] = await messagesOf(c.id);
    expect(dead?.attempts).toBe(3);
    expect(dead?.last_error).toContain('503');
    const exceptions = await t.db.selectFrom('complaint_exceptions').selectAll().where('complaint_id', '=', c.id).execute();
    expect(exceptions.map((e) => e.kind)).toEqual(['message_failed']);
    const failedEvent = await t.db
      .selectFrom('complaint_events')
      .select('type')
      .where('complaint_id', '=', c.id)
      .where('type', '=', 'message_failed')
      .execute();
    expect(failedEvent).toHaveLength(1);

    // the job is on the dead-letter list of failed jobs
    const failed = await t.inject({ method: 'GET', url: '/api/jobs/failed?queue=message.send' }, 'admin');
    expect(failed.statusCode, failed.body).toBe(200);
    const job = failed
      .json<{ items: Array<{ id: string; queue: string; data: { messageId?: string }; attempts: number }> }>()
      .items.find((j) => j.data.messageId === dead!.id);
    expect(job).toMatchObject({ queue: 'message.send', attempts: 3 });

    // the message log lists it with its status; an administrator resends it
    const log = await t.inject({ method: 'GET', url: `/api/messages?status=dead&complaint=${c.number}` }, 'admin');
    expect(log.statusCode, log.body).toBe(200);
    expect((log.json() as { items: Array<{ id: string }> }).items.map((i) => i.id)).toEqual([dead!.id]);
    accept = true;
    const resent = await t.inject({ method: 'POST', url: `/api/messages/${dead!.id}/resend` }, 'admin');
    expect(resent.statusCode, resent.body).toBe(200);
    expect((resent.json() as { status: string }).status).toBe('queued');
    await vi.waitFor(
      async () => {
        const [m] = await messagesOf(c.id);
        expect(m?.status).toBe('sent');
      },
      { timeout: 30_000, interval: 200 },
    );
    const keys = new Set(smsTo(phone).map((r) => r.headers['x-idempotency-key']));
    expect(keys.size).toBe(1);
    expect(smsTo(phone)).toHaveLength(4);
    // a sent message is not resent
    const again = await t.inject({ method: 'POST', url: `/api/messages/${dead!.id}/resend` }, 'admin');
    expect(again.statusCode).toBe(409);
    // retrying the failed job by hand now finds the message sent: nothing goes out twice
    const retried = await t.inject({ method: 'POST', url: `/api/jobs/message.send/${job!.id}/retry` }, 'admin');
    expect(retried.statusCode, retried.body).toBe(204);
    await vi.waitFor(
      async () => {
        const r = await sql<{ state: string }>`SELECT state::text FROM pgboss.job WHERE id = ${job!.id}::uuid`.execute(t.db);
        expect(r.rows[0]?.state).toBe('completed');
      },
      { timeout: 30_000, interval: 200 },
    );
    expect(smsTo(phone)).toHaveLength(4);
    expect((await t.inject({ method: 'POST', url: `/api/jobs/message.send/${job!.id}/retry` }, 'admin')).statusCode).toBe(409);
    // the audit log names the resend
    const audit = await t.db.selectFrom('audit_log').select(['action', 'actor']).where('action', '=', 'message.resend').execute();
    expect(audit).toEqual([{ action: 'message.resend', actor: 'admin' }]);
  });

  it('a permanent refusal (400) is dead at once, without retries', async () => {
    const phone = '13900000103';
    rx.respond = () => ({ status: 400, body: '{"code":40001,"msg":"invalid number"}' });
    const c = await register({ channel: 'letter', complainant: { name: '钱七', phone } });
    await run();
    await vi.waitFor(
      async () => {
        const [m] = await messagesOf(c.id);
        expect(m?.status).toBe('dead');
      },
      { timeout: 30_000, interval: 200 },
    );
    expect(smsTo(phone)).toHaveLength(1);
  });

  it('a webhook receiver that fails twice gets the same key and a valid signature each time; after the last attempt it is dead; a resend delivers it (#11 item 8)', async () => {
    const created = await t.inject(
      {
        method: 'POST',
        url: '/api/admin/webhooks',
        payload: { name: '数据仓库', url: `${rx.url}/hook`, eventTypes: ['complaint.registered'] },
      },
      'admin',
    );
    expect(created.statusCode, created.body).toBe(201);
    const {
      subscription: { id: subscriptionId },
      secret,
    } = created.json<{ subscription: { id: string }; secret: string }>();
    const hooks = () => rx.requests.filter((r) => r.path === '/hook');
    const verified = (r: (typeof rx.requests)[number]) =>
      verifyWebhookSignature({
        secret,
        timestamp: String(r.headers['x-webhook-timestamp']),
        body: r.body,
        signature: String(r.headers['x-webhook-signature']),
        now: new Date(),
      });
    let failures = 2;
    rx.respond = (req) => {
      if (req.path !== '/hook') return { status: 200, body: JSON.stringify({ code: 0, data: { msgId: 'x' } }) };
      // the receiver checks the signature before anything else
      if (!verified(req)) return { status: 401, body: 'bad signature' };
      return failures-- > 0 ? { status: 503, body: 'busy' } : { status: 204 };
    };
    await run();
    const first = await register({ channel: 'hotline', complainant: { name: '吴十', phone: '13900000111' } });
    const messageOf = async (complaintId: string) =>
      t.db.selectFrom('messages').selectAll().where('complaint_id', '=', complaintId).where('channel', '=', 'webhook').executeTakeFirst();
    await vi.waitFor(async () => expect((await messageOf(first.id))?.status).toBe('delivered'), { timeout: 30_000, interval: 200 });
    const got = hooks().filter((r) => (JSON.parse(r.body) as { data: { complaintId: string } }).data.complaintId === first.id);
    expect(got).toHaveLength(3);
    expect(new Set(got.map((r) => r.headers['x-idempotency-key'])).size).toBe(1);
    expect(new Set(got.map((r) => r.body)).size).toBe(1);
    expect(got.every(verified)).toBe(true);
    expect(got[0]?.headers['x-webhook-id']).toBe(subscriptionId);
    expect(JSON.parse(got[0]!.body)).toMatchObject({ type: 'complaint.registered', data: { complaintId: first.id, number: first.number } });

    // a receiver down for good: dead after the last attempt, then resent from the message log once it is back
    failures = 1000;
    const second = await register({ channel: 'hotline', complainant: { name: '郑十一', phone: '13900000112' } });
    await vi.waitFor(async () => expect((await messageOf(second.id))?.status).toBe('dead'), { timeout: 30_000, interval: 200 });
    const dead = await messageOf(second.id);
    expect(dead?.attempts).toBe(3);
    failures = 0;
    const resent = await t.inject({ method: 'POST', url: `/api/messages/${dead!.id}/resend` }, 'admin');
    expect(resent.statusCode, resent.body).toBe(200);
    await vi.waitFor(async () => expect((await messageOf(second.id))?.status).toBe('delivered'), { timeout: 30_000, interval: 200 });
    const all = hooks().filter((r) => (JSON.parse(r.body) as { data: { complaintId: string } }).data.complaintId === second.id);
    expect(all).toHaveLength(4);
    expect(new Set(all.map((r) => r.headers['x-idempotency-key'])).size).toBe(1);
    expect(all.every(verified)).toBe(true);
  });
});
