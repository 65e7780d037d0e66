/** The signed-in user's notifications (GET /api/notifications): types and the shared queries. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from './api';

export interface Notice {
  id: string;
  kind: string;
  title: string;
  complaintId: string | null;
  complaintNumber: string | null;
  createdAt: string;
  readAt: string | null;
  /** body.link: where a notice about no complaint leads (e.g. the calendar import, #9 item 10) */
  body?: Record<string, unknown>;
}

/** The page a notice opens: its complaint, or the in-app path its body names. */
export function noticeTarget(n: Pick<Notice, 'complaintId' | 'body'>): string | null {
  if (n.complaintId) return `/complaints/${n.complaintId}`;
  const link = n.body?.link;
  return typeof link === 'string' && link.startsWith('/') && !link.startsWith('//') ? link : null;
}

export interface NoticePage {
  items: Notice[];
  unreadCount: number;
  /** the cursor of the next (older) page; null on the last one */
  nextBefore: string | null;
}

export const REFRESH_MS = 60_000;

export function fetchNotices(q: { limit: number; unread?: boolean; before?: string }): Promise<NoticePage> {
  return api<NoticePage>(
    'GET',
    `/api/notifications${queryString({ limit: q.limit, unread: q.unread ? 'true' : undefined, before: q.before })}`,
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
  const client = useQueryClient();
  return useMutation({
    mutationFn: (which: { ids: string[] } | { all: true }) =>
      api<{ updated: number; unreadCount: number }>('POST', '/api/notifications/read', which),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['notifications'] });
      void client.invalidateQueries({ queryKey: ['workbench'] });
    },
  });
}
