/** The dashboards' reads: GET /api/statistics per chart, cached by react-query (same query, one request). */
import { useQuery } from '@tanstack/react-query';
import { apiErrorOf, requestHeaders, searchParams } from '../../api';
import type { StatisticsResult } from './statistics-types';
import { statisticsQuery, type StatsFilters, type StatsRequest } from './stats-params';

const STALE_MS = 60_000;

// PROVISIONAL: plain fetch until GET /api/statistics is in api/schema.d.ts, then client.GET
async function fetchStatistics(query: Record<string, string>): Promise<StatisticsResult> {
  const res = await fetch(`/api/statistics?${searchParams(query).toString()}`, {
    credentials: 'same-origin',
    headers: requestHeaders('GET'),
  });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) throw apiErrorOf(res.status, body);
  return body as StatisticsResult;
}

export function useStatistics(req: StatsRequest, filters: StatsFilters, enabled = true) {
  const query = statisticsQuery(req, filters);
  return useQuery({
    queryKey: ['statistics', query],
    queryFn: () => fetchStatistics(query),
    enabled,
    staleTime: STALE_MS,
  });
}
