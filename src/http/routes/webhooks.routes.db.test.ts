/**
 * Webhooks for other systems (#11 item 8, R-H5): subscriptions per event type managed by
 * administrators, the secret shown once and stored encrypted, one outbox row per complaint event,
 * the fan-out to the subscribed and active subscriptions only, and the delivery to a real HTTP
 * receiver that checks the signature and records the idempotency keys. Retries, the dead letter and
 * resends run through the message pipeline and are tested there; here each attempt is called directly.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import { TEST_KEYS } from '../../../test/test-constants.js';
import { decryptField, generateKeySpec, parseKeyRing } from '../../security/pii-crypto.js';
import { protectWebhookSecrets } from '../../services/channels/webhook-subscriptions.service.js';
import { verifyWebhookSignature } from '../../domain/messages/webhook-signature.js';
import type { MessageRow } from '../../db/repositories/message.repository.js';
import { dispatchOutboxRow } from '../../services/channels/outbox-dispatch.service.js';
import { TransportError } from '../../services/channels/transports/transport.js';
import { deliverWebhook } from '../../services/channels/webhook-delivery.js';
import type { ApiErrorBody } from '../../../test/db-assertions.js';
import type { ComplaintDetailAnswer } from '../schemas/complaint.responses.js';
import type { WebhookAnswer, WebhookListAnswer, WebhookWithSecretAnswer } from '../schemas/webhooks.responses.js';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** the signature checked with the secret the receiver holds for X-Webhook-Id */
  verified: boolean;
}

