/**
 * Inspection samples (#14 item 1, R-E4): which handled complaints an inspection draws by its
 * sampling rules. Reproducible: the same population and seed give the same sample whatever order
 * the population comes in, and the seed is recorded with the sample, so anyone can draw it again
 * and see it was not chosen by hand. Pure; the seed itself is drawn by the caller.
 */
import { mulberry32 } from '../random.js';

export type SamplingRule =
  /** `percent` of each responsible department's complaints (rounded up), at least `minimum` */
  { kind: 'percent_per_department'; percent: number; minimum: number } | { kind: 'every_level_1' } | { kind: 'every_reopened' };

export interface SamplingCandidate {
  id: string;
  /** the complaint number: the population's order */
  number: string;
  level: 1 | 2 | 3;
  departmentIds: readonly string[];
  reopened: boolean;
}

/** Why a complaint is in the sample; a department's share names the department ('_none': no department). */
export type SamplingReason =
  { rule: 'every_level_1' } | { rule: 'every_reopened' } | { rule: 'percent_per_department'; departmentId: string };

export interface SampledItem {
  id: string;
  number: string;
  reasons: SamplingReason[];
}

/** A seed is an unsigned 32-bit integer. */
export const isSeed = (seed: number) => Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff;

/** `k` of `items` chosen by a partial Fisher-Yates shuffle, in the items' order. */
function choose<T>(items: readonly T[], k: number, next: () => number): T[] {
  const pool = [...items];
  const n = Math.min(k, pool.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(next() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, n);
}

/** How many of a department's `n` complaints its share takes. */
export function shareOf(rule: { percent: number; minimum: number }, n: number): number {
  return Math.min(n, Math.max(rule.minimum, Math.ceil((n * rule.percent) / 100)));
}

export function drawSample(population: readonly SamplingCandidate[], rules: readonly SamplingRule[], seed: number): SampledItem[] {
  if (!isSeed(seed)) throw new RangeError(`seed must be an unsigned 32-bit integer, not ${seed}`);
  const ordered = [...population].sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
  const chosen = new Map<string, SampledItem>();
  const add = (c: SamplingCandidate, reason: SamplingReason) => {
    const item = chosen.get(c.id) ?? { id: c.id, number: c.number, reasons: [] };
    item.reasons.push(reason);
    chosen.set(c.id, item);
  };
  const next = mulberry32(seed);
  for (const rule of rules) {
    if (rule.kind === 'every_level_1') for (const c of ordered) if (c.level === 1) add(c, { rule: 'every_level_1' });
    if (rule.kind === 'every_reopened') for (const c of ordered) if (c.reopened) add(c, { rule: 'every_reopened' });
    if (rule.kind === 'percent_per_department') {
      const byDepartment = new Map<string, SamplingCandidate[]>();
      for (const c of ordered)
        for (const d of c.departmentIds.length ? c.departmentIds : ['_none']) byDepartment.set(d, [...(byDepartment.get(d) ?? []), c]);
      for (const d of [...byDepartment.keys()].sort()) {
        const members = byDepartment.get(d)!;
        for (const c of choose(members, shareOf(rule, members.length), next)) add(c, { rule: 'percent_per_department', departmentId: d });
      }
    }
  }
  return [...chosen.values()].sort((a, b) => (a.number < b.number ? -1 : 1));
}
