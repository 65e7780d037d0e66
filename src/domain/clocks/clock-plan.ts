/**
 * Which clocks a complaint runs and their due times (R-A1, R-A2, R-B2, R-B3, R-C3..C5).
 * Every due time comes from computeDeadline; this file only decides which clocks and from when.
 */
import type { WorkingCalendar } from '../calendar/calendar.js';
import type { ClockKind, DurationUnit, Policy } from '../policy/policy.schema.js';
import type { Level } from '../grading/grading.js';
import { computeDeadline, warningTimes, type Pause } from './deadline.js';

export interface PlannedClock {
  kind: ClockKind;
  amount: number;
  unit: DurationUnit;
  startedAt: Date;
  dueAt: Date | null;
  warnAt: Date[];
  calendarConfirmed: boolean;
}

export interface ClockEnvironment {
  policy: Policy;
  calendar: WorkingCalendar;
  timeZone: string;
}

/** The clocks a level's route runs from receipt (the ones that start later are started by actions). */
export const LEVEL_CLOCKS: Readonly<Record<Level, readonly ClockKind[]>> = {
  1: ['l1_report_supervisor', 'l1_to_leadership', 'l1_leadership_meeting', 'l1_result'],
  2: ['l2_to_supervisor', 'l2_investigation_organised', 'l2_result'],
  3: ['l3_answer'],
};

const ACK_CHANNELS = new Set(['letter', 'email']);
const ONLINE_CHANNELS = new Set(['web', 'app']);

/** Clocks that do not depend on the level; the regulatory clock runs for every complaint. */
export function intakeClockKinds(channel: string, urgent: boolean): ClockKind[] {
  const kinds: ClockKind[] = ['regulatory'];
  if (urgent) kinds.push('urgent_initial_response');
  if (ACK_CHANNELS.has(channel)) kinds.push('acknowledgment');
  if (ONLINE_CHANNELS.has(channel)) kinds.push('online_first_reply');
  return kinds;
}

export function durationOf(kind: ClockKind, policy: Policy): { amount: number; unit: DurationUnit } {
  if (kind === 'regulatory') return { amount: policy.regulatory.decisionDays, unit: 'calendar_days' };
  if (kind === 'progress_report') return { amount: policy.tracking.progressReportWorkingDays, unit: 'working_days' };
  if (kind === 'milestone' || kind === 'major_milestone')
    throw new Error('a milestone has the due time of its plan, not a policy duration');
  if (kind === 'major_regulator_report') return policy.majorComplaint.regulatorReport;
  return policy.clocks[kind];
}

/** One clock from a start instant, with its warning points at the policy's fractions. */
export function planClock(kind: ClockKind, startedAt: Date, env: ClockEnvironment, pauses: readonly Pause[] = []): PlannedClock {
  const { amount, unit } = durationOf(kind, env.policy);
  return computePlanned(kind, amount, unit, startedAt, env, pauses);
}

export function computePlanned(
  kind: ClockKind,
  amount: number,
  unit: DurationUnit,
  startedAt: Date,
  env: ClockEnvironment,
  pauses: readonly Pause[] = [],
): PlannedClock {
  const result = computeDeadline({
    start: startedAt,
    amount,
    unit,
    calendar: env.calendar,
    timeZone: env.timeZone,
    workingHours: env.policy.workingHours,
    pauses,
  });
  const warnAt = result.due ? warningTimes(startedAt, result.due, env.policy.warningFractions) : [];
  return { kind, amount, unit, startedAt, dueAt: result.due, warnAt, calendarConfirmed: result.calendarConfirmed };
}

/** Every clock started when a complaint is registered: intake clocks plus the level's route. */
export function planRegistrationClocks(
  facts: { receivedAt: Date; channel: string; urgent: boolean; level: Level },
  env: ClockEnvironment,
): PlannedClock[] {
  const kinds = [...intakeClockKinds(facts.channel, facts.urgent), ...LEVEL_CLOCKS[facts.level]];
  return kinds.map((kind) => planClock(kind, facts.receivedAt, env));
}

/** The stricter of two deadlines drives alerts (R-A2): the earlier due time. */
export function stricterClock<T extends { dueAt: Date | null }>(clocks: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const c of clocks) {
    if (!c.dueAt) continue;
    if (!best || !best.dueAt || c.dueAt.getTime() < best.dueAt.getTime()) best = c;
  }
  return best;
}
