/**
 * The seed for the editable calendar table: every year the chinese-days package holds (2004 to
 * its latest published year). The data is the package's JSON file, loaded with the module, so
 * the function itself does no I/O.
 */
import chineseDaysData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import type { CalendarDay } from './calendar.js';
import { parseCalendarJson } from './calendar-import.js';

export interface CalendarSeed {
  days: CalendarDay[];
  years: number[];
}

function yearsIn(data: { holidays: object; workdays: object }): number[] {
  const dates = [...Object.keys(data.holidays), ...Object.keys(data.workdays)];
  return [...new Set(dates.map((date) => Number(date.slice(0, 4))))].sort((a, b) => a - b);
}

/** All days of the chinese-days package, and the years they cover; throws if the data is broken. */
export function chineseDaysSeed(): CalendarSeed {
  const years = yearsIn(chineseDaysData);
  const days: CalendarDay[] = [];
  for (const year of years) {
    const result = parseCalendarJson(chineseDaysData, year);
    if (!result.ok) {
      const detail = result.errors.map((e) => `${e.path}: ${e.message}`).join('; ');
      throw new Error(`chinese-days data for ${year} is invalid: ${detail}`);
    }
    days.push(...result.days);
  }
  return { days, years };
}
