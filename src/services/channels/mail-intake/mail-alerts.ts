/**
 * E-mail intake must never fail silently (#12 item 2): administrators are told in the app (and by
 * their notice channels) when a message is quarantined, and once when a mailbox stalls; the stall
 * alert is cleared when the mailbox is healthy again, so the next stall alerts again.
 */
import { alertChange, mailboxHealthState, type MailboxHealthState } from '../../../domain/messages/mailbox-health.js';
import type { Database } from '../../../db/database.js';
import { findMailbox, listMailboxes, setAlertRaised, type MailboxWithCounts } from '../../../db/repositories/mailbox.repository.js';
import { usersWithRole } from '../../../db/repositories/user.repository.js';
import type { QuarantineReason } from '../../../domain/messages/inbound-mail.js';
import { sendNotifications } from '../notification.service.js';
import type { ServiceContext } from '../../context.js';

/** Where the administrators look: the inbound list's quarantine, the mailboxes page. */
export const QUARANTINE_LINK = '/admin/inbound-mail?outcome=quarantined';
export const MAILBOXES_LINK = '/admin/mailboxes';

async function administrators(db: Database): Promise<string[]> {
  return (await usersWithRole(db, 'administrator')).map((u) => u.id);
}

/** Tells the administrators a message was quarantined (in the caller's transaction). */
export async function alertQuarantined(
  db: Database,
  mail: { id: string; mailboxId: string; subject: string | null; reason: QuarantineReason },
  at: Date,
): Promise<void> {
  const mailbox = await findMailbox(db, mail.mailboxId);
  await sendNotifications(
    db,
    await administrators(db),
    {
      complaintId: null,
      kind: 'mail_quarantined',
      sourceKey: `mail-quarantined:${mail.id}:${at.toISOString()}`,
      message: {
        template: 'mail.quarantined',
        params: {
          mailboxName: mailbox?.name ?? mail.mailboxId,
          subject: (mail.subject ?? '').slice(0, 200),
          reason: mail.reason,
          link: QUARANTINE_LINK,
        },
      },
    },
    at,
  );
}

export function healthOf(m: MailboxWithCounts, now: Date): MailboxHealthState {
  return mailboxHealthState(
    {
      kind: m.kind,
      enabled: m.enabled,
      stallMinutes: m.stall_minutes,
      lastPollAt: m.last_poll_at,
      lastSuccessAt: m.last_success_at,
      lastErrorAt: m.last_error_at,
      watchedSince: m.watched_since,
      oldestPendingAt: m.oldest_pending_at === null ? null : new Date(m.oldest_pending_at),
    },
    now,
  );
}

/**
 * Every mailbox's health against its alert flag: a mailbox that stalled raises one alert to the
 * administrators, one healthy again clears it. Each mailbox in its own transaction; the flag is
 * changed conditionally, so two instances checking at once alert once.
 */
export async function checkMailboxHealth(ctx: ServiceContext): Promise<{ raised: string[]; cleared: string[] }> {
  const now = ctx.now();
  const raised: string[] = [];
  const cleared: string[] = [];
  for (const m of await listMailboxes(ctx.db)) {
    const state = healthOf(m, now);
    const change = alertChange(state, m.alert_raised);
    if (change === null) continue;
    await ctx.db.transaction().execute(async (trx) => {
      if (!(await setAlertRaised(trx, m.id, change === 'raise'))) return;
      if (change === 'clear') {
        cleared.push(m.id);
        return;
      }
      raised.push(m.id);
      await sendNotifications(
        trx,
        await administrators(trx),
        {
          complaintId: null,
          kind: 'mailbox_stalled',
          sourceKey: `mailbox-stalled:${m.id}:${now.toISOString()}`,
          message: {
            template: 'mail.mailbox_stalled',
            params: { mailboxName: m.name, stallMinutes: m.stall_minutes, lastError: m.last_error, link: MAILBOXES_LINK },
          },
        },
        now,
      );
    });
  }
  return { raised, cleared };
}
