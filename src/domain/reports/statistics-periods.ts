/**
 * Periods for statistics by time (#13): the months, ISO weeks or days of a date range in the
 * company time zone, clipped to the range, each with its key (as the SQL groups it), its label and
 * its first and last day. Pure.
 */
import { addDays, weekdayOf, zonedTimeToUtc } from '../time/zoned.js';

export type TimeDimension = 'month' | 'week' | 'day';

export interface Period {
  /** '2026-03', '2026-W09' (ISO week-year and week), '2026-03-05' */
  key: string;
  /** first and last local day inside the queried range, inclusive */
  from: string;
  to: string;
  label: { zh: string; en: string };
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Monday of the ISO week of `date`. */
function mondayOf(date: string): string {
  return addDays(date, -((weekdayOf(date) + 6) % 7));
}

/** The ISO week key of a date: the week-year is the year of the week's Thursday. */
export function isoWeekKey(date: string): string {
  const thursday = addDays(mondayOf(date), 3);
  const year = Number(thursday.slice(0, 4));
  const jan4 = `${String(year).padStart(4, '0')}-01-04`;
  const week = 1 + Math.round((Date.parse(mondayOf(thursday)) - Date.parse(mondayOf(jan4))) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function periodKey(dimension: TimeDimension, date: string): string {
  if (dimension === 'month') return date.slice(0, 7);
  if (dimension === 'week') return isoWeekKey(date);
  return date;
}

export function periodLabel(dimension: TimeDimension, key: string): { zh: string; en: string } {
  if (dimension === 'month') {
    const [y, m] = key.split('-');
    return { zh: `${y}年${Number(m)}月`, en: `${MONTHS_EN[Number(m) - 1] ?? m} ${y}` };
  }
  if (dimension === 'week') {
    const [y, w] = key.split('-W');
    return { zh: `${y}年第${Number(w)}周`, en: `${y} W${w}` };
  }
  return { zh: key, en: key };
}

/** The last day of the period that starts at `start`. */
function periodEnd(dimension: TimeDimension, start: string): string {
  if (dimension === 'day') return start;
  if (dimension === 'week') return addDays(mondayOf(start), 6);
  const [y, m] = start.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${String(y + 1).padStart(4, '0')}-01-01` : `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}-01`;
  return addDays(next, -1);
}

/** Every period of `dimension` that overlaps [from, to], clipped to it, in order. */
export function periodsOf(dimension: TimeDimension, from: string, to: string): Period[] {
  const out: Period[] = [];
  let start = from;
  while (start <= to) {
    const end = periodEnd(dimension, start);
    const key = periodKey(dimension, start);
    out.push({ key, from: start, to: end < to ? end : to, label: periodLabel(dimension, key) });
    start = addDays(end, 1);
  }
  return out;
}

/** How many days [from, to] holds (inclusive). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
}

/** The instant a local day starts (the instants of drill-down filters: [start of from, start of to + 1)). */
export function dayStart(date: string, timeZone: string): Date {
  return zonedTimeToUtc(date, 0, timeZone);
}

/** The instant right after the local day `date` ends. */
export function dayEnd(date: string, timeZone: string): Date {
  return zonedTimeToUtc(addDays(date, 1), 0, timeZone);
}