let t: TestApp;
let server: Server;
let base: string;
const received: Received[] = [];
/** what the receiver answers next (then 200); 'hang' never answers */
const answers: Array<number | 'hang'> = [];
/** the receiver's copy of each subscription's secret, by subscription id */
const secrets = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z');
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const secret = secrets.get(String(req.headers['x-webhook-id'])) ?? '';
      const verified = verifyWebhookSignature({
        secret,
        timestamp: String(req.headers['x-webhook-timestamp']),
        body,
        signature: String(req.headers['x-webhook-signature']),
        now: t.now(),
      });
      received.push({ path: req.url ?? '', headers: req.headers, body, verified });
      const answer = answers.shift() ?? 200;
      if (answer === 'hang') return;
      res.writeHead(answer, { 'content-type': 'text/plain' }).end(answer === 200 ? 'ok' : `refused ${answer}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

const admin = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: Record<string, unknown>) =>
  t.inject({ method, url, ...(payload ? { payload } : {}) }, 'admin');

async function subscribe(name: string, eventTypes: string[], path = '/hook'): Promise<WebhookWithSecretAnswer> {
  const res = await admin('POST', '/api/admin/webhooks', { name, url: `${base}${path}`, eventTypes });
  expect(res.statusCode, res.body).toBe(201);
  const created = res.json() as WebhookWithSecretAnswer;
  secrets.set(created.subscription.id, created.secret);
  return created;
}

async function dispatchAll(): Promise<void> {
  const rows = await t.db.selectFrom('outbox').select('id').where('dispatched_at', 'is', null).orderBy('id').execute();
  for (const r of rows) await dispatchOutboxRow(t.ctx, String(r.id));
}

async function webhookMessages(subscriptionId: string): Promise<MessageRow[]> {
  return t.db
    .selectFrom('messages')
    .selectAll()
    .where('channel', '=', 'webhook')
    .where('recipient_ref', '=', subscriptionId)
    .orderBy('created_at')
    .orderBy('idempotency_key')
    .execute();
}

const deliver = (m: MessageRow, timeoutMs?: number) => deliverWebhook(t.db, t.ctx.security.keyRing, m, { now: t.now, timeoutMs });

async function deliveryError(m: MessageRow, timeoutMs?: number): Promise<TransportError> {
  const error: unknown = await deliver(m, timeoutMs).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TransportError);
  return error as TransportError;
}

describe('webhook subscriptions and delivery (#11 item 8, R-H5)', () => {
  let erp: WebhookWithSecretAnswer;
  let paused: WebhookWithSecretAnswer;
  let complaint: ComplaintDetailAnswer;

  it('are managed by administrators (message.manage) and read by auditors (message.read)', async () => {
    expect((await t.inject({ method: 'GET', url: '/api/admin/webhooks' }, 'agent')).statusCode).toBe(403);
    expect((await t.inject({ method: 'GET', url: '/api/admin/webhooks' }, 'auditor')).statusCode).toBe(200);
    const body = { name: 'x', url: 'https://example.com/hook', eventTypes: ['received'] };
    expect((await t.inject({ method: 'POST', url: '/api/admin/webhooks', payload: body }, 'auditor')).statusCode).toBe(403);
    expect((await t.inject({ method: 'POST', url: '/api/admin/webhooks', payload: body }, 'supervisor')).statusCode).toBe(403);
    expect((await admin('GET', '/api/admin/webhooks')).statusCode).toBe(200);
  });

  it('refuse URLs that are not http(s) or carry credentials, and unknown event types', async () => {
    for (const url of ['ftp://example.com/hook', 'javascript:alert(1)', 'https://user:pass@example.com/hook', 'not a url']) {
      const res = await admin('POST', '/api/admin/webhooks', { name: 'x', url, eventTypes: ['received'] });
      expect(res.statusCode, url).toBe(400);
      const body = res.json() as ApiErrorBody;
      expect(body.code, url).toBe('webhook_url_invalid');
      expect(body.fields.map((f) => f.field)).toContain('url');
    }
    const unknown = await admin('POST', '/api/admin/webhooks', { name: 'x', url: `${base}/hook`, eventTypes: ['no_such_event'] });
    expect(unknown.statusCode).toBe(400);
    const none = await admin('POST', '/api/admin/webhooks', { name: 'x', url: `${base}/hook`, eventTypes: [] });
    expect(none.statusCode).toBe(400);
    expect(await t.db.selectFrom('webhook_subscriptions').select('id').execute()).toEqual([]);
  });

  it('show the secret once: stored encrypted, never in a listing or the audit trail', async () => {
    erp = await subscribe('ERP 投诉同步', ['received', 'complaint.registered', 'received'], '/hook?token=receiver-query-token');
    expect(erp.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(erp.subscription).toMatchObject({ name: 'ERP 投诉同步', active: true, createdBy: 'admin' });
    // once each, in the catalogue's order
    expect(erp.subscription.eventTypes).toEqual(['complaint.registered', 'received']);
    paused = await subscribe('Paused', ['complaint.registered', 'received']);

    const list = await admin('GET', '/api/admin/webhooks');
    expect(list.body).not.toContain(erp.secret);
    expect(list.body).not.toContain(paused.secret);
    const body = list.json() as WebhookListAnswer;
    expect(body.items.map((w) => w.name)).toEqual(['ERP 投诉同步', 'Paused']);
    expect(body.items[0]).not.toHaveProperty('secret');
    expect(body.eventTypes).toEqual(expect.arrayContaining(['complaint.registered', 'complaint.concluded', 'received', 'assign']));

    const stored = await t.db.selectFrom('webhook_subscriptions').select(['id', 'secret']).execute();
    for (const s of stored) {
      expect(s.secret).toMatch(/^enc:v1:/);
      expect(s.secret).not.toContain(erp.secret);
    }
    const audits = await t.db.selectFrom('audit_log').selectAll().where('action', 'like', 'webhook.%').execute();
    expect(audits.map((a) => a.action)).toEqual(['webhook.create', 'webhook.create']);
    const trail = JSON.stringify(audits);
    expect(trail).not.toContain(erp.secret);
    expect(trail).not.toContain('receiver-query-token');
  });

  it('deactivates a subscription by PATCH', async () => {
    const res = await admin('PATCH', `/api/admin/webhooks/${paused.subscription.id}`, { active: false });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as WebhookAnswer).active).toBe(false);
    expect((await admin('PATCH', '/api/admin/webhooks/00000000-0000-4000-8000-000000000000', { active: false })).statusCode).toBe(404);
  });

  it('announces each complaint event a subscription asks for in one outbox row, without its payload', async () => {
    const res = await t.inject({ method: 'POST', url: '/api/complaints', payload: complaintBody() }, 'agent');
    expect(res.statusCode, res.body).toBe(201);
    complaint = res.json() as ComplaintDetailAnswer;
    const events = await t.db
      .selectFrom('complaint_events')
      .select(['seq', 'type'])
      .where('complaint_id', '=', complaint.id)
      .orderBy('seq')
      .execute();
    const rows = await t.db
      .selectFrom('outbox')
      .select(['idempotency_key', 'payload'])
      .where('topic', '=', 'complaint.event')
      .where('idempotency_key', 'like', `event:${complaint.id}:%`)
      .orderBy('id')
      .execute();
    // received (seq 1) is subscribed to; grading_proposed and clocks_planned are not, and write nothing
    expect(events.map((e) => e.type)).toEqual(['received', 'grading_proposed', 'clocks_planned']);
    expect(rows.map((r) => r.idempotency_key)).toEqual([`event:${complaint.id}:1`]);
    expect(rows[0]?.payload).toEqual({
      complaintId: complaint.id,
      number: complaint.number,
      seq: 1,
      type: 'received',
      occurredAt: expect.any(String),
      actor: 'agent',
    });
    const text = JSON.stringify(rows);
    expect(text).not.toContain('张三');
    expect(text).not.toContain('13812345678');
  });

  it('fans out to the active subscriptions of the type only, one message each', async () => {
    await dispatchAll();
    const toErp = await webhookMessages(erp.subscription.id);
    expect(toErp.map((m) => m.idempotency_key)).toEqual([
      `complaint.registered:${complaint.id}:webhook:${erp.subscription.id}`,
      `event:${complaint.id}:1:webhook:${erp.subscription.id}`,
    ]);
    expect(toErp.every((m) => m.recipient_label === 'ERP 投诉同步' && m.complaint_id === complaint.id && m.status === 'queued')).toBe(true);
    // grading_proposed and clocks_planned are not subscribed; the paused subscription gets nothing
    expect(await webhookMessages(paused.subscription.id)).toEqual([]);
  });

  it('delivers a signed JSON body with the idempotency key, the same bytes on a retry', async () => {
    const [registered, event] = await webhookMessages(erp.subscription.id);
    const first = await deliver(registered!);
    expect(first).toMatchObject({ provider: 'webhook', delivered: true });
    const got = received.at(-1)!;
    expect(got.verified).toBe(true);
    expect(got.path).toBe('/hook?token=receiver-query-token');
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.headers['x-webhook-id']).toBe(erp.subscription.id);
    expect(got.headers['x-idempotency-key']).toBe(registered!.idempotency_key);
    expect(got.headers['x-webhook-timestamp']).toBe(String(Math.floor(t.now().getTime() / 1000)));
    expect(first.sentText).toBe(got.body);
    expect(JSON.parse(got.body)).toEqual({
      id: registered!.idempotency_key,
      type: 'complaint.registered',
      occurredAt: '2026-11-25T02:00:00.000Z',
      data: { complaintId: complaint.id, number: complaint.number, level: 3, occurredAt: '2026-11-25T02:00:00.000Z' },
    });

    await deliver(event!);
    const ev = received.at(-1)!;
    expect(ev.verified).toBe(true);
    expect(JSON.parse(ev.body)).toMatchObject({
      id: event!.idempotency_key,
      type: 'received',
      data: { complaintId: complaint.id, number: complaint.number, seq: 1, type: 'received', actor: 'agent' },
    });
    expect(ev.body).not.toContain('张三');

    // a retry a minute later: the same body and key, a new timestamp and signature
    t.setNow('2026-11-25T02:01:00Z');
    await deliver(registered!);
    const retry = received.at(-1)!;
    expect(retry.verified).toBe(true);
    expect(retry.body).toBe(got.body);
    expect(retry.headers['x-idempotency-key']).toBe(got.headers['x-idempotency-key']);
    expect(retry.headers['x-webhook-signature']).not.toBe(got.headers['x-webhook-signature']);
  });

  it('fails for now on 5xx, 408, 429 and timeouts, for good on other 4xx', async () => {
    const [registered] = await webhookMessages(erp.subscription.id);
    for (const [status, permanent] of [
      [500, false],
      [503, false],
      [408, false],
      [429, false],
      [400, true],
      [404, true],
      [410, true],
    ] as const) {
      answers.push(status);
      const e = await deliveryError(registered!);
      expect({ status, permanent: e.permanent }).toEqual({ status, permanent });
      expect(e.message).toContain(`HTTP ${status}`);
    }
    answers.push('hang');
    const timeout = await deliveryError(registered!, 200);
    expect(timeout.permanent).toBe(false);
    expect(timeout.message).toContain('timed out');
  });

  it('signs with the new secret after a rotation; the old one no longer verifies', async () => {
    const res = await admin('POST', `/api/admin/webhooks/${erp.subscription.id}/rotate-secret`);
    expect(res.statusCode, res.body).toBe(200);
    const rotated = res.json() as WebhookWithSecretAnswer;
    expect(rotated.secret).not.toBe(erp.secret);
    expect((await admin('GET', '/api/admin/webhooks')).body).not.toContain(rotated.secret);

    const [registered] = await webhookMessages(erp.subscription.id);
    await deliver(registered!);
    expect(received.at(-1)!.verified).toBe(false); // the receiver still holds the old secret
    secrets.set(erp.subscription.id, rotated.secret);
    await deliver(registered!);
    expect(received.at(-1)!.verified).toBe(true);
  });

  it('sends a test ping to that subscription only, through the outbox', async () => {
    const res = await admin('POST', `/api/admin/webhooks/${erp.subscription.id}/test`);
    expect(res.statusCode, res.body).toBe(202);
    const { idempotencyKey } = res.json() as { idempotencyKey: string };
    await dispatchAll();
    const ping = (await webhookMessages(erp.subscription.id)).find((m) => m.idempotency_key === idempotencyKey);
    expect(ping).toBeDefined();
    await deliver(ping!);
    const got = received.at(-1)!;
    expect(got.verified).toBe(true);
    expect(JSON.parse(got.body)).toMatchObject({
      id: idempotencyKey,
      type: 'webhook.test',
      data: { subscriptionId: erp.subscription.id, requestedBy: 'admin' },
    });
    expect(await webhookMessages(paused.subscription.id)).toEqual([]);
    // a deactivated subscription cannot be pinged
    const refused = await admin('POST', `/api/admin/webhooks/${paused.subscription.id}/test`);
    expect(refused.statusCode).toBe(409);
    expect((refused.json() as ApiErrorBody).code).toBe('webhook_inactive');
  });

  it('sends nothing to a deactivated subscription: queued messages fail for good', async () => {
    const [registered] = await webhookMessages(erp.subscription.id);
    expect((await admin('PATCH', `/api/admin/webhooks/${erp.subscription.id}`, { active: false })).statusCode).toBe(200);
    const before = received.length;
    const e = await deliveryError(registered!);
    expect(e.permanent).toBe(true);
    expect(received.length).toBe(before);
    // and a new event fans out to nobody
    await t.inject({ method: 'POST', url: '/api/complaints', payload: complaintBody() }, 'agent');
    const queued = await t.db.selectFrom('messages').select('id').where('channel', '=', 'webhook').execute();
    await dispatchAll();
    expect(await t.db.selectFrom('messages').select('id').where('channel', '=', 'webhook').execute()).toHaveLength(queued.length);
  });

  it('deletes a subscription nothing was sent to, and deactivates one with messages', async () => {
    const erpGone = await admin('DELETE', `/api/admin/webhooks/${erp.subscription.id}`);
    expect(erpGone.json()).toEqual({ outcome: 'deactivated' });
    const pausedGone = await admin('DELETE', `/api/admin/webhooks/${paused.subscription.id}`);
    expect(pausedGone.json()).toEqual({ outcome: 'deleted' });
    const left = (await admin('GET', '/api/admin/webhooks')).json() as WebhookListAnswer;
    expect(left.items.map((w) => [w.name, w.active])).toEqual([['ERP 投诉同步', false]]);
    expect((await admin('DELETE', `/api/admin/webhooks/${paused.subscription.id}`)).statusCode).toBe(404);
    const actions = await t.db.selectFrom('audit_log').select('action').where('action', 'like', 'webhook.%').orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual([
      'webhook.create',
      'webhook.create',
      'webhook.update',
      'webhook.rotate_secret',
      'webhook.test',
      'webhook.update',
      'webhook.deactivate',
      'webhook.delete',
    ]);
  });

  it('re-encrypts the secrets under a new current key (key rotation), once', async () => {
    const ring = parseKeyRing(`${TEST_KEYS},${generateKeySpec('k2')}`);
    expect(await protectWebhookSecrets(t.db, ring)).toBe(1);
    expect(await protectWebhookSecrets(t.db, ring)).toBe(0);
    const stored = await t.db.selectFrom('webhook_subscriptions').select('secret').executeTakeFirstOrThrow();
    expect(stored.secret).toMatch(/^enc:v1:k2:/);
    expect(decryptField(ring, stored.secret)).toBe(secrets.get(erp.subscription.id));
  });
});
