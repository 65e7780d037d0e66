/**
 * Which years an administrator must still confirm (import the State Council's notice for), as of
 * a local date. From 1 November the next year is due: the notice usually comes out in the autumn,
 * and from mid-December 15-day clocks already run into January. A current year still unconfirmed
 * stays due all year. Pure: today comes in as a local date.
 */
import { yearOf } from '../time/zoned.js';

/** The month (1-12) from whose first day next year's calendar is asked for. */
export const NEXT_YEAR_ALERT_MONTH = 11;

export interface CalendarReadiness {
  /** unconfirmed years to ask the administrators about now, ascending (empty: nothing to do) */
  pending: number[];
  /** the date from which next year is asked for */
  nextYearAlertFrom: string;
}

export function calendarReadiness(today: string, confirmedYears: ReadonlySet<number>): CalendarReadiness {
  const year = yearOf(today);
  const month = Number(today.slice(5, 7));
  const pending: number[] = [];
  if (!confirmedYears.has(year)) pending.push(year);
  if (month >= NEXT_YEAR_ALERT_MONTH && !confirmedYears.has(year + 1)) pending.push(year + 1);
  return { pending, nextYearAlertFrom: `${year}-${String(NEXT_YEAR_ALERT_MONTH).padStart(2, '0')}-01` };
}
