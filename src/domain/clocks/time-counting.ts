/**
 * Counting elapsed time over "windows" (the stretches of time that count: all of it for minutes
 * and hours, the working hours of working days for working_hours) minus pauses. All instants
 * are epoch milliseconds here; an open interval ends at Infinity.
 */
import { addDays, zonedTimeToUtc } from '../time/zoned.js';
import { MAX_IDLE_DAYS, type DayOracle } from './day-oracle.js';

export interface Interval {
  from: number;
  to: number; // exclusive; Infinity for an open pause or an unbounded window
}

/** Sorted, non-overlapping pauses that end after `startMs`; empty pauses are dropped. */
export function normalizePauses(pauses: readonly Interval[], startMs: number): Interval[] {
  const sorted = pauses.filter((p) => p.to > p.from && p.to > startMs).sort((a, b) => a.from - b.from);
  const merged: Interval[] = [];
  for (const pause of sorted) {
    const last = merged[merged.length - 1];
    if (last && pause.from <= last.to) last.to = Math.max(last.to, pause.to);
    else merged.push({ ...pause });
  }
  return merged;
}

/** The parts of `window` not covered by `pauses` (sorted and merged). */
function unpaused(window: Interval, pauses: readonly Interval[]): Interval[] {
  const pieces: Interval[] = [];
  let cursor = window.from;
  for (const pause of pauses) {
    if (pause.to <= cursor) continue;
    if (pause.from >= window.to) break;
    if (pause.from > cursor) pieces.push({ from: cursor, to: pause.from });
    cursor = Math.max(cursor, pause.to);
    if (cursor >= window.to) return pieces;
  }
  pieces.push({ from: cursor, to: window.to });
  return pieces;
}

/**
 * The instant at which `amountMs` of counting time has passed since `startMs`, or null when an
 * open pause stops the clock before that. `windows` must be in ascending order.
 */
export function consumeTime(windows: Iterable<Interval>, pauses: readonly Interval[], startMs: number, amountMs: number): number | null {
  const open = pauses.find((p) => p.to === Infinity);
  let remaining = amountMs;
  for (const window of windows) {
    const from = Math.max(window.from, startMs);
    if (open && from >= open.from) return null;
    if (window.to <= from) continue;
    for (const piece of unpaused({ from, to: window.to }, pauses)) {
      const length = piece.to - piece.from;
      if (length >= remaining) return piece.from + remaining;
      remaining -= length;
    }
    if (window.to === Infinity) return null;
  }
  return null;
}

/** One window from `startMs` on, for time counted around the clock. */
export function allTheTime(startMs: number): Interval[] {
  return [{ from: startMs, to: Infinity }];
}

/** The working hours of every working day from `firstDate` on, in order (an endless sequence). */
export function* workingWindows(
  oracle: DayOracle,
  firstDate: string,
  timeZone: string,
  hours: { start: number; end: number }, // minutes of the local day
): Generator<Interval> {
  let idle = 0;
  for (let date = firstDate; ; date = addDays(date, 1)) {
    if (!oracle.isWorking(date)) {
      if (++idle > MAX_IDLE_DAYS) throw new RangeError(`the calendar has no working day after ${firstDate}`);
      continue;
    }
    idle = 0;
    const from = zonedTimeToUtc(date, hours.start, timeZone).getTime();
    const to = zonedTimeToUtc(date, hours.end, timeZone).getTime();
    if (to > from) yield { from, to };
  }
}
