import { describe, expect, it } from 'vitest';
import { achievedPercent, formatKpi, kpiKind, scoredLines } from './kpi-format';

const days = (v: string) => `${v} 天`;

describe('KPI figures as they read (#14 item 5)', () => {
  it('rates as percentages, days with their unit, counts and scores', () => {
    expect(formatKpi('satisfaction_rate', 0.75, days)).toBe('75.0%');
    expect(formatKpi('policy_on_time_rate', 0.33333, days)).toBe('33.3%');
    expect(formatKpi('handling_days_p90', 12.345, days)).toBe('12.3 天');
    expect(formatKpi('volume', 7, days)).toBe('7');
    expect(formatKpi('inspection_score', 87.5, days)).toBe('87.5');
    expect(formatKpi('inspection_score', null, days)).toBe('—');
    expect(kpiKind('rectification_on_time_rate')).toBe('rate');
  });

  it('achievement in percent; only scored lines are charted', () => {
    expect(achievedPercent(0.8333)).toBe(83.3);
    expect(achievedPercent(null)).toBeNull();
    expect(
      scoredLines([
        { achieved: 1, weight: 0 },
        { achieved: null, weight: 10 },
        { achieved: 0.5, weight: 10 },
      ]),
    ).toEqual([{ achieved: 0.5, weight: 10 }]);
  });
});
