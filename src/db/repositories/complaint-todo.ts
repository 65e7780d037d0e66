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
  // the waiting decisions are few (complaint_records_waiting_idx): each arm first takes the complaints
  // they wait on, as an array read once and looked up by primary key (#16), then checks what depends
  // on the complaint
  if (d.compensation !== 'none') {
    const proposed = sql`${col('id')} = ANY (ARRAY(SELECT r.complaint_id FROM complaint_records r
      WHERE r.kind = 'compensation' AND r.status = 'proposed' AND r.data->>'proposedBy' IS DISTINCT FROM ${d.username}))`;
    const band =
      d.compensation === 'all'
        ? sql`true`
        : sql`EXISTS (SELECT 1 FROM complaint_records r WHERE r.complaint_id = ${col('id')} AND r.kind = 'compensation' AND r.status = 'proposed'
            AND r.data->>'proposedBy' IS DISTINCT FROM ${d.username}
            AND (r.data->>'approver' = 'supervisor' OR (r.data->>'approver' = 'department_head' AND EXISTS (
              SELECT 1 FROM org_units u WHERE u.id = ANY(${col('department_ids')}) AND u.id = ANY(${sql.val(d.departmentIds)}::uuid[])
                AND u.kind = 'department' AND u.code <> ${CUSTOMER_SERVICE_CODE}))))`;
    any.push(sql`(${col('status')} IN ('resolving', 'feedback_sent') AND ${proposed} AND ${band})`);
  }
  if (d.extensions) {
    any.push(sql`(${col('status')} = 'investigating' AND ${col('id')} = ANY (ARRAY(SELECT x.complaint_id FROM complaint_records x
      WHERE x.kind = 'extension_request' AND x.status = 'pending' AND x.data->>'requestedBy' IS DISTINCT FROM ${d.username})))`);
  }
  return sql<SqlBool>`(${sql.join(any, sql` OR `)})`;
}
