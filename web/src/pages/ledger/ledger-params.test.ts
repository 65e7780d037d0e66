import { describe, expect, it } from 'vitest';
import { apiParams, readColumns, readState, withoutDrill, withParam } from './ledger-params';

describe('ledger address parameters (issue #5)', () => {
  it('reads lists, texts, sort and order and gives back the API query', () => {
    const s = readState(new URLSearchParams('level=1,2&status=assigned&q=理赔&overdue=true&mine=true&sort=level&order=asc&colour=red'));
    expect(s.lists.level).toEqual(['1', '2']);
    expect(s.texts).toEqual({ q: '理赔', overdue: 'true', mine: 'true' });
    expect(apiParams(s)).toEqual({
      level: '1,2',
      status: 'assigned',
      q: '理赔',
      overdue: 'true',
      mine: 'true',
      sort: 'level',
      order: 'asc',
    });
  });

  it('a statistics drill-down (R-F1, #13) passes through to the API and is removed as one', () => {
    const drill =
      'receivedFrom=2026-10-31T16%3A00%3A00.000Z&receivedTo=2026-11-30T16%3A00%3A00.000Z&cause=sales_practice&timeliness=policy_late&level=2';
    const s = readState(new URLSearchParams(drill));
    expect(s.drill).toEqual({ cause: 'sales_practice', timeliness: 'policy_late' });
    expect(apiParams(s)).toMatchObject({
      cause: 'sales_practice',
      timeliness: 'policy_late',
      level: '2',
      receivedFrom: '2026-10-31T16:00:00.000Z',
    });
    expect(withoutDrill(new URLSearchParams(drill)).toString()).toBe(
      'receivedFrom=2026-10-31T16%3A00%3A00.000Z&receivedTo=2026-11-30T16%3A00%3A00.000Z&level=2',
    );
  });

  it('an unknown sort falls back to the received time, newest first', () => {
    const s = readState(new URLSearchParams('sort=colour&order=sideways'));
    expect([s.sort, s.order]).toEqual(['receivedAt', 'desc']);
    expect(apiParams(s)).toEqual({});
  });

  it('sets and clears one parameter', () => {
    const p = new URLSearchParams('level=1&q=x');
    expect(withParam(p, 'level', ['1', '3']).toString()).toBe('level=1%2C3&q=x');
    expect(withParam(p, 'q', '  ').toString()).toBe('level=1');
    expect(withParam(p, 'level', null).toString()).toBe('q=x');
  });

  it('columns: known ones in order, the number always, defaults when none', () => {
    expect(readColumns(['level', 'password', 'level', 'amount'])).toEqual(['number', 'level', 'amount']);
    expect(readColumns([])).toContain('number');
    expect(readColumns(null)).toHaveLength(8);
  });
});
