import { describe, expect, it } from 'vitest';
import { activeFilterCount, ledgerHref, readStats, statisticsQuery, statsParams } from './stats-params';

describe('dashboard state in the address (R-F1: filters as in the ledger)', () => {
  it('reads tab, period and filters, and writes the same address back', () => {
    const q = 'tab=causes&p=2026-Q3&level=1%2C2&channel=web&department=d1&imported=false';
    const s = readStats(new URLSearchParams(q), '2026-11-30');
    expect(s.tab).toBe('causes');
    expect(s.period).toEqual({ kind: 'quarter', from: '2026-07-01', to: '2026-09-30' });
    expect(s.filters).toEqual({ lists: { level: ['1', '2'], channel: ['web'], department: ['d1'] }, imported: 'false' });
    expect(activeFilterCount(s.filters)).toBe(4);
    expect(statsParams(s).toString()).toBe(q);
  });

  it('unknown tabs and values fall back; duplicates and empty values go', () => {
    const s = readStats(new URLSearchParams('tab=nope&imported=maybe&level=1,,1&cause='), '2026-11-30');
    expect(s.tab).toBe('overview');
    expect(s.filters).toEqual({ lists: { level: ['1'] }, imported: undefined });
    expect(statsParams(s).toString()).toBe('p=2026-11&level=1');
  });

  it('one statistics call: range, dimensions, measures and the filters', () => {
    expect(
      statisticsQuery(
        { from: '2026-11-01', to: '2026-11-30', groupBy: ['month', 'level'], measures: ['received', 'closed'] },
        { lists: { channel: ['web', 'app'] } },
      ),
    ).toEqual({ from: '2026-11-01', to: '2026-11-30', groupBy: 'month,level', measures: 'received,closed', channel: 'web,app' });
    expect(statisticsQuery({ from: 'a', to: 'b', groupBy: [] }, { lists: {} })).toEqual({ from: 'a', to: 'b' });
    expect(ledgerHref('level=1&receivedFrom=x')).toBe('/complaints?level=1&receivedFrom=x');
  });
});
