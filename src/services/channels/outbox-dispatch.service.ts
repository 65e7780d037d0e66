/**
 * The outbox dispatcher (#11 item 2): hands one outbox row to its channels. In one transaction it
 * locks the row, works out the messages the row implies (a staff notice by the user's chosen
 * channels, the complainant's acknowledgment, feedback or final notice, the webhooks subscribed to
 * it), writes them with a send job each, and marks the row dispatched. A second run of the same row
 * (another instance, a retry) finds it dispatched and does nothing; messages are keyed by the
 * row's idempotency key and channel, so even a repeat writes nothing twice.
 */
import { localParts } from '../../domain/time/zoned.js';
import { isQuietHours, planNotice, quietUntil, type NoticePreferences } from '../../domain/messages/notice-preferences.js';
import { enqueueJobs, type NewJob } from '../../db/repositories/job.repository.js';
import { insertMessages, type NewMessage } from '../../db/repositories/message.repository.js';
import { listUndispatched, lockOutboxRow, markOutboxDispatched, type OutboxRow } from '../../db/repositories/outbox.repository.js';
import { findUser } from '../../db/repositories/user.repository.js';
import { maskEmail, maskPhone } from '../../domain/personal-data/masking.js';
import type { Database } from '../../db/database.js';
import type { ServiceContext } from '../context.js';
import { complainantMessagesFor } from './complainant-messages.js';
import { webhookMessagesFor } from './webhook-fanout.js';

export interface PlannedMessage {
  message: NewMessage;
  /** not before (quiet hours) */
  startAfter?: Date;
}

/** A staff notice by e-mail and SMS as the user chose (in-app was written with the notification). */
async function staffNoticeMessages(ctx: ServiceContext, trx: Database, row: OutboxRow, now: Date): Promise<PlannedMessage[]> {
  const p = row.payload as {
    userId?: string;
    complaintId?: string | null;
    kind?: string;
    template?: string;
    params?: Record<string, unknown>;
  };
  if (!p.userId || !p.kind || !p.template) return [];
  const user = await findUser(trx, { id: p.userId });
  if (!user || !user.active) return [];
  const plan = planNotice(p.kind, user.notice_channels as NoticePreferences);
  const local = localParts(now, ctx.timeZone);
  const quiet = isQuietHours(user.quiet_hours) ? user.quiet_hours : null;
  const startAfter = plan.respectQuietHours ? quietUntil(now, local.hour * 60 + local.minute, quiet) : now;
  const base = {
    outboxId: String(row.id),
    purpose: 'staff_notice',
    recipientKind: 'user' as const,
    recipientRef: user.id,
    complaintId: p.complaintId ?? null,
    template: p.template,
    params: { ...(p.params ?? {}), kind: p.kind },
    locale: user.locale,
  };
  const out: PlannedMessage[] = [];
  if (plan.email && user.email) {
    out.push({
      message: {
        ...base,
        channel: 'email',
        idempotencyKey: `${row.idempotency_key}:email`,
        recipientLabel: `${user.username} ${maskEmail(user.email) ?? ''}`,
      },
      startAfter,
    });
  }
  if (plan.sms && user.mobile) {
    out.push({
      message: {
        ...base,
        channel: 'sms',
        idempotencyKey: `${row.idempotency_key}:sms`,
        recipientLabel: `${user.username} ${maskPhone(user.mobile) ?? ''}`,
      },
      startAfter,
    });
  }
  return out;
}

async function plan(ctx: ServiceContext, trx: Database, row: OutboxRow, now: Date): Promise<PlannedMessage[]> {
  const planned: PlannedMessage[] = [];
  if (row.topic === 'notification.created') planned.push(...(await staffNoticeMessages(ctx, trx, row, now)));
  planned.push(...(await complainantMessagesFor(ctx, trx, row)).map((message) => ({ message })));
  planned.push(...(await webhookMessagesFor(trx, row)).map((message) => ({ message })));
  return planned;
}

/** Hands one outbox row to its channels; false when it was handed over already (or does not exist). */
export async function dispatchOutboxRow(ctx: ServiceContext, outboxId: string): Promise<boolean> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await lockOutboxRow(trx, outboxId);
    if (!row || row.dispatched_at) return false;
    const now = ctx.now();
    const planned = await plan(ctx, trx, row, now);
    const written = await insertMessages(
      trx,
      planned.map((p) => p.message),
      now,
    );
    const startAfter = new Map(planned.map((p) => [p.message.idempotencyKey, p.startAfter]));
    const jobs: NewJob[] = written.map((m) => {
      const at = startAfter.get(m.idempotencyKey);
      return { name: 'message.send', data: { messageId: m.id }, ...(at && at > now ? { startAfter: at } : {}) };
    });
    await enqueueJobs(trx, jobs);
    await markOutboxDispatched(trx, outboxId, now);
    return true;
  });
}

/**
 * The safety net, every minute: rows undispatched a minute after they were written get a job again
 * (their job was lost, say with a database restored from a backup taken between the two). A row
 * still being handed over is locked and skipped by the dispatcher, so a repeat is harmless.
 */
export async function requeueUndispatched(ctx: ServiceContext, limit = 500): Promise<number> {
  const ids = await listUndispatched(ctx.db, new Date(ctx.now().getTime() - 60_000), limit);
  await enqueueJobs(
    ctx.db,
    ids.map((outboxId) => ({ name: 'outbox.dispatch' as const, data: { outboxId } })),
  );
  return ids.length;
}
