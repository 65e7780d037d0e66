/**
 * The statistics answers the dashboards read, named. PROVISIONAL: the contract of the brief
 * (src/services/reports/statistics.service.ts) until GET /api/statistics is in api/schema.d.ts;
 * then these become the generated types (Answer<'/api/statistics', 'get'>).
 */
import type { StatisticsDimension, StatisticsMeasure } from '../../codes';

export interface StatisticsKey {
  dimension: StatisticsDimension;
  value: string | null;
  label: { zh: string; en: string };
}
export interface StatisticsRow {
  keys: StatisticsKey[];
  values: Partial<Record<StatisticsMeasure, number | null>>;
  drill: Partial<Record<StatisticsMeasure, string>>;
}
export interface StatisticsResult {
  from: string;
  to: string;
  groupBy: StatisticsDimension[];
  measures: StatisticsMeasure[];
  rows: StatisticsRow[];
  totals: StatisticsRow;
}
