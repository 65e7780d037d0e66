/** The reads and writes of 监督检查 (#14 item 1, R-E4): checklists, plans, samples, findings, rectification. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, ok } from '../../api/client';
import type { Answer, Body } from '../../api/types';

export type Checklist = Answer<'/api/inspections/checklists', 'get'>[number];
export type PlanListItem = Answer<'/api/inspections/plans', 'get'>[number];
export type PlanDetail = Answer<'/api/inspections/plans/{id}', 'get'>;
export type PlanItem = PlanDetail['items'][number];
export type PlanRule = PlanDetail['rules'][number];
export type Finding = PlanDetail['findings'][number];
export type Rectification = PlanDetail['requests'][number];
export type MyInspection = Answer<'/api/inspections/mine', 'get'>;
export type ChecklistBody = Body<'/api/inspections/checklists', 'post'>;
export type PlanBody = Body<'/api/inspections/plans', 'post'>;
export type ScoreAnswers = Body<'/api/inspections/items/{id}/score', 'put'>['answers'];
export type FindingBody = Body<'/api/inspections/findings', 'post'>;
export type RectificationBody = Body<'/api/inspections/rectifications', 'post'>;

export const useChecklists = () =>
  useQuery({ queryKey: ['inspection-checklists'], queryFn: () => ok(client.GET('/api/inspections/checklists')) });
export const usePlans = () => useQuery({ queryKey: ['inspection-plans'], queryFn: () => ok(client.GET('/api/inspections/plans')) });
export const usePlan = (id: string) =>
  useQuery({
    queryKey: ['inspection-plan', id],
    queryFn: () => ok(client.GET('/api/inspections/plans/{id}', { params: { path: { id } } })),
  });
export const useRectifications = (enabled: boolean) =>
  useQuery({ queryKey: ['rectifications'], enabled, queryFn: () => ok(client.GET('/api/inspections/rectifications')) });
export const useMine = (enabled: boolean) =>
  useQuery({ queryKey: ['inspection-mine'], enabled, queryFn: () => ok(client.GET('/api/inspections/mine')) });
export const useOrgUnits = (enabled: boolean) =>
  useQuery({ queryKey: ['org-units-sup'], enabled, staleTime: 300_000, queryFn: () => ok(client.GET('/api/org-units')) });

/** Every write refreshes the inspection reads. */
function useWrite<A, R>(fn: (a: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      Promise.all(
        ['inspection-checklists', 'inspection-plans', 'inspection-plan', 'rectifications', 'inspection-mine'].map((k) =>
          qc.invalidateQueries({ queryKey: [k] }),
        ),
      ),
  });
}

export function useInspectionWrites() {
  return {
    createChecklist: useWrite((b: ChecklistBody) => ok(client.POST('/api/inspections/checklists', { body: b }))),
    updateChecklist: useWrite((a: { id: string; body: Body<'/api/inspections/checklists/{id}', 'patch'> }) =>
      ok(client.PATCH('/api/inspections/checklists/{id}', { params: { path: { id: a.id } }, body: a.body })),
    ),
    createPlan: useWrite((b: PlanBody) => ok(client.POST('/api/inspections/plans', { body: b }))),
    draw: useWrite((id: string) => ok(client.POST('/api/inspections/plans/{id}/draw', { params: { path: { id } } }))),
    addItem: useWrite((a: { planId: string; complaintId: string; reason: string }) =>
      ok(
        client.POST('/api/inspections/plans/{id}/items', {
          params: { path: { id: a.planId } },
          body: { complaintId: a.complaintId, reason: a.reason },
        }),
      ),
    ),
    removeItem: useWrite((a: { itemId: string; reason: string }) =>
      ok(client.POST('/api/inspections/items/{id}/remove', { params: { path: { id: a.itemId } }, body: { reason: a.reason } })),
    ),
    score: useWrite((a: { itemId: string; answers: ScoreAnswers }) =>
      ok(client.PUT('/api/inspections/items/{id}/score', { params: { path: { id: a.itemId } }, body: { answers: a.answers } })),
    ),
    complete: useWrite((a: { id: string; summary: string }) =>
      ok(client.POST('/api/inspections/plans/{id}/complete', { params: { path: { id: a.id } }, body: { summary: a.summary } })),
    ),
    finding: useWrite((b: FindingBody) => ok(client.POST('/api/inspections/findings', { body: b }))),
    answerFinding: useWrite((a: { id: string; answer: string }) =>
      ok(client.POST('/api/inspections/findings/{id}/answer', { params: { path: { id: a.id } }, body: { answer: a.answer } })),
    ),
    issue: useWrite((b: RectificationBody) => ok(client.POST('/api/inspections/rectifications', { body: b }))),
    answer: useWrite((a: { id: string; answer: string }) =>
      ok(client.POST('/api/inspections/rectifications/{id}/answer', { params: { path: { id: a.id } }, body: { answer: a.answer } })),
    ),
    verdict: useWrite((a: { id: string; accepted: boolean; note: string }) =>
      ok(
        client.POST('/api/inspections/rectifications/{id}/verify', {
          params: { path: { id: a.id } },
          body: { accepted: a.accepted, note: a.note },
        }),
      ),
    ),
  };
}

export async function verifyRun(id: string) {
  return ok(client.GET('/api/inspections/runs/{id}/verify', { params: { path: { id } } }));
}
