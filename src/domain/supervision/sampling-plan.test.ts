import { describe, expect, it } from 'vitest';
import { drawPlanSample, mixSeed, planRulesSchema, type PlanCandidate } from './sampling-plan.js';

const population: PlanCandidate[] = Array.from({ length: 90 }, (_, i) => ({
  id: `id-${i}`,
  number: `TS${String(i).padStart(4, '0')}`,
  level: i % 30 === 0 ? 1 : 3,
  departmentIds: [i % 3 === 0 ? 'A' : 'B'],
  reopened: i % 45 === 7,
  closedMonth: i < 80 ? (i % 2 === 0 ? '2026-10' : '2026-11') : null,
}));

describe('inspection plan sampling (R-E4)', () => {
  const rules = planRulesSchema.parse([
    { kind: 'share', percent: 5 },
    { kind: 'all', population: 'level1' },
    { kind: 'all', population: 'reopened' },
  ]);

  it('R-E4: the same seed and population draw the same sample, in any order', () => {
    const a = drawPlanSample(population, rules, 12345);
    const b = drawPlanSample([...population].reverse(), rules, 12345);
    expect(b).toEqual(a);
    expect(drawPlanSample(population, rules, 54321).map((s) => s.id)).not.toEqual(a.map((s) => s.id));
  });

  it('R-E4: 5 % of the closed per department per month, rounded up; every level-1; every reopened', () => {
    const sample = drawPlanSample(population, rules, 7);
    const groups = new Map<string, number>();
    for (const c of population.filter((c) => c.closedMonth)) {
      const k = `${c.departmentIds[0]}@${c.closedMonth}`;
      groups.set(k, (groups.get(k) ?? 0) + 1);
    }
    for (const [k, n] of groups) {
      const [d, m] = k.split('@');
      const drawn = sample.filter((s) => s.reasons.some((r) => r.kind === 'share' && r.departmentId === d && r.month === m));
      expect(drawn).toHaveLength(Math.max(1, Math.ceil((n * 5) / 100)));
      for (const s of drawn) expect(population.find((c) => c.id === s.id)?.closedMonth).toBe(m);
    }
    const ids = new Set(sample.map((s) => s.id));
    for (const c of population.filter((c) => c.level === 1 || c.reopened)) expect(ids.has(c.id)).toBe(true);
  });

  it('per department without months, and the rule defaults', () => {
    const [rule] = planRulesSchema.parse([{ kind: 'share', percent: 10, per: 'department' }]);
    expect(rule).toEqual({ kind: 'share', percent: 10, minimum: 1, per: 'department', population: 'closed' });
    const sample = drawPlanSample(population, [rule!], 1);
    expect(sample.filter((s) => s.reasons.some((r) => r.kind === 'share' && r.departmentId === 'A'))).toHaveLength(3);
  });

  it('mixes the seed per rule and refuses a seed out of range', () => {
    expect(mixSeed(5, 0)).toBe(5);
    expect(mixSeed(5, 1)).not.toBe(5);
    expect(() => drawPlanSample(population, rules, -1)).toThrow(RangeError);
  });
});
