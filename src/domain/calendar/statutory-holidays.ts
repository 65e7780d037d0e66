/**
 * The statutory holidays of a year, computed from the national holiday regulation
 * (全国年节及纪念日放假办法, as amended in 2024, in force from 1 January 2025), article 2:
 *
 * - New Year's Day (元旦): 1 January, 1 day;
 * - Spring Festival (春节): lunar New Year's Eve (除夕, the last day of the 12th lunar month, the
 *   29th or the 30th) and the 1st, 2nd and 3rd of the 1st lunar month, 4 days;
 * - Qingming (清明): the day of the solar term, 1 day;
 * - Labour Day (劳动节): 1 and 2 May, 2 days;
 * - Dragon Boat (端午): the 5th of the 5th lunar month, 1 day;
 * - Mid-Autumn (中秋): the 15th of the 8th lunar month, 1 day;
 * - National Day (国庆节): 1, 2 and 3 October, 3 days.
 *
 * This is what a year is counted with until the State Council's notice for it is imported: the
 * adjusted working days (调休) and the days off in lieu of a holiday that falls on a weekend (补假,
 * article 6) are decided by that notice and are not guessed here (leaving them out can only make
 * a deadline earlier, never later). Weekends stay rest days.
 *
 * The lunar dates and the solar term come from the chinese-days package: `getLunarDate` (its
 * lunar table covers 1900–2100) and `getSolarTermDate`. Its `getSolarDateFromLunar` is not used:
 * it reads the date in the process's local time zone and answers a day early west of UTC
 * (e.g. 2025-01-30 for the 2025 Spring Festival in America/Los_Angeles). `getLunarDate` given a
 * 'YYYY-MM-DD' string counts whole days from a fixed instant and does not depend on the zone.
 *
 * Pure: no I/O, no clock; the answer for a year is remembered (it never changes).
 */
import chineseDays from 'chinese-days';
import type { CalendarDay } from './calendar.js';
import { addDays, isValidDateString, yearOf } from '../time/zoned.js';

export type Festival = 'new_year' | 'spring_festival' | 'qingming' | 'labour_day' | 'dragon_boat' | 'mid_autumn' | 'national_day';

/** Names as the chinese-days data and the State Council notices write them. */
export const FESTIVAL_NAMES: Readonly<Record<Festival, string>> = {
  new_year: '元旦',
  spring_festival: '春节',
  qingming: '清明',
  labour_day: '劳动节',
  dragon_boat: '端午',
  mid_autumn: '中秋',
  national_day: '国庆节',
};

export interface StatutoryHoliday {
  date: string; // 'YYYY-MM-DD'
  /** usually one; two when festivals meet on one day (Mid-Autumn on 3 October 2028) */
  festivals: Festival[];
}

/** The regulation as amended in 2024 applies from 2025; the lunar table and solar-term formula end with 2099. */
export const STATUTORY_FIRST_YEAR = 2025;
export const STATUTORY_LAST_YEAR = 2099;

