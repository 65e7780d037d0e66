import { describe, it, expect } from 'vitest';
import { buildCalendar } from '../calendar/calendar.js';
import { chineseDaysSeed } from '../calendar/chinese-days-seed.js';
import { computeDeadline, type DeadlineInput, type DurationUnit, type Pause } from './deadline.js';

const seed = chineseDaysSeed();
const CN = buildCalendar(seed.days, seed.years);
const WH = { start: '09:00', end: '17:30' };
const sh = (local: string) => new Date(`${local}+08:00`);
const pause = (from: string, to: string | null): Pause => ({ from: sh(from), to: to === null ? null : sh(to) });

function due(start: string, amount: number, unit: DurationUnit, pauses: Pause[], extra: Partial<DeadlineInput> = {}) {
  return computeDeadline({
    start: sh(start),
    amount,
    unit,
    calendar: CN,
    timeZone: 'Asia/Shanghai',
    workingHours: WH,
    pauses,
    ...extra,
  }).due;
}

describe('pauses on elapsed units (paused time is skipped exactly)', () => {
  const start = '2026-03-02T10:00';

  it('adds the paused time that falls before the running due time', () => {
    expect(due(start, 2, 'hours', [])).toEqual(sh('2026-03-02T12:00'));
    expect(due(start, 2, 'hours', [pause('2026-03-02T10:30', '2026-03-02T11:00')])).toEqual(sh('2026-03-02T12:30'));
    expect(due('2026-03-01T20:00', 30, 'minutes', [pause('2026-03-01T20:10', '2026-03-01T20:20')])).toEqual(sh('2026-03-01T20:40'));
  });

  it('counts only the part of a pause after the start', () => {
    expect(due(start, 2, 'hours', [pause('2026-03-02T09:00', '2026-03-02T10:30')])).toEqual(sh('2026-03-02T12:30'));
    expect(due(start, 2, 'hours', [pause('2026-03-01T09:00', '2026-03-01T10:30')])).toEqual(sh('2026-03-02T12:00'));
  });

  it('ignores pauses that begin at or after the due time', () => {
    expect(due(start, 2, 'hours', [pause('2026-03-02T12:00', '2026-03-02T13:00')])).toEqual(sh('2026-03-02T12:00'));
    expect(due(start, 2, 'hours', [pause('2026-03-02T13:00', null)])).toEqual(sh('2026-03-02T12:00'));
  });

  it('merges overlapping, unsorted pauses and ignores empty ones', () => {
    const pauses = [
      pause('2026-03-02T11:00', '2026-03-02T11:30'),
      pause('2026-03-02T10:30', '2026-03-02T11:15'),
      pause('2026-03-02T11:40', '2026-03-02T11:40'),
    ];
    expect(due(start, 2, 'hours', pauses)).toEqual(sh('2026-03-02T13:00'));
  });

  it('an open pause before the due time leaves the due time unknown', () => {
    expect(due(start, 2, 'hours', [pause('2026-03-02T11:00', null)])).toBeNull();
    expect(due(start, 2, 'hours', [pause('2026-03-02T10:30', '2026-03-02T10:45'), pause('2026-03-02T11:00', null)])).toBeNull();
  });

  it('working hours: a pause only removes working time', () => {
    // Mon 16:00–17:00 counts 1 h, paused until Tue 10:00, then 2 h more
    expect(due('2026-03-02T16:00', 3, 'working_hours', [pause('2026-03-02T17:00', '2026-03-03T10:00')])).toEqual(sh('2026-03-03T12:00'));
    // a pause outside working hours changes nothing
    expect(due('2026-03-02T16:00', 3, 'working_hours', [pause('2026-03-02T18:00', '2026-03-03T08:00')])).toEqual(sh('2026-03-03T10:30'));
    expect(due('2026-03-02T16:00', 3, 'working_hours', [pause('2026-03-03T08:00', null)])).toBeNull();
  });

  it('due - start = amount + paused time before the due (deterministic random check)', () => {
    let seedValue = 42;
    const rand = (n: number) => (seedValue = (seedValue * 1103515245 + 12345) % 2 ** 31) % n;
    for (let round = 0; round < 200; round++) {
      const startMs = sh('2026-03-02T00:00').getTime() + rand(48) * 1_800_000;
      const pauses = Array.from({ length: rand(4) }, () => {
        const from = startMs + (rand(40) - 4) * 1_800_000;
        return { from: new Date(from), to: new Date(from + rand(10) * 900_000) };
      });
      const amount = 1 + rand(12);
      const start = new Date(startMs);
      const input = { start, amount, unit: 'hours' as const, calendar: CN, timeZone: 'Asia/Shanghai', workingHours: WH };
      const dueMs = computeDeadline({ ...input, pauses }).due?.getTime() ?? NaN;
      const covered = new Set<number>(); // paused minutes between start and due
      for (const p of pauses) {
        for (let t = p.from.getTime(); t < p.to.getTime(); t += 60_000) if (t >= startMs && t < dueMs) covered.add(t);
      }
      expect(dueMs - startMs).toBe(amount * 3_600_000 + covered.size * 60_000);
    }
  });
});

