/**
 * THE deadline function (architecture invariant 4): every due time in the system comes from
 * computeDeadline. Pure: the start, the calendar, the time zone and the pauses come in as
 * arguments. Counting rules: docs "policy-defaults.md", section "Counting rules".
 *
 * - minutes / hours: elapsed time around the clock.
 * - working_hours: only time inside working hours of working days counts; a start outside them
 *   counts from the next opening.
 * - working_days / calendar_days: see day-counting.ts (the start day is never counted).
 * - pauses: time inside a pause does not count. Time units skip the paused time exactly; day
 *   units keep the remaining whole days and restart from the resume (day-counting.ts). A pause
 *   that begins after the due time changes nothing; an open pause (to = null) that begins before
 *   it leaves the due time unknown (null).
 * - a year the calendar has not confirmed is counted with weekends and the statutory holidays of
 *   the national regulation (adjusted working days unknown; day-oracle.ts), and the result says
 *   calendarConfirmed: false with the years concerned.
 * - amount 0 is due at the start instant, whatever the unit (nothing to count, no date consulted).
 */
import type { WorkingCalendar } from '../calendar/calendar.js';
import { DURATION_UNITS, type DurationUnit } from '../codes.js';
import { DomainError } from '../errors.js';
import { isValidTimeZone, localDate, parseTimeOfDay } from '../time/zoned.js';
import { createDayOracle, type DayOracle } from './day-oracle.js';
import { dayBasedDue } from './day-counting.js';
import { allTheTime, consumeTime, normalizePauses, workingWindows, type Interval } from './time-counting.js';

export { DURATION_UNITS, type DurationUnit };

/** A span during which the clock stands still; `to: null` means still paused. */
export interface Pause {
  from: Date;
  to: Date | null;
}

/** Local opening hours, 'HH:MM' (default 09:00–17:30). */
export interface WorkingHours {
  start: string;
  end: string;
}

export const DEFAULT_WORKING_HOURS: WorkingHours = { start: '09:00', end: '17:30' };

export interface DeadlineInput {
  start: Date;
  amount: number;
  unit: DurationUnit;
  calendar: WorkingCalendar;
  timeZone: string;
  workingHours: WorkingHours;
  pauses?: readonly Pause[];
}

export interface DeadlineResult {
  due: Date | null; // null while an open pause holds the clock
  calendarConfirmed: boolean;
  unconfirmedYears: number[];
}

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const MAX_DAYS = 36_600; // about a century: a guard against runaway loops, not a business rule
const MAX_AMOUNT: Readonly<Record<DurationUnit, number>> = {
  minutes: MAX_DAYS * 1440,
  hours: MAX_DAYS * 24,
  working_hours: MAX_DAYS * 24,
  working_days: MAX_DAYS,
  calendar_days: MAX_DAYS,
};

function invalid(field: string, detail: string): DomainError {
  return new DomainError('validation', { detail }, field);
}

function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

function checkAmount(amount: number, unit: DurationUnit): void {
  if (!DURATION_UNITS.includes(unit)) throw invalid('unit', `unknown unit '${String(unit)}'`);
  if (!Number.isFinite(amount) || amount < 0) throw invalid('amount', 'amount must be a finite number >= 0');
  if (amount > MAX_AMOUNT[unit]) throw invalid('amount', `amount must be at most ${MAX_AMOUNT[unit]} ${unit}`);
  if ((unit === 'working_days' || unit === 'calendar_days') && !Number.isInteger(amount)) {
    throw invalid('amount', `${unit} must be a whole number`);
  }
}

/** Working hours as minutes of the local day. */
type Hours = { start: number; end: number };

function parseHours(hours: WorkingHours): Hours {
  let parsed: Hours;
  try {
    parsed = { start: parseTimeOfDay(hours.start), end: parseTimeOfDay(hours.end) };
  } catch {
    throw invalid('workingHours', 'working hours must be HH:MM');
  }
  if (parsed.end <= parsed.start) throw invalid('workingHours.end', 'end must be after start');
  return parsed;
}

function pauseIntervals(pauses: readonly Pause[]): Interval[] {
  return pauses.map((pause, i) => {
    if (!isValidDate(pause.from)) throw invalid(`pauses.${i}.from`, 'invalid date');
    if (pause.to !== null && !isValidDate(pause.to)) throw invalid(`pauses.${i}.to`, 'invalid date');
    const to = pause.to === null ? Infinity : pause.to.getTime();
    if (to < pause.from.getTime()) throw invalid(`pauses.${i}.to`, 'a pause cannot end before it starts');
    return { from: pause.from.getTime(), to };
  });
}

function validate(input: DeadlineInput): { hours: Hours; pauses: Interval[] } {
  if (!isValidDate(input.start)) throw invalid('start', 'invalid date');
  checkAmount(input.amount, input.unit);
  if (!isValidTimeZone(input.timeZone)) throw invalid('timeZone', `unknown time zone '${input.timeZone}'`);
  const hours = parseHours(input.workingHours);
  const pauses = normalizePauses(pauseIntervals(input.pauses ?? []), input.start.getTime());
  return { hours, pauses };
}

/** The due instant in epoch ms, or null while an open pause holds the clock. */
function dueMs(input: DeadlineInput, oracle: DayOracle, hours: Hours, pauses: Interval[]): number | null {
  const startMs = input.start.getTime();
  switch (input.unit) {
    case 'minutes':
      return consumeTime(allTheTime(startMs), pauses, startMs, Math.round(input.amount * MINUTE_MS));
    case 'hours':
      return consumeTime(allTheTime(startMs), pauses, startMs, Math.round(input.amount * HOUR_MS));
    case 'working_hours': {
      const windows = workingWindows(oracle, localDate(input.start, input.timeZone), input.timeZone, hours);
      return consumeTime(windows, pauses, startMs, Math.round(input.amount * HOUR_MS));
    }
    case 'working_days':
    case 'calendar_days': {
      const ctx = { unit: input.unit, oracle, timeZone: input.timeZone, closeOfBusiness: hours.end };
      return dayBasedDue(ctx, startMs, input.amount, pauses);
    }
  }
}

/** Computes the due instant of a clock; throws DomainError('validation') on bad input. */
export function computeDeadline(input: DeadlineInput): DeadlineResult {
  const { hours, pauses } = validate(input);
  const oracle = createDayOracle(input.calendar);
  const due = input.amount === 0 ? input.start.getTime() : dueMs(input, oracle, hours, pauses);
  const unconfirmedYears = oracle.unconfirmedYears();
  return {
    due: due === null ? null : new Date(due),
    calendarConfirmed: unconfirmedYears.length === 0,
    unconfirmedYears,
  };
}

/**
 * Warning instants at fractions (0..1) of the elapsed time between `start` and `due`, in the
 * order given; e.g. [0.5, 0.8] gives the 50% and 80% points.
 */
export function warningTimes(start: Date, due: Date, fractions: readonly number[]): Date[] {
  if (!isValidDate(start)) throw invalid('start', 'invalid date');
  if (!isValidDate(due)) throw invalid('due', 'invalid date');
  const span = due.getTime() - start.getTime();
  return fractions.map((fraction, i) => {
    if (!Number.isFinite(fraction) || fraction < 0 || fraction > 1) {
      throw invalid(`fractions.${i}`, 'a warning fraction must be between 0 and 1');
    }
    return new Date(start.getTime() + Math.round(span * fraction));
  });
}
