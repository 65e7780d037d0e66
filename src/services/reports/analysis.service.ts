/**
 * Analysis (#13 item 2, R-F3) within the reader's complaint scope, from complaint_facts: the cause
 * ranking (Pareto), the monthly trend of one measure with month-on-month and year-on-year change
 * (computed by the statistics service, so the figures are the statistics' own), and the impact
 * (amounts, compensation, risk flags, regulator referrals, major complaints). Every figure carries
 * the ledger query of the complaints behind it; every read is audited like a statistics read.
 */
import { scopeFilter, type Principal } from '../../domain/access/permissions.js';
import type { StatisticsDimension, StatisticsMeasure } from '../../domain/codes.js';
import { IMPACT_FIGURES, type ImpactFigureName } from '../../domain/reports/analysis-impact.js';
import { paretoRanking, type ParetoRow } from '../../domain/reports/analysis-pareto.js';
import { addMonths, isMonth, monthRange, monthsBetween, trendPoints, type TrendPoint } from '../../domain/reports/analysis-trend.js';
import { drillString, NONE, type DrillContext } from '../../domain/reports/statistics-drill.js';
import { keyLabel, type Label } from '../../domain/reports/statistics-labels.js';
import type { StatisticsFilter, StatisticsKey } from '../../domain/reports/statistics-types.js';
import { assertNoIssues, type FieldIssue } from '../../domain/validation.js';
import { causeCounts, causeTotals, impactTotals, type FactsSelection } from '../../db/repositories/analysis.repository.js';
import type { FactsFilter } from '../../db/repositories/facts-filter.js';
import { audit } from '../administration/audit.service.js';
import { currentPolicy } from '../administration/policy.service.js';
import { readerOf, type RequestMeta, type ServiceContext } from '../context.js';
import { computeStatistics } from './statistics.service.js';

export interface AnalysisQuery {
  /** local dates, inclusive */
  from: string;
  to: string;
  filter: StatisticsFilter;
}

export interface CauseRow extends ParetoRow {
  label: Label;
  drill: string;
}

export interface CauseAnalysis {
  from: string;
  to: string;
  /** complaints received in the period (within scope and filter) */
  complaints: number;
  /** of which with at least one cause recorded (the analysis step done) */
  withCause: number;
  withoutCause: number;
  /** cause mentions: the sum of the rows' counts (a complaint may name several causes) */
  mentions: number;
  rows: CauseRow[];
  complaintsDrill: string;
  withoutCauseDrill: string;
}

/** A filter as the facts repository takes it (branch: org unit ids of the complaint's branch). */
export function factsFilter(f: StatisticsFilter): FactsFilter {
  const { branch, ...rest } = f;
  return { ...rest, ...(branch ? { branchId: branch } : {}) };
}

function periodIssues(from: string, to: string, prefix: string): FieldIssue[] {
  return from > to ? [{ field: `${prefix}from`, code: 'range_inverted' }] : [];
}

function selection(ctx: ServiceContext, p: Principal, q: AnalysisQuery): FactsSelection {
  return { scope: scopeFilter(p), from: q.from, to: q.to, filter: factsFilter(q.filter), now: ctx.now() };
}

function drillContext(ctx: ServiceContext, q: AnalysisQuery, keys: DrillContext['keys'] = []): DrillContext {
  return { filter: q.filter, keys, from: q.from, to: q.to, timeZone: ctx.timeZone };
}

