/**
 * Reads of a complaint land in the audit log (R-H1, #9 item 6): who read which complaint, what
 * (detail, history, records, an evidence file) and whether its personal data was masked. One row
 * per read request, a single insert outside any transaction: cheap enough for every page view.
 * Ledger listings are not recorded row by row (a page names 50 complaints and shows no personal
 * data beyond the name); exports are recorded with their filter (ledger-export.service.ts);
 * unmasking is recorded with its reason (complaint-unmask.service.ts).
 */
import type { Principal } from '../../domain/access/permissions.js';
import { DomainError } from '../../domain/errors.js';
import { findEvidenceFile } from '../../db/repositories/evidence.repository.js';
import { audit } from '../administration/audit.service.js';
import { complaintInScope } from './complaint-access.js';
import { complaintDetail } from './complaint-view.js';
import type { RequestMeta, ServiceContext } from '../context.js';

export const COMPLAINT_READ_ACTIONS = {
  detail: 'complaint.read',
  events: 'complaint.read_events',
  records: 'complaint.read_records',
  evidence: 'complaint.read_evidence',
  /** the correspondence thread (#12 item 5): masked unless the reader may see personal data */
  correspondence: 'complaint.read_correspondence',
} as const;
export type ComplaintReadView = keyof typeof COMPLAINT_READ_ACTIONS;

export interface ComplaintRead {
  view: ComplaintReadView;
  complaint: { id: string; number: string };
  /** false when the answer shows personal data as it is (an evidence file is the original) */
  masked: boolean;
  /** what else identifies the read: the evidence file's id and name */
  extra?: Record<string, unknown>;
}

export async function auditComplaintRead(ctx: ServiceContext, meta: RequestMeta, p: Principal, read: ComplaintRead): Promise<void> {
  await audit(ctx.db, meta, {
    at: ctx.now(),
    actor: p.username,
    action: COMPLAINT_READ_ACTIONS[read.view],
    outcome: 'success',
    targetType: 'complaint',
    targetId: read.complaint.id,
    details: { number: read.complaint.number, masked: read.masked, ...read.extra },
  });
}

/** GET /api/complaints/{id}: the detail, personal data masked, recorded as read. */
export async function readComplaintDetail(ctx: ServiceContext, meta: RequestMeta, p: Principal, idOrNumber: string) {
  const detail = await complaintDetail(ctx, p, idOrNumber);
  await auditComplaintRead(ctx, meta, p, { view: 'detail', complaint: detail, masked: true });
  return detail;
}

/** An evidence file of a complaint in scope (its metadata; the caller streams the content), recorded as an unmasked read. */
export async function readEvidenceFile(ctx: ServiceContext, meta: RequestMeta, p: Principal, idOrNumber: string, fileId: string) {
  const c = await complaintInScope(ctx.db, p, idOrNumber);
  const file = await findEvidenceFile(ctx.db, c.id, fileId);
  if (!file) throw new DomainError('not_found', {}, 'fileId');
  await auditComplaintRead(ctx, meta, p, {
    view: 'evidence',
    complaint: c,
    masked: false,
    extra: { fileId: file.id, fileName: file.name },
  });
  return file;
}
