/** The dashboards' reads: GET /api/statistics and the analysis routes per chart, cached by react-query (same query, one request). */
import { useQuery } from '@tanstack/react-query';
import { client, ok } from '../../api/client';
import { filterQuery, statisticsQuery, type StatsFilters, type StatsRequest } from './stats-params';

const STALE_MS = 60_000;

export function useStatistics(req: StatsRequest, filters: StatsFilters, enabled = true) {
  const query = statisticsQuery(req, filters);
  return useQuery({
    queryKey: ['statistics', query],
    queryFn: () => ok(client.GET('/api/statistics', { params: { query } })),
    enabled,
    staleTime: STALE_MS,
  });
}

/** Causes ranked (Pareto) over local days. */
export function useCauses(range: { from: string; to: string }, filters: StatsFilters) {
  const query = { ...range, ...filterQuery(filters) };
  return useQuery({
    queryKey: ['statistics-causes', query],
    queryFn: () => ok(client.GET('/api/statistics/causes', { params: { query } })),
    staleTime: STALE_MS,
  });
}

/** A monthly series of complaints received with month-on-month and year-on-year change ('YYYY-MM' months). */
export function useTrend(months: { from: string; to: string }, filters: StatsFilters) {
  const query = { ...months, ...filterQuery(filters), measure: 'received' as const };
  return useQuery({
    queryKey: ['statistics-trend', query],
    queryFn: () => ok(client.GET('/api/statistics/trend', { params: { query } })),
    staleTime: STALE_MS,
  });
}

/** Amounts, compensation and risk flags of the complaints received in a period. */
export function useImpact(range: { from: string; to: string }, filters: StatsFilters) {
  const query = { ...range, ...filterQuery(filters) };
  return useQuery({
    queryKey: ['statistics-impact', query],
    queryFn: () => ok(client.GET('/api/statistics/impact', { params: { query } })),
    staleTime: STALE_MS,
  });
}

/** Open spike signals (a product, category or branch well above its own baseline). */
export function useSpikes() {
  return useQuery({ queryKey: ['statistics-spikes'], queryFn: () => ok(client.GET('/api/statistics/spikes')), staleTime: STALE_MS });
}
