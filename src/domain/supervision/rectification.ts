/**
 * Rectification requests (#14 item 1, R-E4): who may answer, which step is allowed in which status,
 * and the request's clock. Pure; time and the calendar are arguments.
 *
 * open -> answered (the addressee or a member of the addressed department answers)
 * answered -> verified (the inspector verifies: the request closes, its clock is met)
 * answered -> open (the inspector rejects the answer: a new deadline from the rejection)
 * open | answered -> cancelled (the inspector withdraws it, with a reason)
 */
import { computeDeadline, warningTimes } from '../clocks/deadline.js';
import type { WorkingCalendar } from '../calendar/calendar.js';
import type { WorkingHours } from '../clocks/deadline.js';

export const RECTIFICATION_STATUSES = ['open', 'answered', 'verified', 'cancelled'] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];
export type RectificationStep = 'answer' | 'verify' | 'reject' | 'cancel';

const ALLOWED: Record<RectificationStep, readonly RectificationStatus[]> = {
  answer: ['open'],
  verify: ['answered'],
  reject: ['answered'],
  cancel: ['open', 'answered'],
};

export function stepAllowed(step: RectificationStep, status: RectificationStatus): boolean {
  return ALLOWED[step].includes(status);
}

/** Whom a request (or a finding) is addressed to. */
export interface Addressed {
  departmentId: string | null;
  addressee: string | null;
}

/** The addressee, or a member of the addressed department. */
export function isAddressedTo(a: Addressed, who: { username: string; unitIds: readonly string[] }): boolean {
  if (a.addressee !== null && a.addressee === who.username) return true;
  return a.departmentId !== null && who.unitIds.includes(a.departmentId);
}

export interface RectificationClock {
  startedAt: Date;
  dueAt: Date | null;
  warnAt: Date[];
  calendarConfirmed: boolean;
}

/** The deadline `workingDays` working days from `start` (the one deadline function), with its warning points. */
export function planRectificationClock(
  start: Date,
  workingDays: number,
  env: { calendar: WorkingCalendar; timeZone: string; workingHours: WorkingHours; warningFractions: readonly number[] },
): RectificationClock {
  const r = computeDeadline({
    start,
    amount: workingDays,
    unit: 'working_days',
    calendar: env.calendar,
    timeZone: env.timeZone,
    workingHours: env.workingHours,
  });
  return {
    startedAt: start,
    dueAt: r.due,
    warnAt: r.due ? warningTimes(start, r.due, env.warningFractions) : [],
    calendarConfirmed: r.calendarConfirmed,
  };
}

/** Overdue: open past its due time (an answered request waits for the inspector, not for the addressee). */
export function isOverdue(r: { status: RectificationStatus; dueAt: Date | null }, now: Date): boolean {
  return r.status === 'open' && r.dueAt !== null && r.dueAt.getTime() <= now.getTime();
}
