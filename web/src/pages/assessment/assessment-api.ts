/** The reads and writes of 绩效考核 (#14 item 5): KPIs, the selectors' choices, assessments. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, ok } from '../../api/client';
import type { Answer, Body } from '../../api/types';

export type KpiAnswer = Answer<'/api/kpis', 'get'>;
export type KpiSubject = KpiAnswer['subject'];
export type KpiLine = KpiSubject['lines'][number];
export type KpiCode = KpiLine['code'];
export type KpiChoices = Answer<'/api/kpis/choices', 'get'>;
export type AssessmentSummary = Answer<'/api/assessments', 'get'>['items'][number];
export type AssessmentDetail = Answer<'/api/assessments/{id}', 'get'>;
export type AssessmentSubject = AssessmentDetail['subjects'][number];
export type LineComplaints = Answer<'/api/assessments/{id}/subjects/{seq}/lines/{code}/complaints', 'get'>;
export type OpenAssessmentBody = Body<'/api/assessments', 'post'>;

export interface KpiRequest {
  from: string;
  to: string;
  department?: string;
  person?: string;
}

export function useKpis(req: KpiRequest) {
  const query = Object.fromEntries(Object.entries(req).filter(([, v]) => v !== undefined)) as unknown as KpiRequest;
  return useQuery({
    queryKey: ['kpis', query],
    queryFn: () => ok(client.GET('/api/kpis', { params: { query } })),
  });
}

export function useKpiChoices() {
  return useQuery({ queryKey: ['kpi-choices'], queryFn: () => ok(client.GET('/api/kpis/choices')), staleTime: 300_000 });
}

export function useAssessments() {
  return useQuery({ queryKey: ['assessments'], queryFn: () => ok(client.GET('/api/assessments')) });
}

export function useAssessment(id: string) {
  return useQuery({ queryKey: ['assessment', id], queryFn: () => ok(client.GET('/api/assessments/{id}', { params: { path: { id } } })) });
}

export function useLineComplaints(id: string, line: { seq: number; code: KpiCode } | null) {
  return useQuery({
    queryKey: ['assessment-line', id, line?.seq, line?.code],
    enabled: line !== null,
    queryFn: () =>
      ok(
        client.GET('/api/assessments/{id}/subjects/{seq}/lines/{code}/complaints', {
          params: { path: { id, seq: line!.seq, code: line!.code } },
        }),
      ),
  });
}

export function useOpenAssessment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: OpenAssessmentBody) => ok(client.POST('/api/assessments', { body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['assessments'] }),
  });
}

export function useSignAssessment(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (comment: string) =>
      ok(client.POST('/api/assessments/{id}/sign', { params: { path: { id } }, body: { comment: comment || null } })),
    onSuccess: (data) => {
      qc.setQueryData(['assessment', id], data);
      void qc.invalidateQueries({ queryKey: ['assessments'] });
    },
  });
}

export const exportHref = (id: string) => `/api/assessments/${id}/export.xlsx`;
