/** How teaching cases are presented (#15 item 2, R-G2), and who sees which. */
import { can, type Principal } from '../../domain/access/permissions.js';
import { DomainError } from '../../domain/errors.js';
import type { Redaction } from '../../domain/personal-data/anonymiser.js';
import type { CaseStatus, CaseTextField } from '../../domain/cases/teaching-case.js';
import type { TeachingCaseRow } from '../../db/repositories/teaching-case.repository.js';

export function requireCasePermission(p: Principal, action: 'case.read' | 'case.propose' | 'case.review'): void {
  if (!can(p, action)) throw new DomainError('forbidden', { action });
}

/** The proposer and the reviewers see a case in every status; everyone with case.read a published one. */
export function maySeeCase(p: Principal, row: Pick<TeachingCaseRow, 'status' | 'proposed_by'>): boolean {
  if (!can(p, 'case.read')) return false;
  return row.status === 'published' || row.proposed_by === p.username || can(p, 'case.review');
}

/** A case that the reader may not see is indistinguishable from one that does not exist. */
export function visibleCase(p: Principal, row: TeachingCaseRow | undefined): TeachingCaseRow {
  if (!row || !maySeeCase(p, row)) throw new DomainError('case_not_found');
  return row;
}

export interface CaseView {
  id: string;
  status: CaseStatus;
  title: string;
  background: string;
  handling: string;
  outcome: string;
  lessons: string;
  businessLine: string;
  category: string;
  causeCodes: string[];
  lessonTags: string[];
  attachmentNames: string[];
  redactions: Partial<Record<CaseTextField, Redaction[]>>;
  /** the source complaint: shown to the proposer and the reviewers only (readers of a published case need not find the customer) */
  complaintId: string | null;
  complaintNumber: string | null;
  proposedBy: string;
  proposedAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  reviewNote: string | null;
  publishedAt: Date | null;
  withdrawnAt: Date | null;
  withdrawnReason: string | null;
  /** what the reader may do now */
  mayEdit: boolean;
  mayReview: boolean;
}

export function caseView(p: Principal, r: TeachingCaseRow): CaseView {
  const own = r.proposed_by === p.username;
  const insider = own || can(p, 'case.review');
  return {
    id: r.id,
    status: r.status,
    title: r.title,
    background: r.background,
    handling: r.handling,
    outcome: r.outcome,
    lessons: r.lessons,
    businessLine: r.business_line,
    category: r.category,
    causeCodes: r.cause_codes,
    lessonTags: r.lesson_tags,
    attachmentNames: r.attachment_names,
    redactions: r.redactions as CaseView['redactions'],
    complaintId: insider ? r.complaint_id : null,
    complaintNumber: insider ? r.complaint_number : null,
    proposedBy: r.proposed_by,
    proposedAt: r.proposed_at,
    updatedAt: r.updated_at,
    submittedAt: r.submitted_at,
    reviewedBy: r.reviewed_by,
    reviewedAt: r.reviewed_at,
    reviewNote: r.review_note,
    publishedAt: r.published_at,
    withdrawnAt: r.withdrawn_at,
    withdrawnReason: r.withdrawn_reason,
    mayEdit: own && can(p, 'case.propose') && (r.status === 'draft' || r.status === 'rejected'),
    mayReview: !own && can(p, 'case.review') && (r.status === 'in_review' || r.status === 'published'),
  };
}

export interface CaseListItem {
  id: string;
  status: CaseStatus;
  title: string;
  excerpt: string;
  businessLine: string;
  category: string;
  causeCodes: string[];
  lessonTags: string[];
  proposedBy: string;
  updatedAt: Date;
  publishedAt: Date | null;
}

export function caseListItem(r: TeachingCaseRow): CaseListItem {
  const chars = Array.from(r.background);
  return {
    id: r.id,
    status: r.status,
    title: r.title,
    excerpt: chars.length > 120 ? `${chars.slice(0, 120).join('')}…` : r.background,
    businessLine: r.business_line,
    category: r.category,
    causeCodes: r.cause_codes,
    lessonTags: r.lesson_tags,
    proposedBy: r.proposed_by,
    updatedAt: r.updated_at,
    publishedAt: r.published_at,
  };
}
