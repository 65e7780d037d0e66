/**
 * The message log (#11 item 2): every message that left (or tried to leave) the system, with its
 * status, attempts, provider id and what was sent; filtered by status, channel, purpose, complaint
 * and time. Addresses appear only masked. An administrator resends a failed or dead message (same
 * idempotency key, so a receiver that got it already drops it), retries a failed background job,
 * and reads the development mailbox. A complaint's own messages are shown on its page to whoever
 * may open the complaint. Providers confirm delivery through the receipt endpoint.
 */
import { can, scopeFilter, type Principal } from '../../domain/access/permissions.js';
import { DomainError } from '../../domain/errors.js';
import { maskEmail, maskPhone } from '../../domain/personal-data/masking.js';
import type { MessageChannel, MessageStatus } from '../../db/schema.js';
import { enqueueJobs, listFailedJobs, retryFailedJob } from '../../db/repositories/job.repository.js';
import {
  countMessagesByStatus,
  listDevelopmentMessages,
  listMessages,
  findMessageByProvider,
  findMessageLogRow,
  lockMessage,
  markDelivered,
  markResent,
  type MessageLogRow,
} from '../../db/repositories/message.repository.js';
import { isQueueName, type QueueName } from '../../jobs/job-queues.js';
import { audit } from '../administration/audit.service.js';
import { complaintInScope } from '../complaints/complaint-access.js';
import { recordDead } from './message-send.service.js';
import type { RequestMeta, ServiceContext } from '../context.js';
import { decodeKeyset, encodeKeyset, isUuid } from '../workflow/sweep/keyset-cursor.js';

export interface MessageItem {
  id: string;
  channel: MessageChannel;
  purpose: string;
  status: MessageStatus;
  recipient: string;
  recipientKind: 'user' | 'complainant' | 'webhook' | 'contact';
  complaintId: string | null;
  complaintNumber: string | null;
  template: string;
  attempts: number;
  lastError: string | null;
  provider: string | null;
  providerId: string | null;
  subject: string | null;
  body: string | null;
  segments: number | null;
  idempotencyKey: string;
  createdAt: Date;
  sentAt: Date | null;
  deliveredAt: Date | null;
  deadAt: Date | null;
  resentAt: Date | null;
  resentBy: string | null;
  /** subject and body withheld from this reader (a message to the complainant, read without access to every complaint) */
  contentHidden: boolean;
}

export interface MessageQuery {
  status?: MessageStatus[];
  channel?: MessageChannel[];
  purpose?: string[];
  complaint?: string;
  q?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit: number;
}

function toItem(r: MessageLogRow): MessageItem {
  return {
    id: r.id,
    channel: r.channel,
    purpose: r.purpose,
    status: r.status,
    recipient: r.recipient_label,
    recipientKind: r.recipient_kind,
    complaintId: r.complaint_id,
    complaintNumber: r.complaint_number,
    template: r.template,
    attempts: r.attempts,
    lastError: r.last_error,
    provider: r.provider,
    providerId: r.provider_id,
    subject: r.subject,
    body: r.body,
    segments: r.segments,
    idempotencyKey: r.idempotency_key,
    createdAt: r.created_at,
    sentAt: r.sent_at,
    deliveredAt: r.delivered_at,
    deadAt: r.dead_at,
    resentAt: r.resent_at,
    resentBy: r.resent_by,
    contentHidden: false,
  };
}

/**
 * What a message to the complainant said (the feedback's text may name people) is shown in the log
 * only to readers of every complaint (inspectors, auditors); an administrator, whose complaint scope
 * is none, sees its status, proof and masked address, and the text on the complaint page if they
 * may open it.
 */
function readableBy(p: Principal, item: MessageItem): MessageItem {
  if (item.recipientKind !== 'complainant' || (can(p, 'complaint.read') && scopeFilter(p).all)) return item;
  return { ...item, subject: null, body: null, contentHidden: true };
}

export async function messageLog(ctx: ServiceContext, p: Principal, q: MessageQuery) {
  const before = q.cursor ? decodeKeyset(q.cursor, 'cursor') : null;
  const complaintId = q.complaint && isUuid(q.complaint) ? q.complaint : undefined;
  const rows = await listMessages(ctx.db, {
    status: q.status,
    channel: q.channel,
    purpose: q.purpose,
    complaintId,
    q: q.q ?? (q.complaint && !complaintId ? q.complaint : undefined),
    from: q.from ? new Date(q.from) : undefined,
    to: q.to ? new Date(q.to) : undefined,
    before: before ? { at: before.at, id: before.id } : null,
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => readableBy(p, toItem(r))),
    counts: await countMessagesByStatus(ctx.db),
    nextCursor: rows.length > q.limit && last ? encodeKeyset({ at: last.created_at, id: last.id }) : null,
  };
}