/** Causes of the complaints received in the period, most named first, with shares and cumulative shares. */
export async function analyseCauses(ctx: ServiceContext, p: Principal, q: AnalysisQuery): Promise<CauseAnalysis> {
  assertNoIssues(periodIssues(q.from, q.to, 'querystring.'));
  const s = selection(ctx, p, q);
  // the counts on the replica if any (#16 item 6); the policy's labels from the primary
  const [counts, totals, { policy }] = await Promise.all([
    causeCounts(readerOf(ctx), s),
    causeTotals(readerOf(ctx), s),
    currentPolicy(ctx.db),
  ]);
  const lookups = { taxonomies: policy.taxonomies, orgUnits: new Map<string, Label>(), users: new Map<string, string>() };
  const rows = paretoRanking(counts).map((r) => ({
    ...r,
    label: keyLabel('cause', r.cause, lookups),
    drill: drillString('received', drillContext(ctx, q, [{ dimension: 'cause', value: r.cause }])),
  }));
  return {
    from: q.from,
    to: q.to,
    complaints: totals.complaints,
    withCause: totals.withCause,
    withoutCause: totals.complaints - totals.withCause,
    mentions: rows.reduce((n, r) => n + r.count, 0),
    rows,
    complaintsDrill: drillString('received', drillContext(ctx, q)),
    withoutCauseDrill: drillString('received', drillContext(ctx, q, [{ dimension: 'cause', value: null }])),
  };
}

/** Measures without a figure when nothing is behind them (no denominator, nothing closed): null, not 0. */
const NULLABLE: ReadonlySet<StatisticsMeasure> = new Set(['handling_days_p50', 'handling_days_p90', 'reopen_rate', 'satisfaction_rate']);
const MAX_TREND_MONTHS = 60;

export interface TrendQuery {
  /** 'YYYY-MM', inclusive */
  fromMonth: string;
  toMonth: string;
  measure: StatisticsMeasure;
  /** one non-time dimension: a series per value */
  groupBy?: Exclude<StatisticsDimension, 'month' | 'week' | 'day'>;
  /** with groupBy: the series with the largest sums over the months shown (default 10) */
  limit?: number;
  filter: StatisticsFilter;
}

export interface TrendSeries {
  /** null: the one series of all complaints (no groupBy) */
  key: StatisticsKey | null;
  points: Array<TrendPoint & { drill: string }>;
}

export interface TrendAnalysis {
  from: string;
  to: string;
  measure: StatisticsMeasure;
  groupBy: StatisticsDimension | null;
  series: TrendSeries[];
  /** with groupBy: how many series there were before the limit */
  seriesTotal: number;
}

/**
 * The monthly series of one measure, with each month's change on the month before and on the same
 * month a year earlier; the statistics are asked for the 12 months before the first one too.
 */
export async function analyseTrend(ctx: ServiceContext, p: Principal, q: TrendQuery): Promise<TrendAnalysis> {
  const issues: FieldIssue[] = [];
  if (!isMonth(q.fromMonth)) issues.push({ field: 'querystring.from', code: 'invalid_value', params: { values: 'YYYY-MM' } });
  if (!isMonth(q.toMonth)) issues.push({ field: 'querystring.to', code: 'invalid_value', params: { values: 'YYYY-MM' } });
  assertNoIssues(issues);
  if (q.fromMonth > q.toMonth) assertNoIssues([{ field: 'querystring.from', code: 'range_inverted' }]);
  const months = monthsBetween(q.fromMonth, q.toMonth);
  if (months.length > MAX_TREND_MONTHS)
    assertNoIssues([{ field: 'querystring.to', code: 'too_big', params: { maximum: MAX_TREND_MONTHS } }]);

  const first = addMonths(q.fromMonth, -12);
  const stats = await computeStatistics(ctx, p, {
    from: monthRange(first).from,
    to: monthRange(q.toMonth).to,
    groupBy: q.groupBy ? ['month', q.groupBy] : ['month'],
    measures: [q.measure],
    filter: q.filter,
  });
  const missing = NULLABLE.has(q.measure) ? null : 0;
  const bySeries = new Map<string, { key: StatisticsKey | null; values: Map<string, number | null> }>();
  if (!q.groupBy) bySeries.set('', { key: null, values: new Map() });
  for (const row of stats.rows) {
    const month = row.keys[0]?.value;
    if (!month) continue;
    const key = q.groupBy ? (row.keys[1] ?? null) : null;
    const id = key === null ? '' : JSON.stringify(key.value);
    let s = bySeries.get(id);
    if (!s) bySeries.set(id, (s = { key, values: new Map() }));
    s.values.set(month, row.values[q.measure] ?? missing);
  }
  const series = [...bySeries.values()].map((s) => ({
    key: s.key,
    points: trendPoints(months, s.values, missing).map((pt) => {
      const range = monthRange(pt.month);
      const keys = s.key ? [{ dimension: s.key.dimension, value: s.key.value }] : [];
      return { ...pt, drill: drillString(q.measure, { filter: q.filter, keys, from: range.from, to: range.to, timeZone: ctx.timeZone }) };
    }),
  }));
  const weight = (s: TrendSeries) => s.points.reduce((n, pt) => n + (pt.value ?? 0), 0);
  series.sort((a, b) => weight(b) - weight(a) || (a.key?.label.zh ?? '').localeCompare(b.key?.label.zh ?? ''));
  const limit = q.groupBy ? (q.limit ?? 10) : 1;
  return {
    from: q.fromMonth,
    to: q.toMonth,
    measure: q.measure,
    groupBy: q.groupBy ?? null,
    series: series.slice(0, limit),
    seriesTotal: series.length,
  };
}

