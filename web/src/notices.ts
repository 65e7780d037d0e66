/** The signed-in user's notifications (GET /api/notifications): types and the shared queries. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, ok, type Answer, type ItemOf } from './api/client';

export type NoticePage = Answer<'/api/notifications', 'get'>;
/** body.link: where a notice about no complaint leads (e.g. the calendar import, #9 item 10) */
export type Notice = ItemOf<NoticePage>;

/** The page a notice opens: its complaint, or the in-app path its body names. */
export function noticeTarget(n: Pick<Notice, 'complaintId' | 'body'>): string | null {
  if (n.complaintId) return `/complaints/${n.complaintId}`;
  const link = n.body.link;
  return typeof link === 'string' && link.startsWith('/') && !link.startsWith('//') ? link : null;
}

export const REFRESH_MS = 60_000;

export function fetchNotices(q: { limit: number; unread?: boolean; before?: string }): Promise<NoticePage> {
  return ok(
    client.GET('/api/notifications', { params: { query: { limit: q.limit, unread: q.unread ? 'true' : undefined, before: q.before } } }),
  );
}

/** The newest few, for the bell's list. */
export function useLatestNotices(limit: number, enabled: boolean) {
  return useQuery({
    queryKey: ['notifications', 'latest', limit],
    queryFn: () => fetchNotices({ limit }),
    enabled,
    refetchInterval: REFRESH_MS,
  });
}

/** Marks some or all read; every notification view (bell, page, workbench) refreshes. */
export function useMarkRead() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (which: { ids: string[] } | { all: true }) => ok(client.POST('/api/notifications/read', { body: which })),
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: ['notifications'] });
      void queries.invalidateQueries({ queryKey: ['workbench'] });
    },
  });
}
