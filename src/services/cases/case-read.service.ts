/** Reading the case library (#15 item 2, R-G2): the list with filters and search, one case, the tags in use. */
import { can, type Principal } from '../../domain/access/permissions.js';
import { CASE_STATUSES, type CaseStatus } from '../../domain/cases/teaching-case.js';
import { findTeachingCase, listTeachingCases, publishedLessonTags } from '../../db/repositories/teaching-case.repository.js';
import type { ServiceContext } from '../context.js';
import { caseListItem, caseView, requireCasePermission, visibleCase, type CaseListItem, type CaseView } from './case-views.js';

export interface CaseQuery {
  /** default: published */
  status?: CaseStatus;
  /** only the reader's own proposals, in every status */
  mine?: boolean;
  businessLine?: string;
  category?: string;
  cause?: string;
  tag?: string;
  q?: string;
  limit?: number;
  offset?: number;
}

/**
 * Published cases for everyone with case.read; other statuses: all of them for a reviewer, one's own
 * proposals for the rest.
 */
export async function listCases(ctx: ServiceContext, p: Principal, query: CaseQuery): Promise<{ items: CaseListItem[]; total: number }> {
  requireCasePermission(p, 'case.read');
  const reviewer = can(p, 'case.review');
  const statuses: readonly CaseStatus[] = query.mine ? CASE_STATUSES : [query.status ?? 'published'];
  const onlyMine = query.mine || !reviewer;
  const { rows, total } = await listTeachingCases(ctx.db, {
    statuses,
    proposedBy: onlyMine ? p.username : null,
    openStatuses: query.mine ? [] : ['published'],
    businessLine: query.businessLine,
    category: query.category,
    cause: query.cause,
    tag: query.tag,
    q: query.q?.trim() || undefined,
    limit: query.limit ?? 50,
    offset: query.offset ?? 0,
  });
  return { items: rows.map(caseListItem), total };
}

export async function getCase(ctx: ServiceContext, p: Principal, id: string): Promise<CaseView> {
  requireCasePermission(p, 'case.read');
  return caseView(p, visibleCase(p, await findTeachingCase(ctx.db, id)));
}

export async function listLessonTags(ctx: ServiceContext, p: Principal): Promise<{ tag: string; count: number }[]> {
  requireCasePermission(p, 'case.read');
  return publishedLessonTags(ctx.db);
}
