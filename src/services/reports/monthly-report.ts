/**
 * The monthly report's figures (#13 item 4, R-F4): volumes and mix, timeliness of both clocks,
 * level-1 cases, causes, the 13-month trend, compensation, improvement actions and their status,
 * and the comparison with the previous month and the same month last year. Every count comes from
 * computeStatistics (complaint_facts), company-wide: the report is the company's, whoever asks for
 * it. Causes come from the analysis service (analyseCauses, Pareto); the trend from statistics
 * grouped by month (received and closed in one call: the analysis service's trend is one measure
 * per call and is itself computed by computeStatistics, so the figures are the same). The figures
 * are read from the replica when there is one (DATABASE_READ_URL, `readerOf`, #16 item 6).
 */
import type { Principal } from '../../domain/access/permissions.js';
import type { StatisticsMeasure } from '../../domain/codes.js';
import type { Policy } from '../../domain/policy/policy.schema.js';
import {
  comparisons,
  type CauseRow,
  type FigureRow,
  type ImprovementFigures,
  type Level1Case,
  type MonthlyFigures,
  type TrendPoint,
} from '../../domain/reports/report-figures.js';
import type { ReportStep } from '../../domain/reports/report-labels.js';
import { comparisonPeriods, monthPeriod, shiftMonth, trendMonths } from '../../domain/reports/report-period.js';
import type { StatisticsDimension, StatisticsFilter, StatisticsResult } from '../../domain/reports/statistics-types.js';
import { zonedTimeToUtc } from '../../domain/time/zoned.js';
import { improvementItems, improvementSummary, level1Facts } from '../../db/repositories/report.repository.js';
import { currentPolicy } from '../administration/policy.service.js';
import { readerOf, type ServiceContext } from '../context.js';
import { analyseCauses } from './analysis.service.js';
import { computeStatistics } from './statistics.service.js';

/** Reports progress: percent (0..99) and the step being worked on. */
export type ProgressFn = (percent: number, step: ReportStep) => Promise<void>;

/** Whom the company's reports are computed as: every complaint (the supervision department's scope). */
export const COMPANY_PRINCIPAL: Principal = {
  userId: 'system',
  username: 'system',
  roles: ['supervision_inspector'],
  branchIds: [],
  departmentIds: [],
};

const TIMELINESS: StatisticsMeasure[] = [
  'policy_on_time',
  'policy_late',
  'policy_open_overdue',
  'regulatory_on_time',
  'regulatory_late',
  'regulatory_open_overdue',
];

export async function statisticsRows(
  ctx: ServiceContext,
  q: { from: string; to: string; groupBy: StatisticsDimension[]; measures?: StatisticsMeasure[]; filter?: StatisticsFilter },
): Promise<StatisticsResult> {
  return computeStatistics(ctx, COMPANY_PRINCIPAL, {
    from: q.from,
    to: q.to,
    groupBy: q.groupBy,
    measures: q.measures,
    filter: q.filter ?? {},
  });
}

/** A statistics result as report rows: the first key's value and label, the values, the first measure's drill. */
export function figureRows(r: StatisticsResult, drillMeasure: StatisticsMeasure = 'received'): FigureRow[] {
  return r.rows.map((row) => {
    const key = row.keys[0];
    return {
      key: key?.value ?? null,
      label: key?.label ?? { zh: '合计', en: 'Total' },
      values: row.values,
      ...(row.drill[drillMeasure] !== undefined ? { drill: row.drill[drillMeasure] } : {}),
    };
  });
}

/** Causes of the complaints received in the period, largest first (Pareto), from the analysis service. */
export async function causeRows(ctx: ServiceContext, from: string, to: string, filter: StatisticsFilter = {}): Promise<CauseRow[]> {
  const a = await analyseCauses(ctx, COMPANY_PRINCIPAL, { from, to, filter });
  return a.rows.map((r) => ({ key: r.cause, label: r.label, count: r.count, share: r.share, cumulative: r.cumulativeShare }));
}

/** Received and closed per month, oldest first, every month present (zero when nothing happened). */
export async function trendPoints(ctx: ServiceContext, months: readonly string[], filter: StatisticsFilter = {}): Promise<TrendPoint[]> {
  const first = months[0];
  const last = months[months.length - 1];
  if (!first || !last) return [];
  const r = await statisticsRows(ctx, {
    from: monthPeriod(first).from,
    to: monthPeriod(last).to,
    groupBy: ['month'],
    measures: ['received', 'closed'],
    filter,
  });
  const byMonth = new Map(r.rows.map((row) => [row.keys[0]?.value ?? '', row.values]));
  return months.map((month) => ({ month, received: byMonth.get(month)?.received ?? 0, closed: byMonth.get(month)?.closed ?? 0 }));
}

