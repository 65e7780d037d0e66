/**
 * One attempt to deliver one webhook message (#11 item 8), called by the send service for channel
 * 'webhook'; retries, backoff, the dead letter and resends are the message pipeline's.
 *
 * POST <the subscription's URL at send time> with the JSON body `{ id, type, occurredAt, data }`
 * (id = the message's idempotency key), built from the message's params: the same bytes on every
 * attempt. Headers: Content-Type, X-Webhook-Id (the subscription), X-Idempotency-Key, and
 * X-Webhook-Timestamp + X-Webhook-Signature (`v1=` HMAC-SHA256 of `<timestamp>.<body>` under the
 * subscription's current secret, domain/messages/webhook-signature.ts): only these two change
 * between attempts. 10 s per attempt; redirects are not followed.
 *
 * Outcome: 2xx is delivered. 5xx, 408, 429, a timeout or a network error fail for now (retried);
 * any other status (4xx, 3xx) and a deactivated or deleted subscription fail for good.
 */
import { signWebhook } from '../../domain/messages/webhook-signature.js';
import type { MessageRow } from '../../db/repositories/message.repository.js';
import { findWebhook } from '../../db/repositories/webhook.repository.js';
import { decryptField, type KeyRing } from '../../security/pii-crypto.js';
import type { Database } from '../../db/database.js';
import { TransportError, type SendResult } from './transports/transport.js';
import type { WebhookParams } from './webhook-fanout.js';

export const WEBHOOK_TIMEOUT_MS = 10_000;
/** What the message keeps of a refusing receiver's answer, for the log. */
const ANSWER_SNIPPET = 300;

/** The request body: the same bytes for a message on every attempt (its params do not change). */
export function webhookBody(message: Pick<MessageRow, 'idempotency_key' | 'params'>): string {
  const p = message.params as Partial<WebhookParams>;
  return JSON.stringify({ id: message.idempotency_key, type: p.type ?? null, occurredAt: p.occurredAt ?? null, data: p.data ?? {} });
}

/** Temporary: the receiver may take it later. */
function isTemporary(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

/** The first characters of an answer, without waiting for (or holding) a large one. */
async function snippet(res: Response): Promise<string> {
  const reader = res.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < ANSWER_SNIPPET * 4) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } catch {
    // the answer broke off: what came is enough
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).toString('utf8').replace(/\s+/g, ' ').trim().slice(0, ANSWER_SNIPPET);
}

/** Why fetch failed, in words: a timeout, or the network's own code (ECONNREFUSED, ENOTFOUND…). */
function networkReason(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'timed out';
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? cause.code : null;
  const text = typeof cause?.message === 'string' ? cause.message : error instanceof Error ? error.message : String(error);
  return code ? `${code}: ${text}` : text;
}

export interface WebhookDeliveryOptions {
  /** the clock of the timestamp header: the receiver compares it with its own (default: this machine's) */
  now?: () => Date;
  timeoutMs?: number;
}

export async function deliverWebhook(
  db: Database,
  keyRing: KeyRing,
  message: MessageRow,
  options: WebhookDeliveryOptions = {},
): Promise<SendResult> {
  const now = options.now ?? (() => new Date());
  if (message.channel !== 'webhook' || message.recipient_kind !== 'webhook') {
    throw new TransportError('not a webhook message', true);
  }
  const subscription = await findWebhook(db, message.recipient_ref);
  if (!subscription) throw new TransportError('the webhook subscription was deleted', true);
  if (!subscription.active) throw new TransportError('the webhook subscription is deactivated', true);
  let secret: string;
  try {
    secret = decryptField(keyRing, subscription.secret);
  } catch (e) {
    // a key taken out of the ring: no retry brings it back (the message says which kind of failure, never the key)
    throw new TransportError(`the webhook secret cannot be decrypted: ${e instanceof Error ? e.message : String(e)}`, true);
  }
  const body = webhookBody(message);
  const timestamp = Math.floor(now().getTime() / 1000);
  let res: Response;
  try {
    res = await fetch(subscription.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'complaints-webhook/1',
        'x-webhook-id': subscription.id,
        'x-idempotency-key': message.idempotency_key,
        'x-webhook-timestamp': String(timestamp),
        'x-webhook-signature': signWebhook(secret, timestamp, body),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs ?? WEBHOOK_TIMEOUT_MS),
    });
  } catch (e) {
    throw new TransportError(`webhook ${networkReason(e)}`, false);
  }
  if (res.status >= 200 && res.status < 300) {
    await res.body?.cancel().catch(() => undefined);
    return { provider: 'webhook', providerId: null, acceptedAt: now(), delivered: true, sentText: body };
  }
  const answer = await snippet(res);
  const redirect = res.status >= 300 && res.status < 400 ? ' (redirects are not followed)' : '';
  throw new TransportError(`webhook answered HTTP ${res.status}${redirect}${answer ? `: ${answer}` : ''}`, !isTemporary(res.status));
}
