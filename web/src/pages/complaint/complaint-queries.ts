/** The complaint page's reads; every key starts with ['complaint', id] so one invalidation refreshes them all. */
import { skipToken, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { client, ok } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { can, useMe } from '../../session';
import type { TaxonomyName } from '../../taxonomy';
import type { TaxonomyEntry } from '../../types';

/** The complaint's id or number, as the page's URL names it. */
const byId = (id: string) => ({ params: { path: { id } } });

export function useComplaint(id: string) {
  return useQuery({ queryKey: ['complaint', id], queryFn: () => ok(client.GET('/api/complaints/{id}', byId(id))) });
}

export function useEvents(id: string) {
  return useQuery({
    queryKey: ['complaint', id, 'events'],
    queryFn: async () => (await ok(client.GET('/api/complaints/{id}/events', byId(id)))).items,
  });
}

export function useRecords(id: string) {
  return useQuery({ queryKey: ['complaint', id, 'records'], queryFn: () => ok(client.GET('/api/complaints/{id}/records', byId(id))) });
}

/** Improvement actions of this complaint (the route takes the complaint's uuid). */
export function useImprovements(id: string, complaintId: string | undefined) {
  return useQuery({
    queryKey: ['complaint', id, 'improvements'],
    queryFn:
      complaintId === undefined
        ? skipToken
        : async () => (await ok(client.GET('/api/improvement-actions', { params: { query: { complaintId, limit: 200 } } }))).items,
  });
}

/** Refreshes the complaint, its history, records and improvement actions after a step. */
export function useRefreshComplaint(id: string): () => Promise<void> {
  const queries = useQueryClient();
  return useCallback(async () => {
    await queries.invalidateQueries({ queryKey: ['complaint', id] });
    await queries.invalidateQueries({ queryKey: ['ledger'] });
  }, [queries, id]);
}

/** Active colleagues (GET /api/directory: every complaint reader may pick one); others type a username. */
export function useUsers() {
  const me = useMe();
  return useQuery({
    queryKey: ['directory'],
    enabled: can(me.data, 'complaint.read'),
    staleTime: 5 * 60_000,
    queryFn: async () => (await ok(client.GET('/api/directory'))).items,
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
    queryFn: async () => (await ok(client.GET('/api/org-units', { params: { query: { kind: 'department' } } }))).items,
  });
}

/** The current policy (taxonomies, regulatory limits); the same cache entry the taxonomy labels use. */
export function usePolicyLists() {
  const me = useMe();
  return useQuery({
    queryKey: ['policy'],
    enabled: can(me.data, 'policy.read'),
    staleTime: 10 * 60_000,
    queryFn: () => ok(client.GET('/api/policy')),
  });
}

export type TaxonomyLabel = (taxonomy: TaxonomyName, code: string) => string;

/** The label of a code of one of the policy's lists (businessLines, causes, outcomes…) in the current language. */
export function useTaxonomyLabel(): TaxonomyLabel {
  const policy = usePolicyLists();
  const { locale } = useI18n();
  return useCallback(
    (taxonomy: TaxonomyName, code: string) => {
      const entries: readonly TaxonomyEntry[] = policy.data?.policy.taxonomies[taxonomy] ?? [];
      const e = entries.find((x) => x.code === code);
      return e ? (locale === 'zh-CN' ? e.zh : e.en) : code;
    },
    [policy.data, locale],
  );
}
