import { describe, expect, it } from 'vitest';
import { cacheCutoff, lastDayOf, monthsTouched, rangeCacheable, wholeMonths } from './statistics-cache-plan.js';

describe('statistics cache plan (#13 speed)', () => {
  it('caches months that ended at least two days ago, in the company time zone', () => {
    // 1 December 01:00 in Shanghai is still 30 November in UTC; two days back is 29 November: November is not cached
    expect(cacheCutoff(new Date('2026-11-30T17:00:00Z'), 'Asia/Shanghai')).toBe('2026-11-01');
    // 3 December in Shanghai: November ended two days ago
    expect(cacheCutoff(new Date('2026-12-02T17:00:00Z'), 'Asia/Shanghai')).toBe('2026-12-01');
    expect(rangeCacheable('2026-11-30', '2026-12-01')).toBe(true);
    expect(rangeCacheable('2026-12-01', '2026-12-01')).toBe(false);
  });

  it('names the whole months of a range, and every month it touches', () => {
    expect(wholeMonths('2026-01-15', '2026-04-30').map((m) => m.key)).toEqual(['2026-02', '2026-03', '2026-04']);
    expect(wholeMonths('2024-02-01', '2024-02-29')).toEqual([{ key: '2024-02', first: '2024-02-01', last: '2024-02-29' }]);
    expect(wholeMonths('2026-12-01', '2027-01-30').map((m) => m.key)).toEqual(['2026-12']);
    expect(monthsTouched('2026-11-20', '2027-01-02')).toEqual(['2026-11-01', '2026-12-01', '2027-01-01']);
    expect(lastDayOf('2026-12-01')).toBe('2026-12-31');
  });
});
