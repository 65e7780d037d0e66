/**
 * The e-mail intake's every-minute round (#12 item 2), run once across app instances by the job
 * runner's cron: a poll job for each IMAP mailbox whose interval is over (one per mailbox and
 * half-minute slot, so two instances or an administrator's "poll now" never queue two), the import
 * job again for messages waiting too long (a job lost with a restored backup, a dead letter), and
 * every mailbox's health checked against its alert.
 */
import { pollDue } from '../../../domain/messages/mailbox-health.js';
import { stalePendingIds } from '../../../db/repositories/inbound-mail.repository.js';
import { enqueueJobs, type NewJob } from '../../../db/repositories/job.repository.js';
import { enabledImapMailboxes } from '../../../db/repositories/mailbox.repository.js';
import type { Database } from '../../../db/database.js';
import type { ServiceContext } from '../../context.js';
import { checkMailboxHealth } from './mail-alerts.js';

/** A waiting message whose import has not finished within this is queued again (the import is idempotent). */
const REQUEUE_AFTER_MS = 10 * 60_000;

function pollJob(mailboxId: string): NewJob<'mailbox.poll'> {
  return { name: 'mailbox.poll', data: { mailboxId }, singletonKey: mailboxId, singletonSeconds: 30 };
}

/** Queues a poll of one mailbox (in the caller's transaction, or at once). */
export async function queuePoll(db: Database, mailboxId: string): Promise<void> {
  await enqueueJobs(db, [pollJob(mailboxId)]);
}

export async function runMailIntakeRound(
  ctx: ServiceContext,
): Promise<{ polls: number; requeued: number; raised: number; cleared: number }> {
  const now = ctx.now();
  const due = (await enabledImapMailboxes(ctx.db)).filter((m) =>
    pollDue({ intervalSeconds: m.interval_seconds, lastPollAt: m.last_poll_at }, now),
  );
  await enqueueJobs(
    ctx.db,
    due.map((m) => pollJob(m.id)),
  );
  const stale = await stalePendingIds(ctx.db, new Date(now.getTime() - REQUEUE_AFTER_MS), 500);
  await enqueueJobs(
    ctx.db,
    // once per message and window: a message whose import keeps failing is not queued every minute
    stale.map((id) => ({
      name: 'mail.ingest' as const,
      data: { inboundMailId: id },
      singletonKey: `requeue:${id}`,
      singletonSeconds: 600,
    })),
  );
  const health = await checkMailboxHealth(ctx);
  return { polls: due.length, requeued: stale.length, raised: health.raised.length, cleared: health.cleared.length };
}
