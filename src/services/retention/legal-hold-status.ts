/**
 * A complaint's retention status as the legal hold panel shows it (#15 item 4, R-H6): open (the
 * period starts at closure), retained until a date, expired (waiting for the sweep), held, or
 * anonymised. The expiry is the retention engine's (domain/retention/retention.ts).
 */
import type { Policy } from '../../domain/policy/policy.schema.js';
import { retentionExpiry } from '../../domain/retention/retention.js';
import { localDate } from '../../domain/time/zoned.js';

export type RetentionState = 'open' | 'retained' | 'expired' | 'held' | 'anonymised';

export interface RetentionStatus {
  state: RetentionState;
  /** the years of the complaint's business line in the policy in force */
  years: number | null;
  closedOn: string | null;
  /** the last day its personal data is kept (null while open) */
  expiresOn: string | null;
  anonymisedAt: Date | null;
}

interface ComplaintFacts {
  business_line: string;
  status: string;
  closed_at: Date | null;
  /** set by the retention sweep (migration 0028) */
  anonymised_at: Date | null;
}

export function retentionStatusOf(c: ComplaintFacts, policy: Policy, timeZone: string, today: string, held: boolean): RetentionStatus {
  const years = policy.retention[c.business_line] ?? null;
  const closedOn = c.closed_at ? localDate(c.closed_at, timeZone) : null;
  const expiresOn = retentionExpiry({ businessLine: c.business_line, status: c.status, closedAt: c.closed_at }, policy, timeZone);
  const anonymisedAt = c.anonymised_at;
  const state: RetentionState =
    anonymisedAt !== null ? 'anonymised' : held ? 'held' : expiresOn === null ? 'open' : expiresOn < today ? 'expired' : 'retained';
  return { state, years, closedOn, expiresOn, anonymisedAt };
}
