/** Queries of the administration pages and the mapping of server field errors onto forms. */
import { skipToken, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import { useCallback } from 'react';
import { ApiError, type ApiFieldError } from '../../api';
import { client, ok } from '../../api/client';

export const KEYS = {
  orgUnits: ['admin', 'org-units'],
  users: ['admin', 'users'],
  roles: ['admin', 'roles'],
  /** shared with web/src/taxonomy.ts: the same answer of GET /api/policy */
  policy: ['policy'],
  versions: ['admin', 'policy-versions'],
  calendarYears: ['admin', 'calendar'],
  calendarYear: (year: number) => ['admin', 'calendar', year],
} as const;

export function useOrgUnits() {
  return useQuery({
    queryKey: KEYS.orgUnits,
    queryFn: () => ok(client.GET('/api/org-units', { params: { query: { includeInactive: 'true' } } })),
    select: (d) => d.items,
  });
}

export function useUsers(enabled = true) {
  return useQuery({
    queryKey: KEYS.users,
    queryFn: () => ok(client.GET('/api/users', { params: { query: { includeInactive: 'true' } } })),
    select: (d) => d.items,
    enabled,
  });
}

export function useRoles() {
  return useQuery({
    queryKey: KEYS.roles,
    queryFn: () => ok(client.GET('/api/roles')),
    select: (d) => d.items,
    staleTime: 10 * 60_000,
  });
}

export function usePolicy() {
  return useQuery({ queryKey: KEYS.policy, queryFn: () => ok(client.GET('/api/policy')) });
}

export function usePolicyVersions() {
  return useQuery({
    queryKey: KEYS.versions,
    queryFn: () => ok(client.GET('/api/policy/versions')),
    select: (d) => d.items,
  });
}

export function usePolicyVersion(version: number | undefined) {
  return useQuery({
    queryKey: ['admin', 'policy-version', version],
    queryFn: version === undefined ? skipToken : () => ok(client.GET('/api/policy/versions/{version}', { params: { path: { version } } })),
    staleTime: Infinity, // a published version never changes
  });
}

const fetchCalendarYears = () => ok(client.GET('/api/calendar'));

export function useCalendarYears() {
  return useQuery({ queryKey: KEYS.calendarYears, queryFn: fetchCalendarYears, select: (d) => d.items });
}

/** Unconfirmed years to import now (#9 item 10); only asked when `enabled` (users who may write the calendar). */
export function useCalendarPending(enabled: boolean) {
  return useQuery({ queryKey: KEYS.calendarYears, queryFn: fetchCalendarYears, select: (d) => d.pending, enabled });
}

export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: KEYS.calendarYear(year),
    queryFn: () => ok(client.GET('/api/calendar/{year}', { params: { path: { year } } })),
  });
}

/** After a policy is published: the policy, its version list and everything labelled from it. */
export function useRefreshPolicy(): () => Promise<void> {
  const queries = useQueryClient();
  return useCallback(async () => {
    await Promise.all([queries.invalidateQueries({ queryKey: KEYS.policy }), queries.invalidateQueries({ queryKey: KEYS.versions })]);
  }, [queries]);
}

/** The field of an API error without the `body.` prefix: `policy.clocks.l3_answer.amount`, `roles.0`. */
export function fieldPath(f: ApiFieldError): string {
  return f.field.replace(/^body\./, '');
}

/** The message of a field error without its leading `field: ` (the form shows it next to the field). */
export function fieldText(f: ApiFieldError): string {
  const prefix = `${f.field}: `;
  return f.message.startsWith(prefix) ? f.message.slice(prefix.length) : f.message;
}

/**
 * Puts the server's field errors on the form fields they name (`roles.0` on `roles`); answers the
 * message for whatever no field of the form shows (null when every error found its field).
 */
export function applyServerErrors(form: FormInstance, error: unknown, fieldNames: readonly string[]): string | null {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const byField = new Map<string, string[]>();
  const rest: string[] = [];
  for (const f of error.fields) {
    const name = fieldPath(f).split('.')[0] ?? '';
    if (fieldNames.includes(name)) byField.set(name, [...(byField.get(name) ?? []), fieldText(f)]);
    else rest.push(f.message);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  if (byField.size > 0 && rest.length === 0) return null;
  return rest.length > 0 ? rest.join('; ') : error.message;
}
