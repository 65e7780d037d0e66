/**
 * What the KPIs (#14 item 5, R-E6) read: complaint facts received or closed in a period (one row per
 * complaint, the statistics' read model), inspection items scored in it and rectification requests
 * whose first deadline falls in it (migration 0021), for a set of departments and people or for
 * everyone; and the departments and people a KPI can be asked for.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../database.js';
import type { InspectionScoreFact, KpiFactRow, RectificationFact } from '../../domain/supervision/kpi-figures.js';

/** Whose rows: everyone, or these departments and handlers (either matches). */
export type KpiRowsFor = 'all' | { departmentIds: readonly string[]; usernames: readonly string[] };

export interface KpiWindow {
  from: string;
  to: string;
  timeZone: string;
}

function whoSql(w: KpiRowsFor, departments: RawBuilder<unknown>, person: RawBuilder<unknown>, array: boolean): RawBuilder<SqlBool> {
  if (w === 'all') return sql<SqlBool>`true`;
  const any: RawBuilder<SqlBool>[] = [];
  if (w.departmentIds.length > 0)
    any.push(
      array
        ? sql<SqlBool>`${departments} && ${sql.val([...w.departmentIds])}::uuid[]`
        : sql<SqlBool>`${departments} = ANY(${sql.val([...w.departmentIds])}::uuid[])`,
    );
  if (w.usernames.length > 0) any.push(sql<SqlBool>`${person} = ANY(${sql.val([...w.usernames])}::text[])`);
  return any.length === 0 ? sql<SqlBool>`false` : sql<SqlBool>`(${sql.join(any, sql` OR `)})`;
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export async function kpiFactRows(db: Database, w: KpiWindow, who: KpiRowsFor): Promise<KpiFactRow[]> {
  const { rows } = await sql<Record<string, unknown>>`
    SELECT f.id, f.assignee, f.department_ids, f.received_on, f.closed_on, f.handling_days,
      f.policy_due_at, f.policy_met_at, f.policy_breached, f.regulatory_due_at, f.regulatory_met_at, f.regulatory_breached,
      f.reopen_count, f.surveyed, f.satisfied
    FROM complaint_facts f
    WHERE (f.received_on BETWEEN ${w.from}::date AND ${w.to}::date OR f.closed_on BETWEEN ${w.from}::date AND ${w.to}::date)
      AND ${whoSql(who, sql`f.department_ids`, sql`f.assignee`, true)}
    ORDER BY f.received_at, f.id`.execute(db);
  return rows.map((r) => ({
    id: r.id as string,
    assignee: (r.assignee as string | null) ?? null,
    departmentIds: (r.department_ids as string[]) ?? [],
    receivedOn: r.received_on as string,
    closedOn: (r.closed_on as string | null) ?? null,
    handlingDays: num(r.handling_days),
    policy: { dueAt: r.policy_due_at as Date | null, metAt: r.policy_met_at as Date | null, breached: r.policy_breached as boolean | null },
    regulatory: {
      dueAt: r.regulatory_due_at as Date | null,
      metAt: r.regulatory_met_at as Date | null,
      breached: r.regulatory_breached as boolean | null,
    },
    reopenCount: Number(r.reopen_count),
    surveyed: r.surveyed === true,
    satisfied: (r.satisfied as boolean | null) ?? null,
  }));
}

export async function inspectionScoreRows(db: Database, w: KpiWindow, who: KpiRowsFor): Promise<InspectionScoreFact[]> {
  const { rows } = await sql<Record<string, unknown>>`
    SELECT i.complaint_id, i.department_ids, i.handler, i.score, (i.scored_at AT TIME ZONE ${w.timeZone})::date::text AS scored_on
    FROM inspection_items i
    WHERE i.removed_at IS NULL AND i.score IS NOT NULL AND i.scored_at IS NOT NULL
      AND (i.scored_at AT TIME ZONE ${w.timeZone})::date BETWEEN ${w.from}::date AND ${w.to}::date
      AND ${whoSql(who, sql`i.department_ids`, sql`i.handler`, true)}
    ORDER BY i.scored_at, i.id`.execute(db);
  return rows.map((r) => ({
    complaintId: r.complaint_id as string,
    departmentIds: (r.department_ids as string[]) ?? [],
    handler: (r.handler as string | null) ?? null,
    score: Number(r.score),
    scoredOn: r.scored_on as string,
  }));
}

export async function rectificationRows(db: Database, w: KpiWindow, who: KpiRowsFor): Promise<RectificationFact[]> {
  const { rows } = await sql<Record<string, unknown>>`
    SELECT r.complaint_id, r.department_id, r.addressee, r.first_due_at, r.answered_at,
      (r.first_due_at AT TIME ZONE ${w.timeZone})::date::text AS first_due_on
    FROM rectification_requests r
    WHERE r.status <> 'cancelled' AND r.first_due_at IS NOT NULL
      AND (r.first_due_at AT TIME ZONE ${w.timeZone})::date BETWEEN ${w.from}::date AND ${w.to}::date
      AND ${whoSql(who, sql`r.department_id`, sql`r.addressee`, false)}
    ORDER BY r.first_due_at, r.id`.execute(db);
  return rows.map((r) => ({
    complaintId: (r.complaint_id as string | null) ?? null,
    departmentId: (r.department_id as string | null) ?? null,
    addressee: (r.addressee as string | null) ?? null,
    firstDueAt: r.first_due_at as Date,
    firstDueOn: r.first_due_on as string,
    answeredAt: (r.answered_at as Date | null) ?? null,
  }));
}

export interface KpiDepartmentRow {
  id: string;
  code: string;
  name_zh: string;
  name_en: string;
}

/** The departments KPIs are kept for: active handling departments and the supervision department. */
export async function kpiDepartments(db: Database): Promise<KpiDepartmentRow[]> {
  return db
    .selectFrom('org_units')
    .select(['id', 'code', 'name_zh', 'name_en'])
    .where('active', '=', true)
    .where('kind', 'in', ['department', 'supervision'])
    .orderBy('code')
    .execute();
}

export interface KpiPersonRow {
  username: string;
  display_name: string;
  department_ids: string[];
}

/**
 * People and their departments: the active members of these departments (or of any department), plus
 * the named usernames (handlers of the complaints, whatever their membership).
 */
export async function kpiPeople(
  db: Database,
  departmentIds: readonly string[] | 'all',
  usernames: readonly string[] = [],
): Promise<KpiPersonRow[]> {
  const members =
    departmentIds === 'all'
      ? sql<SqlBool>`EXISTS (SELECT 1 FROM user_org_units m JOIN org_units o ON o.id = m.org_unit_id
          WHERE m.user_id = u.id AND o.kind IN ('department', 'supervision'))`
      : departmentIds.length === 0
        ? sql<SqlBool>`false`
        : sql<SqlBool>`EXISTS (SELECT 1 FROM user_org_units m WHERE m.user_id = u.id AND m.org_unit_id = ANY(${sql.val([...departmentIds])}::uuid[]))`;
  const named = usernames.length === 0 ? sql<SqlBool>`false` : sql<SqlBool>`u.username = ANY(${sql.val([...usernames])}::text[])`;
  const { rows } = await sql<KpiPersonRow>`
    SELECT u.username, u.display_name,
      COALESCE((SELECT array_agg(m.org_unit_id ORDER BY m.org_unit_id) FROM user_org_units m WHERE m.user_id = u.id), '{}') AS department_ids
    FROM users u
    WHERE (u.active AND ${members}) OR ${named}
    ORDER BY u.username`.execute(db);
  return rows;
}
