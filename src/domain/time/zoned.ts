/**
 * Time-zone helpers built on `Intl.DateTimeFormat` only (no date library).
 *
 * Conventions: an instant is a `Date`; a local calendar date is a `'YYYY-MM-DD'` string; a local
 * wall-clock time is `'HH:MM'` or a number of minutes since local midnight (0..1440, where 1440 is
 * 24:00, i.e. midnight of the next day). Pure: no access to the current time.
 */

export interface LocalParts {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
  hour: number; // 0..23
  minute: number;
  second: number;
  weekday: number; // 0 = Sunday .. 6 = Saturday
}

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-4]):([0-5]\d)$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when `timeZone` is an IANA zone name this runtime knows (e.g. 'Asia/Shanghai'). */
export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone.trim() === '') return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The local calendar fields of `instant` in `timeZone`. */
export function localParts(instant: Date, timeZone: string): LocalParts {
  if (Number.isNaN(instant.getTime())) throw new RangeError('localParts: invalid Date');
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const year = fields.year ?? NaN;
  const month = fields.month ?? NaN;
  const day = fields.day ?? NaN;
  const hour = (fields.hour ?? NaN) % 24; // some ICU versions print midnight as 24
  return {
    year,
    month,
    day,
    hour,
    minute: fields.minute ?? NaN,
    second: fields.second ?? NaN,
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
  };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function formatDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The local calendar date ('YYYY-MM-DD') of `instant` in `timeZone`. */
export function localDate(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return formatDate(p.year, p.month, p.day);
}

/** True for a syntactically correct, existing Gregorian date such as '2024-02-29'. */
export function isValidDateString(date: string): boolean {
  const m = DATE_RE.exec(date);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function parseDate(date: string): { year: number; month: number; day: number } {
  if (!isValidDateString(date)) throw new RangeError(`invalid date '${date}', expected YYYY-MM-DD`);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

/** Calendar arithmetic on date strings: '2026-12-31' + 1 = '2027-01-01'. */
export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`addDays: ${days} is not an integer`);
  const { year, month, day } = parseDate(date);
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return formatDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Day of the week of a date string: 0 = Sunday .. 6 = Saturday. */
export function weekdayOf(date: string): number {
  const { year, month, day } = parseDate(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** The year of a date string. */
export function yearOf(date: string): number {
  return parseDate(date).year;
}

/** 'HH:MM' (00:00..24:00) to minutes since midnight; throws RangeError on anything else. */
export function parseTimeOfDay(time: string): number {
  const m = TIME_RE.exec(time);
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  if (!(minutes <= 1440)) throw new RangeError(`invalid time '${time}', expected HH:MM`);
  return minutes;
}

function toMinutes(time: string | number): number {
  if (typeof time === 'string') return parseTimeOfDay(time);
  if (!Number.isInteger(time) || time < 0 || time > 1440) {
    throw new RangeError(`invalid minutes of day ${time}, expected an integer 0..1440`);
  }
  return time;
}

/** Offset (local minus UTC, in ms) of `timeZone` at the instant `ms`, to the second. */
function offsetAt(ms: number, timeZone: string): number {
  const p = localParts(new Date(ms), timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(ms / 1000) * 1000;
}

function wallClockOf(ms: number, timeZone: string): number {
  return ms + offsetAt(ms, timeZone);
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` `time`.
 *
 * When the offset is the same a day before and a day after, it is the offset. Otherwise it is
 * found iteratively: guess with the offsets in force a day before, at and a day
 * after the wall time read as UTC, refine each guess once with the offset at the guessed instant,
 * and keep the candidates whose wall clock matches (a zone changes its offset at most once in
 * such a window in practice). Ambiguous times (clocks turned back) resolve to the earlier instant;
 * times skipped by a forward jump resolve with the offset before the jump, i.e. they are moved
 * forward by the size of the gap (02:30 on a spring-forward night in Berlin becomes 03:30 CEST).
 * This is the 'compatible' behaviour of Temporal and of RFC 5545.
 */
export function zonedTimeToUtc(date: string, time: string | number, timeZone: string): Date {
  const { year, month, day } = parseDate(date);
  const wall = Date.UTC(year, month - 1, day, 0, toMinutes(time));
  const offsetBefore = offsetAt(wall - DAY_MS, timeZone);
  if (offsetBefore === offsetAt(wall + DAY_MS, timeZone)) return new Date(wall - offsetBefore); // no change nearby
  const candidates = new Set<number>();
  for (const probe of [wall - DAY_MS, wall, wall + DAY_MS]) {
    const guess = wall - offsetAt(probe, timeZone);
    candidates.add(guess);
    candidates.add(wall - offsetAt(guess, timeZone)); // one refinement step
  }
  const matches = [...candidates].filter((candidate) => wallClockOf(candidate, timeZone) === wall).sort((a, b) => a - b);
  return new Date(matches[0] ?? wall - offsetBefore);
}
