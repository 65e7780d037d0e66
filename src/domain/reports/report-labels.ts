/**
 * Words of reports (#13 items 4 and 5): the build steps shown with the progress bar, the measures'
 * names and how their values print (counts, rates, days, yuan). Pure.
 */
import type { StatisticsMeasure } from '../codes.js';
import type { Label } from './report-figures.js';

/** The steps of a build, in order, with the progress reached when each starts. */
export const REPORT_STEPS = [
  'queued',
  'volumes',
  'timeliness',
  'level1',
  'causes',
  'trend',
  'compensation',
  'improvements',
  'facts',
  'timeline',
  'pdf',
  'xlsx',
  'done',
] as const;
export type ReportStep = (typeof REPORT_STEPS)[number];

export const MEASURE_LABELS: Record<StatisticsMeasure, Label> = {
  received: { zh: '受理量', en: 'Received' },
  closed: { zh: '办结量', en: 'Closed' },
  open_at_end: { zh: '期末未办结', en: 'Open at period end' },
  policy_on_time: { zh: '制度时限内办结', en: 'Policy clock on time' },
  policy_late: { zh: '制度时限超时办结', en: 'Policy clock late' },
  policy_open_overdue: { zh: '制度时限超时未结', en: 'Policy clock open overdue' },
  regulatory_on_time: { zh: '监管时限内答复', en: 'Regulatory clock on time' },
  regulatory_late: { zh: '监管时限超时答复', en: 'Regulatory clock late' },
  regulatory_open_overdue: { zh: '监管时限超时未答复', en: 'Regulatory clock open overdue' },
  handling_days_p50: { zh: '办理天数中位数', en: 'Handling days p50' },
  handling_days_p90: { zh: '办理天数90分位', en: 'Handling days p90' },
  reopen_rate: { zh: '重新处理率', en: 'Reopen rate' },
  satisfaction_rate: { zh: '满意率', en: 'Satisfaction rate' },
  compensation_proposed: { zh: '拟赔付金额（元）', en: 'Compensation proposed (CNY)' },
  compensation_paid: { zh: '已赔付金额（元）', en: 'Compensation paid (CNY)' },
  amount_involved: { zh: '涉及金额（元）', en: 'Amount involved (CNY)' },
};

export type MeasureFormat = 'count' | 'rate' | 'days' | 'money';

export function measureFormat(m: StatisticsMeasure): MeasureFormat {
  if (m === 'reopen_rate' || m === 'satisfaction_rate') return 'rate';
  if (m === 'handling_days_p50' || m === 'handling_days_p90') return 'days';
  if (m === 'compensation_proposed' || m === 'compensation_paid' || m === 'amount_involved') return 'money';
  return 'count';
}

/** A value as printed: 1,234 / 87.5% / 12.3 / 12,000.50; '—' when there is none. */
export function formatMeasure(m: StatisticsMeasure, v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  switch (measureFormat(m)) {
    case 'rate':
      return `${(v * 100).toFixed(1)}%`;
    case 'days':
      return v.toFixed(1);
    case 'money':
      return v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    case 'count':
      return v.toLocaleString('en-US');
  }
}

/** A relative change as printed: +12.5% / -3.0% / —. */
export function formatChange(v: number | null): string {
  if (v === null) return '—';
  const pct = (v * 100).toFixed(1);
  return v > 0 ? `+${pct}%` : `${pct}%`;
}

export const IMPROVEMENT_STATUS_LABELS: Record<'open' | 'done' | 'verified', Label> = {
  open: { zh: '整改中', en: 'Open' },
  done: { zh: '已完成待验证', en: 'Done, to verify' },
  verified: { zh: '已验证', en: 'Verified' },
};

export const REPORT_STATUS_LABELS: Record<'queued' | 'building' | 'draft' | 'final' | 'failed', Label> = {
  queued: { zh: '排队中', en: 'Queued' },
  building: { zh: '生成中', en: 'Building' },
  draft: { zh: '草稿', en: 'Draft' },
  final: { zh: '定稿', en: 'Final' },
  failed: { zh: '生成失败', en: 'Failed' },
};
