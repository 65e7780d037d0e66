import { describe, it, expect } from 'vitest';
import { buildCalendar } from '../calendar/calendar.js';
import { chineseDaysSeed } from '../calendar/chinese-days-seed.js';
import { DomainError } from '../errors.js';
import { computeDeadline, warningTimes, type DeadlineInput, type DurationUnit } from './deadline.js';

const seed = chineseDaysSeed();
const CN = buildCalendar(seed.days, seed.years);
const WH = { start: '09:00', end: '17:30' };
/** Shanghai wall time, e.g. sh('2026-09-30T10:00'). */
const sh = (local: string) => new Date(`${local}+08:00`);

function deadline(start: string, amount: number, unit: DurationUnit, extra: Partial<DeadlineInput> = {}) {
  const timeZone = 'Asia/Shanghai';
  return computeDeadline({ start: sh(start), amount, unit, calendar: CN, timeZone, workingHours: WH, ...extra });
}
const due = (start: string, amount: number, unit: DurationUnit, extra: Partial<DeadlineInput> = {}) =>
  deadline(start, amount, unit, extra).due;

describe('working days (receipt day not counted, due at close of business of day N)', () => {
  it('policy example: received Wed 2026-09-30 at any hour + 5 working days = 2026-10-13 17:30', () => {
    for (const time of ['00:00', '08:59', '10:00', '17:30', '23:59']) {
      const result = deadline(`2026-09-30T${time}`, 5, 'working_days');
      expect(result).toEqual({ due: sh('2026-10-13T17:30'), calendarConfirmed: true, unconfirmedYears: [] });
    }
  });

  it('counts a weekend or holiday receipt from the next working day', () => {
    expect(due('2026-10-03T11:00', 1, 'working_days')).toEqual(sh('2026-10-08T17:30'));
    expect(due('2026-03-01T20:00', 1, 'working_days')).toEqual(sh('2026-03-02T17:30')); // Sunday
  });

  it('Spring Festival 2025: Sun Jan 26 is worked, Jan 28 – Feb 4 are not', () => {
    expect(due('2025-01-24T10:00', 1, 'working_days')).toEqual(sh('2025-01-26T17:30'));
    expect(due('2025-01-24T10:00', 2, 'working_days')).toEqual(sh('2025-01-27T17:30'));
    expect(due('2025-01-24T10:00', 3, 'working_days')).toEqual(sh('2025-02-05T17:30'));
    expect(due('2025-02-05T10:00', 3, 'working_days')).toEqual(sh('2025-02-08T17:30')); // Sat Feb 8 worked
  });

  it('Spring Festival 2026: Sat Feb 14 worked, Feb 15–23 off, Sat Feb 28 worked', () => {
    expect(due('2026-02-13T10:00', 1, 'working_days')).toEqual(sh('2026-02-14T17:30'));
    expect(due('2026-02-13T10:00', 2, 'working_days')).toEqual(sh('2026-02-24T17:30'));
    expect(due('2026-02-26T10:00', 2, 'working_days')).toEqual(sh('2026-02-28T17:30'));
  });

  it('National Day 2025: Sun Sep 28 worked, Oct 1–8 off, Sat Oct 11 worked', () => {
    expect(due('2025-09-26T10:00', 1, 'working_days')).toEqual(sh('2025-09-28T17:30'));
    expect(due('2025-09-26T10:00', 2, 'working_days')).toEqual(sh('2025-09-29T17:30'));
    expect(due('2025-09-30T10:00', 2, 'working_days')).toEqual(sh('2025-10-10T17:30'));
    expect(due('2025-09-30T10:00', 3, 'working_days')).toEqual(sh('2025-10-11T17:30'));
  });

  it('National Day 2026: Sun Sep 20 worked, Oct 1–7 off, Sat Oct 10 worked', () => {
    expect(due('2026-09-18T10:00', 1, 'working_days')).toEqual(sh('2026-09-20T17:30'));
    expect(due('2026-09-30T10:00', 3, 'working_days')).toEqual(sh('2026-10-10T17:30'));
  });

  it('crosses the year end: 2025-12-31 + 3 working days (Jan 1–3 off, Sun Jan 4 worked)', () => {
    expect(deadline('2025-12-31T16:00', 3, 'working_days')).toEqual({
      due: sh('2026-01-06T17:30'),
      calendarConfirmed: true,
      unconfirmedYears: [],
    });
  });

  it('uses the configured close of business', () => {
    const hours = { start: '08:30', end: '18:00' };
    expect(due('2026-09-30T10:00', 5, 'working_days', { workingHours: hours })).toEqual(sh('2026-10-13T18:00'));
  });
});

