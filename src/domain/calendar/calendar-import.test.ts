import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it, expect } from 'vitest';
import type { CalendarDay } from './calendar.js';
import { parseCalendarJson, type CalendarImportResult } from './calendar-import.js';
import { chineseDaysSeed } from './chinese-days-seed.js';

const require = createRequire(import.meta.url);
const packageFile = (name: string) => require.resolve(`chinese-days/dist/${name}`);
const readJson = (name: string): unknown => JSON.parse(readFileSync(packageFile(name), 'utf8'));

function days(result: CalendarImportResult): CalendarDay[] {
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.errors)}`);
  return result.days;
}

function errors(result: CalendarImportResult) {
  if (result.ok) throw new Error('import unexpectedly succeeded');
  return result.errors;
}

describe('parseCalendarJson: own format { days: [...] }', () => {
  it('accepts valid days and sorts them', () => {
    const result = parseCalendarJson(
      {
        days: [
          { date: '2027-02-06', kind: 'holiday', name: '春节' },
          { date: '2027-01-01', kind: 'holiday', name: '元旦' },
          { date: '2027-02-20', kind: 'workday' },
        ],
      },
      2027,
    );
    expect(days(result)).toEqual([
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-02-06', kind: 'holiday', name: '春节' },
      { date: '2027-02-20', kind: 'workday', name: '' },
    ]);
  });

  it('names the offending field', () => {
    const result = parseCalendarJson(
      {
        days: [
          { date: '2027-02-30', kind: 'holiday', name: 'x' },
          { date: '2026-12-31', kind: 'holiday', name: 'x' },
          { date: '2027-03-01', kind: 'weekend', name: 'x' },
          { date: '27-3-1', kind: 'holiday', name: 'x' },
        ],
      },
      2027,
    );
    const found = errors(result).map((e) => e.path);
    expect(found).toEqual(['days.0.date', 'days.1.date', 'days.2.kind', 'days.3.date']);
    expect(errors(result)[1]?.message).toContain('2027');
  });

  it('refuses a date listed both as holiday and as working day, keeps exact repeats once', () => {
    const conflict = parseCalendarJson(
      {
        days: [
          { date: '2027-01-01', kind: 'holiday' },
          { date: '2027-01-01', kind: 'workday' },
        ],
      },
      2027,
    );
    expect(errors(conflict)).toEqual([{ path: 'days.1', message: '2027-01-01 is listed both as holiday and as working day' }]);
    const repeat = parseCalendarJson(
      {
        days: [
          { date: '2027-01-01', kind: 'holiday' },
          { date: '2027-01-01', kind: 'holiday' },
        ],
      },
      2027,
    );
    expect(days(repeat)).toHaveLength(1);
  });

  it('refuses an empty import, an unknown shape and a bad year', () => {
    expect(errors(parseCalendarJson({ days: [] }, 2027))[0]?.message).toBe('no calendar days for 2027');
    expect(errors(parseCalendarJson([1, 2], 2027))[0]?.path).toBe('');
    expect(errors(parseCalendarJson(null, 2027))).toHaveLength(1);
    expect(errors(parseCalendarJson({ days: 'x' }, 2027))[0]?.path).toBe('days');
    expect(errors(parseCalendarJson({ days: [] }, 20.5))[0]?.path).toBe('year');
  });
});

describe('parseCalendarJson: chinese-days layout', () => {
  it('reads the package file for 2026', () => {
    const result = days(parseCalendarJson(readJson('years/2026.json'), 2026));
    expect(result.filter((d) => d.kind === 'holiday')).toHaveLength(33);
    expect(result.filter((d) => d.kind === 'workday').map((d) => d.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(result.find((d) => d.date === '2026-02-17')).toEqual({ date: '2026-02-17', kind: 'holiday', name: '春节' });
  });

  it('keeps only the requested year from the full data file', () => {
    const result = days(parseCalendarJson(readJson('chinese-days.json'), 2025));
    expect(result.every((d) => d.date.startsWith('2025-'))).toBe(true);
    expect(result.find((d) => d.date === '2025-10-06')?.name).toBe('中秋');
    expect(result.find((d) => d.date === '2025-01-26')?.kind).toBe('workday');
  });

  it('names bad keys and values', () => {
    const bad = parseCalendarJson({ holidays: { '2026-02-30': 'x,y,1' }, workdays: {} }, 2026);
    expect(errors(bad)).toEqual([{ path: 'holidays.2026-02-30', message: 'not a real date YYYY-MM-DD' }]);
    const notText = parseCalendarJson({ holidays: { '2026-01-01': 1 } }, 2026);
    expect(errors(notText)[0]?.path).toBe('holidays.2026-01-01');
    const both = parseCalendarJson({ holidays: { '2026-01-01': 'a,元旦,1' }, workdays: { '2026-01-01': 'a,元旦,1' } }, 2026);
    expect(errors(both)[0]?.message).toContain('both');
  });

  it('refuses a file without any day of the year (wrong file)', () => {
    expect(errors(parseCalendarJson(readJson('years/2026.json'), 2027))[0]?.message).toBe('no calendar days for 2027');
  });
});

describe('chineseDaysSeed', () => {
  it('covers every year of the package, 2004–2026', () => {
    const seed = chineseDaysSeed();
    expect(seed.years[0]).toBe(2004);
    expect(seed.years[seed.years.length - 1]).toBe(2026);
    expect(seed.years).toHaveLength(23);
    for (const year of seed.years) expect(seed.days.some((d) => d.date.startsWith(`${year}-`))).toBe(true);
    expect(seed.days.find((d) => d.date === '2026-10-10')).toEqual({ date: '2026-10-10', kind: 'workday', name: '国庆节' });
  });

  it('matches the per-year files', () => {
    const seed = chineseDaysSeed();
    for (const year of [2004, 2015, 2025, 2026]) {
      const perYear = days(parseCalendarJson(readJson(`years/${year}.json`), year));
      expect(seed.days.filter((d) => d.date.startsWith(`${year}-`))).toEqual(perYear);
    }
  });
});
