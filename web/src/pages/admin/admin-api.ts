/** Queries of the administration pages and the mapping of server field errors onto forms. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import { useCallback } from 'react';
import { api, ApiError, type ApiFieldError } from '../../api';
import type {
  AdminUser,
  CalendarYear,
  CalendarYearsAnswer,
  OrgUnit,
  PolicyVersionAnswer,
  PolicyVersionSummary,
  RoleInfo,
} from './admin-types';

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
    queryFn: () => api<{ items: OrgUnit[] }>('GET', '/api/org-units?includeInactive=true'),
    select: (d) => d.items,
  });
}

export function useUsers(enabled = true) {
  return useQuery({
    queryKey: KEYS.users,
    queryFn: () => api<{ items: AdminUser[] }>('GET', '/api/users?includeInactive=true'),
    select: (d) => d.items,
    enabled,
  });
}

export function useRoles() {
  return useQuery({
    queryKey: KEYS.roles,
    queryFn: () => api<{ items: RoleInfo[] }>('GET', '/api/roles'),
    select: (d) => d.items,
    staleTime: 10 * 60_000,
  });
}

export function usePolicy() {
  return useQuery({ queryKey: KEYS.policy, queryFn: () => api<PolicyVersionAnswer>('GET', '/api/policy') });
}

export function usePolicyVersions() {
  return useQuery({
    queryKey: KEYS.versions,
    queryFn: () => api<{ items: PolicyVersionSummary[] }>('GET', '/api/policy/versions'),
    select: (d) => d.items,
  });
}

export function usePolicyVersion(version: number | undefined) {
  return useQuery({
    queryKey: ['admin', 'policy-version', version],
    queryFn: () => api<PolicyVersionAnswer>('GET', `/api/policy/versions/${String(version)}`),
    enabled: version !== undefined,
    staleTime: Infinity, // a published version never changes
  });
}

const fetchCalendarYears = () => api<CalendarYearsAnswer>('GET', '/api/calendar');

export function useCalendarYears() {
  return useQuery({ queryKey: KEYS.calendarYears, queryFn: fetchCalendarYears, select: (d) => d.items });
}

/** Unconfirmed years to import now (#9 item 10); only asked when `enabled` (users who may write the calendar). */
export function useCalendarPending(enabled: boolean) {
  return useQuery({ queryKey: KEYS.calendarYears, queryFn: fetchCalendarYears, select: (d) => d.pending, enabled });
}

export function useCalendarYear(year: number) {
  return useQuery({ queryKey: KEYS.calendarYear(year), queryFn: () => api<CalendarYear>('GET', `/api/calendar/${year}`) });
}

/** After a policy is published: the policy, its version list and everything labelled from it. */
export function useRefreshPolicy(): () => Promise<void> {
  const client = useQueryClient();
  return useCallback(async () => {
    await Promise.all([client.invalidateQueries({ queryKey: KEYS.policy }), client.invalidateQueries({ queryKey: KEYS.versions })]);
  }, [client]);
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