function label(list: ReadonlyArray<{ code: string; zh: string; en: string }>, code: string): { zh: string; en: string } {
  const e = list.find((x) => x.code === code);
  return e ? { zh: e.zh, en: e.en } : { zh: code, en: code };
}

async function level1Cases(ctx: ServiceContext, policy: Policy, from: string, to: string): Promise<Level1Case[]> {
  const t = policy.taxonomies;
  return (await level1Facts(readerOf(ctx), from, to)).map((r) => ({
    number: r.number,
    receivedOn: r.received_on,
    closedOn: r.closed_on,
    status: r.status,
    businessLine: label(t.businessLines, r.business_line),
    category: label(t.categories, r.category),
    outcome: r.outcome === null ? null : label(t.outcomes, r.outcome),
    major: r.major,
    policyBreached: r.policy_breached === true,
    regulatoryBreached: r.regulatory_breached === true,
    compensationPaid: Number(r.compensation_paid),
  }));
}

/** The instants a local period covers: [start of `from`, start of the day after `to`). */
export function periodInstants(ctx: ServiceContext, from: string, to: string): { start: Date; end: Date } {
  return { start: zonedTimeToUtc(from, 0, ctx.timeZone), end: zonedTimeToUtc(to, '24:00', ctx.timeZone) };
}

async function improvements(ctx: ServiceContext, from: string, to: string): Promise<ImprovementFigures> {
  const { start, end } = periodInstants(ctx, from, to);
  const [s, items] = await Promise.all([
    improvementSummary(readerOf(ctx), start, end),
    improvementItems(readerOf(ctx), { start, end, limit: 50 }),
  ]);
  return {
    open: s.open,
    overdue: s.overdue,
    done: s.done,
    verified: s.verified,
    createdInPeriod: s.created_in_period,
    completedInPeriod: s.completed_in_period,
    items: items.map((i) => ({
      title: i.title,
      complaintNumber: i.complaint_number,
      owner: i.owner,
      dueOn: i.due_at.toISOString(),
      status: i.status,
      overdue: i.status === 'open' && i.due_at < end,
    })),
  };
}

/** Every figure of the month's report, reporting progress between the sections. */
export async function monthlyFigures(ctx: ServiceContext, month: string, progress: ProgressFn): Promise<MonthlyFigures> {
  const { current, previous, lastYear } = comparisonPeriods(month);
  const { policy } = await currentPolicy(ctx.db);

  await progress(5, 'volumes');
  const [cur, prev, ly] = await Promise.all(
    [current, previous, lastYear].map((p) => statisticsRows(ctx, { from: p.from, to: p.to, groupBy: [] })),
  );
  const headline = { current: cur?.totals.values ?? {}, previous: prev?.totals.values ?? {}, lastYear: ly?.totals.values ?? {} };
  const mixOf = async (d: StatisticsDimension) =>
    figureRows(await statisticsRows(ctx, { from: current.from, to: current.to, groupBy: [d], measures: ['received', 'closed'] }));
  const [level, channel, businessLine, category] = [
    await mixOf('level'),
    await mixOf('channel'),
    await mixOf('business_line'),
    await mixOf('category'),
  ];

  await progress(30, 'timeliness');
  const timelinessByLevel = figureRows(
    await statisticsRows(ctx, { from: current.from, to: current.to, groupBy: ['level'], measures: TIMELINESS }),
    'policy_late',
  );

  await progress(40, 'level1');
  const level1 = await level1Cases(ctx, policy, current.from, current.to);

  await progress(50, 'causes');
  const causes = await causeRows(ctx, current.from, current.to);

  await progress(58, 'trend');
  const trend = await trendPoints(ctx, trendMonths(month));

  await progress(66, 'compensation');
  const compensationByLine = figureRows(
    await statisticsRows(ctx, {
      from: current.from,
      to: current.to,
      groupBy: ['business_line'],
      measures: ['compensation_proposed', 'compensation_paid', 'amount_involved'],
    }),
    'compensation_paid',
  ).filter(
    (r) => (r.values.compensation_proposed ?? 0) > 0 || (r.values.compensation_paid ?? 0) > 0 || (r.values.amount_involved ?? 0) > 0,
  );

  await progress(72, 'improvements');
  const improvementFigures = await improvements(ctx, current.from, current.to);

  return {
    kind: 'monthly',
    month,
    from: current.from,
    to: current.to,
    previous: { month: shiftMonth(month, -1), from: previous.from, to: previous.to },
    lastYear: { month: shiftMonth(month, -12), from: lastYear.from, to: lastYear.to },
    generatedAt: ctx.now().toISOString(),
    headline,
    comparisons: comparisons(headline),
    mix: { level, channel, businessLine, category },
    timelinessByLevel,
    level1,
    causes: { source: 'analysis', rows: causes },
    trend: { source: 'statistics', points: trend },
    compensationByLine,
    improvements: improvementFigures,
  };
}
