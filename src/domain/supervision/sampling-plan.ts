/**
 * An inspection plan's sampling rules as stored data, and the sample they draw (#14 item 1, R-E4),
 * on top of drawSample (sampling.ts). Pure.
 *
 * The population of a plan: the complaints of its scope received or closed within its period.
 * Each rule draws from its own part of it:
 * - `{kind:'share', percent, minimum, per, population:'closed'}`: of the complaints CLOSED in the
 *   period, `percent` of each department's (per 'department') or of each department's in each
 *   calendar month of closing (per 'department_month'), ROUNDED UP, and at least `minimum` (default
 *   1) while the group has that many: 5 % of 30 is 2, 5 % of 3 is 1; a complaint of two
 *   departments counts in both.
 * - `{kind:'all', population:'level1'}`: every level-1 complaint of the population.
 * - `{kind:'all', population:'reopened'}`: every complaint of the population reopened at least once
 *   (in a handling round after the first).
 * Rule i draws with seed mixSeed(seed, i): one recorded seed gives the whole sample.
 */
import { z } from 'zod';
import { drawSample, isSeed, type SamplingCandidate } from './sampling.js';

export const planRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('share'),
    percent: z.number().gt(0).max(100),
    minimum: z.number().int().min(0).max(1000).default(1),
    per: z.enum(['department', 'department_month']).default('department_month'),
    population: z.literal('closed').default('closed'),
  }),
  z.strictObject({ kind: z.literal('all'), population: z.enum(['level1', 'reopened']) }),
]);
export type PlanRule = z.infer<typeof planRuleSchema>;
export const planRulesSchema = z.array(planRuleSchema).min(1).max(10);

export interface PlanCandidate {
  id: string;
  number: string;
  level: 1 | 2 | 3;
  departmentIds: readonly string[];
  reopened: boolean;
  /** the month (YYYY-MM, company time zone) it was closed in within the period; null: not closed in it */
  closedMonth: string | null;
}

export type PlanReason =
  | { rule: number; kind: 'share'; departmentId: string | null; month: string | null }
  | { rule: number; kind: 'all'; population: 'level1' | 'reopened' };

export interface PlanSampleItem {
  id: string;
  number: string;
  reasons: PlanReason[];
}

/** The seed rule `index` draws with: the recorded seed for the first rule, a fixed mix of it after. */
export function mixSeed(seed: number, index: number): number {
  return index === 0 ? seed : (seed ^ Math.imul(index, 0x9e3779b9)) >>> 0;
}

const GROUP = '@';

export function drawPlanSample(population: readonly PlanCandidate[], rules: readonly PlanRule[], seed: number): PlanSampleItem[] {
  if (!isSeed(seed)) throw new RangeError(`seed must be an unsigned 32-bit integer, not ${seed}`);
  const chosen = new Map<string, PlanSampleItem>();
  const add = (c: { id: string; number: string }, reason: PlanReason) => {
    const item = chosen.get(c.id) ?? { id: c.id, number: c.number, reasons: [] };
    item.reasons.push(reason);
    chosen.set(c.id, item);
  };
  rules.forEach((rule, index) => {
    if (rule.kind === 'all') {
      const wanted = population.filter((c) => (rule.population === 'level1' ? c.level === 1 : c.reopened));
      for (const c of wanted) add(c, { rule: index, kind: 'all', population: rule.population });
      return;
    }
    const closed: SamplingCandidate[] = population
      .filter((c) => c.closedMonth !== null)
      .map((c) => {
        const departments = c.departmentIds.length ? c.departmentIds : ['_none'];
        const suffix = rule.per === 'department_month' ? `${GROUP}${c.closedMonth}` : '';
        return { id: c.id, number: c.number, level: c.level, reopened: c.reopened, departmentIds: departments.map((d) => d + suffix) };
      });
    const sample = drawSample(
      closed,
      [{ kind: 'percent_per_department', percent: rule.percent, minimum: rule.minimum }],
      mixSeed(seed, index),
    );
    for (const s of sample)
      for (const r of s.reasons) {
        if (r.rule !== 'percent_per_department') continue;
        const [department = '_none', month] = r.departmentId.split(GROUP);
        add(s, { rule: index, kind: 'share', departmentId: department === '_none' ? null : department, month: month ?? null });
      }
  });
  return [...chosen.values()].sort((a, b) => (a.number < b.number ? -1 : 1));
}

/** A fresh seed from a source of random 32-bit words (the caller's crypto). */
export function seedFrom(word: number): number {
  return word >>> 0;
}
