/**
 * Performance assessment (#14 item 5, R-E6): a department's or a person's figures over a period
 * against the policy's targets and weights, and the score they add up to. Pure.
 *
 * Each weighted KPI earns its weight times how much of its target it reached: a rate or score that
 * should be high earns value / target (at most all of it); a rate or a number of days that should
 * be low earns all of it at or under the target and target / value above it. A KPI without a
 * figure (no complaint was surveyed, say) leaves the total, so nobody is marked down for what
 * they could not do. The score is 0-100 with one decimal; with no figure at all it is null.
 */

export const KPI_CODES = [
  'policy_on_time_rate',
  'regulatory_on_time_rate',
  'satisfaction_rate',
  'reopen_rate',
  'handling_days_p50',
  'handling_days_p90',
  'volume',
  'inspection_score',
  'rectification_on_time_rate',
  /** share of the enrolled persons who attended and passed the training sessions ended in the period (#15 item 1) */
  'training_completion',
] as const;
export type KpiCode = (typeof KPI_CODES)[number];

/** Whether a higher figure is better; volume is shown, never scored. */
export const KPI_DIRECTION: Record<KpiCode, 'higher' | 'lower' | 'none'> = {
  policy_on_time_rate: 'higher',
  regulatory_on_time_rate: 'higher',
  satisfaction_rate: 'higher',
  reopen_rate: 'lower',
  handling_days_p50: 'lower',
  handling_days_p90: 'lower',
  volume: 'none',
  inspection_score: 'higher',
  rectification_on_time_rate: 'higher',
  training_completion: 'higher',
};

export interface KpiTarget {
  target: number;
  /** share of the score; 0 shows the KPI without scoring it */
  weight: number;
}

export type KpiFigures = Partial<Record<KpiCode, number | null>>;

export interface KpiLine {
  code: KpiCode;
  value: number | null;
  target: number | null;
  weight: number;
  /** the share of the target reached, 0..1; null when not scored */
  achieved: number | null;
  met: boolean | null;
}

export interface KpiAssessment {
  lines: KpiLine[];
  score: number | null;
}

function achievement(code: KpiCode, value: number, target: number): number {
  if (KPI_DIRECTION[code] === 'higher') return target <= 0 ? 1 : Math.min(1, value / target);
  if (value <= target) return 1;
  return value <= 0 ? 1 : Math.max(0, target / value);
}

export function assessKpis(figures: KpiFigures, targets: Partial<Record<KpiCode, KpiTarget>>): KpiAssessment {
  let earned = 0;
  let weights = 0;
  const lines = KPI_CODES.map((code): KpiLine => {
    const value = figures[code] ?? null;
    const t = targets[code];
    const scored = t !== undefined && t.weight > 0 && KPI_DIRECTION[code] !== 'none' && value !== null;
    if (!scored) return { code, value, target: t?.target ?? null, weight: t?.weight ?? 0, achieved: null, met: null };
    const achieved = achievement(code, value, t.target);
    earned += t.weight * achieved;
    weights += t.weight;
    return { code, value, target: t.target, weight: t.weight, achieved: Math.round(achieved * 1000) / 1000, met: achieved >= 1 };
  });
  return { lines, score: weights === 0 ? null : Math.round((earned / weights) * 1000) / 10 };
}
