import { describe, it, expect } from 'vitest';
import { buildCalendar, isWeekdayWorking, isWorkingDay, isYearConfirmed } from './calendar.js';
import { chineseDaysSeed } from './chinese-days-seed.js';

const seed = chineseDaysSeed();
const cal = buildCalendar(seed.days, seed.years);

describe('working calendar', () => {
  it('uses Monday–Friday when a date has no entry', () => {
    const empty = buildCalendar([], []);
    expect(isWorkingDay(empty, '2026-03-02')).toBe(true); // Monday
    expect(isWorkingDay(empty, '2026-03-06')).toBe(true); // Friday
    expect(isWorkingDay(empty, '2026-03-07')).toBe(false); // Saturday
    expect(isWorkingDay(empty, '2026-03-08')).toBe(false); // Sunday
    expect(isWeekdayWorking('2026-10-01')).toBe(true);
  });

  it('lets an entry win over the weekday', () => {
    expect(isWorkingDay(cal, '2026-10-01')).toBe(false); // Thursday, National Day
    expect(isWorkingDay(cal, '2026-10-10')).toBe(true); // Saturday, adjusted working day
    expect(isWorkingDay(cal, '2026-10-04')).toBe(false); // Sunday inside the holiday
  });

  it('keeps the last entry for a repeated date', () => {
    const c = buildCalendar(
      [
        { date: '2026-03-02', kind: 'holiday', name: 'a' },
        { date: '2026-03-02', kind: 'workday', name: 'b' },
      ],
      [2026],
    );
    expect(c.days.get('2026-03-02')?.name).toBe('b');
    expect(isWorkingDay(c, '2026-03-02')).toBe(true);
  });

  it('knows which years are confirmed', () => {
    expect(isYearConfirmed(cal, 2026)).toBe(true);
    expect(isYearConfirmed(cal, 2004)).toBe(true);
    expect(isYearConfirmed(cal, 2027)).toBe(false);
  });
});

describe('chinese-days data (the holidays the clock tests rely on)', () => {
  const kinds = (from: string, to: string) =>
    [...cal.days.values()].filter((d) => d.date >= from && d.date <= to).map((d) => `${d.date} ${d.kind}`);

  it('Spring Festival 2025: Jan 28 – Feb 4 off, Sun Jan 26 and Sat Feb 8 worked', () => {
    expect(kinds('2025-01-20', '2025-02-10')).toEqual([
      '2025-01-26 workday',
      ...['28', '29', '30', '31'].map((d) => `2025-01-${d} holiday`),
      ...['01', '02', '03', '04'].map((d) => `2025-02-${d} holiday`),
      '2025-02-08 workday',
    ]);
  });

  it('Spring Festival 2026: Feb 15–23 off, Sat Feb 14 and Sat Feb 28 worked', () => {
    expect(kinds('2026-02-10', '2026-03-01')).toEqual([
      '2026-02-14 workday',
      ...['15', '16', '17', '18', '19', '20', '21', '22', '23'].map((d) => `2026-02-${d} holiday`),
      '2026-02-28 workday',
    ]);
  });

  it('National Day 2025: Oct 1–8 off, Sun Sep 28 and Sat Oct 11 worked', () => {
    expect(kinds('2025-09-20', '2025-10-15')).toEqual([
      '2025-09-28 workday',
      ...['01', '02', '03', '04', '05', '06', '07', '08'].map((d) => `2025-10-${d} holiday`),
      '2025-10-11 workday',
    ]);
  });

  it('National Day 2026: Oct 1–7 off, Sun Sep 20 and Sat Oct 10 worked (Mid-autumn Sep 25–27)', () => {
    expect(kinds('2026-09-15', '2026-10-15')).toEqual([
      '2026-09-20 workday',
      '2026-09-25 holiday',
      '2026-09-26 holiday',
      '2026-09-27 holiday',
      ...['01', '02', '03', '04', '05', '06', '07'].map((d) => `2026-10-${d} holiday`),
      '2026-10-10 workday',
    ]);
  });

  it('New Year 2026: Jan 1–3 off, Sun Jan 4 worked', () => {
    expect(kinds('2025-12-28', '2026-01-05')).toEqual([
      '2026-01-01 holiday',
      '2026-01-02 holiday',
      '2026-01-03 holiday',
      '2026-01-04 workday',
    ]);
  });
});
