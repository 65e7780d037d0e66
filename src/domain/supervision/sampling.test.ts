import { describe, expect, it } from 'vitest';
import { drawSample, shareOf, type SamplingCandidate, type SamplingRule } from './sampling.js';

const population: SamplingCandidate[] = Array.from({ length: 120 }, (_, i) => ({
  id: `id-${i}`,
  number: `TS20261001${String(i).padStart(4, '0')}`,
  level: i % 40 === 0 ? 1 : i % 3 === 0 ? 2 : 3,
  departmentIds: i % 10 === 0 ? [] : [i % 2 === 0 ? 'claims' : 'service', ...(i % 7 === 0 ? ['sales'] : [])],
  reopened: i % 25 === 3,
}));
const FIVE_PERCENT: SamplingRule = { kind: 'percent_per_department', percent: 5, minimum: 2 };

describe('inspection sampling (#14 item 1, R-E4)', () => {
  it('is reproducible from its seed, whatever order the population comes in', () => {
    const rules: SamplingRule[] = [FIVE_PERCENT, { kind: 'every_level_1' }, { kind: 'every_reopened' }];
    const a = drawSample(population, rules, 20261130);
    const b = drawSample([...population].reverse(), rules, 20261130);
    expect(b).toEqual(a);
    expect(drawSample(population, rules, 7).map((s) => s.id)).not.toEqual(a.map((s) => s.id));
  });

  it('takes each department its share (rounded up, at least the minimum), and every level-1 and reopened complaint', () => {
    const sample = drawSample(population, [FIVE_PERCENT, { kind: 'every_level_1' }, { kind: 'every_reopened' }], 42);
    const inDepartment = (d: string) => population.filter((c) => (c.departmentIds.length ? c.departmentIds : ['_none']).includes(d)).length;
    for (const d of ['claims', 'service', 'sales', '_none']) {
      const taken = sample.filter((s) => s.reasons.some((r) => r.rule === 'percent_per_department' && r.departmentId === d));
      expect(taken).toHaveLength(shareOf(FIVE_PERCENT, inDepartment(d)));
    }
    for (const c of population.filter((p) => p.level === 1))
      expect(sample.find((s) => s.id === c.id)?.reasons).toContainEqual({ rule: 'every_level_1' });
    for (const c of population.filter((p) => p.reopened))
      expect(sample.find((s) => s.id === c.id)?.reasons).toContainEqual({ rule: 'every_reopened' });
    expect(sample.map((s) => s.number)).toEqual([...sample.map((s) => s.number)].sort());
  });

  it('rounds a share up, never takes more than the department has, and refuses a seed that is not 32 bits', () => {
    expect(shareOf({ percent: 5, minimum: 1 }, 21)).toBe(2);
    expect(shareOf({ percent: 5, minimum: 3 }, 2)).toBe(2);
    expect(shareOf({ percent: 100, minimum: 0 }, 9)).toBe(9);
    expect(() => drawSample(population, [FIVE_PERCENT], -1)).toThrow(/seed/);
    expect(() => drawSample(population, [FIVE_PERCENT], 2 ** 32)).toThrow(/seed/);
    expect(drawSample([], [FIVE_PERCENT, { kind: 'every_level_1' }], 1)).toEqual([]);
  });
});
