/**
 * Webhook subscriptions, managed by administrators (#11 item 8, R-H5): a name, an http(s) URL and
 * the event types it wants (domain/messages/webhook-events.ts). The signing secret is made here
 * (32 random bytes, base64url), answered once at creation and at each rotation, and stored only
 * encrypted with the key ring (pii-crypto), so no later answer, log or backup shows it in clear.
 * Every change writes its audit row in the same transaction. A subscription messages were sent to
 * is deactivated instead of deleted (the message log keeps naming it).
 *
 * URLs: http or https, no user name or password in them (credentials would sit in the log and the
 * audit trail; the signature is the authentication). Private and loopback addresses are allowed:
 * the receivers are the company's own systems, usually on its internal network.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.js';
import {
  isWebhookEventType,
  WEBHOOK_EVENT_TYPES,
  WEBHOOK_TEST_TOPIC,
  type WebhookEventType,
} from '../../domain/messages/webhook-events.js';
import { enqueueOutbox } from '../../db/repositories/outbox.repository.js';
import {
  deleteWebhook,
  findWebhook,
  insertWebhook,
  listWebhooks,
  listWebhookSecrets,
  lockWebhook,
  rewriteWebhookSecret,
  updateWebhook,
  webhookHasMessages,
  type WebhookRow,
} from '../../db/repositories/webhook.repository.js';
import type { Database } from '../../db/database.js';
import { decryptField, encryptField, isEncrypted, needsRotation, type KeyRing } from '../../security/pii-crypto.js';
import { audit } from '../administration/audit.service.js';
import type { Actor, RequestMeta, ServiceContext } from '../context.js';

export function presentWebhook(w: WebhookRow) {
  return {
    id: w.id,
    name: w.name,
    url: w.url,
    // a type no longer offered (a renamed event) is not shown: it can no longer be sent
    eventTypes: w.event_types.filter(isWebhookEventType),
    active: w.active,
    createdAt: w.created_at,
    createdBy: w.created_by,
    updatedAt: w.updated_at,
  };
}

/** A new signing secret: 32 random bytes, base64url (43 characters). */
function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The URL as stored: http or https, a host, no credentials. */
export function checkWebhookUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new DomainError('webhook_url_invalid', { reason: 'format' }, 'url');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new DomainError('webhook_url_invalid', { reason: 'scheme' }, 'url');
  if (url.username !== '' || url.password !== '') throw new DomainError('webhook_url_invalid', { reason: 'credentials' }, 'url');
  if (url.hostname === '') throw new DomainError('webhook_url_invalid', { reason: 'format' }, 'url');
  return url.toString();
}

/** The URL as the audit trail names it: without its query, where a receiver may have put a token. */
function auditedUrl(url: string): string {
  const u = new URL(url);
  return `${u.origin}${u.pathname}`;
}

/** The chosen types once each, in the catalogue's order. */
function eventTypesOf(types: readonly WebhookEventType[]): WebhookEventType[] {
  const chosen = new Set(types);
  return WEBHOOK_EVENT_TYPES.filter((t) => chosen.has(t));
}

async function lockedOrNotFound(db: Database, id: string): Promise<WebhookRow> {
  const row = await lockWebhook(db, id);
  if (!row) throw new DomainError('webhook_not_found', {}, 'id');
  return row;
}

export async function webhookSubscriptions(ctx: ServiceContext) {
  return { items: (await listWebhooks(ctx.db)).map(presentWebhook), eventTypes: [...WEBHOOK_EVENT_TYPES] };
}

export interface WebhookInput {
  name: string;
  url: string;
  eventTypes: WebhookEventType[];
}

/** Creates a subscription; the answer carries its secret, which no later answer shows. */
export async function createWebhookSubscription(ctx: ServiceContext, meta: RequestMeta, actor: Actor, input: WebhookInput) {
  const url = checkWebhookUrl(input.url);
  const secret = newSecret();
  const now = ctx.now();
  const row: WebhookRow = {
    id: randomUUID(),
    name: input.name,
    url,
    event_types: eventTypesOf(input.eventTypes),
    secret: encryptField(ctx.security.keyRing, secret),
    active: true,
    created_at: now,
    created_by: actor.id,
    updated_at: now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await insertWebhook(trx, row);
    await audit(trx, meta, {
      at: now,
      actor: actor.id,
      action: 'webhook.create',
      outcome: 'success',
      targetType: 'webhook',
      targetId: row.id,
      details: { name: row.name, url: auditedUrl(url), eventTypes: row.event_types },
    });
  });
  return { subscription: presentWebhook(row), secret };
}

