import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { CUSTOMER_SERVICE_CODE } from '../../domain/workflow/compensation.js';
import type { DecisionDuty } from '../../domain/workflow/decision-duty.js';

/**
 * "My to-do" as SQL on a complaints row named `table`: complaints the person handles or tracks, or
 * that wait for a decision of theirs (see decision-duty.ts). The band rule is mayApprove's.
 */
export function todoSql(d: DecisionDuty, table: string): RawBuilder<SqlBool> {
  const col = (name: string) => sql.ref(`${table}.${name}`);
  const any: RawBuilder<unknown>[] = [sql`${col('assignee')} = ${d.username}`, sql`${col('tracker')} = ${d.username}`];
  if (d.leadershipMeeting) {
    any.push(sql`(${col('level')} = 1 AND ${col('status')} IN ('registered', 'assigned', 'investigating', 'resolving')
      AND NOT EXISTS (SELECT 1 FROM complaint_records m WHERE m.complaint_id = ${col('id')} AND m.kind = 'meeting'))`);
  }
  if (d.compensation !== 'none') {
    const band =
      d.compensation === 'all'
        ? sql`true`
        : sql`(r.data->>'approver' = 'supervisor' OR (r.data->>'approver' = 'department_head' AND EXISTS (
            SELECT 1 FROM org_units u WHERE u.id = ANY(${col('department_ids')}) AND u.id = ANY(${sql.val(d.departmentIds)}::uuid[])
              AND u.kind = 'department' AND u.code <> ${CUSTOMER_SERVICE_CODE})))`;
    any.push(sql`(${col('status')} IN ('resolving', 'feedback_sent') AND EXISTS (SELECT 1 FROM complaint_records r
      WHERE r.complaint_id = ${col('id')} AND r.kind = 'compensation' AND r.status = 'proposed'
        AND r.data->>'proposedBy' IS DISTINCT FROM ${d.username} AND ${band}))`);
  }
  if (d.extensions) {
    any.push(sql`(${col('status')} = 'investigating' AND EXISTS (SELECT 1 FROM complaint_records x
      WHERE x.complaint_id = ${col('id')} AND x.kind = 'extension_request' AND x.status = 'pending'
        AND x.data->>'requestedBy' IS DISTINCT FROM ${d.username}))`);
  }
  return sql<SqlBool>`(${sql.join(any, sql` OR `)})`;
}
