/**
 * Day-based clocks (working_days, calendar_days), counted in the company time zone.
 *
 * - working_days: the day of the start is not counted; day 1 is the first working day after it;
 *   due at close of business of day N.
 * - calendar_days: the day of the start is not counted; due at the end (24:00) of day N; if day N
 *   is not a working day, at the end of the next working day.
 *
 * Pauses count in whole days ("remaining days" rule). When a pause begins, the days already used
 * are those after the start day that were over by then (a working day is over at close of
 * business, a calendar day at 24:00); the clock keeps N minus that, but at least 1 day. When the
 * pause ends, counting starts again as if the complaint had been received at that instant: the
 * day of the resume is not counted. So a pause of any length costs at least the days it touches
 * (the handler never loses time to a pause), and a pause that begins after the due time changes
 * nothing. A pause still open when the count is not finished leaves the due time unknown (null).
 */
import { addDays, DAY_MS, localDate, zonedTimeToUtc } from '../time/zoned.js';
import { nextWorkingDay, type DayOracle } from './day-oracle.js';
import type { Interval } from './time-counting.js';

export type DayUnit = 'working_days' | 'calendar_days';

export interface DayCounting {
  unit: DayUnit;
  oracle: DayOracle;
  timeZone: string;
  closeOfBusiness: number; // minutes of the local day
}

/** Due instant for `days` days counted from the instant `fromMs` (its own day not counted). */
function dueAfter(ctx: DayCounting, fromMs: number, days: number): number {
  const startDate = localDate(new Date(fromMs), ctx.timeZone);
  if (ctx.unit === 'working_days') {
    let date = startDate;
    for (let i = 0; i < days; i++) date = nextWorkingDay(ctx.oracle, date);
    return zonedTimeToUtc(date, ctx.closeOfBusiness, ctx.timeZone).getTime();
  }
  let date = addDays(startDate, days);
  if (!ctx.oracle.isWorking(date)) date = nextWorkingDay(ctx.oracle, date);
  return zonedTimeToUtc(addDays(date, 1), 0, ctx.timeZone).getTime();
}

/** Counted days after the day of `fromMs` that were over at `untilMs`. */
function daysUsed(ctx: DayCounting, fromMs: number, untilMs: number): number {
  const startDate = localDate(new Date(fromMs), ctx.timeZone);
  const untilDate = localDate(new Date(untilMs), ctx.timeZone);
  if (ctx.unit === 'calendar_days') {
    // calendar day D is over at 24:00, i.e. when D is before the pause's date
    return Math.max(Math.round((Date.parse(untilDate) - Date.parse(startDate)) / DAY_MS) - 1, 0);
  }
  let used = 0;
  for (let date = addDays(startDate, 1); date <= untilDate; date = addDays(date, 1)) {
    if (!ctx.oracle.isWorking(date)) continue;
    if (zonedTimeToUtc(date, ctx.closeOfBusiness, ctx.timeZone).getTime() <= untilMs) used++;
  }
  return used;
}

/**
 * The due instant of a day-based clock of `days` days started at `startMs`, with `pauses`
 * (sorted, merged, as from normalizePauses); null while an open pause holds the clock.
 */
export function dayBasedDue(ctx: DayCounting, startMs: number, days: number, pauses: readonly Interval[]): number | null {
  let segmentStart = startMs;
  let remaining = days;
  for (const pause of pauses) {
    if (pause.to <= segmentStart) continue;
    const due = dueAfter(ctx, segmentStart, remaining);
    const pausedAt = Math.max(pause.from, segmentStart);
    if (pausedAt >= due) return due;
    remaining = Math.max(remaining - daysUsed(ctx, segmentStart, pausedAt), 1);
    if (pause.to === Infinity) return null;
    segmentStart = pause.to;
  }
  return dueAfter(ctx, segmentStart, remaining);
}
