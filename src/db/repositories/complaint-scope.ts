import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { ScopeFilter } from '../../domain/access/permissions.js';

/**
 * The data scope rule (R-H1) as SQL on a complaints row named `table` (the table or its alias):
 * everything, or the reader's branches, departments, own registrations and the complaints naming
 * them as assignee or tracker (permissions.ts inScope). The ledger, exceptions and the board all
 * filter with this one rule.
 */
export function scopeSql(s: ScopeFilter, table: string): RawBuilder<SqlBool> {
  if (s.all) return sql<SqlBool>`true`;
  const col = (name: string) => sql.ref(`${table}.${name}`);
  const any: RawBuilder<unknown>[] = [sql`${s.createdBy} IN (${col('created_by')}, ${col('assignee')}, ${col('tracker')})`];
  if (s.branchIds.length) any.push(sql`${col('branch_id')} = ANY(${sql.val(s.branchIds)}::uuid[])`);
  if (s.departmentIds.length) any.push(sql`${col('department_ids')} && ${sql.val(s.departmentIds)}::uuid[]`);
  return sql<SqlBool>`(${sql.join(any, sql` OR `)})`;
}

/**
 * The complaint `table` has a clock that is late right now: marked breached, or still open past its
 * due time. Written so that it reads complaint_clocks_live_idx alone (#16).
 */
export function overdueSql(now: Date, table: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`EXISTS (SELECT 1 FROM complaint_clocks k WHERE k.complaint_id = ${sql.ref(`${table}.id`)}
    AND k.status IN ('running', 'paused', 'breached') AND (k.status = 'breached' OR k.due_at < ${now}::timestamptz))`;
}