/** A complaint's messages, for whoever may open it: to the complainant and about it. */
export async function complaintMessages(ctx: ServiceContext, p: Principal, idOrNumber: string) {
  const c = await complaintInScope(ctx.db, p, idOrNumber);
  const rows = await listMessages(ctx.db, { complaintId: c.id, limit: 200 });
  return { items: rows.map(toItem) };
}

/** Queues a message again, with the same idempotency key; a message already sent needs no resend. */
export async function resendMessage(ctx: ServiceContext, meta: RequestMeta, p: Principal, id: string): Promise<MessageItem> {
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const m = await lockMessage(trx, id);
    if (!m) throw new DomainError('message_not_found');
    if (m.status !== 'failed' && m.status !== 'dead') throw new DomainError('message_not_resendable', { status: m.status });
    await markResent(trx, id, { at: now, by: p.username });
    await enqueueJobs(trx, [{ name: 'message.send', data: { messageId: id } }]);
    await audit(trx, meta, {
      at: now,
      actor: p.username,
      action: 'message.resend',
      outcome: 'success',
      targetType: 'message',
      targetId: id,
      details: { channel: m.channel, purpose: m.purpose, previousStatus: m.status, attempts: m.attempts },
    });
  });
  const row = await findMessageLogRow(ctx.db, id);
  if (!row) throw new DomainError('message_not_found');
  return readableBy(p, toItem(row));
}

/** The development mailbox: what would have been sent without an SMTP server or SMS gateway. */
export async function developmentMailbox(ctx: ServiceContext, q: { channel?: 'email' | 'sms'; cursor?: string; limit: number }) {
  if (q.cursor !== undefined && !/^\d{1,18}$/.test(q.cursor)) throw new DomainError('invalid_cursor', {}, 'cursor');
  const rows = await listDevelopmentMessages(ctx.db, { channel: q.channel, before: q.cursor ?? null, limit: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  return {
    items: page.map((r) => ({
      id: String(r.id),
      messageId: r.message_id,
      channel: r.channel,
      // the address masked like everywhere else: the mailbox shows what was said, not to whom in full
      recipient: r.channel === 'sms' ? (maskPhone(r.recipient) ?? '****') : (maskEmail(r.recipient.replace(/^.*<(.+)>$/, '$1')) ?? '***'),
      subject: r.subject,
      body: r.body,
      html: r.html,
      idempotencyKey: r.idempotency_key,
      createdAt: r.created_at,
    })),
    nextCursor: rows.length > q.limit && page.length > 0 ? String(page[page.length - 1]?.id) : null,
  };
}

export async function failedJobs(ctx: ServiceContext, q: { queue?: string; limit: number }) {
  const queue = q.queue && isQueueName(q.queue) ? q.queue : undefined;
  const rows = await listFailedJobs(ctx.db, { queue, limit: q.limit });
  return {
    items: rows.map((r) => ({
      id: r.id,
      queue: r.name,
      data: r.data,
      attempts: r.retry_count + 1,
      error: typeof r.output?.message === 'string' ? r.output.message : r.output ? JSON.stringify(r.output).slice(0, 500) : null,
      createdAt: r.created_on,
      failedAt: r.completed_on,
    })),
  };
}

export async function retryJob(ctx: ServiceContext, meta: RequestMeta, p: Principal, queue: QueueName, id: string): Promise<void> {
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await retryFailedJob(trx, queue, id))) throw new DomainError('job_not_failed');
    await audit(trx, meta, {
      at: now,
      actor: p.username,
      action: 'job.retry',
      outcome: 'success',
      targetType: 'job',
      targetId: id,
      details: { queue },
    });
  });
}

/**
 * A provider's delivery receipt (#11 item 2: "delivered where the provider confirms it"): matched
 * by the provider's id of a sent message. Authenticated by the shared token, not by a session.
 */
export async function recordReceipt(
  ctx: ServiceContext,
  r: { provider?: string; providerId: string; status: 'delivered' | 'failed'; at?: string; error?: string },
): Promise<{ messageId: string; status: MessageStatus }> {
  const at = r.at ? new Date(r.at) : ctx.now();
  const m = await findMessageByProvider(ctx.db, r.provider ?? null, r.providerId);
  if (!m) throw new DomainError('message_not_found');
  if (r.status === 'delivered') await markDelivered(ctx.db, m.id, at);
  else await recordDead(ctx, m.id, r.error ?? 'the provider reports it was not delivered', { afterSent: true });
  const after = await findMessageLogRow(ctx.db, m.id);
  return { messageId: m.id, status: after?.status ?? m.status };
}