describe('pauses on working days (remaining whole days; the resume day is not counted)', () => {
  const start = '2026-03-02T10:00'; // Monday; without pause: Mar 3, 4, 5, 6, 9

  it('without pauses', () => {
    expect(due(start, 5, 'working_days', [])).toEqual(sh('2026-03-09T17:30'));
  });

  it('keeps the working days not yet over when the pause began', () => {
    // used: Mar 3 only (Mar 4 was still open at 10:00); 4 left from Fri Mar 6: Mar 9, 10, 11, 12
    expect(due(start, 5, 'working_days', [pause('2026-03-04T10:00', '2026-03-06T15:00')])).toEqual(sh('2026-03-12T17:30'));
    // paused after close of business: Mar 3 and 4 used; 3 left from Thu Mar 5: Mar 6, 9, 10
    expect(due(start, 5, 'working_days', [pause('2026-03-04T18:00', '2026-03-05T09:00')])).toEqual(sh('2026-03-10T17:30'));
  });

  it('a pause within the receipt day costs nothing', () => {
    expect(due(start, 5, 'working_days', [pause('2026-03-02T11:00', '2026-03-02T12:00')])).toEqual(sh('2026-03-09T17:30'));
  });

  it('a pause on the last day leaves one day, counted after the resume day', () => {
    expect(due(start, 5, 'working_days', [pause('2026-03-09T16:00', '2026-03-10T10:00')])).toEqual(sh('2026-03-11T17:30'));
  });

  it('handles several pauses in turn', () => {
    const pauses = [pause('2026-03-03T10:00', '2026-03-03T11:00'), pause('2026-03-05T10:00', '2026-03-05T11:00')];
    // first: nothing used, 5 from Tue Mar 3; second: Mar 4 used, 4 from Thu Mar 5: Mar 6, 9, 10, 11
    expect(due(start, 5, 'working_days', pauses)).toEqual(sh('2026-03-11T17:30'));
  });

  it('a pause that covers the start delays the start to the resume', () => {
    expect(due(start, 5, 'working_days', [pause('2026-03-01T09:00', '2026-03-03T12:00')])).toEqual(sh('2026-03-10T17:30'));
  });

  it('resumes across National Day 2026 with the adjusted working day', () => {
    // received Mon Sep 28; paused Sep 29 09:00 (nothing used) until Oct 9; 5 days: Oct 10 (Sat, worked), 12, 13, 14, 15
    expect(due('2026-09-28T10:00', 5, 'working_days', [pause('2026-09-29T09:00', '2026-10-09T12:00')])).toEqual(sh('2026-10-15T17:30'));
  });

  it('ignores a pause that begins after the due time; an earlier open pause gives null', () => {
    expect(due(start, 5, 'working_days', [pause('2026-03-09T17:30', null)])).toEqual(sh('2026-03-09T17:30'));
    expect(due(start, 5, 'working_days', [pause('2026-03-09T18:00', '2026-03-20T10:00')])).toEqual(sh('2026-03-09T17:30'));
    expect(due(start, 5, 'working_days', [pause('2026-03-04T10:00', null)])).toBeNull();
  });
});

describe('pauses on calendar days (the regulatory clock: mediation and appraisal not counted)', () => {
  const start = '2026-03-02T10:00'; // without pause: day 15 = Tue Mar 17

  it('keeps the days not yet over when the pause began', () => {
    expect(due(start, 15, 'calendar_days', [])).toEqual(sh('2026-03-18T00:00'));
    // used: Mar 3, 4; 13 left from Thu Mar 12: day 13 = Wed Mar 25
    expect(due(start, 15, 'calendar_days', [pause('2026-03-05T14:00', '2026-03-12T09:00')])).toEqual(sh('2026-03-26T00:00'));
  });

  it('a short pause costs the days it touches (the day it began is not used, the resume day not counted)', () => {
    // used: Mar 3, 4; 13 left from Fri Mar 6: day 13 = Thu Mar 19
    expect(due(start, 15, 'calendar_days', [pause('2026-03-05T23:00', '2026-03-06T01:00')])).toEqual(sh('2026-03-20T00:00'));
  });

  it('a pause during the roll-forward to a working day leaves one day after the resume', () => {
    // received Fri Mar 6; day 15 = Sat Mar 21, rolled to Mon Mar 23; paused Sun Mar 22 until Wed Mar 25
    expect(due('2026-03-06T09:00', 15, 'calendar_days', [])).toEqual(sh('2026-03-24T00:00'));
    expect(due('2026-03-06T09:00', 15, 'calendar_days', [pause('2026-03-22T10:00', '2026-03-25T12:00')])).toEqual(sh('2026-03-27T00:00'));
  });

  it('an open mediation holds the clock', () => {
    expect(due(start, 15, 'calendar_days', [pause('2026-03-10T10:00', null)])).toBeNull();
  });
});
