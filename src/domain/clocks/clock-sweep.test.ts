import { describe, expect, it } from 'vitest';
import { nextCheck, sweepClock, type SweepClockState } from './clock-sweep.js';

const T0 = Date.parse('2026-11-25T02:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const STEPS = [{ afterMinutes: 0 }, { afterMinutes: 240 }, { afterMinutes: 1440 }];

/** A 30-minute clock started at T0, warning at 50% and 80%. */
const fresh = (over: Partial<SweepClockState> = {}): SweepClockState => ({
  status: 'running',
  dueAt: at(30),
  warnAt: [at(15), at(24)],
  warningsSent: 0,
  escalationStep: 0,
  breachedAt: null,
  ...over,
});

describe('sweepClock', () => {
  it('before the first warning: nothing, look again at the first warning', () => {
    const r = sweepClock(fresh(), at(10), STEPS);
    expect(r.effects).toEqual([]);
    expect(r).toMatchObject({ status: 'running', warningsSent: 0, escalationStep: 0, breachedAt: null, nextCheckAt: at(15) });
  });

  it('at the first warning exactly: warning 0, next at the second', () => {
    const r = sweepClock(fresh(), at(15), STEPS);
    expect(r.effects).toEqual([{ type: 'warning', index: 0, at: at(15) }]);
    expect(r).toMatchObject({ status: 'running', warningsSent: 1, nextCheckAt: at(24) });
  });

  it('a warning already sent is not sent again', () => {
    const r = sweepClock(fresh({ warningsSent: 1 }), at(20), STEPS);
    expect(r.effects).toEqual([]);
    expect(r.nextCheckAt).toEqual(at(24));
  });

  it('after the last warning: next check at the due time', () => {
    const r = sweepClock(fresh({ warningsSent: 1 }), at(25), STEPS);
    expect(r.effects).toEqual([{ type: 'warning', index: 1, at: at(24) }]);
    expect(r).toMatchObject({ warningsSent: 2, nextCheckAt: at(30) });
  });

  it('at the due time: breach (breachedAt = due) and step 0 at once; next at step 1', () => {
    const r = sweepClock(fresh({ warningsSent: 2 }), at(30), STEPS);
    expect(r.effects).toEqual([
      { type: 'breach', at: at(30) },
      { type: 'escalation', step: 0, at: at(30) },
    ]);
    expect(r).toMatchObject({ status: 'breached', breachedAt: at(30), escalationStep: 1, nextCheckAt: at(270) });
  });

  it('the breach time is the due time even when the sweep comes later', () => {
    const r = sweepClock(fresh({ warningsSent: 2 }), at(31), STEPS);
    expect(r.breachedAt).toEqual(at(30));
  });

  it('escalation steps follow in time from the breach', () => {
    const breached = fresh({ status: 'breached', warningsSent: 2, escalationStep: 1, breachedAt: at(30) });
    expect(sweepClock(breached, at(269), STEPS).effects).toEqual([]);
    const r = sweepClock(breached, at(270), STEPS);
    expect(r.effects).toEqual([{ type: 'escalation', step: 1, at: at(270) }]);
    expect(r).toMatchObject({ status: 'breached', escalationStep: 2, nextCheckAt: at(1470) });
  });

  it('after the last step nothing remains: nextCheckAt null', () => {
    const r = sweepClock(fresh({ status: 'breached', warningsSent: 2, escalationStep: 2, breachedAt: at(30) }), at(1500), STEPS);
    expect(r.effects).toEqual([{ type: 'escalation', step: 2, at: at(1470) }]);
    expect(r).toMatchObject({ escalationStep: 3, nextCheckAt: null });
    const again = sweepClock({ ...fresh(), status: 'breached', warningsSent: 2, escalationStep: 3, breachedAt: at(30) }, at(5000), STEPS);
    expect(again).toMatchObject({ effects: [], nextCheckAt: null });
  });

  it('a sweep long after due catches up everything in order: warn 0, warn 1, breach, step 0, step 1', () => {
    const r = sweepClock(fresh(), at(300), STEPS);
    expect(r.effects).toEqual([
      { type: 'warning', index: 0, at: at(15) },
      { type: 'warning', index: 1, at: at(24) },
      { type: 'breach', at: at(30) },
      { type: 'escalation', step: 0, at: at(30) },
      { type: 'escalation', step: 1, at: at(270) },
    ]);
    expect(r).toMatchObject({ status: 'breached', warningsSent: 2, escalationStep: 2, breachedAt: at(30), nextCheckAt: at(1470) });
  });

  it('a breached clock raises no more warnings', () => {
    const r = sweepClock(fresh({ status: 'breached', warningsSent: 0, escalationStep: 1, breachedAt: at(30) }), at(40), STEPS);
    expect(r.effects).toEqual([]);
    expect(r.warningsSent).toBe(0);
  });

  it.each(['paused', 'met', 'cancelled'] as const)('a %s clock: no effects, nothing to check', (status) => {
    const r = sweepClock(fresh({ status }), at(5000), STEPS);
    expect(r).toEqual({ effects: [], status, warningsSent: 0, escalationStep: 0, breachedAt: null, nextCheckAt: null });
  });

  it('a clock without a due time has nothing to sweep', () => {
    const r = sweepClock(fresh({ dueAt: null, warnAt: [] }), at(5000), STEPS);
    expect(r).toMatchObject({ effects: [], status: 'running', nextCheckAt: null });
  });

  it('steps configured later than the breach: step 0 waits for its own time', () => {
    const steps = [{ afterMinutes: 60 }];
    const r = sweepClock(fresh({ warningsSent: 2 }), at(30), steps);
    expect(r.effects).toEqual([{ type: 'breach', at: at(30) }]);
    expect(r).toMatchObject({ escalationStep: 0, nextCheckAt: at(90) });
  });

  it('sweeping again at the same instant does nothing', () => {
    const first = sweepClock(fresh(), at(300), STEPS);
    const second = sweepClock({ ...fresh(), ...first }, at(300), STEPS);
    expect(second.effects).toEqual([]);
    expect(second.nextCheckAt).toEqual(first.nextCheckAt);
  });
});

describe('nextCheck', () => {
  it('running: the next unsent warning, else the due time', () => {
    expect(nextCheck(fresh(), STEPS)).toEqual(at(15));
    expect(nextCheck(fresh({ warningsSent: 2 }), STEPS)).toEqual(at(30));
  });
  it('breached: the next step; none left: null', () => {
    expect(nextCheck(fresh({ status: 'breached', breachedAt: at(30), escalationStep: 1 }), STEPS)).toEqual(at(270));
    expect(nextCheck(fresh({ status: 'breached', breachedAt: at(30), escalationStep: 3 }), STEPS)).toBeNull();
  });
});
