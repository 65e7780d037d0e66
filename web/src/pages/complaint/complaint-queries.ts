/** The complaint page's reads; every key starts with ['complaint', id] so one invalidation refreshes them all. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, queryString } from '../../api';
import { useI18n } from '../../i18n/i18n';
import { can, useMe } from '../../session';
import type { EventView, FullDetail, ImprovementAction, OrgUnit, PolicyLists, RecordsAnswer, UserSummary } from './complaint-types';

const path = (id: string) => `/api/complaints/${encodeURIComponent(id)}`;

export function useComplaint(id: string) {
  return useQuery({ queryKey: ['complaint', id], queryFn: () => api<FullDetail>('GET', path(id)) });
}

export function useEvents(id: string) {
  return useQuery({
    queryKey: ['complaint', id, 'events'],
    queryFn: async () => (await api<{ items: EventView[] }>('GET', `${path(id)}/events`)).items,
  });
}

export function useRecords(id: string) {
  return useQuery({ queryKey: ['complaint', id, 'records'], queryFn: () => api<RecordsAnswer>('GET', `${path(id)}/records`) });
}

/** Improvement actions of this complaint (the route takes the complaint's uuid). */
export function useImprovements(id: string, complaintId: string | undefined) {
  return useQuery({
    queryKey: ['complaint', id, 'improvements'],
    enabled: complaintId !== undefined,
    queryFn: async () =>
      (await api<{ items: ImprovementAction[] }>('GET', `/api/improvement-actions${queryString({ complaintId, limit: 200 })}`)).items,
  });
}

/** Refreshes the complaint, its history, records and improvement actions after a step. */
export function useRefreshComplaint(id: string): () => Promise<void> {
  const client = useQueryClient();
  return useCallback(async () => {
    await client.invalidateQueries({ queryKey: ['complaint', id] });
    await client.invalidateQueries({ queryKey: ['ledger'] });
  }, [client, id]);
}

/** Active colleagues (GET /api/directory: every complaint reader may pick one); others type a username. */
export function useUsers() {
  const me = useMe();
  return useQuery({
    queryKey: ['directory'],
    enabled: can(me.data, 'complaint.read'),
    staleTime: 5 * 60_000,
    queryFn: async () => (await api<{ items: UserSummary[] }>('GET', '/api/directory')).items,
  });
}

/** A username as people read it: the colleague's name with the username, or the username alone. */
export function usePersonName(): (username: string | null | undefined) => string {
  const directory = useUsers();
  return useCallback(
    (username) => {
      if (!username) return '';
      const person = directory.data?.find((u) => u.username === username);
      return person ? `${person.displayName} (${username})` : username;
    },
    [directory.data],
  );
}

export function useDepartments() {
  const me = useMe();
  return useQuery({
    queryKey: ['org-units', 'department'],
    enabled: can(me.data, 'org.read'),
    staleTime: 10 * 60_000,
    queryFn: async () => (await api<{ items: OrgUnit[] }>('GET', '/api/org-units?kind=department')).items,
  });
}

/** The current policy (taxonomies, regulatory limits); the same cache entry the taxonomy labels use. */
export function usePolicyLists() {
  const me = useMe();
  return useQuery({
    queryKey: ['policy'],
    enabled: can(me.data, 'policy.read'),
    staleTime: 10 * 60_000,
    queryFn: () => api<PolicyLists>('GET', '/api/policy'),
  });
}

export type TaxonomyLabel = (taxonomy: string, code: string) => string;

/** The label of a code of one of the policy's lists (businessLines, causes, outcomes…) in the current language. */
export function useTaxonomyLabel(): TaxonomyLabel {
  const policy = usePolicyLists();
  const { locale } = useI18n();
  return useCallback(
    (taxonomy: string, code: string) => {
      const e = policy.data?.policy.taxonomies[taxonomy]?.find((x) => x.code === code);
      return e ? (locale === 'zh-CN' ? e.zh : e.en) : code;
    },
    [policy.data, locale],
  );
}
