/**
 * The periods of reports (#13 item 4, R-F4): a report month ('YYYY-MM') as local dates, the months it
 * is compared with (the previous month, the same month a year before), the months of its trend, and
 * when the monthly schedule builds it: on the first working day of the following month (by the
 * working calendar, so after the Spring Festival or National Day holidays), or later that month if
 * that day was missed (no instance running). Pure.
 */
import { isWorkingDay, type WorkingCalendar } from '../calendar/calendar.js';
import { addDays } from '../time/zoned.js';

export interface MonthPeriod {
  /** 'YYYY-MM' */
  month: string;
  /** first and last day, inclusive, 'YYYY-MM-DD' */
  from: string;
  to: string;
}

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isReportMonth(value: string): boolean {
  const m = MONTH_RE.exec(value);
  return m !== null && Number(m[1]) >= 1900 && Number(m[1]) <= 2200;
}

function parts(month: string): { year: number; month: number } {
  const m = MONTH_RE.exec(month);
  if (!m) throw new RangeError(`invalid month '${month}', expected YYYY-MM`);
  return { year: Number(m[1]), month: Number(m[2]) };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The month `delta` months after (negative: before) `month`. */
export function shiftMonth(month: string, delta: number): string {
  const p = parts(month);
  const index = p.year * 12 + (p.month - 1) + delta;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

export function monthPeriod(month: string): MonthPeriod {
  const p = parts(month);
  const from = `${p.year}-${pad(p.month)}-01`;
  const to = addDays(`${shiftMonth(month, 1)}-01`, -1);
  return { month, from, to };
}

/** The month a local date falls in. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The months a monthly report compares itself with. */
export function comparisonPeriods(month: string): { current: MonthPeriod; previous: MonthPeriod; lastYear: MonthPeriod } {
  return { current: monthPeriod(month), previous: monthPeriod(shiftMonth(month, -1)), lastYear: monthPeriod(shiftMonth(month, -12)) };
}

/** The months of the trend chart: the report month and the `count - 1` months before it, oldest first. */
export function trendMonths(month: string, count = 13): string[] {
  return Array.from({ length: count }, (_, i) => shiftMonth(month, i - count + 1));
}

/** The first working day of a month by the working calendar. */
export function firstWorkingDay(cal: WorkingCalendar, month: string): string {
  const { from, to } = monthPeriod(month);
  for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkingDay(cal, d)) return d;
  return from; // a month without working days does not exist; the first day then
}

/**
 * The month whose report the schedule should build today: the previous month, from the first
 * working day of the current month on; null before it (the first days of a month that are holidays).
 * Whether it was built already is the caller's question (one automatic report per month).
 */
export function monthDueForReport(cal: WorkingCalendar, today: string): string | null {
  const month = monthOf(today);
  return today >= firstWorkingDay(cal, month) ? shiftMonth(month, -1) : null;
}

/** The relative change from `before` to `now` (0.25 = +25 %); null when there is nothing to compare with. */
export function relativeChange(now: number | null | undefined, before: number | null | undefined): number | null {
  if (now === null || now === undefined || before === null || before === undefined || before === 0) return null;
  return (now - before) / Math.abs(before);
}

/** '2026年10月' */
export function monthTitle(month: string): string {
  const p = parts(month);
  return `${p.year}年${p.month}月`;
}
