/**
 * Upkeep of the statistics cache (#13 speed), every ten minutes on the job runner (job
 * statistics.cache.prune): the recorded changes are folded in (entries that missed one dropped),
 * then the company-wide month figures the dashboards open with are computed for the ended months
 * that lack them: usually none, or the one month a late change touched. So the 12-month charts of
 * the trend, timeliness and cause tabs read their ended months from the cache even on the first
 * visit, and only the current month (and one just changed) is computed while the reader waits.
 */
import type { StatisticsDimension, StatisticsMeasure } from '../../domain/codes.js';
import { addMonths } from '../../domain/reports/analysis-trend.js';
import { addDays } from '../../domain/time/zoned.js';
import { pruneStatisticsCache, type PruneResult } from '../../db/repositories/statistics-cache.repository.js';
import type { ServiceContext } from '../context.js';
import { COMPANY_PRINCIPAL } from './monthly-report.js';
import { databaseCutoff, STATISTICS_CACHE_DAYS, statisticsCacheEnabled } from './statistics-cached.js';
import { computeStatistics } from './statistics.service.js';

/** Months of the dashboards' longest chart (13: a year back and the month itself). */
const WARM_MONTHS = 13;

const WARM: Array<{ groupBy: StatisticsDimension[]; measures: StatisticsMeasure[] }> = [
  // trend volume, timeliness per month, money per month: the three sets of every month
  { groupBy: ['month'], measures: ['received', 'closed', 'open_at_end'] },
  // the trend tab's split (by level when it opens, by category as often) and the causes per month
  { groupBy: ['month', 'level'], measures: ['received'] },
  { groupBy: ['month', 'category'], measures: ['received'] },
  { groupBy: ['month', 'cause'], measures: ['received'] },
];

export async function maintainStatisticsCache(ctx: ServiceContext): Promise<PruneResult & { warmed: boolean }> {
  const pruned = await pruneStatisticsCache(ctx.db, STATISTICS_CACHE_DAYS);
  if (!statisticsCacheEnabled()) return { ...pruned, warmed: false };
  const cutoff = await databaseCutoff(ctx.db);
  const to = addDays(cutoff, -1);
  const from = `${addMonths(cutoff.slice(0, 7), -WARM_MONTHS)}-01`;
  for (const w of WARM) await computeStatistics(ctx, COMPANY_PRINCIPAL, { from, to, groupBy: w.groupBy, measures: w.measures, filter: {} });
  return { ...pruned, warmed: true };
}
