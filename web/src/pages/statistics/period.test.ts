import { describe, expect, it } from 'vitest';
import {
  bucketLabel,
  companyToday,
  dayCount,
  isoWeek,
  monthsEnding,
  periodContaining,
  periodLabel,
  periodParams,
  previousPeriod,
  readPeriod,
  seriesGrain,
  timeBuckets,
  yearEarlier,
} from './period';

const read = (q: string) => readPeriod(new URLSearchParams(q), '2026-11-30');

describe('dashboard period (R-F1: statistics over any period)', () => {
  it('reads a month, a quarter, a year and a custom range from the address, and writes them back', () => {
    expect(read('p=2026-02')).toEqual({ kind: 'month', from: '2026-02-01', to: '2026-02-28' });
    expect(read('p=2024-02').to).toBe('2024-02-29');
    expect(read('p=2026-Q4')).toEqual({ kind: 'quarter', from: '2026-10-01', to: '2026-12-31' });
    expect(read('p=2026')).toEqual({ kind: 'year', from: '2026-01-01', to: '2026-12-31' });
    expect(read('from=2026-01-05&to=2026-02-10')).toEqual({ kind: 'custom', from: '2026-01-05', to: '2026-02-10' });
    for (const q of ['p=2026-02', 'p=2026-Q4', 'p=2026', 'from=2026-01-05&to=2026-02-10']) {
      expect(new URLSearchParams(periodParams(read(q))).toString()).toBe(new URLSearchParams(q).toString());
    }
  });

  it('falls back to the current month for anything unreadable', () => {
    for (const q of ['', 'p=2026-13', 'p=2026-Q5', 'p=abc', 'from=2026-02-30&to=2026-03-01', 'from=2026-03-02&to=2026-03-01']) {
      expect(read(q)).toEqual({ kind: 'month', from: '2026-11-01', to: '2026-11-30' });
    }
  });

  it('steps back to the previous period (month on month) and to the same period a year earlier (year on year)', () => {
    expect(previousPeriod(read('p=2026-01'))).toEqual({ kind: 'month', from: '2025-12-01', to: '2025-12-31' });
    expect(previousPeriod(read('p=2026-03')).to).toBe('2026-02-28');
    expect(previousPeriod(read('p=2026-Q1'))).toEqual({ kind: 'quarter', from: '2025-10-01', to: '2025-12-31' });
    expect(previousPeriod(read('p=2026'))).toEqual({ kind: 'year', from: '2025-01-01', to: '2025-12-31' });
    expect(previousPeriod(read('from=2026-03-01&to=2026-03-10'))).toEqual({ kind: 'custom', from: '2026-02-19', to: '2026-02-28' });
    expect(yearEarlier(read('p=2024-02'))).toEqual({ kind: 'month', from: '2023-02-01', to: '2023-02-28' });
    expect(yearEarlier(read('from=2024-02-29&to=2024-03-01'))).toEqual({ kind: 'custom', from: '2023-02-28', to: '2023-03-01' });
  });

  it('windows of months for the trend, across a year boundary', () => {
    expect(monthsEnding('2026-02-28', 3)).toEqual({ from: '2025-12-01', to: '2026-02-28', months: ['2025-12', '2026-01', '2026-02'] });
    expect(monthsEnding('2026-11-30', 13).months).toHaveLength(13);
    expect(monthsEnding('2026-11-30', 13).from).toBe('2025-11-01');
  });

  it('labels and grains', () => {
    expect(periodLabel(read('p=2026-Q4'), 'zh-CN')).toBe('2026年第4季度');
    expect(periodLabel(read('p=2026-11'), 'zh-CN')).toBe('2026年11月');
    expect(periodLabel(read('p=2026-11'), 'en-US')).toBe('2026-11');
    expect(seriesGrain(read('p=2026-11'))).toBe('day');
    expect(seriesGrain(read('p=2026-Q4'))).toBe('week');
    expect(seriesGrain(read('p=2026'))).toBe('month');
    expect(dayCount(read('p=2026'))).toBe(365);
    expect(periodContaining('quarter', '2026-05-17').from).toBe('2026-04-01');
    // 16:30 UTC on 30 November is 1 December in Shanghai
    expect(companyToday(new Date('2026-11-30T16:30:00Z'))).toBe('2026-12-01');
  });
});

describe('time axis buckets (as the statistics API names them)', () => {
  it('days, ISO weeks and months', () => {
    expect(timeBuckets('day', '2026-11-29', '2026-12-01')).toEqual(['2026-11-29', '2026-11-30', '2026-12-01']);
    expect(isoWeek('2026-01-01')).toBe('2026-W01');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
    expect(timeBuckets('week', '2026-10-01', '2026-10-31')).toEqual(['2026-W40', '2026-W41', '2026-W42', '2026-W43', '2026-W44']);
    expect(timeBuckets('month', '2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(bucketLabel('2026-11-05')).toBe('11-05');
    expect(bucketLabel('2026-W45')).toBe('W45');
  });
});
