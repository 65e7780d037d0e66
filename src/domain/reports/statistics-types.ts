/**
 * The statistics contract (#13, R-F1/R-F2): what a statistics query asks and what it answers. Pure
 * types; src/services/reports/statistics.service.ts computes them and re-exports them.
 */
import type { StatisticsDimension, StatisticsMeasure } from '../codes.js';

export type { StatisticsDimension, StatisticsMeasure };

/** The ledger's filters that statistics honour: arrays of codes (any of), org unit ids for branch and department, usernames for handler. */
export interface StatisticsFilter {
  level?: number[];
  channel?: string[];
  businessLine?: string[];
  category?: string[];
  /** org unit ids */
  branch?: string[];
  product?: string[];
  cause?: string[];
  /** org unit ids */
  department?: string[];
  /** usernames (the assignee) */
  handler?: string[];
  outcome?: string[];
  customerGroup?: string[];
  imported?: boolean;
}

export interface StatisticsQuery {
  /** local dates YYYY-MM-DD (company time zone), inclusive */
  from: string;
  to: string;
  /** 0..2 dimensions */
  groupBy: StatisticsDimension[];
  /** default: all */
  measures?: StatisticsMeasure[];
  filter: StatisticsFilter;
}

export interface StatisticsKey {
  dimension: StatisticsDimension;
  /** the code, org unit id, username or period key ('2026-03', '2026-W09', '2026-03-05'); null: none (no cause, no department …) */
  value: string | null;
  label: { zh: string; en: string };
}

export interface StatisticsRow {
  keys: StatisticsKey[];
  values: Partial<Record<StatisticsMeasure, number | null>>;
  /** per measure: the ledger query string (no leading '?') that lists exactly the complaints behind the figure */
  drill: Partial<Record<StatisticsMeasure, string>>;
}

export interface StatisticsResult {
  from: string;
  to: string;
  groupBy: StatisticsDimension[];
  measures: StatisticsMeasure[];
  rows: StatisticsRow[];
  /** keys [] */
  totals: StatisticsRow;
}
