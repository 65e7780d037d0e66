/**
 * The policy's performance assessment section (#14 item 5, R-E6; policy §5.2 考核評價): one target and
 * weight per KPI. Rates are fractions (0.95 = 95 %), handling times calendar days, the inspection
 * score 0-100; volume is shown, never scored (weight 0). Versions stored before #14 get the defaults.
 */
import { z } from 'zod';
import { KPI_CODES, type KpiCode, type KpiTarget } from '../supervision/kpi.js';

export const DEFAULT_KPI_TARGETS: Readonly<Record<KpiCode, KpiTarget>> = {
  policy_on_time_rate: { target: 0.95, weight: 20 },
  regulatory_on_time_rate: { target: 1, weight: 20 },
  satisfaction_rate: { target: 0.9, weight: 20 },
  reopen_rate: { target: 0.05, weight: 10 },
  handling_days_p50: { target: 5, weight: 5 },
  handling_days_p90: { target: 15, weight: 5 },
  volume: { target: 0, weight: 0 },
  inspection_score: { target: 90, weight: 10 },
  rectification_on_time_rate: { target: 0.95, weight: 10 },
  // training (#15 item 1): a share of the score only where the department had training in the period
  training_completion: { target: 0.95, weight: 5 },
};

const kpiTargetSchema = z.strictObject({
  target: z.number().min(0, 'target must be 0 or more').max(100_000),
  weight: z.number().min(0, 'weight must be 0 or more').max(100, 'weight must be at most 100'),
});

const targetsShape = Object.fromEntries(KPI_CODES.map((code) => [code, kpiTargetSchema.default({ ...DEFAULT_KPI_TARGETS[code] })])) as {
  [K in KpiCode]: z.ZodDefault<typeof kpiTargetSchema>;
};

export const assessmentPolicySchema = z.strictObject({ targets: z.strictObject(targetsShape) });
export type AssessmentPolicy = z.infer<typeof assessmentPolicySchema>;

export const DEFAULT_ASSESSMENT: AssessmentPolicy = {
  targets: Object.fromEntries(KPI_CODES.map((code) => [code, { ...DEFAULT_KPI_TARGETS[code] }])) as AssessmentPolicy['targets'],
};
