import { describe, expect, it } from 'vitest';
import { assessmentPeriod, periodEnded } from './assessment-period.js';
import { policySchema } from '../policy/policy.schema.js';
import { defaultPolicy } from '../policy/policy.defaults.js';

describe('assessment periods (#14 item 5, R-E6)', () => {
  it('a month and a quarter as local dates', () => {
    expect(assessmentPeriod('month', '2026-02')).toEqual({ kind: 'month', key: '2026-02', from: '2026-02-01', to: '2026-02-28' });
    expect(assessmentPeriod('month', '2028-02')?.to).toBe('2028-02-29');
    expect(assessmentPeriod('quarter', '2026-Q4')).toEqual({ kind: 'quarter', key: '2026-Q4', from: '2026-10-01', to: '2026-12-31' });
    expect(assessmentPeriod('quarter', '2026-Q1')?.to).toBe('2026-03-31');
  });

  it('a key not of its kind is refused', () => {
    for (const [kind, key] of [
      ['month', '2026-13'],
      ['month', '2026-Q1'],
      ['quarter', '2026-Q5'],
      ['quarter', '2026-11'],
    ] as const)
      expect(assessmentPeriod(kind, key), key).toBeNull();
  });

  it('a period has ended the day after its last day', () => {
    const nov = assessmentPeriod('month', '2026-11')!;
    expect(periodEnded(nov, '2026-11-30')).toBe(false);
    expect(periodEnded(nov, '2026-12-01')).toBe(true);
  });
});

describe('the policy assessment section (#14 item 5)', () => {
  it('a version stored before it gets the default targets and weights', () => {
    const { assessment: _a, ...older } = structuredClone(defaultPolicy) as Record<string, unknown>;
    const parsed = policySchema.parse(older);
    expect(parsed.assessment.targets.satisfaction_rate).toEqual({ target: 0.9, weight: 20 });
    expect(parsed.assessment.targets.volume.weight).toBe(0);
  });

  it('one KPI may be changed alone; an unknown KPI or a negative weight is refused', () => {
    const p = structuredClone(defaultPolicy) as unknown as { assessment: { targets: Record<string, unknown> } };
    p.assessment.targets = { reopen_rate: { target: 0.1, weight: 5 } };
    expect(policySchema.parse(p).assessment.targets.reopen_rate).toEqual({ target: 0.1, weight: 5 });
    expect(policySchema.parse(p).assessment.targets.inspection_score.target).toBe(90);
    p.assessment.targets = { made_up: { target: 1, weight: 1 } };
    expect(policySchema.safeParse(p).success).toBe(false);
    p.assessment.targets = { reopen_rate: { target: 0.1, weight: -1 } };
    expect(policySchema.safeParse(p).success).toBe(false);
  });
});
