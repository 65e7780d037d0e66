import { describe, expect, it } from 'vitest';
import { paretoRanking } from './analysis-pareto.js';

describe('R-F3 cause ranking (Pareto)', () => {
  it('ranks by count, shares of mentions, cumulative share ending at 1, the vital few up to 80 %', () => {
    const rows = paretoRanking([
      { cause: 'sales_practice', count: 10 },
      { cause: 'staff_service', count: 50 },
      { cause: 'pricing_fees', count: 0 },
      { cause: 'business_process', count: 30 },
      { cause: 'other', count: 10 },
    ]);
    expect(rows.map((r) => r.cause)).toEqual(['staff_service', 'business_process', 'other', 'sales_practice']);
    expect(rows.map((r) => r.share)).toEqual([0.5, 0.3, 0.1, 0.1]);
    expect(rows.map((r) => r.cumulativeShare)).toEqual([0.5, 0.8, 0.9, 1]);
    // before staff_service 0, before business_process 0.5 (< 0.8), before other 0.8 (not < 0.8)
    expect(rows.map((r) => r.vital)).toEqual([true, true, false, false]);
  });

  it('ties are ordered by code, thirds do not accumulate rounding, nothing mentioned is an empty ranking', () => {
    const rows = paretoRanking([
      { cause: 'c', count: 1 },
      { cause: 'a', count: 1 },
      { cause: 'b', count: 1 },
    ]);
    expect(rows.map((r) => r.cause)).toEqual(['a', 'b', 'c']);
    expect(rows.map((r) => r.share)).toEqual([0.3333, 0.3333, 0.3333]);
    expect(rows.map((r) => r.cumulativeShare)).toEqual([0.3333, 0.6667, 1]);
    expect(paretoRanking([{ cause: 'a', count: 0 }])).toEqual([]);
  });
});
