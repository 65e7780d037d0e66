/**
 * A mailbox's health (#12 item 2): e-mail fetching must never stop silently. An IMAP mailbox is
 * failing when its last poll failed, and stalled when no poll succeeded for its configured minutes
 * (the server down, the password changed, the poller not running); any mailbox is stalled when a
 * message has waited for processing that long. Administrators are told once when a mailbox stalls,
 * and the alert is cleared when it is healthy again, so the next stall alerts again. Pure.
 */

export const MAILBOX_HEALTH_STATES = ['ok', 'failing', 'stalled', 'disabled', 'never'] as const;
export type MailboxHealthState = (typeof MAILBOX_HEALTH_STATES)[number];

export interface MailboxHealthFacts {
  kind: 'smtp' | 'imap';
  enabled: boolean;
  stallMinutes: number;
  lastPollAt: Date | null;
  lastSuccessAt: Date | null;
  lastErrorAt: Date | null;
  /** created, or enabled again: a stall is counted from here at the earliest */
  watchedSince: Date;
  /** the oldest message of the mailbox still waiting to be processed */
  oldestPendingAt: Date | null;
}

export function mailboxHealthState(f: MailboxHealthFacts, now: Date): MailboxHealthState {
  if (!f.enabled) return 'disabled';
  const stallMs = f.stallMinutes * 60_000;
  const over = (since: Date) => now.getTime() - since.getTime() > stallMs;
  if (f.oldestPendingAt !== null && over(f.oldestPendingAt)) return 'stalled';
  if (f.kind === 'smtp') return f.lastSuccessAt === null ? 'never' : 'ok';
  const since = f.lastSuccessAt !== null && f.lastSuccessAt > f.watchedSince ? f.lastSuccessAt : f.watchedSince;
  if (over(since)) return 'stalled';
  if (f.lastErrorAt !== null && (f.lastSuccessAt === null || f.lastErrorAt > f.lastSuccessAt)) return 'failing';
  if (f.lastPollAt === null) return 'never';
  return 'ok';
}

/** What to do about the alert: raise it on the way into a stall, clear it once healthy (or disabled). */
export function alertChange(state: MailboxHealthState, alertRaised: boolean): 'raise' | 'clear' | null {
  if (state === 'stalled') return alertRaised ? null : 'raise';
  if (alertRaised && (state === 'ok' || state === 'disabled' || state === 'never')) return 'clear';
  return null;
}

/** Whether an IMAP mailbox is due for a poll: never polled, or its interval is (nearly) over. */
export function pollDue(f: { intervalSeconds: number; lastPollAt: Date | null }, now: Date, slackSeconds = 30): boolean {
  if (f.lastPollAt === null) return true;
  return now.getTime() - f.lastPollAt.getTime() >= (f.intervalSeconds - slackSeconds) * 1000;
}