describe('calendar days (receipt day not counted, due at 24:00 of day N, rolled to a working day)', () => {
  it('policy example: 2026-09-30 + 15 days = end of Thu 2026-10-15', () => {
    for (const time of ['00:00', '12:00', '23:59']) {
      expect(deadline(`2026-09-30T${time}`, 15, 'calendar_days')).toEqual({
        due: sh('2026-10-16T00:00'),
        calendarConfirmed: true,
        unconfirmedYears: [],
      });
    }
  });

  it('rolls a day N inside National Day 2026 to the end of the next working day', () => {
    expect(due('2026-09-16T09:00', 15, 'calendar_days')).toEqual(sh('2026-10-09T00:00'));
  });

  it('rolls a day N on a weekend, but not on an adjusted working day', () => {
    expect(due('2026-03-06T09:00', 15, 'calendar_days')).toEqual(sh('2026-03-24T00:00')); // Sat -> Mon
    expect(due('2026-09-05T09:00', 15, 'calendar_days')).toEqual(sh('2026-09-21T00:00')); // Sun Sep 20 worked
  });

  it('Spring Festival 2025: day N on Jan 28 moves to the end of Wed Feb 5', () => {
    expect(due('2025-01-13T09:00', 15, 'calendar_days')).toEqual(sh('2025-02-06T00:00'));
  });

  it('crosses the year end onto the adjusted working day Sun 2026-01-04', () => {
    expect(due('2025-12-20T09:00', 15, 'calendar_days')).toEqual(sh('2026-01-05T00:00'));
  });

  it('extensions: 30 and 60 days', () => {
    expect(due('2026-09-30T10:00', 30, 'calendar_days')).toEqual(sh('2026-10-31T00:00')); // Fri Oct 30
    expect(due('2026-09-30T10:00', 60, 'calendar_days')).toEqual(sh('2026-12-01T00:00')); // Sun Nov 29 -> Mon 30
  });
});

describe('minutes and hours (elapsed, around the clock)', () => {
  it('level 1: 20:00 on a Sunday + 30 minutes = 20:30', () => {
    expect(deadline('2026-03-01T20:00', 30, 'minutes')).toEqual({
      due: sh('2026-03-01T20:30'),
      calendarConfirmed: true,
      unconfirmedYears: [],
    });
  });

  it('ignores holidays and the calendar entirely', () => {
    expect(due('2026-10-01T23:00', 2, 'hours')).toEqual(sh('2026-10-02T01:00'));
    expect(due('2027-06-01T10:00', 24, 'hours')).toEqual(sh('2027-06-02T10:00'));
    expect(deadline('2027-06-01T10:00', 24, 'hours').calendarConfirmed).toBe(true);
  });

  it('accepts fractions of an hour', () => {
    expect(due('2026-03-02T10:00', 1.5, 'hours')).toEqual(sh('2026-03-02T11:30'));
  });
});

describe('working hours', () => {
  it('a start outside working hours counts from the next opening', () => {
    expect(due('2026-03-01T20:00', 2, 'working_hours')).toEqual(sh('2026-03-02T11:00')); // Sunday evening
    expect(due('2026-03-02T08:00', 2, 'working_hours')).toEqual(sh('2026-03-02T11:00'));
    expect(due('2026-03-02T18:00', 2, 'working_hours')).toEqual(sh('2026-03-03T11:00'));
  });

  it('counts inside the day and carries over to the next working day', () => {
    expect(due('2026-03-02T12:00', 2, 'working_hours')).toEqual(sh('2026-03-02T14:00'));
    expect(due('2026-03-02T16:30', 2, 'working_hours')).toEqual(sh('2026-03-03T10:00'));
    expect(due('2026-03-02T09:00', 8.5, 'working_hours')).toEqual(sh('2026-03-02T17:30'));
    expect(due('2026-03-02T09:00', 9, 'working_hours')).toEqual(sh('2026-03-03T09:30'));
  });

  it('skips holidays and uses adjusted working days', () => {
    expect(due('2026-09-30T16:30', 2, 'working_hours')).toEqual(sh('2026-10-08T10:00'));
    expect(due('2026-10-09T17:00', 1, 'working_hours')).toEqual(sh('2026-10-10T09:30')); // Sat Oct 10 worked
  });

  it('uses configured working hours', () => {
    const hours = { start: '08:30', end: '12:00' };
    expect(due('2026-03-02T11:00', 2, 'working_hours', { workingHours: hours })).toEqual(sh('2026-03-03T09:30'));
  });
});

