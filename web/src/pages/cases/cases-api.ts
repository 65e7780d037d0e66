/** The reads and writes of 案例库 (#15 item 2, R-G2): teaching cases, their review, the search. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, ok } from '../../api/client';
import type { Answer, Body, Query } from '../../api/types';

export type CaseDetail = Answer<'/api/cases/{id}', 'get'>;
export type CaseListItem = Answer<'/api/cases', 'get'>['items'][number];
export type CaseQuery = Query<'/api/cases', 'get'>;
export type CaseEdit = Body<'/api/cases/{id}', 'patch'>;
export type CaseStatus = CaseDetail['status'];
export type TextField = 'title' | 'background' | 'handling' | 'outcome' | 'lessons';

export const useCases = (query: CaseQuery) =>
  useQuery({ queryKey: ['cases', query], queryFn: () => ok(client.GET('/api/cases', { params: { query } })) });
export const useCase = (id: string) =>
  useQuery({ queryKey: ['case', id], queryFn: () => ok(client.GET('/api/cases/{id}', { params: { path: { id } } })) });
export const useLessonTags = () => useQuery({ queryKey: ['case-tags'], queryFn: () => ok(client.GET('/api/cases/lesson-tags')) });

/** Every write refreshes the case reads. */
function useWrite<A>(fn: (a: A) => Promise<CaseDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (c) => {
      qc.setQueryData(['case', c.id], c);
      return Promise.all(['cases', 'case-tags'].map((k) => qc.invalidateQueries({ queryKey: [k] })));
    },
  });
}

export function useCaseWrites() {
  const path = (id: string) => ({ params: { path: { id } } });
  return {
    propose: useWrite((complaintId: string) => ok(client.POST('/api/cases', { body: { complaintId } }))),
    edit: useWrite((a: { id: string; body: CaseEdit }) => ok(client.PATCH('/api/cases/{id}', { ...path(a.id), body: a.body }))),
    submit: useWrite((id: string) => ok(client.POST('/api/cases/{id}/submit', path(id)))),
    recall: useWrite((id: string) => ok(client.POST('/api/cases/{id}/recall', path(id)))),
    approve: useWrite((a: { id: string; note: string | null }) =>
      ok(client.POST('/api/cases/{id}/approve', { ...path(a.id), body: { note: a.note } })),
    ),
    reject: useWrite((a: { id: string; reason: string }) =>
      ok(client.POST('/api/cases/{id}/reject', { ...path(a.id), body: { reason: a.reason } })),
    ),
    withdraw: useWrite((a: { id: string; reason: string }) =>
      ok(client.POST('/api/cases/{id}/withdraw', { ...path(a.id), body: { reason: a.reason } })),
    ),
  };
}
