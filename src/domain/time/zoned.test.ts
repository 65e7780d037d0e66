import { describe, it, expect } from 'vitest';
import {
  addDays,
  isValidDateString,
  isValidTimeZone,
  localDate,
  localParts,
  parseTimeOfDay,
  weekdayOf,
  yearOf,
  zonedTimeToUtc,
} from './zoned.js';

const iso = (date: Date) => date.toISOString();

describe('localParts / localDate', () => {
  it('reads the local fields in Asia/Shanghai, including the weekday', () => {
    expect(localParts(new Date('2026-09-30T16:30:05Z'), 'Asia/Shanghai')).toEqual({
      year: 2026,
      month: 10,
      day: 1,
      hour: 0,
      minute: 30,
      second: 5,
      weekday: 4,
    });
  });

  it('gives the local date, which can differ from the UTC date', () => {
    expect(localDate(new Date('2026-09-30T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-09-30');
    expect(localDate(new Date('2026-09-30T16:00:00Z'), 'Asia/Shanghai')).toBe('2026-10-01');
    expect(localDate(new Date('2026-01-01T03:00:00Z'), 'America/New_York')).toBe('2025-12-31');
  });

  it('reports midnight as hour 0', () => {
    expect(localParts(new Date('2026-03-01T16:00:00Z'), 'Asia/Shanghai').hour).toBe(0);
  });

  it('rejects an invalid Date', () => {
    expect(() => localParts(new Date('nope'), 'Asia/Shanghai')).toThrow(RangeError);
  });
});

describe('zonedTimeToUtc', () => {
  it('converts Shanghai wall time, as HH:MM or minutes of the day', () => {
    expect(iso(zonedTimeToUtc('2026-10-13', '17:30', 'Asia/Shanghai'))).toBe('2026-10-13T09:30:00.000Z');
    expect(iso(zonedTimeToUtc('2026-10-13', 17 * 60 + 30, 'Asia/Shanghai'))).toBe('2026-10-13T09:30:00.000Z');
  });

  it('treats 24:00 / 1440 as midnight of the next day', () => {
    expect(iso(zonedTimeToUtc('2026-10-15', 1440, 'Asia/Shanghai'))).toBe('2026-10-15T16:00:00.000Z');
    expect(iso(zonedTimeToUtc('2026-12-31', '24:00', 'Asia/Shanghai'))).toBe('2026-12-31T16:00:00.000Z');
  });

  it('handles fractional offsets', () => {
    expect(iso(zonedTimeToUtc('2026-06-01', '09:00', 'Asia/Kathmandu'))).toBe('2026-06-01T03:15:00.000Z');
    expect(iso(zonedTimeToUtc('2026-06-01', '09:00', 'Asia/Kolkata'))).toBe('2026-06-01T03:30:00.000Z');
  });

  it('follows DST in Europe/Berlin and America/New_York', () => {
    expect(iso(zonedTimeToUtc('2026-03-28', '09:00', 'Europe/Berlin'))).toBe('2026-03-28T08:00:00.000Z');
    expect(iso(zonedTimeToUtc('2026-03-30', '09:00', 'Europe/Berlin'))).toBe('2026-03-30T07:00:00.000Z');
    expect(iso(zonedTimeToUtc('2026-07-01', '09:00', 'America/New_York'))).toBe('2026-07-01T13:00:00.000Z');
    expect(iso(zonedTimeToUtc('2026-12-01', '09:00', 'America/New_York'))).toBe('2026-12-01T14:00:00.000Z');
  });

  it('moves a time skipped by spring-forward later by the gap', () => {
    // Berlin 2026-03-29: 02:00 CET jumps to 03:00 CEST; 02:30 does not exist -> 03:30 CEST
    expect(iso(zonedTimeToUtc('2026-03-29', '02:30', 'Europe/Berlin'))).toBe('2026-03-29T01:30:00.000Z');
    // Lord Howe Island has a 30-minute DST jump (02:00 -> 02:30)
    expect(iso(zonedTimeToUtc('2026-10-04', '02:15', 'Australia/Lord_Howe'))).toBe('2026-10-03T15:45:00.000Z');
  });

  it('resolves an ambiguous time (fall-back) to the earlier instant', () => {
    expect(iso(zonedTimeToUtc('2026-10-25', '02:30', 'Europe/Berlin'))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(zonedTimeToUtc('2026-11-01', '01:30', 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
  });

  it('round-trips every hour of a year in a DST zone', () => {
    const tz = 'America/New_York';
    for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 3_600_000) {
      const p = localParts(new Date(ms), tz);
      const time = p.hour * 60 + p.minute;
      const back = zonedTimeToUtc(localDate(new Date(ms), tz), time, tz).getTime();
      // the second occurrence of an ambiguous hour maps back to the first one, an hour earlier
      expect([ms, ms - 3_600_000]).toContain(back);
    }
  });

  it('rejects bad dates and times', () => {
    expect(() => zonedTimeToUtc('2026-02-30', '09:00', 'Asia/Shanghai')).toThrow(RangeError);
    expect(() => zonedTimeToUtc('2026-02-01', '9:00', 'Asia/Shanghai')).toThrow(RangeError);
    expect(() => zonedTimeToUtc('2026-02-01', 1441, 'Asia/Shanghai')).toThrow(RangeError);
    expect(() => zonedTimeToUtc('2026-02-01', '09:00', 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('date strings', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-09-30', 15)).toBe('2026-10-15');
    expect(addDays('2026-09-30', 0)).toBe('2026-09-30');
    expect(() => addDays('2026-09-30', 1.5)).toThrow(RangeError);
  });

  it('gives the weekday and the year', () => {
    expect(weekdayOf('2026-09-30')).toBe(3); // Wednesday
    expect(weekdayOf('2026-03-01')).toBe(0); // Sunday
    expect(weekdayOf('2026-10-10')).toBe(6); // Saturday
    expect(yearOf('2027-01-01')).toBe(2027);
  });

  it('validates date strings', () => {
    expect(isValidDateString('2024-02-29')).toBe(true);
    expect(isValidDateString('2025-02-29')).toBe(false);
    expect(isValidDateString('2025-13-01')).toBe(false);
    expect(isValidDateString('2025-1-01')).toBe(false);
    expect(isValidDateString('20250101')).toBe(false);
  });

  it('parses times of day', () => {
    expect(parseTimeOfDay('00:00')).toBe(0);
    expect(parseTimeOfDay('17:30')).toBe(1050);
    expect(parseTimeOfDay('24:00')).toBe(1440);
    for (const bad of ['24:01', '7:30', '12:60', '', 'noon']) expect(() => parseTimeOfDay(bad)).toThrow(RangeError);
  });
});

describe('isValidTimeZone', () => {
  it('accepts IANA zones and rejects others', () => {
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Asia/Beijing')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});
