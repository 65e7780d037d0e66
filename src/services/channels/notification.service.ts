/**
 * The in-app inbox (R-H4, issue #4 item 7): each user sees only their own notifications, newest
 * first, with the unread count, and marks them read. Notifications are written by the workflow,
 * the sweeper and the system alerts through sendNotifications, in the transaction of the change
 * they announce. Each stores a message template and its parameters (#10 item 4), rendered in the
 * reader's language when listed.
 */
import type { Principal } from '../../domain/access/permissions.js';
import { isTemplateCode, renderMessage, type Locale, type Message, type TemplateCode } from '../../domain/messages/message-templates.js';
import type { Database } from '../../db/database.js';
import {
  insertNotifications,
  listNotifications,
  markRead,
  unreadCount,
  type NotificationPosition,
  type NotificationRow,
} from '../../db/repositories/notification.repository.js';
import { enqueueOutbox } from '../../db/repositories/outbox.repository.js';
import type { ServiceContext } from '../context.js';
import { decodeKeyset, encodeKeyset } from '../workflow/sweep/keyset-cursor.js';

export interface InboxItem {
  id: string;
  kind: string;
  template: TemplateCode;
  /** the message rendered in the reader's language */
  title: string;
  /** the message's parameters: the complaint number, the clock, the link it leads to… */
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
  /** render in English instead of Chinese */
  english?: boolean;
}

/** A notification to write for some users: what it is about and its message. */
export interface OutgoingNotification {
  complaintId: string | null;
  kind: string;
  /** names the fact: the same fact never notifies the same user twice, whichever instance writes it */
  sourceKey: string;
  message: Message;
}

/**
 * Writes one notification per user (once per fact and user) with an outbox message each for
 * e-mail/SMS delivery later (R-H4), both carrying the template and its parameters, never text.
 * Returns the notifications written.
 */
export async function sendNotifications(db: Database, userIds: readonly string[], n: OutgoingNotification, at: Date): Promise<number> {
  return sendNotificationBatch(db, [{ userIds, n }], at);
}

/** Several notifications, each to its users, in one insert and one outbox write (#16: the sweeper's batches). */
export async function sendNotificationBatch(
  db: Database,
  items: ReadonlyArray<{ userIds: readonly string[]; n: OutgoingNotification }>,
  at: Date,
): Promise<number> {
  const each = items.flatMap(({ userIds, n }) => userIds.map((userId) => ({ userId, n })));
  if (each.length === 0) return 0;
  const written = await insertNotifications(
    db,
    each.map(({ userId, n }) => ({ userId, ...n })),
    at,
  );
  await enqueueOutbox(
    db,
    each.map(({ userId, n }) => ({
      topic: 'notification.created',
      payload: { userId, complaintId: n.complaintId, kind: n.kind, template: n.message.template, params: n.message.params },
      idempotencyKey: `notification:${n.sourceKey}:${userId}`,
    })),
    at,
  );
  return written;
}

function position(before: string | undefined): NotificationPosition | null {
  if (before === undefined) return null;
  // a plain instant: everything older than it
  if (/^\d{4}-\d{2}-\d{2}T/.test(before)) {
    const at = new Date(before);
    if (!Number.isNaN(at.getTime())) return { at, id: null };
  }
  return decodeKeyset(before, 'before');
}

/** A stored row's message: rows are written through sendNotifications (typed messages) or migrated (0007). */
function messageOf(r: NotificationRow): Message {
  if (isTemplateCode(r.template)) return { template: r.template, params: r.params } as Message;
  return { template: 'legacy.text', params: { text: r.template } };
}

function render(m: Message, locale: Locale): string {
  try {
    return renderMessage(m, locale);
  } catch {
    // parameters that do not fit their template (hand-edited rows): the inbox still lists the rest
    return m.template;
  }
}

function toItem(r: NotificationRow, locale: Locale): InboxItem {
  const m = messageOf(r);
  const number = r.params.number;
  return {
    id: r.id,
    kind: r.kind,
    template: m.template,
    title: render(m, locale),
    body: r.params,
    complaintId: r.complaint_id,
    complaintNumber: typeof number === 'string' ? number : null,
    createdAt: r.created_at,
    readAt: r.read_at,
  };
}

export async function listInbox(ctx: ServiceContext, p: Principal, q: InboxQuery): Promise<InboxPage> {
  const locale: Locale = q.english ? 'en-US' : 'zh-CN';
  const rows = await listNotifications(ctx.db, p.userId, { unreadOnly: q.unreadOnly, before: position(q.before), limit: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => toItem(r, locale)),
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
