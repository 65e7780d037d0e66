import { describe, expect, it } from 'vitest';
import { addMonths, change, monthRange, monthsBetween, trendPoints } from './analysis-trend.js';

describe('R-F3 trend: month on month and year on year', () => {
  it('month arithmetic crosses years both ways; month ranges know February', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2026-03', -12)).toBe('2025-03');
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-02', '2026-01')).toEqual([]);
    expect(monthRange('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('change: difference and ratio; no ratio from 0; nothing without both figures', () => {
    expect(change(15, 10)).toEqual({ absolute: 5, ratio: 0.5 });
    expect(change(5, 10)).toEqual({ absolute: -5, ratio: -0.5 });
    expect(change(3, 0)).toEqual({ absolute: 3, ratio: null });
    expect(change(0.9, 0.75)).toEqual({ absolute: 0.15, ratio: 0.2 });
    expect(change(null, 3)).toBeNull();
    expect(change(3, null)).toBeNull();
  });

  it('counts: a month without complaints is 0; the comparisons read the month before and 12 months before', () => {
    const values = new Map<string, number | null>([
      ['2025-03', 8],
      ['2026-02', 10],
      ['2026-03', 12],
    ]);
    const [mar, apr] = trendPoints(['2026-03', '2026-04'], values, 0);
    expect(mar).toEqual({
      month: '2026-03',
      value: 12,
      previousMonth: 10,
      sameMonthLastYear: 8,
      mom: { absolute: 2, ratio: 0.2 },
      yoy: { absolute: 4, ratio: 0.5 },
    });
    expect(apr).toMatchObject({
      value: 0,
      previousMonth: 12,
      sameMonthLastYear: 0,
      mom: { absolute: -12, ratio: -1 },
      yoy: { absolute: 0, ratio: null },
    });
  });

  it('rates: a month without a figure is null, and so are its changes', () => {
    const values = new Map<string, number | null>([['2026-02', 0.5]]);
    const [p] = trendPoints(['2026-03'], values, null);
    expect(p).toMatchObject({ value: null, previousMonth: 0.5, mom: null, yoy: null });
  });
});
