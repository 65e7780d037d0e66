/**
 * Which statistics may come from the cache (#13, speed; migration 0020). Pure.
 *
 * Only ended months are cached: a month whose first day is before the month of (today - 2 days),
 * today being the company-local date by the database's clock. The database records a change to a complaint for every month before the
 * writing transaction's own month, so the two days cover a transaction that started in one month and
 * committed after a reader's snapshot in the next.
 */
import { addDays } from '../time/zoned.js';
import { monthRange } from './analysis-trend.js';
import { periodsOf } from './statistics-periods.js';

export interface CacheMonth {
  /** 'YYYY-MM' */
  key: string;
  /** first and last day of the month */
  first: string;
  last: string;
}

/** Days a month must have ended before it is cached (longer than any transaction). */
export const CACHE_MARGIN_DAYS = 2;

/** The first day of the oldest month that is not cached yet, on the local date `today`: months before it are cacheable. */
export function cacheCutoff(today: string): string {
  return `${addDays(today, -CACHE_MARGIN_DAYS).slice(0, 7)}-01`;
}

/** The whole months of [from, to] (a month only partly inside is not one). */
export function wholeMonths(from: string, to: string): CacheMonth[] {
  return periodsOf('month', from, to)
    .filter((p) => {
      const whole = monthRange(p.key);
      return p.from === whole.from && p.to === whole.to;
    })
    .map((p) => ({ key: p.key, first: p.from, last: p.to }));
}

/** The first day of every month [from, to] touches: what figures over the range depend on. */
export function monthsTouched(from: string, to: string): string[] {
  return periodsOf('month', from, to).map((p) => `${p.key}-01`);
}

/** A range may be cached as a whole when it ended before the cutoff. */
export function rangeCacheable(to: string, cutoff: string): boolean {
  return to < cutoff;
}
