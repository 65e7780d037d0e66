import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it, expect } from 'vitest';
import type { CalendarDay } from './calendar.js';
import { parseCalendarIcs, parseCalendarJson, type CalendarImportResult } from './calendar-import.js';

const require = createRequire(import.meta.url);
const packageText = (name: string) => readFileSync(require.resolve(`chinese-days/dist/${name}`), 'utf8');

function days(result: CalendarImportResult): CalendarDay[] {
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.errors)}`);
  return result.days;
}

function errors(result: CalendarImportResult) {
  if (result.ok) throw new Error('import unexpectedly succeeded');
  return result.errors;
}

const calendar = (...events: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', ...events, 'END:VCALENDAR'].join('\r\n');
const event = (...lines: string[]) => ['BEGIN:VEVENT', ...lines, 'END:VEVENT'].join('\r\n');

describe('parseCalendarIcs on the chinese-days files', () => {
  it('yields exactly the days of the chinese-days JSON for 2026', () => {
    const fromIcs = days(parseCalendarIcs(packageText('years/2026.ics'), 2026));
    const fromJson = days(parseCalendarJson(JSON.parse(packageText('years/2026.json')), 2026));
    expect(fromIcs).toEqual(fromJson);
    expect(fromIcs).toHaveLength(39);
  });

  it('agrees with the JSON on the kind of every day, per-year files 2004–2026', () => {
    const kinds = (list: CalendarDay[]) => list.map((d) => `${d.date} ${d.kind}`);
    for (let year = 2004; year <= 2026; year++) {
      const fromIcs = days(parseCalendarIcs(packageText(`years/${year}.ics`), year));
      const fromJson = days(parseCalendarJson(JSON.parse(packageText(`years/${year}.json`)), year));
      expect(kinds(fromIcs), String(year)).toEqual(kinds(fromJson));
    }
  });

  it('reads the multi-year file (2024–2026) one year at a time', () => {
    const ics = packageText('holidays.ics');
    const json: unknown = JSON.parse(packageText('chinese-days.json'));
    for (const year of [2024, 2025, 2026]) {
      expect(days(parseCalendarIcs(ics, year)).map((d) => d.date)).toEqual(days(parseCalendarJson(json, year)).map((d) => d.date));
    }
  });
});

describe('parseCalendarIcs', () => {
  it('expands ranges with an exclusive DTEND and reads (休)/(班) markers', () => {
    const text = calendar(
      event('DTSTART;VALUE=DATE:20270205', 'DTEND;VALUE=DATE:20270208', 'SUMMARY:春节(休)'),
      event('DTSTART;VALUE=DATE:20270214', 'DTEND;VALUE=DATE:20270215', 'SUMMARY:春节（班）'),
    );
    expect(days(parseCalendarIcs(text, 2027))).toEqual([
      { date: '2027-02-05', kind: 'holiday', name: '春节' },
      { date: '2027-02-06', kind: 'holiday', name: '春节' },
      { date: '2027-02-07', kind: 'holiday', name: '春节' },
      { date: '2027-02-14', kind: 'workday', name: '春节' },
    ]);
  });

  it('reads X-APPLE-SPECIAL-DAY, unfolds continuation lines and unescapes text', () => {
    const text = calendar(
      event('DTSTART;VALUE=DATE:20270101', 'SUMMARY:New Year\\, 元', ' 旦', 'X-APPLE-SPECIAL-DAY:WORK-HOLIDAY'),
      event('DTSTART:20270102', 'DURATION:P1D', 'SUMMARY:补班', 'X-APPLE-SPECIAL-DAY:ALTERNATE-WORKDAY'),
    ).replace(/\r\n/g, '\n');
    expect(days(parseCalendarIcs(text, 2027))).toEqual([
      { date: '2027-01-01', kind: 'holiday', name: 'New Year, 元旦' },
      { date: '2027-01-02', kind: 'workday', name: '补班' },
    ]);
  });

  it('supports DURATION in days and weeks, defaults to one day', () => {
    const text = calendar(
      event('DTSTART;VALUE=DATE:20270301', 'DURATION:P2D', 'SUMMARY:a(休)'),
      event('DTSTART;VALUE=DATE:20270310', 'DURATION:P1W', 'SUMMARY:b(休)'),
      event('DTSTART;VALUE=DATE:20270320', 'SUMMARY:c(班)'),
    );
    const dates = days(parseCalendarIcs(text, 2027)).map((d) => d.date);
    expect(dates).toHaveLength(2 + 7 + 1);
    expect(dates).toContain('2027-03-16');
    expect(dates).not.toContain('2027-03-17');
  });

  it('keeps only the days inside the year', () => {
    const text = calendar(event('DTSTART;VALUE=DATE:20261231', 'DTEND;VALUE=DATE:20270103', 'SUMMARY:元旦(休)'));
    expect(days(parseCalendarIcs(text, 2027)).map((d) => d.date)).toEqual(['2027-01-01', '2027-01-02']);
    expect(days(parseCalendarIcs(text, 2026)).map((d) => d.date)).toEqual(['2026-12-31']);
  });

  it('skips events without a marker with a warning, and ignores nested components', () => {
    const text = calendar(
      event('DTSTART;VALUE=DATE:20270910', 'SUMMARY:教师节'),
      event('DTSTART;VALUE=DATE:20271001', 'SUMMARY:国庆节(休)', 'BEGIN:VALARM', 'SUMMARY:x(班)', 'END:VALARM'),
    );
    const result = parseCalendarIcs(text, 2027);
    expect(days(result)).toEqual([{ date: '2027-10-01', kind: 'holiday', name: '国庆节' }]);
    expect(result.ok && result.warnings).toEqual([{ path: 'line 3', message: "event '教师节' has no 休/班 marker; skipped" }]);
  });

  it('reports problems with their line numbers', () => {
    const text = calendar(
      event('DTSTART:20270101T090000Z', 'SUMMARY:a(休)'),
      event('DTSTART;VALUE=DATE:20270231', 'SUMMARY:b(休)'),
      event('DTSTART;VALUE=DATE:20270105', 'DTEND;VALUE=DATE:20270105', 'SUMMARY:c(休)'),
      event('SUMMARY:d(休)'),
      event('DTSTART;VALUE=DATE:20270106', 'SUMMARY:e(休)', 'X-APPLE-SPECIAL-DAY:ALTERNATE-WORKDAY'),
      'garbage',
    );
    expect(errors(parseCalendarIcs(text, 2027))).toEqual([
      { path: 'line 24', message: 'not an iCalendar content line (NAME:value)' },
      { path: 'line 4', message: 'DTSTART: only all-day dates (VALUE=DATE) are supported' },
      { path: 'line 8', message: "DTSTART: invalid date '20270231'" },
      { path: 'line 13', message: 'event must last 1 to 366 whole days' },
      { path: 'line 16', message: 'VEVENT without DTSTART' },
      { path: 'line 19', message: "SUMMARY 'e(休)' contradicts X-APPLE-SPECIAL-DAY:ALTERNATE-WORKDAY" },
    ]);
  });

  it('reports conflicting days, unclosed components and empty files', () => {
    const conflict = calendar(event('DTSTART;VALUE=DATE:20270101', 'SUMMARY:a(休)'), event('DTSTART;VALUE=DATE:20270101', 'SUMMARY:a(班)'));
    expect(errors(parseCalendarIcs(conflict, 2027))[0]?.message).toContain('both');
    expect(errors(parseCalendarIcs('BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20270101', 2027))[0]?.path).toBe('end of file');
    expect(errors(parseCalendarIcs(calendar(), 2027))[0]?.message).toBe('no VEVENT found');
    expect(errors(parseCalendarIcs('', 2027))[0]?.message).toBe('no VEVENT found');
    expect(errors(parseCalendarIcs(calendar(event('DTSTART:20260101', 'SUMMARY:a(休)')), 2027))[0]?.message).toBe(
      'no calendar days for 2027',
    );
  });
});
