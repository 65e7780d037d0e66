import { describe, expect, it } from 'vitest';
import { changeChart, changes, shiftMonth } from './trend-data';

describe('month on month and year on year (R-F3)', () => {
  it('shifts months across years', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-11', -12)).toBe('2025-11');
    expect(shiftMonth('2025-12', 1)).toBe('2026-01');
  });

  it('changes against the month before and a year before; none where the earlier month is outside the data or 0', () => {
    const values = new Map([
      ['2025-11', 10],
      ['2026-10', 20],
      ['2026-11', 25],
    ]);
    const known = new Set(['2025-11', '2025-12', '2026-09', '2026-10', '2026-11']);
    expect(changes(values, ['2026-10', '2026-11'], 1, known)).toEqual([null, 0.25]);
    expect(changes(values, ['2026-11', '2026-12'], 12, known)).toEqual([1.5, null]);
    const chart = changeChart({ rows: [] }, 'received', ['2026-11'], known, { dimension: 'm', mom: 'MoM', yoy: 'YoY' });
    expect(chart.series.map((s) => s.name)).toEqual(['MoM', 'YoY']);
    expect(chart.series.every((s) => s.drills.every((d) => d === undefined))).toBe(true);
  });
});
