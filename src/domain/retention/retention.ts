/**
 * Retention periods (#15 item 4, R-H6). Pure: time comes in as arguments.
 *
 * A complaint's personal data is kept for the policy's years of its business line after the
 * company-time date of its closure (insurance lines 10, securities lines 20 by default); an open
 * complaint never expires. `retentionExpiry` gives the last day the data is kept: the sweep
 * anonymises it from the next day on (`isRetentionExpired`). Audit and access logs are kept for
 * `auditRetentionYears` (3 by default).
 */
import type { Policy } from '../policy/policy.schema.js';
import { localDate, zonedTimeToUtc } from '../time/zoned.js';

/** The date `years` after `date` (YYYY-MM-DD); 29 February becomes 28 February in a common year. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The statuses a complaint ends in; the period runs from its closing time (closed_at, set by each of them). */
export const ENDED_STATUSES = ['closed', 'withdrawn', 'transferred', 'merged'] as const;

export interface RetentionFacts {
  businessLine: string;
  status: string;
  closedAt: Date | null;
}

/**
 * The last company-time date the complaint's personal data is kept: the date of closure plus the
 * policy's years for its business line. Null for a complaint that has not ended (and for a business
 * line the policy does not know, which the policy schema refuses: kept rather than guessed).
 */
export function retentionExpiry(c: RetentionFacts, policy: Pick<Policy, 'retention'>, timeZone: string): string | null {
  if (!(ENDED_STATUSES as readonly string[]).includes(c.status) || c.closedAt === null) return null;
  const years = policy.retention[c.businessLine];
  if (years === undefined) return null;
  return addYears(localDate(c.closedAt, timeZone), years);
}

/** True once `now` (company time) is past the expiry date. */
export function isRetentionExpired(expiresOn: string | null, now: Date, timeZone: string): boolean {
  return expiresOn !== null && expiresOn < localDate(now, timeZone);
}

/**
 * The latest closure instant that has expired by `now` for a period of `years`: a complaint closed
 * before it (its company-time closing date plus `years` is before today) is due. Used by the sweep's
 * query, per business line.
 */
export function closedBeforeForExpiry(now: Date, years: number, timeZone: string): Date {
  // expired: addYears(closedOn, years) < today  <=>  closedOn < the date `years` before today (29 Feb aside)
  const today = localDate(now, timeZone);
  return zonedTimeToUtc(addYears(today, -years), 0, timeZone);
}

/** Audit and access log rows before this instant are past the logs period (start of the day, company time). */
export function logsCutoff(now: Date, policy: Pick<Policy, 'auditRetentionYears'>, timeZone: string): Date {
  return zonedTimeToUtc(addYears(localDate(now, timeZone), -policy.auditRetentionYears), 0, timeZone);
}

/** A legal hold is in force while not released and its `until` date (if any) is today or later (company time). */
export function isHoldEffective(h: { releasedAt: Date | null; until: string | null }, now: Date, timeZone: string): boolean {
  return h.releasedAt === null && (h.until === null || h.until >= localDate(now, timeZone));
}