export function hasStatutoryHolidays(year: number): boolean {
  return Number.isInteger(year) && year >= STATUTORY_FIRST_YEAR && year <= STATUTORY_LAST_YEAR;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

interface LunarDay {
  date: string;
  month: number;
  day: number;
  leap: boolean;
}

/**
 * The days between two dates with their lunar month and day. Each lookup walks the lunar table
 * from 1900, so only the windows the lunar festivals can fall in are read (Spring Festival
 * 21 Jan–20 Feb, Dragon Boat 28 May–25 Jun, Mid-Autumn 8 Sep–8 Oct, with a margin).
 */
function lunarDaysBetween(from: string, to: string): LunarDay[] {
  const days: LunarDay[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const lunar = chineseDays.getLunarDate(date);
    days.push({ date, month: lunar.lunarMon, day: lunar.lunarDay, leap: lunar.isLeap });
  }
  return days;
}

/** The solar dates that fall on a lunar month and day (a leap month of the same number excluded). */
function solarDatesOfLunar(days: readonly LunarDay[], lunarMonth: number, lunarDay: number): string[] {
  return days.filter((d) => d.month === lunarMonth && d.day === lunarDay && !d.leap).map((d) => d.date);
}

function exactlyOne(dates: string[], what: string, year: number): string {
  const [date] = dates;
  if (dates.length !== 1 || date === undefined)
    throw new RangeError(`${what} of ${year}: expected one date, the lunar table gave ${dates.length}`);
  return date;
}

/**
 * chinese-days builds the solar-term date at UTC midnight and formats it in the process's local
 * time zone (a day early west of UTC). Undo that: the day whose UTC midnight reads as `formatted`
 * locally is the one it computed.
 */
function fromLibraryDate(formatted: string, year: number, month: number): string {
  for (let day = 1; day <= 31; day++) {
    const candidate = iso(year, month, day);
    const instant = new Date(Date.UTC(year, month - 1, day));
    if (isValidDateString(candidate) && iso(instant.getFullYear(), instant.getMonth() + 1, instant.getDate()) === formatted)
      return candidate;
  }
  throw new RangeError(`solar term date '${formatted}' is not in ${year}-${pad(month)}`);
}

function qingming(year: number): string {
  return fromLibraryDate(chineseDays.getSolarTermDate(year, 4, 'pure_brightness'), year, 4);
}

/** Computes afresh, without the memo (statutoryHolidays is the one to use; tests call this under several time zones). */
export function computeStatutoryHolidays(year: number): StatutoryHoliday[] {
  const lunar = [
    ...lunarDaysBetween(`${year}-01-15`, `${year}-02-28`),
    ...lunarDaysBetween(`${year}-05-15`, `${year}-07-10`),
    ...lunarDaysBetween(`${year}-09-01`, `${year}-10-20`),
  ];
  const newYear = exactlyOne(solarDatesOfLunar(lunar, 1, 1), 'Spring Festival', year);
  const entries: Array<[string, Festival]> = [
    [`${year}-01-01`, 'new_year'],
    // New Year's Eve is the day before the 1st of the 1st month, whether the 12th month has 29 or 30 days
    [addDays(newYear, -1), 'spring_festival'],
    [newYear, 'spring_festival'],
    [addDays(newYear, 1), 'spring_festival'],
    [addDays(newYear, 2), 'spring_festival'],
    [qingming(year), 'qingming'],
    [`${year}-05-01`, 'labour_day'],
    [`${year}-05-02`, 'labour_day'],
    [exactlyOne(solarDatesOfLunar(lunar, 5, 5), 'Dragon Boat', year), 'dragon_boat'],
    [exactlyOne(solarDatesOfLunar(lunar, 8, 15), 'Mid-Autumn', year), 'mid_autumn'],
    [`${year}-10-01`, 'national_day'],
    [`${year}-10-02`, 'national_day'],
    [`${year}-10-03`, 'national_day'],
  ];
  const byDate = new Map<string, Festival[]>();
  for (const [date, festival] of entries) byDate.set(date, [...(byDate.get(date) ?? []), festival]);
  return [...byDate.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, festivals]) => ({ date, festivals }));
}

const computed = new Map<number, readonly StatutoryHoliday[]>();
const byDate = new Map<number, ReadonlyMap<string, StatutoryHoliday>>();

/** The statutory holidays of a year, by date; throws RangeError outside 2025–2099. */
export function statutoryHolidays(year: number): readonly StatutoryHoliday[] {
  if (!hasStatutoryHolidays(year))
    throw new RangeError(`statutory holidays are computed for ${STATUTORY_FIRST_YEAR}–${STATUTORY_LAST_YEAR}, not ${year}`);
  let days = computed.get(year);
  if (!days) {
    days = computeStatutoryHolidays(year);
    computed.set(year, days);
  }
  return days;
}

/** The statutory holiday on a date, or undefined (also for a year outside 2025–2099). */
export function statutoryHolidayOn(date: string): StatutoryHoliday | undefined {
  const year = yearOf(date);
  if (!hasStatutoryHolidays(year)) return undefined;
  let map = byDate.get(year);
  if (!map) {
    map = new Map(statutoryHolidays(year).map((h) => [h.date, h]));
    byDate.set(year, map);
  }
  return map.get(date);
}

/** '中秋、国庆节' when two festivals share the day. */
export function statutoryName(holiday: StatutoryHoliday): string {
  return holiday.festivals.map((f) => FESTIVAL_NAMES[f]).join('、');
}

/** The statutory holidays of a year as calendar entries (kind 'holiday'). */
export function statutoryCalendarDays(year: number): CalendarDay[] {
  return statutoryHolidays(year).map((h) => ({ date: h.date, kind: 'holiday', name: statutoryName(h) }));
}
