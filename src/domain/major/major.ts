/**
 * Major complaints (重大投诉, policy defaults; #14 item 4; CBIRC Order 2020 No. 3 art. 29). Pure:
 * which rules made a complaint major, whether a leader may mark or unmark it, the clocks of its
 * report to the regulator and of its emergency plan's milestones, and the plan's next milestone.
 *
 * The rules themselves (20+ joint complainants, a disaster / accident / public-health cause, named
 * by the regulator) are grading rules (grading.ts `major_*`); this module reads their outcome.
 */
import { computePlanned, type ClockEnvironment, type PlannedClock } from '../clocks/clock-plan.js';
import { warningTimes } from '../clocks/deadline.js';
import { DomainError } from '../errors.js';
import type { GradingProposal } from '../grading/grading.js';
import { OPEN_STATUSES } from '../workflow/workflow.types.js';
import type { Status } from '../codes.js';

export type MajorSource = 'rules' | 'leader';

/** What the marking decisions read of a complaint. */
export interface MajorFacts {
  status: string;
  major: boolean;
}

/** The rules that fired for a major complaint (empty when it is not major). */
export function majorRulesOf(grading: Pick<GradingProposal, 'majorReasons'>): string[] {
  return [...new Set(grading.majorReasons.map((r) => r.rule))];
}

function mustBeOpen(c: MajorFacts, action: string): void {
  if (!(OPEN_STATUSES as readonly string[]).includes(c.status as Status)) {
    throw new DomainError('invalid_transition', { action, status: c.status, reason: 'status' });
  }
}

/** A leader marks an open complaint major (with a reason); one already major is refused. */
export function checkMark(c: MajorFacts): void {
  mustBeOpen(c, 'major_mark');
  if (c.major) throw new DomainError('invalid_transition', { action: 'major_mark', status: c.status, reason: 'already_major' });
}

/** A leader unmarks an open major complaint (with a reason). */
export function checkUnmark(c: MajorFacts): void {
  mustBeOpen(c, 'major_unmark');
  if (!c.major) throw new DomainError('invalid_transition', { action: 'major_unmark', status: c.status, reason: 'not_major' });
}

/** The plan, its items and the report to the regulator are kept only for an open major complaint. */
export function checkPlanChange(c: MajorFacts, action: string): void {
  mustBeOpen(c, action);
  if (!c.major) throw new DomainError('invalid_transition', { action, status: c.status, reason: 'not_major' });
}

/** The report to the regulator is due the policy's duration (default 24 hours) after the marking. */
export function regulatorReportClock(markedAt: Date, env: ClockEnvironment): PlannedClock {
  const { amount, unit } = env.policy.majorComplaint.regulatorReport;
  return computePlanned('major_regulator_report', amount, unit, markedAt, env);
}

/** A milestone's clock: from now to the due time the plan sets, warned at the policy's fractions. */
export function milestoneClock(start: Date, dueAt: Date, warningFractions: readonly number[]): PlannedClock {
  const minutes = Math.max(1, Math.ceil((dueAt.getTime() - start.getTime()) / 60_000));
  return {
    kind: 'major_milestone',
    amount: minutes,
    unit: 'minutes',
    startedAt: start,
    dueAt,
    warnAt: warningTimes(start, dueAt, warningFractions),
    calendarConfirmed: true,
  };
}

export interface PlanItemFacts {
  id: string;
  kind: 'action' | 'milestone';
  status: 'open' | 'done';
  dueAt: Date | null;
}

/** The open milestone due first (the board's "next milestone"), or null. */
export function nextMilestone<T extends PlanItemFacts>(items: readonly T[]): T | null {
  let best: T | null = null;
  for (const i of items) {
    if (i.kind !== 'milestone' || i.status !== 'open' || !i.dueAt) continue;
    if (!best?.dueAt || i.dueAt.getTime() < best.dueAt.getTime()) best = i;
  }
  return best;
}

/** Done or reported after its due time. */
export function isLate(at: Date, dueAt: Date | null): boolean {
  return dueAt !== null && at.getTime() > dueAt.getTime();
}
