import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, ApiError, setCsrfToken } from './api';
import type { Me } from './types';

/**
 * Who is signed in. The session cookie is HttpOnly, so a flag in localStorage remembers that a
 * sign-in happened: without it the app does not ask /api/auth/me (and gets no 401 on a first visit).
 */
const SIGNED_IN_FLAG = 'complaints.signedIn';
export const ME_KEY = ['me'] as const;

async function fetchMe(): Promise<Me | null> {
  if (localStorage.getItem(SIGNED_IN_FLAG) !== '1') return null;
  try {
    const me = await api<Me>('GET', '/api/auth/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      localStorage.removeItem(SIGNED_IN_FLAG);
      return null;
    }
    throw e;
  }
}

/** A sign-in happened in this browser (the session may have expired since). */
export function wasSignedIn(): boolean {
  return localStorage.getItem(SIGNED_IN_FLAG) === '1';
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
}

/** Records a successful sign-in (or password change) so the app shows the signed-in pages. */
export function useSignedIn(): (me: Me) => void {
  const client = useQueryClient();
  return useCallback(
    (me: Me) => {
      localStorage.setItem(SIGNED_IN_FLAG, '1');
      setCsrfToken(me.csrfToken);
      client.setQueryData(ME_KEY, me);
    },
    [client],
  );
}

export function useSignOut(): () => Promise<void> {
  const client = useQueryClient();
  return useCallback(async () => {
    try {
      await api('POST', '/api/auth/logout');
    } finally {
      localStorage.removeItem(SIGNED_IN_FLAG);
      setCsrfToken(null);
      client.clear();
      client.setQueryData(ME_KEY, null);
    }
  }, [client]);
}

export function can(me: Me | null | undefined, permission: string): boolean {
  return me?.user.permissions.includes(permission) ?? false;
}
