/**
 * Messages leaving the system (#11 item 2): one row per message and channel, with its status
 * (queued, sent, delivered, failed, dead), attempts, the provider's id and what was sent. Written
 * by the outbox dispatcher, updated by each send attempt, read by the message log.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { DB, MessageChannel, MessageLocale, MessageRecipientKind, MessagesTable, MessageStatus } from '../schema.js';

export type MessageRow = Selectable<MessagesTable>;

export interface NewMessage {
  outboxId: string | null;
  idempotencyKey: string;
  channel: MessageChannel;
  purpose: string;
  recipientKind: MessageRecipientKind;
  recipientRef: string;
  recipientLabel: string;
  complaintId: string | null;
  template: string;
  params: Record<string, unknown>;
  locale: MessageLocale;
}

/** Inserts the messages not written yet (by idempotency key); returns those written now. */
export async function insertMessages(
  db: Kysely<DB>,
  items: readonly NewMessage[],
  at: Date,
): Promise<Array<{ id: string; idempotencyKey: string }>> {
  if (items.length === 0) return [];
  const rows = await db
    .insertInto('messages')
    .values(
      items.map((m) => ({
        id: randomUUID(),
        outbox_id: m.outboxId,
        idempotency_key: m.idempotencyKey,
        channel: m.channel,
        purpose: m.purpose,
        recipient_kind: m.recipientKind,
        recipient_ref: m.recipientRef,
        recipient_label: m.recipientLabel,
        complaint_id: m.complaintId,
        template: m.template,
        params: JSON.stringify(m.params),
        locale: m.locale,
        status: 'queued' as const,
        created_at: at,
        updated_at: at,
      })),
    )
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .returning(['id', 'idempotency_key'])
    .execute();
  return rows.map((r) => ({ id: r.id, idempotencyKey: r.idempotency_key }));
}

export async function findMessage(db: Kysely<DB>, id: string): Promise<MessageRow | undefined> {
  return db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function lockMessage(db: Kysely<DB>, id: string): Promise<MessageRow | undefined> {
  return db.selectFrom('messages').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** One attempt begins: counted before the send, so a crash mid-send still shows it. */
export async function countAttempt(db: Kysely<DB>, id: string, at: Date): Promise<number> {
  const r = await db
    .updateTable('messages')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), updated_at: at }))
    .where('id', '=', id)
    .returning('attempts')
    .executeTakeFirst();
  return r?.attempts ?? 0;
}

export interface SentFacts {
  provider: string;
  providerId: string | null;
  subject: string | null;
  body: string;
  segments: number | null;
  sentAt: Date;
  deliveredAt: Date | null;
}

/** The provider accepted it (sent), or confirmed it already (delivered). */
export async function markSent(db: Kysely<DB>, id: string, f: SentFacts): Promise<void> {
  await db
    .updateTable('messages')
    .set({
      status: f.deliveredAt ? 'delivered' : 'sent',
      provider: f.provider,
      provider_id: f.providerId,
      subject: f.subject,
      body: f.body,
      segments: f.segments,
      sent_at: f.sentAt,
      delivered_at: f.deliveredAt,
      last_error: null,
      updated_at: f.sentAt,
    })
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'failed', 'dead'])
    .execute();
}

/**
 * An attempt failed; `dead` after the last one. Never downgrades a message already sent, except
 * on the provider's word (`afterSent`: a receipt saying it was not delivered).
 */
