/**
 * Webhook subscriptions (#11 item 8): an administrator's endpoint, the event types it wants and its
 * signing secret (encrypted by pii-crypto; this file never sees it in clear). Messages name their
 * subscription by `recipient_ref` (recipient_kind 'webhook').
 */
import { sql, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { DB, WebhookSubscriptionsTable } from '../schema.js';

export type WebhookRow = Selectable<WebhookSubscriptionsTable>;

export async function listWebhooks(db: Kysely<DB>): Promise<WebhookRow[]> {
  return db.selectFrom('webhook_subscriptions').selectAll().orderBy('created_at').orderBy('name').orderBy('id').execute();
}

export async function findWebhook(db: Kysely<DB>, id: string): Promise<WebhookRow | undefined> {
  return db.selectFrom('webhook_subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Locked until the caller's transaction ends (a change and its audit row, a delete against a concurrent test). */
export async function lockWebhook(db: Kysely<DB>, id: string): Promise<WebhookRow | undefined> {
  return db.selectFrom('webhook_subscriptions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function insertWebhook(db: Kysely<DB>, row: WebhookRow): Promise<void> {
  await db.insertInto('webhook_subscriptions').values(row).execute();
}

export async function updateWebhook(
  db: Kysely<DB>,
  id: string,
  patch: Partial<Pick<WebhookRow, 'name' | 'url' | 'event_types' | 'active' | 'secret'>> & { updated_at: Date },
): Promise<void> {
  await db.updateTable('webhook_subscriptions').set(patch).where('id', '=', id).execute();
}

export async function deleteWebhook(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('webhook_subscriptions').where('id', '=', id).execute();
}

/** Whether any message was ever addressed to the subscription (then it is deactivated, never deleted). */
export async function webhookHasMessages(db: Kysely<DB>, id: string): Promise<boolean> {
  const r = await db
    .selectFrom('messages')
    .select('id')
    .where('recipient_kind', '=', 'webhook')
    .where('recipient_ref', '=', id)
    .limit(1)
    .executeTakeFirst();
  return r !== undefined;
}

export interface WebhookTarget {
  id: string;
  name: string;
  /** the complaint's number, when a complaint was asked for and exists */
  complaint_number: string | null;
}

/**
 * The active subscriptions to one event type (or the one subscription a test ping is for), with
 * the complaint's number when the caller names a complaint: one statement, however many rows.
 */
export async function webhookTargets(
  db: Kysely<DB>,
  q: { eventType: string; complaintId: string | null } | { subscriptionId: string; complaintId: null },
): Promise<WebhookTarget[]> {
  const complaintId = q.complaintId;
  let query = db
    .selectFrom('webhook_subscriptions as s')
    .select(['s.id', 's.name'])
    .select(
      (complaintId === null
        ? sql<string | null>`NULL::text`
        : sql<string | null>`(SELECT c.number FROM complaints c WHERE c.id = ${complaintId}::uuid)`
      ).as('complaint_number'),
    )
    .where('s.active', '=', true);
  query =
    'subscriptionId' in q
      ? query.where('s.id', '=', q.subscriptionId)
      : query.where(sql<SqlBool>`s.event_types @> ARRAY[${q.eventType}]::text[]`);
  return query.orderBy('s.id').execute();
}

/** Every stored secret, for re-encryption under the current key (key rotation). */
export async function listWebhookSecrets(db: Kysely<DB>): Promise<Array<{ id: string; secret: string }>> {
  return db.selectFrom('webhook_subscriptions').select(['id', 'secret']).orderBy('id').execute();
}

export async function rewriteWebhookSecret(db: Kysely<DB>, id: string, secret: string): Promise<void> {
  await db.updateTable('webhook_subscriptions').set({ secret }).where('id', '=', id).execute();
}

/** Which of these event types an active subscription lists (usually none: one small statement, nothing else). */
export async function subscribedEventTypes(db: Kysely<DB>, types: readonly string[]): Promise<Set<string>> {
  if (types.length === 0) return new Set();
  const r = await sql<{ type: string }>`
    SELECT DISTINCT t.type FROM webhook_subscriptions s, unnest(s.event_types) AS t(type)
    WHERE s.active AND s.event_types && ${sql.val([...new Set(types)])}::text[] AND t.type = ANY(${sql.val([...new Set(types)])}::text[])`.execute(
    db,
  );
  return new Set(r.rows.map((x) => x.type));
}
