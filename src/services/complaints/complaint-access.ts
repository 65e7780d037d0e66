import { inScope, type Principal } from '../../domain/access/permissions.js';
import { DomainError } from '../../domain/errors.js';
import type { Database } from '../../db/database.js';
import { findComplaint, type ComplaintRecord } from '../../db/repositories/complaint.repository.js';

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
