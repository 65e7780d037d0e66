import { describe, expect, it } from 'vitest';
import { assessKpis } from './kpi.js';

const TARGETS = {
  policy_on_time_rate: { target: 0.95, weight: 30 },
  satisfaction_rate: { target: 0.9, weight: 30 },
  reopen_rate: { target: 0.05, weight: 20 },
  handling_days_p50: { target: 5, weight: 20 },
  volume: { target: 0, weight: 10 },
};

describe('KPI assessment (#14 item 5, R-E6)', () => {
  it('each KPI earns its weight by how much of its target it reached, high or low as it should be', () => {
    const a = assessKpis(
      { policy_on_time_rate: 0.95, satisfaction_rate: 0.45, reopen_rate: 0.1, handling_days_p50: 4, volume: 120 },
      TARGETS,
    );
    const line = (code: string) => a.lines.find((l) => l.code === code)!;
    expect(line('policy_on_time_rate')).toMatchObject({ achieved: 1, met: true });
    expect(line('satisfaction_rate')).toMatchObject({ achieved: 0.5, met: false });
    expect(line('reopen_rate')).toMatchObject({ achieved: 0.5, met: false });
    expect(line('handling_days_p50')).toMatchObject({ achieved: 1, met: true });
    // volume is shown, never scored
    expect(line('volume')).toMatchObject({ value: 120, achieved: null, met: null });
    expect(a.score).toBe(75); // (30 + 15 + 10 + 20) / 100
  });

  it('a KPI without a figure leaves the total; with no figure at all there is no score', () => {
    expect(assessKpis({ policy_on_time_rate: 0.95, satisfaction_rate: null }, TARGETS).score).toBe(100);
    expect(assessKpis({}, TARGETS).score).toBeNull();
  });
});
