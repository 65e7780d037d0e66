/**
 * What the sweeper does to one clock at one instant (R-E3), as a pure function: the warnings due at
 * the policy's fractions, the breach at the due time, the escalation chain after the breach, and
 * when to look at the clock again. A late sweep catches up every missed effect at once, in order.
 */

export type SweepClockStatus = 'running' | 'paused' | 'met' | 'breached' | 'cancelled';

/** The sweeping state of a clock as stored. */
export interface SweepClockState {
  status: SweepClockStatus;
  dueAt: Date | null;
  warnAt: readonly Date[];
  /** warnings already sent: the next one due is warnAt[warningsSent] */
  warningsSent: number;
  /** escalation steps already run: the next one due is steps[escalationStep] */
  escalationStep: number;
  breachedAt: Date | null;
}

/** The timing of an escalation step: minutes after the breach. */
export interface SweepStep {
  afterMinutes: number;
}

/** One fact the sweep makes true; `at` is the instant it was due (not the instant of the sweep). */
export type SweepEffect =
  { type: 'warning'; index: number; at: Date } | { type: 'breach'; at: Date } | { type: 'escalation'; step: number; at: Date };

export interface SweepOutcome {
  effects: SweepEffect[];
  status: SweepClockStatus;
  warningsSent: number;
  escalationStep: number;
  /** the due time, not the time the sweep noticed it */
  breachedAt: Date | null;
  /** the next instant something falls due: a warning, the due time, an escalation step; null when nothing remains */
  nextCheckAt: Date | null;
}

const MINUTE = 60_000;

function stepTime(breachedAt: Date, step: SweepStep): Date {
  return new Date(breachedAt.getTime() + step.afterMinutes * MINUTE);
}

/** The effects due at `now` and the clock's sweeping state after them. */
export function sweepClock(clock: SweepClockState, now: Date, steps: readonly SweepStep[]): SweepOutcome {
  const idle: SweepOutcome = {
    effects: [],
    status: clock.status,
    warningsSent: clock.warningsSent,
    escalationStep: clock.escalationStep,
    breachedAt: clock.breachedAt,
    nextCheckAt: null,
  };
  if (clock.status !== 'running' && clock.status !== 'breached') return idle;

  const effects: SweepEffect[] = [];
  let { status, warningsSent, escalationStep, breachedAt } = clock;
  const t = now.getTime();

  if (status === 'running') {
    for (let i = warningsSent; i < clock.warnAt.length; i++) {
      const at = clock.warnAt[i];
      if (!at || at.getTime() > t) break;
      effects.push({ type: 'warning', index: i, at });
      warningsSent = i + 1;
    }
    if (clock.dueAt && clock.dueAt.getTime() <= t) {
      effects.push({ type: 'breach', at: clock.dueAt });
      status = 'breached';
      breachedAt = clock.dueAt;
    }
  }

  if (status === 'breached' && breachedAt) {
    for (let k = escalationStep; k < steps.length; k++) {
      const step = steps[k];
      if (!step) break;
      const at = stepTime(breachedAt, step);
      if (at.getTime() > t) break;
      effects.push({ type: 'escalation', step: k, at });
      escalationStep = k + 1;
    }
  }

  return {
    effects,
    status,
    warningsSent,
    escalationStep,
    breachedAt,
    nextCheckAt: nextCheck({ ...clock, status, warningsSent, escalationStep, breachedAt }, steps),
  };
}

/** When the sweeper must look at a clock next, from its state alone (also for a clock just started or re-planned). */
export function nextCheck(clock: SweepClockState, steps: readonly SweepStep[]): Date | null {
  if (clock.status === 'running') return clock.warnAt[clock.warningsSent] ?? clock.dueAt;
  if (clock.status === 'breached' && clock.breachedAt) {
    const step = steps[clock.escalationStep];
    return step ? stepTime(clock.breachedAt, step) : null;
  }
  return null;
}
