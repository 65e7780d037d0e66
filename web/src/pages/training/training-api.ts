/** The reads and writes of 培训 (#15 item 1, R-G1): plans, sessions, attendance, my training. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, ok } from '../../api/client';
import type { Answer, Body } from '../../api/types';

export type TrainingPlanItem = Answer<'/api/training/plans', 'get'>[number];
export type TrainingPlan = Answer<'/api/training/plans/{id}', 'get'>;
export type TrainingSession = Answer<'/api/training/sessions/{id}', 'get'>;
export type TrainingRecord = Answer<'/api/training/my', 'get'>;
export type PlanBody = Body<'/api/training/plans', 'post'>;
export type SessionBody = Body<'/api/training/plans/{id}/sessions', 'post'>;
export type EnrolBody = Body<'/api/training/plans/{id}/attendees', 'post'>;
export type Marks = Body<'/api/training/sessions/{id}/attendance', 'put'>['marks'];

export const useTrainingPlans = () => useQuery({ queryKey: ['training-plans'], queryFn: () => ok(client.GET('/api/training/plans')) });
export const useTrainingPlan = (id: string) =>
  useQuery({ queryKey: ['training-plan', id], queryFn: () => ok(client.GET('/api/training/plans/{id}', { params: { path: { id } } })) });
export const useTrainingSession = (id: string) =>
  useQuery({
    queryKey: ['training-session', id],
    queryFn: () => ok(client.GET('/api/training/sessions/{id}', { params: { path: { id } } })),
  });
export const useMyTraining = () => useQuery({ queryKey: ['training-my'], queryFn: () => ok(client.GET('/api/training/my')) });
export const useTrainingRecord = (username: string) =>
  useQuery({
    queryKey: ['training-record', username],
    queryFn: () => ok(client.GET('/api/training/records/{username}', { params: { path: { username } } })),
  });
export const usePlansFrom = (kind: 'spike' | 'finding', id: string, enabled = true) =>
  useQuery({
    queryKey: ['training-from', kind, id],
    enabled,
    queryFn: () => ok(client.GET('/api/training/from', { params: { query: { kind, id } } })),
  });
export const useStaff = (enabled: boolean) =>
  useQuery({ queryKey: ['training-staff'], enabled, staleTime: 60_000, queryFn: () => ok(client.GET('/api/users')) });
export const usePublishedCases = (enabled: boolean) =>
  useQuery({
    queryKey: ['training-cases'],
    enabled,
    queryFn: () => ok(client.GET('/api/cases', { params: { query: { status: 'published' } } })),
  });

/** Every write refreshes the training reads. */
export function useTrainingWrites() {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('training') });
  const useWrite = <A, R>(fn: (a: A) => Promise<R>) => useMutation({ mutationFn: fn, onSuccess: done });
  return {
    createPlan: useWrite((b: PlanBody) => ok(client.POST('/api/training/plans', { body: b }))),
    enrol: useWrite((a: { id: string; body: EnrolBody }) =>
      ok(client.POST('/api/training/plans/{id}/attendees', { params: { path: { id: a.id } }, body: a.body })),
    ),
    createSession: useWrite((a: { id: string; body: SessionBody }) =>
      ok(client.POST('/api/training/plans/{id}/sessions', { params: { path: { id: a.id } }, body: a.body })),
    ),
    attendance: useWrite((a: { id: string; marks: Marks }) =>
      ok(client.PUT('/api/training/sessions/{id}/attendance', { params: { path: { id: a.id } }, body: { marks: a.marks } })),
    ),
    cases: useWrite((a: { id: string; caseIds: string[] }) =>
      ok(client.PUT('/api/training/sessions/{id}/cases', { params: { path: { id: a.id } }, body: { caseIds: a.caseIds } })),
    ),
  };
}
