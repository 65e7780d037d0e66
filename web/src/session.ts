import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiError, setCsrfToken } from './api';
import { client, ok } from './api/client';
import type { SignedIn, User } from './types';

/** A permission the server grants (the enum of the answer's user.permissions). */
export type Permission = User['permissions'][number];

/**
 * Who is signed in. The session cookie is HttpOnly, so a flag in localStorage remembers that a
 * sign-in happened: without it the app does not ask /api/auth/me (and gets no 401 on a first visit).
 */
const SIGNED_IN_FLAG = 'complaints.signedIn';
export const ME_KEY = ['me'] as const;

async function fetchMe(): Promise<SignedIn | null> {
  if (localStorage.getItem(SIGNED_IN_FLAG) !== '1') return null;
  try {
    const me = await ok(client.GET('/api/auth/me'));
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
export function useSignedIn(): (me: SignedIn) => void {
  const queries = useQueryClient();
  return useCallback(
    (me: SignedIn) => {
      localStorage.setItem(SIGNED_IN_FLAG, '1');
      setCsrfToken(me.csrfToken);
      queries.setQueryData(ME_KEY, me);
    },
    [queries],
  );
}

export function useSignOut(): () => Promise<void> {
  const queries = useQueryClient();
  return useCallback(async () => {
    try {
      await ok(client.POST('/api/auth/logout'));
    } finally {
      localStorage.removeItem(SIGNED_IN_FLAG);
      setCsrfToken(null);
      queries.clear();
      queries.setQueryData(ME_KEY, null);
    }
  }, [queries]);
}

export function can(me: SignedIn | null | undefined, permission: Permission): boolean {
  return me?.user.permissions.includes(permission) ?? false;
}
