/**
 * Answers "is this date a working day?" for one deadline computation and remembers which
 * unconfirmed years it was asked about. A year that is not confirmed is answered from the
 * national holiday regulation alone: Monday–Friday working except its statutory holidays
 * (statutory-holidays.ts; adjusted working days unknown), ignoring any entries already stored for
 * it, so a half-entered year can never look authoritative. A year the regulation cannot be
 * computed for (before 2025, after 2099) has the default week only.
 */
import { isWeekdayWorking, isWorkingDay, isYearConfirmed, type WorkingCalendar } from '../calendar/calendar.js';
import { statutoryHolidayOn } from '../calendar/statutory-holidays.js';
import { addDays, yearOf } from '../time/zoned.js';

/** A scan that finds no working day in this many consecutive days means the calendar is broken. */
export const MAX_IDLE_DAYS = 3660;

export interface DayOracle {
  isWorking(date: string): boolean;
  /** Unconfirmed years consulted so far, ascending. */
  unconfirmedYears(): number[];
}

export function createDayOracle(calendar: WorkingCalendar): DayOracle {
  const unconfirmed = new Set<number>();
  return {
    isWorking(date) {
      const year = yearOf(date);
      if (isYearConfirmed(calendar, year)) return isWorkingDay(calendar, date);
      unconfirmed.add(year);
      return isWeekdayWorking(date) && statutoryHolidayOn(date) === undefined;
    },
    unconfirmedYears() {
      return [...unconfirmed].sort((a, b) => a - b);
    },
  };
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(oracle: DayOracle, date: string): string {
  let day = date;
  for (let i = 0; i < MAX_IDLE_DAYS; i++) {
    day = addDays(day, 1);
    if (oracle.isWorking(day)) return day;
  }
  throw new RangeError(`the calendar has no working day within ${MAX_IDLE_DAYS} days after ${date}`);
}