/** Renames, moves, changes the types of, or (de)activates a subscription. */
export async function changeWebhookSubscription(
  ctx: ServiceContext,
  meta: RequestMeta,
  actor: Actor,
  id: string,
  patch: Partial<WebhookInput> & { active?: boolean },
) {
  const url = patch.url === undefined ? undefined : checkWebhookUrl(patch.url);
  const eventTypes = patch.eventTypes === undefined ? undefined : eventTypesOf(patch.eventTypes);
  const now = ctx.now();
  const after = await ctx.db.transaction().execute(async (trx) => {
    const before = await lockedOrNotFound(trx, id);
    await updateWebhook(trx, id, { name: patch.name, url, event_types: eventTypes, active: patch.active, updated_at: now });
    await audit(trx, meta, {
      at: now,
      actor: actor.id,
      action: 'webhook.update',
      outcome: 'success',
      targetType: 'webhook',
      targetId: id,
      details: {
        name: patch.name ?? before.name,
        ...(url !== undefined ? { url: auditedUrl(url) } : {}),
        ...(eventTypes !== undefined ? { eventTypes } : {}),
        ...(patch.active !== undefined ? { active: patch.active } : {}),
      },
    });
    return findWebhook(trx, id);
  });
  if (!after) throw new DomainError('webhook_not_found', {}, 'id');
  return presentWebhook(after);
}

/** Deletes a subscription nothing was sent to; one with messages is deactivated (the log keeps naming it). */
export async function removeWebhookSubscription(ctx: ServiceContext, meta: RequestMeta, actor: Actor, id: string) {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await lockedOrNotFound(trx, id);
    const keep = await webhookHasMessages(trx, id);
    if (keep) await updateWebhook(trx, id, { active: false, updated_at: now });
    else await deleteWebhook(trx, id);
    await audit(trx, meta, {
      at: now,
      actor: actor.id,
      action: keep ? 'webhook.deactivate' : 'webhook.delete',
      outcome: 'success',
      targetType: 'webhook',
      targetId: id,
      details: { name: row.name, url: auditedUrl(row.url) },
    });
    return { outcome: keep ? ('deactivated' as const) : ('deleted' as const) };
  });
}

/**
 * A new secret, answered once; the old one stops signing at once (attempts still to come, retries
 * included, are signed with the new one). Receivers accept both for a while if they need to.
 */
export async function rotateWebhookSecret(ctx: ServiceContext, meta: RequestMeta, actor: Actor, id: string) {
  const secret = newSecret();
  const now = ctx.now();
  const after = await ctx.db.transaction().execute(async (trx) => {
    const row = await lockedOrNotFound(trx, id);
    await updateWebhook(trx, id, { secret: encryptField(ctx.security.keyRing, secret), updated_at: now });
    await audit(trx, meta, {
      at: now,
      actor: actor.id,
      action: 'webhook.rotate_secret',
      outcome: 'success',
      targetType: 'webhook',
      targetId: id,
      details: { name: row.name },
    });
    return { ...row, updated_at: now };
  });
  return { subscription: presentWebhook(after), secret };
}

/**
 * A `webhook.test` ping to this subscription only, through the same outbox, messages and retries as
 * every delivery. Answers the message's idempotency key (the body's `id`), to find it in the log.
 */
export async function sendWebhookTest(ctx: ServiceContext, meta: RequestMeta, actor: Actor, id: string) {
  const now = ctx.now();
  const outboxKey = `${WEBHOOK_TEST_TOPIC}:${id}:${randomUUID()}`;
  await ctx.db.transaction().execute(async (trx) => {
    const row = await lockedOrNotFound(trx, id);
    if (!row.active) throw new DomainError('webhook_inactive', {}, 'id');
    await enqueueOutbox(
      trx,
      [{ topic: WEBHOOK_TEST_TOPIC, payload: { subscriptionId: id, requestedBy: actor.id }, idempotencyKey: outboxKey }],
      now,
    );
    await audit(trx, meta, {
      at: now,
      actor: actor.id,
      action: 'webhook.test',
      outcome: 'success',
      targetType: 'webhook',
      targetId: id,
      details: { name: row.name },
    });
  });
  return { idempotencyKey: `${outboxKey}:webhook:${id}` };
}

/**
 * Re-encrypts secrets stored under a retired key (key rotation, as the personal data's): to run at
 * start-up and by `npm run rotate-keys`. Idempotent; a secret whose key is missing stops it.
 */
export async function protectWebhookSecrets(db: Database, ring: KeyRing): Promise<number> {
  let changed = 0;
  for (const r of await listWebhookSecrets(db)) {
    if (isEncrypted(r.secret) && !needsRotation(ring, r.secret)) continue;
    const clear = isEncrypted(r.secret) ? decryptField(ring, r.secret) : r.secret;
    await rewriteWebhookSecret(db, r.id, encryptField(ring, clear));
    changed += 1;
  }
  return changed;
}
