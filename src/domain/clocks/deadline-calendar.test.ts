import { describe, it, expect } from 'vitest';
import { buildCalendar, type WorkingCalendar } from '../calendar/calendar.js';
import { chineseDaysSeed } from '../calendar/chinese-days-seed.js';
import { computeDeadline, type DurationUnit } from './deadline.js';

const seed = chineseDaysSeed(); // confirmed 2004–2026
const CN = buildCalendar(seed.days, seed.years);
const WH = { start: '09:00', end: '17:30' };
const sh = (local: string) => new Date(`${local}+08:00`);

function deadline(start: Date, amount: number, unit: DurationUnit, calendar: WorkingCalendar = CN, timeZone = 'Asia/Shanghai') {
  return computeDeadline({ start, amount, unit, calendar, timeZone, workingHours: WH });
}

describe('unconfirmed calendar year (weekends and statutory holidays, flagged; #9 item 10)', () => {
  it('counts 2027 with weekends and the statutory holidays of the regulation, and says so', () => {
    // Fri 2027-02-05 is Spring Festival eve (statutory), Feb 6–8 statutory (6–7 a weekend too):
    // day 1 = Tue Feb 9, day 3 = Thu Feb 11; the adjusted days of the notice are not known yet
    expect(deadline(sh('2027-02-05T10:00'), 3, 'working_days')).toEqual({
      due: sh('2027-02-11T17:30'),
      calendarConfirmed: false,
      unconfirmedYears: [2027],
    });
  });

  it('ignores entries of a year until it is confirmed', () => {
    const days = ['2027-02-09', '2027-02-10'].map((date) => ({ date, kind: 'holiday' as const, name: '春节' }));
    const draft = buildCalendar([...seed.days, ...days], seed.years);
    expect(deadline(sh('2027-02-05T10:00'), 3, 'working_days', draft).due).toEqual(sh('2027-02-11T17:30'));
    // confirmed, the year is its entries alone: Mon Feb 8 day 1, Feb 9–10 off, Feb 11, Feb 12 day 3
    const confirmed = buildCalendar([...seed.days, ...days], [...seed.years, 2027]);
    expect(deadline(sh('2027-02-05T10:00'), 3, 'working_days', confirmed)).toEqual({
      due: sh('2027-02-12T17:30'),
      calendarConfirmed: true,
      unconfirmedYears: [],
    });
  });

  it('a count that starts in Dec 2026 and crosses into 2027 is flagged', () => {
    // Dec 25, 28, 29, 30, 31, then Fri Jan 1 2027 (New Year's Day, statutory), Jan 4, 5, 6, 7, 8
    expect(deadline(sh('2026-12-24T10:00'), 10, 'working_days')).toEqual({
      due: sh('2027-01-08T17:30'),
      calendarConfirmed: false,
      unconfirmedYears: [2027],
    });
    expect(deadline(sh('2026-12-20T10:00'), 15, 'calendar_days')).toEqual({
      due: sh('2027-01-05T00:00'),
      calendarConfirmed: false,
      unconfirmedYears: [2027],
    });
    // day 15 = Fri Jan 1, New Year's Day: due at 24:00 of the next working day, Mon Jan 4
    expect(deadline(sh('2026-12-17T10:00'), 15, 'calendar_days')).toEqual({
      due: sh('2027-01-05T00:00'),
      calendarConfirmed: false,
      unconfirmedYears: [2027],
    });
    // half an hour on Dec 31, the rest from the next opening after New Year's Day
    expect(deadline(sh('2026-12-31T17:00'), 1, 'working_hours')).toEqual({
      due: sh('2027-01-04T09:30'),
      calendarConfirmed: false,
      unconfirmedYears: [2027],
    });
  });

  it('is not flagged when the count stays inside confirmed years', () => {
    expect(deadline(sh('2026-12-24T10:00'), 5, 'working_days')).toEqual({
      due: sh('2026-12-31T17:30'),
      calendarConfirmed: true,
      unconfirmedYears: [],
    });
    // day 15 = Thu Dec 31, a working day; due at 24:00, i.e. 2027-01-01 00:00, no 2027 date consulted
    expect(deadline(sh('2026-12-16T10:00'), 15, 'calendar_days').calendarConfirmed).toBe(true);
  });

  it('lists every unconfirmed year consulted', () => {
    const nothingConfirmed = buildCalendar(seed.days, []);
    expect(deadline(sh('2026-12-24T10:00'), 10, 'working_days', nothingConfirmed).unconfirmedYears).toEqual([2026, 2027]);
  });
});

describe('a zone with DST (Europe/Berlin): hours are elapsed, working days follow the wall clock', () => {
  const DE = buildCalendar([], [2026]);
  const berlin = (local: string, offset: string) => new Date(`${local}${offset}`);

  it('48 hours across the spring-forward night show one hour more on the wall clock', () => {
    const start = berlin('2026-03-27T12:00', '+01:00'); // Fri, CET
    expect(deadline(start, 48, 'hours', DE, 'Europe/Berlin').due).toEqual(berlin('2026-03-29T13:00', '+02:00'));
    expect(deadline(berlin('2026-03-28T23:00', '+01:00'), 4, 'hours', DE, 'Europe/Berlin').due).toEqual(
      berlin('2026-03-29T04:00', '+02:00'),
    );
  });

  it('24 hours across the fall-back night show one hour less', () => {
    const start = berlin('2026-10-24T12:00', '+02:00'); // Sat, CEST
    expect(deadline(start, 24, 'hours', DE, 'Europe/Berlin').due).toEqual(berlin('2026-10-25T11:00', '+01:00'));
  });

  it('working days close at 17:30 local time, whatever the offset', () => {
    const start = berlin('2026-03-27T12:00', '+01:00');
    expect(deadline(start, 1, 'working_days', DE, 'Europe/Berlin').due).toEqual(berlin('2026-03-30T17:30', '+02:00'));
    expect(deadline(start, 2, 'working_days', DE, 'Europe/Berlin').due).toEqual(berlin('2026-03-31T17:30', '+02:00'));
  });

  it('calendar days and working hours use local midnight and local opening hours', () => {
    const start = berlin('2026-03-27T12:00', '+01:00');
    // day 2 = Sun Mar 29 -> Mon Mar 30, due at local 24:00
    expect(deadline(start, 2, 'calendar_days', DE, 'Europe/Berlin').due).toEqual(berlin('2026-03-31T00:00', '+02:00'));
    expect(deadline(berlin('2026-03-27T17:00', '+01:00'), 1, 'working_hours', DE, 'Europe/Berlin').due).toEqual(
      berlin('2026-03-30T09:30', '+02:00'),
    );
  });

  it('the same instant gives different local days in Shanghai and Berlin', () => {
    const instant = new Date('2026-03-02T17:00:00Z'); // Tue 01:00 in Shanghai, Mon 18:00 in Berlin
    expect(deadline(instant, 1, 'working_days').due).toEqual(sh('2026-03-04T17:30'));
    expect(deadline(instant, 1, 'working_days', DE, 'Europe/Berlin').due).toEqual(berlin('2026-03-03T17:30', '+01:00'));
  });
});
