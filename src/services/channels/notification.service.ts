/**
 * The in-app inbox (R-H4, issue #4 item 7): each user sees only their own notifications, newest
 * first, with the unread count, and marks them read. Notifications are written by the workflow and
 * the sweeper through notify() in the transaction of the change they announce.
 */
import { sql, type SqlBool } from 'kysely';
import type { Principal } from '../../domain/access/permissions.js';
import { markRead, unreadCount } from '../../db/repositories/notification.repository.js';
import type { ServiceContext } from '../context.js';
import { decodeKeyset, encodeKeyset, type KeysetPosition } from '../workflow/sweep/keyset-cursor.js';

export interface InboxItem {
  id: string;
  kind: string;
  title: string;
  body: Record<string, unknown>;
  complaintId: string | null;
  complaintNumber: string | null;
  createdAt: Date;
  readAt: Date | null;
}

export interface InboxPage {
  items: InboxItem[];
  unreadCount: number;
  /** pass as `before` for the next page; null on the last page */
  nextBefore: string | null;
}

export interface InboxQuery {
  unreadOnly: boolean;
  limit: number;
  /** an instant (older than it) or the nextBefore of the previous page */
  before?: string;
  /** English titles (the body carries them) instead of Chinese */
  english?: boolean;
}

function position(before: string | undefined): KeysetPosition | { at: Date; id: null } | null {
  if (before === undefined) return null;
  // a plain instant: everything older than it
  if (/^\d{4}-\d{2}-\d{2}T/.test(before)) {
    const at = new Date(before);
    if (!Number.isNaN(at.getTime())) return { at, id: null };
  }
  return decodeKeyset(before, 'before');
}

export async function listInbox(ctx: ServiceContext, p: Principal, q: InboxQuery): Promise<InboxPage> {
  let query = ctx.db.selectFrom('notifications').selectAll().where('user_id', '=', p.userId);
  if (q.unreadOnly) query = query.where('read_at', 'is', null);
  const pos = position(q.before);
  if (pos?.id) query = query.where(sql<SqlBool>`(created_at, id) < (${pos.at}, ${pos.id}::uuid)`);
  else if (pos) query = query.where('created_at', '<', pos.at);
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit + 1)
    .execute();
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => {
      const en = typeof r.body.en === 'string' ? r.body.en : null;
      const number = typeof r.body.number === 'string' ? r.body.number : null;
      return {
        id: r.id,
        kind: r.kind,
        title: q.english && en ? en : r.title,
        body: r.body,
        complaintId: r.complaint_id,
        complaintNumber: number,
        createdAt: r.created_at,
        readAt: r.read_at,
      };
    }),
    unreadCount: await unreadCount(ctx.db, p.userId),
    nextBefore: rows.length > q.limit && last ? encodeKeyset({ at: last.created_at, id: last.id }) : null,
  };
}

export async function inboxUnreadCount(ctx: ServiceContext, p: Principal): Promise<number> {
  return unreadCount(ctx.db, p.userId);
}

/** Marks the user's own notifications read (ids of other users' rows change nothing). */
export async function markInboxRead(
  ctx: ServiceContext,
  p: Principal,
  which: { ids: readonly string[] } | { all: true },
): Promise<{ updated: number; unreadCount: number }> {
  const updated = await markRead(ctx.db, p.userId, 'all' in which ? 'all' : which.ids, ctx.now());
  return { updated, unreadCount: await unreadCount(ctx.db, p.userId) };
}
