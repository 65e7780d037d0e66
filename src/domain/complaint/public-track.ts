/**
 * The public portal's complaint tracking (R-G3, R-H3): who may see a complaint without signing in
 * (whoever knows its number and the phone number or e-mail given at registration), and the
 * customer's view of its progress in plain stages. Pure: no I/O, no clock.
 */
import type { Status } from '../workflow/workflow.types.js';
import { normalizeEmail, normalizePhone } from './contact.js';

/** A complaint number as the portal accepts it: the policy's prefix (A–Z) and digits, upper-cased. */
export const PUBLIC_NUMBER = /^[A-Z]{1,8}\d{8,20}$/;

export function normalizeComplaintNumber(input: string): string {
  return input.normalize('NFKC').trim().toUpperCase();
}

export type ContactKind = 'phone' | 'email';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What a customer typed as contact: an e-mail (has @), a phone number (5–20 digits), or neither. */
export function contactKind(input: string): ContactKind | null {
  const value = input.normalize('NFKC').trim();
  if (value.includes('@')) return EMAIL.test(value) ? 'email' : null;
  if (/[^\d\s()+\-.]/.test(value)) return null;
  const digits = normalizePhone(value);
  return digits.length >= 5 && digits.length <= 20 ? 'phone' : null;
}

/**
 * True when `given` is the complaint's phone (same normalisation as duplicate detection: digits
 * only, +86/0086 dropped; full-width digits accepted) or its e-mail (case and spaces ignored).
 */
export function contactMatches(stored: { phone: string | null; email: string | null }, given: string): boolean {
  const kind = contactKind(given);
  const value = given.normalize('NFKC');
  if (kind === 'phone' && stored.phone) return normalizePhone(stored.phone.normalize('NFKC')) === normalizePhone(value);
  if (kind === 'email' && stored.email) return normalizeEmail(stored.email) === normalizeEmail(value);
  return false;
}

/** The stages a customer sees; only those the complaint went through or still has ahead. */
export const PUBLIC_STAGES = [
  'received',
  'reopened',
  'in_progress',
  'investigating',
  'answered',
  'closed',
  'withdrawn',
  'transferred',
  'merged',
] as const;
export type PublicStage = (typeof PUBLIC_STAGES)[number];

export interface PublicStageView {
  stage: PublicStage;
  /** when it was reached; null for a stage still ahead (or reached without a recorded time) */
  at: Date | null;
  done: boolean;
}

export interface ProgressEvent {
  type: string;
  occurredAt: Date;
  /** the status the event moved the complaint to, when it did */
  toStatus?: string | null;
}

const HANDLING: readonly string[] = ['assigned', 'investigating', 'resolving'];
const EXITS: ReadonlyArray<Status & PublicStage> = ['withdrawn', 'transferred', 'merged'];

/**
 * The progress of a complaint in plain stages: received; reopened (when the customer was not
 * satisfied); being handled; investigation (only when there was one); answered; and the end
 * (closed, withdrawn, transferred or merged). An open complaint lists the stages still ahead.
 * Events are in order; only the current round (after the last reopening) counts.
 */
export function publicStages(
  c: { status: Status; receivedAt: Date; closedAt: Date | null },
  events: readonly ProgressEvent[],
): PublicStageView[] {
  let lastReopen = -1;
  events.forEach((e, i) => {
    if (e.type === 'reopen') lastReopen = i;
  });
  const reopenedAt = lastReopen >= 0 ? events[lastReopen]!.occurredAt : null;
  const round = events.slice(lastReopen + 1);
  const firstTo = (statuses: readonly string[]): Date | null =>
    round.find((e) => e.toStatus != null && statuses.includes(e.toStatus))?.occurredAt ?? null;

  const stages: PublicStageView[] = [{ stage: 'received', at: c.receivedAt, done: true }];
  if (reopenedAt) stages.push({ stage: 'reopened', at: reopenedAt, done: true });

  const handledAt = firstTo(HANDLING) ?? reopenedAt;
  if (handledAt) stages.push({ stage: 'in_progress', at: handledAt, done: true });
  else if (c.status === 'registered') stages.push({ stage: 'in_progress', at: null, done: false });

  const investigatedAt = firstTo(['investigating']);
  if (investigatedAt) stages.push({ stage: 'investigating', at: investigatedAt, done: true });

  const answeredAt = firstTo(['feedback_sent']);
  const exit = EXITS.find((s) => s === c.status);
  if (answeredAt) stages.push({ stage: 'answered', at: answeredAt, done: true });
  else if (!exit && c.status !== 'closed') stages.push({ stage: 'answered', at: null, done: false });

  if (exit) stages.push({ stage: exit, at: firstTo([exit]) ?? c.closedAt, done: true });
  else if (c.status === 'closed') stages.push({ stage: 'closed', at: firstTo(['closed']) ?? c.closedAt, done: true });
  else stages.push({ stage: 'closed', at: null, done: false });
  return stages;
}