describe('amount 0 and validation', () => {
  it('amount 0 is due at the start, whatever the unit', () => {
    for (const unit of ['minutes', 'hours', 'working_hours', 'working_days', 'calendar_days'] as const) {
      const expected = { due: sh('2027-10-03T20:00'), calendarConfirmed: true, unconfirmedYears: [] };
      expect(deadline('2027-10-03T20:00', 0, unit)).toEqual(expected);
    }
  });

  it('rejects bad input with a DomainError naming the field', () => {
    const fieldOf = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        expect(error).toBeInstanceOf(DomainError);
        return error instanceof DomainError ? `${error.code}:${error.field}` : '';
      }
      return 'no error';
    };
    expect(fieldOf(() => due('2026-03-02T10:00', -1, 'hours'))).toBe('validation:amount');
    expect(fieldOf(() => due('2026-03-02T10:00', Number.NaN, 'hours'))).toBe('validation:amount');
    expect(fieldOf(() => due('2026-03-02T10:00', Number.POSITIVE_INFINITY, 'minutes'))).toBe('validation:amount');
    expect(fieldOf(() => due('2026-03-02T10:00', 1.5, 'working_days'))).toBe('validation:amount');
    expect(fieldOf(() => due('2026-03-02T10:00', 1e9, 'calendar_days'))).toBe('validation:amount');
    expect(fieldOf(() => due('2026-03-02T10:00', 1, 'weeks' as DurationUnit))).toBe('validation:unit');
    expect(fieldOf(() => due('2026-03-02T10:00', 1, 'hours', { timeZone: 'China/Beijing' }))).toBe('validation:timeZone');
    expect(fieldOf(() => due('2026-03-02T10:00', 1, 'hours', { start: new Date('x') }))).toBe('validation:start');
    const late = { start: '18:00', end: '09:00' };
    expect(fieldOf(() => due('2026-03-02T10:00', 1, 'working_days', { workingHours: late }))).toBe('validation:workingHours.end');
    const bad = { start: '9am', end: '17:30' };
    expect(fieldOf(() => due('2026-03-02T10:00', 1, 'hours', { workingHours: bad }))).toBe('validation:workingHours');
    const backwards = [{ from: sh('2026-03-02T12:00'), to: sh('2026-03-02T11:00') }];
    expect(fieldOf(() => due('2026-03-02T10:00', 1, 'hours', { pauses: backwards }))).toBe('validation:pauses.0.to');
  });

  it('refuses a calendar without any working day instead of looping', () => {
    const days = Array.from({ length: 4000 }, (_, i) => {
      const date = new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);
      return { date, kind: 'holiday' as const, name: 'x' };
    });
    const years = Array.from({ length: 12 }, (_, i) => 2026 + i);
    const closed = buildCalendar(days, years);
    expect(() => due('2026-03-02T10:00', 1, 'working_days', { calendar: closed })).toThrow(RangeError);
    expect(() => due('2026-03-02T10:00', 1, 'working_hours', { calendar: closed })).toThrow(RangeError);
  });
});

describe('warningTimes', () => {
  it('gives the 50% and 80% points of the elapsed time', () => {
    const start = sh('2026-03-02T10:00');
    const end = sh('2026-03-02T20:00');
    expect(warningTimes(start, end, [0.5, 0.8])).toEqual([sh('2026-03-02T15:00'), sh('2026-03-02T18:00')]);
    expect(warningTimes(start, end, [])).toEqual([]);
    expect(warningTimes(start, end, [0, 1])).toEqual([start, end]);
  });

  it('rejects fractions outside 0..1', () => {
    expect(() => warningTimes(sh('2026-03-02T10:00'), sh('2026-03-02T20:00'), [1.2])).toThrow(DomainError);
    expect(() => warningTimes(sh('2026-03-02T10:00'), sh('2026-03-02T20:00'), [Number.NaN])).toThrow(DomainError);
  });
});
