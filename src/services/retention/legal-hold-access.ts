/**
 * Which complaint a retention action may reach (#15 item 4, R-H6). Complaint readers go through
 * their data scope (out of scope is "not found", R-H1). The administrator reads no complaints but
 * governs retention company-wide: with `retention.manage` the complaint is found by id or number.
 */
import { can, type Principal } from '../../domain/access/permissions.js';
import { DomainError } from '../../domain/errors.js';
import type { Database } from '../../db/database.js';
import { findComplaint, type ComplaintRecord } from '../../db/repositories/complaint.repository.js';
import { complaintInScope } from '../complaints/complaint-access.js';

export async function complaintForRetention(db: Database, p: Principal, idOrNumber: string, forUpdate = false): Promise<ComplaintRecord> {
  if (can(p, 'complaint.read')) return complaintInScope(db, p, idOrNumber, forUpdate);
  if (!can(p, 'retention.manage')) throw new DomainError('complaint_not_found', {}, 'id');
  const c = await findComplaint(db, idOrNumber, forUpdate);
  if (!c) throw new DomainError('complaint_not_found', {}, 'id');
  return c;
}
