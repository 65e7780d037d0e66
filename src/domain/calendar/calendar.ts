/**
 * The working-day calendar: explicit entries (statutory holidays and adjusted working days) on
 * top of the default week (Monday–Friday working, Saturday and Sunday off), plus the set of years
 * whose entries an administrator has confirmed as complete.
 */
import { weekdayOf } from '../time/zoned.js';

/**
 * 'holiday': a statutory day off (法定节假日), including weekend days inside a holiday period.
 * 'workday': an adjusted working day (调休上班), usually a Saturday or Sunday.
 */
export type DayKind = 'holiday' | 'workday';

export const DAY_KINDS: readonly DayKind[] = ['holiday', 'workday'];

export interface CalendarDay {
  date: string; // 'YYYY-MM-DD'
  kind: DayKind;
  name: string; // e.g. '春节'
}

export interface WorkingCalendar {
  days: ReadonlyMap<string, CalendarDay>;
  confirmedYears: ReadonlySet<number>;
}

/** Builds a calendar; when a date occurs more than once, the last entry wins. */
export function buildCalendar(days: CalendarDay[], confirmedYears: Iterable<number>): WorkingCalendar {
  const map = new Map<string, CalendarDay>();
  for (const day of days) map.set(day.date, day);
  return { days: map, confirmedYears: new Set(confirmedYears) };
}

/** The default week alone: Monday to Friday are working days. */
export function isWeekdayWorking(date: string): boolean {
  const weekday = weekdayOf(date);
  return weekday >= 1 && weekday <= 5;
}

/** An explicit entry wins; otherwise Monday–Friday are working days and Saturday/Sunday are not. */
export function isWorkingDay(cal: WorkingCalendar, date: string): boolean {
  const entry = cal.days.get(date);
  if (entry) return entry.kind === 'workday';
  return isWeekdayWorking(date);
}

export function isYearConfirmed(cal: WorkingCalendar, year: number): boolean {
  return cal.confirmedYears.has(year);
}