export async function markFailed(
  db: Kysely<DB>,
  id: string,
  f: { error: string; dead: boolean; at: Date; afterSent?: boolean },
): Promise<boolean> {
  const r = await db
    .updateTable('messages')
    .set({ status: f.dead ? 'dead' : 'failed', last_error: f.error.slice(0, 2000), dead_at: f.dead ? f.at : null, updated_at: f.at })
    .where('id', '=', id)
    .where('status', 'in', [
      'queued',
      'failed',
      ...(f.dead ? [] : (['dead'] as const)),
      ...(f.afterSent ? (['sent', 'delivered'] as const) : []),
    ])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** A sent message by the provider's id for it (delivery receipts). */
export async function findMessageByProvider(db: Kysely<DB>, provider: string | null, providerId: string): Promise<MessageRow | undefined> {
  let q = db.selectFrom('messages').selectAll().where('provider_id', '=', providerId);
  if (provider) q = q.where('provider', '=', provider);
  return q.orderBy('created_at', 'desc').limit(1).executeTakeFirst();
}

/** The provider confirmed delivery. */
export async function markDelivered(db: Kysely<DB>, id: string, at: Date): Promise<void> {
  await db
    .updateTable('messages')
    .set({ status: 'delivered', delivered_at: at, updated_at: at })
    .where('id', '=', id)
    .where('status', 'in', ['sent', 'delivered'])
    .execute();
}

export async function findMessageLogRow(db: Kysely<DB>, id: string): Promise<MessageLogRow | undefined> {
  return db
    .selectFrom('messages as m')
    .leftJoin('complaints as c', 'c.id', 'm.complaint_id')
    .selectAll('m')
    .select('c.number as complaint_number')
    .where('m.id', '=', id)
    .executeTakeFirst();
}

/** Queued again by hand: attempts go on with the same idempotency key. */
export async function markResent(db: Kysely<DB>, id: string, r: { at: Date; by: string }): Promise<void> {
  await db
    .updateTable('messages')
    .set({ status: 'queued', dead_at: null, resent_at: r.at, resent_by: r.by, updated_at: r.at })
    .where('id', '=', id)
    .execute();
}

export interface MessageFilter {
  status?: MessageStatus[];
  channel?: MessageChannel[];
  purpose?: string[];
  complaintId?: string;
  /** the complaint number or part of a recipient label */
  q?: string;
  from?: Date;
  to?: Date;
  before?: { at: Date; id: string } | null;
  limit: number;
}

export type MessageLogRow = MessageRow & { complaint_number: string | null };

/** The message log, newest first, keyset-paged by (created_at, id). */
export async function listMessages(db: Kysely<DB>, f: MessageFilter): Promise<MessageLogRow[]> {
  let q = db
    .selectFrom('messages as m')
    .leftJoin('complaints as c', 'c.id', 'm.complaint_id')
    .selectAll('m')
    .select('c.number as complaint_number');
  if (f.status?.length) q = q.where('m.status', 'in', f.status);
  if (f.channel?.length) q = q.where('m.channel', 'in', f.channel);
  if (f.purpose?.length) q = q.where('m.purpose', 'in', f.purpose);
  if (f.complaintId) q = q.where('m.complaint_id', '=', f.complaintId);
  if (f.from) q = q.where('m.created_at', '>=', f.from);
  if (f.to) q = q.where('m.created_at', '<', f.to);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('c.number', 'ilike', like), eb('m.recipient_label', 'ilike', like)]));
  }
  if (f.before) q = q.where(sql<SqlBool>`(m.created_at, m.id) < (${f.before.at}, ${f.before.id}::uuid)`);
  return q.orderBy('m.created_at', 'desc').orderBy('m.id', 'desc').limit(f.limit).execute();
}

export async function countMessagesByStatus(db: Kysely<DB>): Promise<Record<MessageStatus, number>> {
  const rows = await db
    .selectFrom('messages')
    .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy('status')
    .execute();
  const out: Record<MessageStatus, number> = { queued: 0, sent: 0, delivered: 0, failed: 0, dead: 0 };
  for (const r of rows) out[r.status] = Number(r.n);
  return out;
}

export interface NewDevelopmentMessage {
  messageId: string;
  channel: 'email' | 'sms';
  recipient: string;
  subject: string | null;
  body: string;
  html: string | null;
  idempotencyKey: string;
}

export async function insertDevelopmentMessage(db: Kysely<DB>, m: NewDevelopmentMessage, at: Date): Promise<string> {
  const r = await db
    .insertInto('development_messages')
    .values({
      message_id: m.messageId,
      channel: m.channel,
      recipient: m.recipient,
      subject: m.subject,
      body: m.body,
      html: m.html,
      idempotency_key: m.idempotencyKey,
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function listDevelopmentMessages(
  db: Kysely<DB>,
  q: { channel?: 'email' | 'sms'; before?: string | null; limit: number },
): Promise<Array<Selectable<DB['development_messages']>>> {
  let query = db.selectFrom('development_messages').selectAll();
  if (q.channel) query = query.where('channel', '=', q.channel);
  if (q.before) query = query.where('id', '<', q.before);
  return query.orderBy('id', 'desc').limit(q.limit).execute();
}

export async function findMessageIdByKey(db: Kysely<DB>, idempotencyKey: string): Promise<string | undefined> {
  const r = await db.selectFrom('messages').select('id').where('idempotency_key', '=', idempotencyKey).executeTakeFirst();
  return r?.id;
}
