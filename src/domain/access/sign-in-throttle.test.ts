import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SIGN_IN_THROTTLE as P,
  decayedScore,
  recordFailure,
  requiredWaitSeconds,
  retryAfterSeconds,
  type ThrottleState,
} from './sign-in-throttle.js';

const T0 = new Date('2026-11-25T02:00:00Z');
const later = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

describe('sign-in throttle (#9 item 4)', () => {
  it('the wait is 0 for the free failures, then 1 s, 2 s, 4 s … up to the cap', () => {
    const s = { freeFailures: 4, firstDelaySeconds: 1, maxDelaySeconds: 900 };
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => requiredWaitSeconds(n, s))).toEqual([0, 0, 0, 0, 1, 2, 4, 8]);
    expect(requiredWaitSeconds(40, s)).toBe(900);
    expect(requiredWaitSeconds(1e9, s)).toBe(900);
    // a few milliseconds of decay between two quick failures do not hide the last one
    expect(requiredWaitSeconds(4.9999, s)).toBe(1);
  });

  it('the score halves every half-life', () => {
    const state = { score: 8, scoredAt: T0 };
    expect(decayedScore(state, T0, 60)).toBe(8);
    expect(decayedScore(state, later(3600), 60)).toBeCloseTo(4);
    expect(decayedScore(state, later(3 * 3600), 60)).toBeCloseTo(1);
  });

  it('repeated failures grow the wait; time lets it decay to nothing', () => {
    let state: ThrottleState | undefined;
    const waits: number[] = [];
    let now = T0;
    for (let i = 0; i < 8; i++) {
      state = recordFailure(state, now, P, P.perSource, undefined).next;
      const wait = retryAfterSeconds(state.blockedUntil, now);
      waits.push(wait);
      now = new Date(now.getTime() + wait * 1000);
    }
    expect(waits).toEqual([0, 0, 0, 0, 1, 2, 4, 8]);
    // four hours later the score is 1/16 of what it was: the next failure is free again
    const after = recordFailure(state, new Date(now.getTime() + 4 * 3600_000), P, P.perSource, undefined);
    expect(after.next.blockedUntil).toBeNull();
    expect(after.next.score).toBeLessThan(2);
  });

  it('alerts once per window when the failures of the window reach the threshold', () => {
    let state: ThrottleState | undefined;
    const alerts: boolean[] = [];
    for (let i = 0; i < 5; i++) {
      const r = recordFailure(state, later(i), P, undefined, 3);
      alerts.push(r.alert);
      state = r.next;
      expect(state.blockedUntil).toBeNull();
    }
    expect(alerts).toEqual([false, false, true, false, false]);
    // a new window starts after the old one ends, and may alert again
    const next = [0, 1, 2].map((i) => later(P.alert.windowMinutes * 60 + 10 + i));
    const again = next.map((at) => {
      const r = recordFailure(state, at, P, undefined, 3);
      state = r.next;
      return r.alert;
    });
    expect(again).toEqual([false, false, true]);
  });

  it('a parallel failure never shortens a wait already imposed', () => {
    const prev: ThrottleState = {
      score: 1,
      scoredAt: T0,
      blockedUntil: later(600),
      windowStart: T0,
      windowFailures: 1,
      alertedWindow: null,
    };
    expect(recordFailure(prev, T0, P, P.perSource, undefined).next.blockedUntil).toEqual(later(600));
  });
});
