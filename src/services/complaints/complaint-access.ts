import { handlesOnlyAsInspector, inScope, type Action, type Principal } from '../../domain/access/permissions.js';
import { DomainError } from '../../domain/errors.js';
import type { Database } from '../../db/database.js';
import { findComplaint, type ComplaintRecord } from '../../db/repositories/complaint.repository.js';
import { includesSupervisionUnit } from '../../db/repositories/org.repository.js';

export function scopeFacts(r: ComplaintRecord) {
  return { branchId: r.branch_id, departmentIds: r.department_ids, createdBy: r.created_by, people: [r.assignee, r.tracker] };
}

/**
 * A complaint the principal may see. Outside the scope it is "not found", exactly like a number
 * that does not exist, so nobody learns of a complaint outside their scope (R-H1).
 */
export async function complaintInScope(db: Database, p: Principal, idOrNumber: string, forUpdate = false): Promise<ComplaintRecord> {
  const r = await findComplaint(db, idOrNumber, forUpdate);
  if (!r || !inScope(p, scopeFacts(r))) throw new DomainError('complaint_not_found', {}, 'id');
  return r;
}

/**
 * Refuses (403) a handling action the principal holds only as a supervision inspector on a
 * complaint outside the supervision department: inspectors read every complaint but handle only
 * the complaints about complaint handling routed to their department (R-E5).
 */
export async function assertMayHandle(
  db: Database,
  p: Principal,
  action: Action,
  c: Pick<ComplaintRecord, 'department_ids'>,
): Promise<void> {
  if (handlesOnlyAsInspector(p, action) && !(await includesSupervisionUnit(db, c.department_ids))) {
    throw new DomainError('forbidden', { action });
  }
}
