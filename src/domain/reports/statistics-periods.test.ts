import { describe, expect, it } from 'vitest';
import { dayEnd, dayStart, isoWeekKey, periodsOf } from './statistics-periods.js';
import { drillString } from './statistics-drill.js';
import { statisticsQueryIssues } from './statistics-query.js';

describe('statistics periods (R-F1, #13)', () => {
  it('months and ISO weeks clipped to the range, keys as the SQL groups them', () => {
    expect(periodsOf('month', '2026-10-15', '2026-12-03').map((p) => [p.key, p.from, p.to, p.label.zh])).toEqual([
      ['2026-10', '2026-10-15', '2026-10-31', '2026年10月'],
      ['2026-11', '2026-11-01', '2026-11-30', '2026年11月'],
      ['2026-12', '2026-12-01', '2026-12-03', '2026年12月'],
    ]);
    // 2026-01-01 is a Thursday: ISO week 1 of 2026; 2027-01-01 a Friday: week 53 of 2026
    expect(isoWeekKey('2026-01-01')).toBe('2026-W01');
    expect(isoWeekKey('2025-12-29')).toBe('2026-W01');
    expect(isoWeekKey('2027-01-01')).toBe('2026-W53');
    expect(periodsOf('week', '2026-11-25', '2026-12-08').map((p) => [p.key, p.from, p.to])).toEqual([
      ['2026-W48', '2026-11-25', '2026-11-29'],
      ['2026-W49', '2026-11-30', '2026-12-06'],
      ['2026-W50', '2026-12-07', '2026-12-08'],
    ]);
    expect(periodsOf('day', '2026-02-27', '2026-03-01').map((p) => p.key)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
  });

  it('local days as instants in the company time zone', () => {
    expect(dayStart('2026-11-01', 'Asia/Shanghai').toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(dayEnd('2026-11-30', 'Asia/Shanghai').toISOString()).toBe('2026-11-30T16:00:00.000Z');
  });

  it('drill strings: the measure set, the keys, the filter, extras', () => {
    const c = {
      filter: { channel: ['letter', 'email'], imported: false },
      from: '2026-11-01',
      to: '2026-11-30',
      timeZone: 'Asia/Shanghai',
    };
    expect(drillString('received', { ...c, keys: [{ dimension: 'cause', value: null }] })).toBe(
      'channel=letter%2Cemail&cause=_none&imported=false&receivedFrom=2026-10-31T16%3A00%3A00.000Z&receivedTo=2026-11-30T16%3A00%3A00.000Z',
    );
    expect(drillString('handling_days_p90', { ...c, keys: [{ dimension: 'channel', value: 'letter' }] })).toBe(
      'channel=letter&imported=false&closedFrom=2026-10-31T16%3A00%3A00.000Z&closedTo=2026-11-30T16%3A00%3A00.000Z',
    );
    expect(drillString('open_at_end', { ...c, keys: [{ dimension: 'month', value: '2026-11' }] })).toBe(
      'channel=letter%2Cemail&imported=false&openAt=2026-11-30T16%3A00%3A00.000Z',
    );
    expect(drillString('satisfaction_rate', { ...c, filter: {}, keys: [{ dimension: 'branch', value: 'u1' }] })).toContain('branchId=u1&');
    expect(drillString('regulatory_late', { ...c, filter: {}, keys: [] })).toMatch(/&timeliness=regulatory_late$/);
  });

  it('query rules name their field', () => {
    const q = { from: '2026-11-01', to: '2026-11-30', groupBy: [], filter: {} };
    expect(statisticsQueryIssues(q)).toEqual([]);
    expect(statisticsQueryIssues({ ...q, from: '2026-12-01' }).map((i) => i.field)).toEqual(['querystring.from']);
    expect(statisticsQueryIssues({ ...q, groupBy: ['month', 'day'] }).map((i) => i.field)).toEqual(['querystring.groupBy']);
    expect(statisticsQueryIssues({ ...q, groupBy: ['level', 'channel', 'cause'] })[0]?.code).toBe('too_big');
    expect(statisticsQueryIssues({ ...q, to: '2028-01-01', groupBy: ['day'] }).map((i) => i.field)).toEqual(['querystring.to']);
  });
});
