/**
 * The dashboards' state in the address (shareable, survives going back): the tab, the period
 * (period.ts) and the ledger's filters, named as GET /api/statistics names them. Pure.
 */
import type { paths } from '../../api/client';
import type { StatisticsDimension, StatisticsMeasure } from '../../codes';
import { periodParams, readPeriod, type Period } from './period';

export const TABS = ['overview', 'trend', 'causes', 'timeliness', 'org', 'impact', 'regulator'] as const;
export type Tab = (typeof TABS)[number];

/** The list filters (repeatable codes or ids), as the statistics API and the ledger name them. */
export const STATS_FILTERS = [
  'level',
  'channel',
  'businessLine',
  'category',
  'cause',
  'outcome',
  'customerGroup',
  'branch',
  'department',
] as const;
export type StatsFilter = (typeof STATS_FILTERS)[number];

export interface StatsFilters {
  lists: Partial<Record<StatsFilter, string[]>>;
  imported?: 'true' | 'false';
}

export interface StatsState {
  tab: Tab;
  period: Period;
  filters: StatsFilters;
}

export function readStats(params: URLSearchParams, today: string): StatsState {
  const tab = params.get('tab');
  const lists: StatsFilters['lists'] = {};
  for (const k of STATS_FILTERS) {
    const values = params.get(k)?.split(',').filter(Boolean) ?? [];
    if (values.length > 0) lists[k] = [...new Set(values)];
  }
  const imported = params.get('imported');
  return {
    tab: (TABS as readonly string[]).includes(tab ?? '') ? (tab as Tab) : 'overview',
    period: readPeriod(params, today),
    filters: { lists, imported: imported === 'true' || imported === 'false' ? imported : undefined },
  };
}

/** The address of a state (the inverse of readStats; the default tab is left out). */
export function statsParams(s: StatsState): URLSearchParams {
  const out = new URLSearchParams();
  if (s.tab !== 'overview') out.set('tab', s.tab);
  for (const [k, v] of Object.entries(periodParams(s.period))) out.set(k, v);
  for (const [k, v] of Object.entries(filterQuery(s.filters))) if (typeof v === 'string') out.set(k, v);
  return out;
}

/** GET /api/statistics's query, as generated. */
export type StatisticsQueryParams = paths['/api/statistics']['get']['parameters']['query'];
type FilterParams = Omit<StatisticsQueryParams, 'from' | 'to' | 'groupBy' | 'measures'>;

/** The filters as query parameters (lists comma-joined, empty ones left out). */
export function filterQuery(f: StatsFilters): FilterParams {
  const out: Partial<Record<StatsFilter, string>> & Pick<FilterParams, 'imported'> = {};
  for (const k of STATS_FILTERS) {
    const v = f.lists[k];
    if (v && v.length > 0) out[k] = v.join(',');
  }
  if (f.imported) out.imported = f.imported;
  return out;
}

export function activeFilterCount(f: StatsFilters): number {
  return STATS_FILTERS.filter((k) => (f.lists[k]?.length ?? 0) > 0).length + (f.imported ? 1 : 0);
}

export interface StatsRequest {
  from: string;
  to: string;
  groupBy?: readonly StatisticsDimension[];
  measures?: readonly StatisticsMeasure[];
}

/** The query of one GET /api/statistics call: a range, 0..2 dimensions, the measures wanted, the filters. */
export function statisticsQuery(req: StatsRequest, filters: StatsFilters): StatisticsQueryParams {
  const out: StatisticsQueryParams = { from: req.from, to: req.to, ...filterQuery(filters) };
  if (req.groupBy && req.groupBy.length > 0) out.groupBy = req.groupBy.join(',');
  if (req.measures && req.measures.length > 0) out.measures = req.measures.join(',');
  return out;
}

/** Where a figure's drill string leads: the ledger with exactly the complaints behind it. */
export function ledgerHref(drill: string): string {
  return `/complaints?${drill}`;
}