export interface ImpactFigure {
  figure: ImpactFigureName;
  /** money in yuan (2 decimals) or a count of complaints */
  unit: 'yuan' | 'complaints';
  value: number;
  /** the complaints behind the figure (for money: those with an amount, proposed or paid) */
  complaints: number;
  drill: string;
}

export interface ImpactAnalysis {
  from: string;
  to: string;
  received: number;
  receivedDrill: string;
  figures: ImpactFigure[];
}

const yuan = (s: string) => Math.round(Number(s) * 100) / 100;

/** The impact of the complaints received in the period. */
export async function analyseImpact(ctx: ServiceContext, p: Principal, q: AnalysisQuery): Promise<ImpactAnalysis> {
  assertNoIssues(periodIssues(q.from, q.to, 'querystring.'));
  const r = await impactTotals(readerOf(ctx), selection(ctx, p, q));
  const base = drillContext(ctx, q);
  const received = drillString('received', base);
  const money = (figure: 'amount_involved' | 'compensation_proposed' | 'compensation_paid', sum: string, n: number): ImpactFigure => ({
    figure,
    unit: 'yuan',
    value: yuan(sum),
    complaints: n,
    drill: drillString(figure, base),
  });
  const count = (figure: ImpactFigureName, n: number, drill: string): ImpactFigure => ({
    figure,
    unit: 'complaints',
    value: n,
    complaints: n,
    drill,
  });
  const flag = (name: string) => `${received}&${new URLSearchParams({ riskFlag: name }).toString()}`;
  return {
    from: q.from,
    to: q.to,
    received: r.received,
    receivedDrill: received,
    figures: [
      money('amount_involved', r.amountSum, r.amountCount),
      money('compensation_proposed', r.proposedSum, r.proposedCount),
      money('compensation_paid', r.paidSum, r.paidCount),
      count('reputational', r.reputational, flag('reputational')),
      count('media', r.media, flag('media')),
      count('legal', r.legal, flag('legal')),
      count('mass_incident', r.massIncident, flag('mass_incident')),
      count(
        'regulator_referral',
        r.regulatorReferral,
        drillString('received', drillContext(ctx, q, [{ dimension: 'channel', value: 'regulator_referral' }])),
      ),
      count('major', r.major, `${received}&major=true`),
    ],
  };
}

/** Audits an analysis read like a statistics read (action statistics.read, which analysis it was). */
export async function auditAnalysisRead(
  ctx: ServiceContext,
  meta: RequestMeta,
  p: Principal,
  analysis: 'causes' | 'trend' | 'impact' | 'spikes',
  details: Record<string, unknown>,
): Promise<void> {
  await audit(ctx.db, meta, {
    at: ctx.now(),
    actor: p.username,
    action: 'statistics.read',
    outcome: 'success',
    targetType: 'statistics',
    targetId: analysis,
    details: { analysis, ...details },
  });
}

export { IMPACT_FIGURES, NONE, type ImpactFigureName };
