import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { Message } from '../../domain/messages/message-templates.js';
import type { DB, NotificationsTable } from '../schema.js';

export type NotificationRow = Selectable<NotificationsTable>;

export interface NewNotification {
  userId: string;
  complaintId: string | null;
  kind: string;
  sourceKey: string;
  /** the template and its parameters: rendered in the reader's language when shown */
  message: Message;
}

/** Inserts, once per (fact, user): repeating the same fact notifies nobody twice. Returns the rows written. */
export async function insertNotifications(db: Kysely<DB>, items: readonly NewNotification[], at: Date): Promise<number> {
  let written = 0;
  // 8 parameters a row: chunks stay far below PostgreSQL's 65,535 parameters per statement
  for (let i = 0; i < items.length; i += 4000) written += await insertChunk(db, items.slice(i, i + 4000), at);
  return written;
}

async function insertChunk(db: Kysely<DB>, items: readonly NewNotification[], at: Date): Promise<number> {
  if (items.length === 0) return 0;
  const r = await db
    .insertInto('notifications')
    .values(
      items.map((n) => ({
        id: randomUUID(),
        user_id: n.userId,
        complaint_id: n.complaintId,
        kind: n.kind,
        source_key: n.sourceKey,
        template: n.message.template,
        params: JSON.stringify(n.message.params),
        created_at: at,
      })),
    )
    .onConflict((oc) => oc.columns(['source_key', 'user_id']).doNothing())
    .returning('id')
    .execute();
  return r.length;
}

/** Older than an instant, or than a (created_at, id) position of a previous page. */
export type NotificationPosition = { at: Date; id: string | null };

/** A user's notifications, newest first (ties by id), optionally unread only and older than a position. */
export async function listNotifications(
  db: Kysely<DB>,
  userId: string,
  q: { unreadOnly: boolean; before?: NotificationPosition | null; limit: number },
): Promise<NotificationRow[]> {
  let query = db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (q.unreadOnly) query = query.where('read_at', 'is', null);
  const pos = q.before;
  if (pos?.id) query = query.where(sql<SqlBool>`(created_at, id) < (${pos.at}, ${pos.id}::uuid)`);
  else if (pos) query = query.where('created_at', '<', pos.at);
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.limit).execute();
}

export async function unreadCount(db: Kysely<DB>, userId: string): Promise<number> {
  const r = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function markRead(db: Kysely<DB>, userId: string, ids: readonly string[] | 'all', at: Date): Promise<number> {
  let q = db.updateTable('notifications').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (ids !== 'all') {
    if (ids.length === 0) return 0;
    q = q.where('id', 'in', ids);
  }
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Notifications created before `before` and still unread are marked read an hour after they came (the demo's history). */
export async function markReadAnHourAfterCreation(db: Kysely<DB>, before: Date): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ read_at: sql<Date>`created_at + interval '1 hour'` })
    .where('read_at', 'is', null)
    .where('created_at', '<', before)
    .execute();
}

/** A user's notifications written in (from, to], oldest first (the digest: after the last one, up to now). */
export async function listNotificationsBetween(
  db: Kysely<DB>,
  userId: string,
  from: Date,
  to: Date,
  limit: number,
): Promise<NotificationRow[]> {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('user_id', '=', userId)
    .where('created_at', '>', from)
    .where('created_at', '<=', to)
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}
