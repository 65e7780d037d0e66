/**
 * Sign-in throttling (issue #9 item 4): instead of locking an account after N failures (which let
 * anyone lock anyone out, and told which names exist), every failure raises a score that decays
 * exponentially; the wait before the next attempt grows with the score. Scores are kept per
 * (username, source address), per username from anywhere, per source address across usernames
 * (alerting only) and per user for the current password of a password change. Usernames are the
 * names as typed, whether or not such an account exists, so unknown and existing names behave alike.
 * Pure: the caller passes the clock and the stored state.
 */

/** How the wait grows: `freeFailures` cost nothing, then firstDelay, doubling each failure, capped. */
export interface ThrottleSchedule {
  freeFailures: number;
  firstDelaySeconds: number;
  maxDelaySeconds: number;
}

export interface SignInThrottlePolicy {
  /** a failure counts half as much after this long */
  halfLifeMinutes: number;
  /** one username from one address: stops a guesser at their source, whatever else happens */
  perSource: ThrottleSchedule;
  /** one username from every address (a distributed guesser); never applies to a known source */
  perAccount: ThrottleSchedule;
  /** wrong current passwords on POST /api/auth/password, per user; separate from sign-in */
  passwordChange: ThrottleSchedule;
  /** an address with a successful sign-in of the account within this many days is a known source */
  knownSourceDays: number;
  /** administrators are told once per window when failures pass these counts within it */
  alert: { windowMinutes: number; accountFailures: number; addressFailures: number };
}

/** The shipped numbers (security settings; tests and deployments may pass others). */
export const DEFAULT_SIGN_IN_THROTTLE: SignInThrottlePolicy = {
  halfLifeMinutes: 60,
  perSource: { freeFailures: 4, firstDelaySeconds: 1, maxDelaySeconds: 15 * 60 },
  perAccount: { freeFailures: 20, firstDelaySeconds: 1, maxDelaySeconds: 15 * 60 },
  passwordChange: { freeFailures: 3, firstDelaySeconds: 2, maxDelaySeconds: 15 * 60 },
  knownSourceDays: 30,
  alert: { windowMinutes: 15, accountFailures: 20, addressFailures: 50 },
};

export type ThrottleKind = 'source' | 'account' | 'address' | 'password';

/** What is stored per key. */
export interface ThrottleState {
  score: number;
  scoredAt: Date;
  blockedUntil: Date | null;
  windowStart: Date;
  windowFailures: number;
  /** the window start that administrators were already told about */
  alertedWindow: Date | null;
}

/** The score at `now`: halved every half-life since it was last written. */
export function decayedScore(state: Pick<ThrottleState, 'score' | 'scoredAt'>, now: Date, halfLifeMinutes: number): number {
  const elapsed = Math.max(0, now.getTime() - state.scoredAt.getTime());
  return state.score * 0.5 ** (elapsed / (halfLifeMinutes * 60_000));
}

/**
 * Seconds to wait after a failure that left this score: 0 up to `freeFailures`, then 1, 2, 4 …
 * (times firstDelay) up to the cap. The score is rounded so that the few milliseconds of decay
 * between two quick failures do not hide the last one.
 */
export function requiredWaitSeconds(score: number, schedule: ThrottleSchedule): number {
  const steps = Math.round(score) - schedule.freeFailures;
  if (steps <= 0) return 0;
  // 2^steps overflows nothing here: the cap is reached long before steps is large
  return Math.min(schedule.firstDelaySeconds * 2 ** Math.min(steps - 1, 30), schedule.maxDelaySeconds);
}

/** Whole seconds until `blockedUntil` (at least 1), or 0 when it has passed. */
export function retryAfterSeconds(blockedUntil: Date | null, now: Date): number {
  if (!blockedUntil) return 0;
  const ms = blockedUntil.getTime() - now.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}

export interface FailureOutcome {
  next: ThrottleState;
  /** this failure passed the alert threshold of its window, which was not yet announced */
  alert: boolean;
}

/**
 * One more failure on a key. `schedule` absent: counted for alerts only, never blocks.
 * `alertAt` absent: never alerts. Windows are fixed, starting at the first failure after the last
 * window ended.
 */
export function recordFailure(
  prev: ThrottleState | undefined,
  now: Date,
  policy: SignInThrottlePolicy,
  schedule: ThrottleSchedule | undefined,
  alertAt: number | undefined,
): FailureOutcome {
  const score = (prev ? decayedScore(prev, now, policy.halfLifeMinutes) : 0) + 1;
  const wait = schedule ? requiredWaitSeconds(score, schedule) : 0;
  const until = wait > 0 ? now.getTime() + wait * 1000 : 0;
  // parallel failures are recorded one after the other: never shorten a wait already imposed
  const longest = Math.max(until, prev?.blockedUntil?.getTime() ?? 0);
  const blockedUntil = longest > now.getTime() ? new Date(longest) : null;
  const windowMs = policy.alert.windowMinutes * 60_000;
  const sameWindow = prev !== undefined && now.getTime() - prev.windowStart.getTime() < windowMs;
  const windowStart = sameWindow ? prev.windowStart : now;
  const windowFailures = sameWindow ? prev.windowFailures + 1 : 1;
  const alreadyAlerted = prev?.alertedWindow?.getTime() === windowStart.getTime();
  const alert = alertAt !== undefined && windowFailures >= alertAt && !alreadyAlerted;
  return {
    next: {
      score,
      scoredAt: now,
      blockedUntil,
      windowStart,
      windowFailures,
      alertedWindow: alert ? windowStart : (prev?.alertedWindow ?? null),
    },
    alert,
  };
}
