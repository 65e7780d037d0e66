/**
 * Every e-mail that arrived (#12 item 2): stored raw before anything else happens to it, deduplicated
 * by Message-ID, then marked with what became of it. Also the lookups that thread a reply onto its
 * complaint: by a number in the subject with the complainant's address, or by a Message-ID we sent
 * (messages.provider_id of the SMTP transport) or received earlier.
 */
import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { DB, InboundMailOutcome, InboundMailTable } from '../schema.js';

export type InboundMailRow = Selectable<InboundMailTable>;

export type NewInboundMail = Insertable<InboundMailTable>;

/** Stores a message unless one with its Message-ID exists; true when this call stored it. */
export async function insertInboundMail(db: Kysely<DB>, row: NewInboundMail): Promise<boolean> {
  const r = await db
    .insertInto('inbound_mail')
    .values(row)
    .onConflict((oc) => oc.column('message_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return r !== undefined;
}

/** Whether a message with this Message-ID is stored (the poller skips downloading it again). */
export async function inboundMailExists(db: Kysely<DB>, messageId: string): Promise<boolean> {
  const r = await db.selectFrom('inbound_mail').select('id').where('message_id', '=', messageId.trim()).executeTakeFirst();
  return r !== undefined;
}

/** The row locked for processing, or undefined when another worker holds it (or it does not exist). */
export async function lockInboundMail(db: Kysely<DB>, id: string): Promise<InboundMailRow | undefined> {
  return db.selectFrom('inbound_mail').selectAll().where('id', '=', id).forUpdate().skipLocked().executeTakeFirst();
}

/** Counts an attempt at a waiting message (committed at once: a message that crashes the process is given up on). */
export async function countAttempt(db: Kysely<DB>, id: string): Promise<number | null> {
  const r = await db
    .updateTable('inbound_mail')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('outcome', '=', 'pending')
    .returning('attempts')
    .executeTakeFirst();
  return r?.attempts ?? null;
}

export interface InboundOutcome {
  outcome: Exclude<InboundMailOutcome, 'pending'>;
  reason: string | null;
  detail: string | null;
  complaint_id: string | null;
  processed_at: Date;
  sender?: string | null;
  subject?: string | null;
}

export async function finishInboundMail(db: Kysely<DB>, id: string, o: InboundOutcome): Promise<void> {
  await db.updateTable('inbound_mail').set(o).where('id', '=', id).execute();
}

/** Puts a quarantined (or waiting) message back to be processed again. */
export async function resetInboundMail(db: Kysely<DB>, id: string): Promise<boolean> {
  const r = await db
    .updateTable('inbound_mail')
    .set({ outcome: 'pending', reason: null, detail: null, processed_at: null, attempts: 0 })
    .where('id', '=', id)
    .where('outcome', 'in', ['quarantined', 'pending'])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Messages waiting since before `before` (their job lost or failed): to be queued again. */
export async function stalePendingIds(db: Kysely<DB>, before: Date, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('inbound_mail')
    .select('id')
    .where('outcome', '=', 'pending')
    .where('stored_at', '<', before)
    .orderBy('stored_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** A row of the inbound list: no raw bytes, the mailbox's name and the complaint's number. */
export interface InboundListRow {
  id: string;
  mailbox_id: string;
  mailbox_name: string;
  message_id: string;
  sender: string | null;
  subject: string | null;
  received_at: Date;
  outcome: InboundMailOutcome;
  reason: string | null;
  detail: string | null;
  complaint_id: string | null;
  complaint_number: string | null;
  size: number;
}

function listQuery(db: Kysely<DB>) {
  return db
    .selectFrom('inbound_mail as i')
    .innerJoin('mailboxes as m', 'm.id', 'i.mailbox_id')
    .leftJoin('complaints as c', 'c.id', 'i.complaint_id')
    .select([
      'i.id',
      'i.mailbox_id',
      'm.name as mailbox_name',
      'i.message_id',
      'i.sender',
      'i.subject',
      'i.received_at',
      'i.outcome',
      'i.reason',
      'i.detail',
      'i.complaint_id',
      'c.number as complaint_number',
      'i.size',
    ]);
}

export async function findInboundListRow(db: Kysely<DB>, id: string): Promise<InboundListRow | undefined> {
  return listQuery(db).where('i.id', '=', id).executeTakeFirst();
}

export interface InboundListQuery {
  outcome?: InboundMailOutcome;
  mailboxId?: string;
  /** older than this position (newest first) */
  before?: { at: Date; id: string } | null;
  limit: number;
}

export async function listInboundMail(db: Kysely<DB>, q: InboundListQuery): Promise<InboundListRow[]> {
  let query = listQuery(db);
  if (q.outcome) query = query.where('i.outcome', '=', q.outcome);
  if (q.mailboxId) query = query.where('i.mailbox_id', '=', q.mailboxId);
  if (q.before) {
    const { at, id } = q.before;
    query = query.where(sql<boolean>`(i.received_at, i.id) < (${at}::timestamptz, ${id}::uuid)`);
  }
  return query.orderBy('i.received_at', 'desc').orderBy('i.id', 'desc').limit(q.limit).execute();
}

/** How many messages have each outcome (of one mailbox, or all). */
export async function countInboundByOutcome(
  db: Kysely<DB>,
  mailboxId?: string,
): Promise<Array<{ outcome: InboundMailOutcome; n: number }>> {
  let q = db.selectFrom('inbound_mail').select(['outcome', sql<number>`count(*)::int`.as('n')]);
  if (mailboxId) q = q.where('mailbox_id', '=', mailboxId);
  return q.groupBy('outcome').execute();
}

/** The complaint among these numbers whose complainant has this e-mail address (case-insensitive). */
export async function complaintByNumberAndEmail(db: Kysely<DB>, numbers: readonly string[], email: string): Promise<string | null> {
  if (numbers.length === 0) return null;
  const r = await db
    .selectFrom('complaints')
    .select('id')
    .where('number', 'in', [...numbers])
    .where(sql<boolean>`lower(complainant_email) = ${email.toLowerCase()}`)
    .orderBy('registered_at', 'desc')
    .executeTakeFirst();
  return r?.id ?? null;
}

/**
 * The complaint one of these Message-IDs belongs to: an e-mail we sent about it (the SMTP transport
 * records the Message-ID as the provider's id) or a message about it we received. The first match in
 * the order given (In-Reply-To before References).
 */
export async function complaintOfMessageIds(db: Kysely<DB>, ids: readonly string[]): Promise<string | null> {
  if (ids.length === 0) return null;
  const sent = await db
    .selectFrom('messages')
    .select(['provider_id as message_id', 'complaint_id'])
    .where('provider', '=', 'smtp')
    .where('provider_id', 'in', [...ids])
    .where('channel', '=', 'email')
    .where('complaint_id', 'is not', null)
    .execute();
  const received = await db
    .selectFrom('inbound_mail')
    .select(['message_id', 'complaint_id'])
    .where('message_id', 'in', [...ids])
    .where('complaint_id', 'is not', null)
    .execute();
  const byId = new Map<string, string>();
  for (const r of [...sent, ...received]) if (r.message_id !== null && r.complaint_id !== null) byId.set(r.message_id, r.complaint_id);
  for (const id of ids) {
    const found = byId.get(id);
    if (found) return found;
  }
  return null;
}

/** Whether the complaint has a correspondence record of this e-mail already (a retried import after a crash). */
export async function hasCorrespondenceFor(db: Kysely<DB>, complaintId: string, messageId: string): Promise<boolean> {
  const r = await db
    .selectFrom('complaint_records')
    .select('id')
    .where('complaint_id', '=', complaintId)
    .where('kind', '=', 'correspondence')
    .where(sql<boolean>`data->>'messageId' = ${messageId}`)
    .executeTakeFirst();
  return r !== undefined;
}

/** The raw bytes of one message, for the administrator's download. */
export async function inboundRaw(db: Kysely<DB>, id: string): Promise<{ raw: Buffer; message_id: string; mailbox_id: string } | undefined> {
  return db.selectFrom('inbound_mail').select(['raw', 'message_id', 'mailbox_id']).where('id', '=', id).executeTakeFirst();
}
