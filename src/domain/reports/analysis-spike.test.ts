import { describe, expect, it } from 'vitest';
import { assessSpike, countIn, isoWeekOf, spikeSourceKey, spikeWindows } from './analysis-spike.js';

describe('R-F3 spike alert: a sharp rise above the subject’s own baseline', () => {
  it('windows: the last 7 complete days and the 8 weeks before them, oldest first', () => {
    const w = spikeWindows('2026-11-25');
    expect(w.current).toEqual({ from: '2026-11-18', to: '2026-11-24' });
    expect(w.weeks).toHaveLength(8);
    expect(w.weeks[7]).toEqual({ from: '2026-11-11', to: '2026-11-17' });
    expect(w.weeks[0]).toEqual({ from: '2026-09-23', to: '2026-09-29' });
    expect(w.span).toEqual({ from: '2026-09-23', to: '2026-11-24' });
  });

  it('counts a range of days from per-day counts', () => {
    const daily = new Map([
      ['2026-11-17', 4],
      ['2026-11-18', 2],
      ['2026-11-24', 3],
      ['2026-11-25', 9],
    ]);
    expect(countIn(daily, { from: '2026-11-18', to: '2026-11-24' })).toBe(5);
  });

  it('a steady baseline of 3 a week: 12 is a spike, 8 is not (the Poisson floor of the spread)', () => {
    const baseline = [3, 3, 3, 3, 3, 3, 3, 3];
    const hit = assessSpike(12, baseline);
    expect(hit).toMatchObject({ mean: 3, spread: 1.73, spike: true, ratio: 4 });
    expect(hit.z).toBeCloseTo(5.2, 1);
    expect(assessSpike(8, baseline).spike).toBe(false); // z 2.89
  });

  it('a noisy baseline needs a bigger rise; a few complaints are never a spike; a new subject needs minCount', () => {
    const noisy = [2, 10, 1, 12, 3, 9, 2, 11];
    expect(assessSpike(14, noisy).spike).toBe(false);
    expect(assessSpike(30, noisy).spike).toBe(true);
    expect(assessSpike(4, [0, 0, 0, 0, 0, 0, 0, 0]).spike).toBe(false);
    const fresh = assessSpike(5, [0, 0, 0, 0, 0, 0, 0, 0]);
    expect(fresh).toMatchObject({ spike: true, ratio: null, spread: 1 });
  });

  it('a big, steady subject must also rise by half: 3 spreads above a mean of 400 is not enough', () => {
    const big = [400, 400, 400, 400, 400, 400, 400, 400];
    expect(assessSpike(470, big)).toMatchObject({ spike: false });
    expect(assessSpike(600, big)).toMatchObject({ spike: true, ratio: 1.5 });
  });

  it('ISO weeks: Monday starts the week; the first Thursday makes week 1', () => {
    expect(isoWeekOf('2026-11-25')).toBe('2026-W48');
    expect(isoWeekOf('2026-01-01')).toBe('2026-W01'); // a Thursday
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53'); // a Friday: the last week of 2026
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01'); // a Monday
    expect(isoWeekOf('2026-11-29')).toBe('2026-W48'); // Sunday ends the week
    expect(isoWeekOf('2026-11-30')).toBe('2026-W49');
    expect(spikeSourceKey('product', 'auto_x', '2026-W48')).toBe('spike:product:auto_x:2026-W48');
  });
});
