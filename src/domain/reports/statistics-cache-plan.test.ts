import { describe, expect, it } from 'vitest';
import { cacheCutoff, monthsTouched, rangeCacheable, wholeMonths } from './statistics-cache-plan.js';

describe('statistics cache plan (#13 speed)', () => {
  it('caches months that ended at least two days ago, by the company-local date', () => {
    // 1 December: two days back is 29 November, so November is not cached
    expect(cacheCutoff('2026-12-01')).toBe('2026-11-01');
    // 3 December: November ended two days ago
    expect(cacheCutoff('2026-12-03')).toBe('2026-12-01');
    expect(rangeCacheable('2026-11-30', '2026-12-01')).toBe(true);
    expect(rangeCacheable('2026-12-01', '2026-12-01')).toBe(false);
  });

  it('names the whole months of a range, and every month it touches', () => {
    expect(wholeMonths('2026-01-15', '2026-04-30').map((m) => m.key)).toEqual(['2026-02', '2026-03', '2026-04']);
    expect(wholeMonths('2024-02-01', '2024-02-29')).toEqual([{ key: '2024-02', first: '2024-02-01', last: '2024-02-29' }]);
    expect(wholeMonths('2026-12-01', '2027-01-30').map((m) => m.key)).toEqual(['2026-12']);
    expect(monthsTouched('2026-11-20', '2027-01-02')).toEqual(['2026-11-01', '2026-12-01', '2027-01-01']);
    expect(wholeMonths('2026-12-01', '2026-12-31')).toEqual([{ key: '2026-12', first: '2026-12-01', last: '2026-12-31' }]);
  });
});
