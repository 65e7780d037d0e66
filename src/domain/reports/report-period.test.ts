import { describe, expect, it } from 'vitest';
import { buildCalendar, type CalendarDay } from '../calendar/calendar.js';
import { statutoryCalendarDays } from '../calendar/statutory-holidays.js';
import { comparisons, paretoRows } from './report-figures.js';
import { formatChange, formatMeasure } from './report-labels.js';
import {
  comparisonPeriods,
  firstWorkingDay,
  monthDueForReport,
  monthPeriod,
  relativeChange,
  shiftMonth,
  trendMonths,
} from './report-period.js';

const holidays2026: CalendarDay[] = [
  ...statutoryCalendarDays(2026),
  // the State Council's 2026 notice: National Day 1–7 October, Saturday 10 October worked
  ...['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'].map((date): CalendarDay => ({
    date,
    kind: 'holiday',
    name: '国庆节',
  })),
  { date: '2026-10-10', kind: 'workday', name: '国庆节调休' },
];
const cal = buildCalendar(holidays2026, [2026]);

describe('report periods (R-F4)', () => {
  it('a month as local dates, its comparison months and the 13-month trend', () => {
    expect(monthPeriod('2026-02')).toEqual({ month: '2026-02', from: '2026-02-01', to: '2026-02-28' });
    expect(monthPeriod('2028-02').to).toBe('2028-02-29');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    const c = comparisonPeriods('2026-10');
    expect([c.previous.month, c.lastYear.month]).toEqual(['2026-09', '2025-10']);
    expect(trendMonths('2026-10')).toHaveLength(13);
    expect(trendMonths('2026-10')[0]).toBe('2025-10');
    expect(trendMonths('2026-10').at(-1)).toBe('2026-10');
  });

  it('the schedule builds last month from the first working day of the month, by the working calendar', () => {
    // 1 November 2026 is a Sunday: the report of October waits for Monday the 2nd
    expect(firstWorkingDay(cal, '2026-11')).toBe('2026-11-02');
    expect(monthDueForReport(cal, '2026-11-01')).toBeNull();
    expect(monthDueForReport(cal, '2026-11-02')).toBe('2026-10');
    // a missed day (no instance running) is caught up later in the month
    expect(monthDueForReport(cal, '2026-11-17')).toBe('2026-10');
    // National Day: September's report on Thursday 8 October
    expect(firstWorkingDay(cal, '2026-10')).toBe('2026-10-08');
    expect(monthDueForReport(cal, '2026-10-07')).toBeNull();
    expect(monthDueForReport(cal, '2026-10-08')).toBe('2026-09');
    // New Year: January's first working day, the report of December before
    expect(monthDueForReport(cal, '2026-01-05')).toBe('2025-12');
  });

  it('month on month and year on year changes; none without a base', () => {
    expect(relativeChange(12, 10)).toBeCloseTo(0.2);
    expect(relativeChange(5, 0)).toBeNull();
    expect(relativeChange(null, 3)).toBeNull();
    const rows = comparisons({ current: { received: 12, reopen_rate: 0.1 }, previous: { received: 10 }, lastYear: { received: 15 } });
    expect(rows.find((r) => r.measure === 'received')).toMatchObject({ current: 12, previous: 10, lastYear: 15, mom: 0.2, yoy: -0.2 });
    expect(rows.find((r) => r.measure === 'reopen_rate')).toMatchObject({ current: 0.1, previous: null, mom: null });
    expect(formatChange(0.2)).toBe('+20.0%');
    expect(formatChange(-0.2)).toBe('-20.0%');
    expect(formatMeasure('satisfaction_rate', 0.875)).toBe('87.5%');
    expect(formatMeasure('compensation_paid', 12000.5)).toBe('12,000.50');
  });

  it('Pareto: largest first, shares and cumulative shares of the total', () => {
    const rows = paretoRows([
      { key: 'a', label: { zh: 'A', en: 'A' }, count: 1 },
      { key: 'b', label: { zh: 'B', en: 'B' }, count: 3 },
      { key: 'c', label: { zh: 'C', en: 'C' }, count: 0 },
    ]);
    expect(rows.map((r) => [r.key, r.share, r.cumulative])).toEqual([
      ['b', 0.75, 0.75],
      ['a', 0.25, 1],
    ]);
  });
});
