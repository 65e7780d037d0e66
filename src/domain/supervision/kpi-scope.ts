/**
 * Who sees whose KPIs (#14 item 5, R-E6): everyone their own; a department-scoped role that reads
 * the statistics (the department supervisor) its departments' and their people's; a role that sees
 * every complaint (leadership, senior management, the supervision inspector, the auditor) everyone's.
 * Pure.
 */
import { can, ROLE_GRANTS, type Principal } from '../access/permissions.js';

export type KpiScope =
  | { kind: 'all'; username: string }
  | { kind: 'department'; username: string; departmentIds: readonly string[] }
  | { kind: 'own'; username: string };

/** The reader's KPI scope; null without `kpi.read`. */
export function kpiScope(p: Principal): KpiScope | null {
  if (!can(p, 'kpi.read')) return null;
  const grants = p.roles.map((r) => ROLE_GRANTS[r]).filter((g) => g.actions.includes('kpi.read'));
  if (grants.some((g) => g.scope === 'all')) return { kind: 'all', username: p.username };
  if (grants.some((g) => g.scope === 'department' && g.actions.includes('statistics.read')) && p.departmentIds.length > 0)
    return { kind: 'department', username: p.username, departmentIds: p.departmentIds };
  return { kind: 'own', username: p.username };
}

export function seesDepartment(s: KpiScope, departmentId: string): boolean {
  return s.kind === 'all' || (s.kind === 'department' && s.departmentIds.includes(departmentId));
}

/** A person, with the departments they belong to. */
export function seesPerson(s: KpiScope, username: string, departmentIds: readonly string[]): boolean {
  if (s.kind === 'all' || s.username === username) return true;
  return s.kind === 'department' && departmentIds.some((d) => s.departmentIds.includes(d));
}
