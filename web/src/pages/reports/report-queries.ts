/** The reports' API calls (#13 items 4, 5) as react-query hooks; a building report is polled every second. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, ok, type Answer, type Body, type ItemOf } from '../../api/client';

export type ReportDetail = Answer<'/api/reports/{id}', 'get'>;
export type ReportSummary = ItemOf<Answer<'/api/reports', 'get'>>;
export type ReportStatus = ReportSummary['status'];
export type ReportStep = NonNullable<ReportSummary['step']>;
export type SpecialBody = Body<'/api/reports/special', 'post'>;

const LIST = ['reports'] as const;
const building = (s: ReportStatus) => s === 'queued' || s === 'building';

export function useReports(kind: 'monthly' | 'special' | undefined) {
  return useQuery({
    queryKey: [...LIST, 'list', kind ?? 'all'],
    queryFn: () => ok(client.GET('/api/reports', { params: { query: { kind, limit: 50 } } })),
    // while one builds, the list follows its progress
    refetchInterval: (q) => (q.state.data?.items.some((r) => building(r.status)) ? 1_000 : false),
  });
}

export function useReport(id: string) {
  return useQuery({
    queryKey: [...LIST, 'one', id],
    queryFn: () => ok(client.GET('/api/reports/{id}', { params: { path: { id } } })),
    refetchInterval: (q) => (q.state.data && building(q.state.data.status) ? 1_000 : false),
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: LIST });
}

export function useCreateMonthly() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (month: string) => ok(client.POST('/api/reports/monthly', { body: { month } })),
    onSuccess: invalidate,
  });
}

export function useCreateSpecial() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: SpecialBody) => ok(client.POST('/api/reports/special', { body })),
    onSuccess: invalidate,
  });
}

export function useReportActions(id: string) {
  const invalidate = useInvalidate();
  const path = { params: { path: { id } } };
  return {
    texts: useMutation({
      mutationFn: (body: Body<'/api/reports/{id}/commentary', 'post'>) =>
        ok(client.POST('/api/reports/{id}/commentary', { ...path, body })),
      onSuccess: invalidate,
    }),
    finalise: useMutation({ mutationFn: () => ok(client.POST('/api/reports/{id}/finalise', path)), onSuccess: invalidate }),
    rebuild: useMutation({ mutationFn: () => ok(client.POST('/api/reports/{id}/rebuild', path)), onSuccess: invalidate }),
  };
}

export const isBuilding = building;
