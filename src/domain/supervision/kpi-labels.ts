/** The KPIs' names and number formats (#14 item 5), for the workbook export. Pure. */
import type { KpiCode } from './kpi.js';

export const KPI_LABELS: Readonly<Record<KpiCode, { zh: string; en: string }>> = {
  policy_on_time_rate: { zh: '办结时效达标率（制度时限）', en: 'On time (policy clock)' },
  regulatory_on_time_rate: { zh: '监管时限达标率', en: 'On time (regulatory clock)' },
  satisfaction_rate: { zh: '满意率', en: 'Satisfaction rate' },
  reopen_rate: { zh: '重新处理率', en: 'Reopen rate' },
  handling_days_p50: { zh: '办理天数中位数', en: 'Handling days (median)' },
  handling_days_p90: { zh: '办理天数 90 分位', en: 'Handling days (90th percentile)' },
  volume: { zh: '受理量', en: 'Volume' },
  inspection_score: { zh: '检查评分', en: 'Inspection score' },
  rectification_on_time_rate: { zh: '整改按时率', en: 'Rectification on time' },
  training_completion: { zh: '培训完成率', en: 'Training completion' },
};

export type KpiFormat = 'rate' | 'days' | 'count' | 'score';

export function kpiFormat(code: KpiCode): KpiFormat {
  if (code.endsWith('_rate') || code === 'training_completion') return 'rate';
  if (code.startsWith('handling_days')) return 'days';
  if (code === 'volume') return 'count';
  return 'score';
}
