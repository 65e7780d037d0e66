/**
 * The board's major complaints (#14 item 4): the open major complaints the reader may see, each
 * with its report to the regulator (due, reported) and its next open milestone.
 */
import type { ScopeFilter } from '../../domain/access/permissions.js';
import { nextMilestone } from '../../domain/major/major.js';
import type { Database } from '../../db/database.js';
import { listOpenMajor, listPlanItems } from '../../db/repositories/major.repository.js';

const MAJOR_LIMIT = 50;

export interface BoardMajorItem {
  id: string;
  number: string;
  status: string;
  level: number;
  category: string;
  businessLine: string;
  source: 'rules' | 'leader' | null;
  markedAt: Date | null;
  reportDueAt: Date | null;
  reportedAt: Date | null;
  /** the report is not made and its due time has passed */
  reportOverdue: boolean;
  nextMilestone: { id: string; title: string; owner: string; dueAt: Date; overdue: boolean } | null;
}

export async function boardMajor(db: Database, scope: ScopeFilter, now: Date): Promise<{ total: number; items: BoardMajorItem[] }> {
  const rows = await listOpenMajor(db, scope, MAJOR_LIMIT);
  const items = await listPlanItems(
    db,
    rows.map((r) => r.id),
  );
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map((r) => {
      const next = nextMilestone(items.filter((i) => i.complaint_id === r.id).map((i) => ({ ...i, dueAt: i.due_at })));
      return {
        id: r.id,
        number: r.number,
        status: r.status,
        level: r.level,
        category: r.category,
        businessLine: r.businessLine,
        source: r.source,
        markedAt: r.markedAt,
        reportDueAt: r.reportDueAt,
        reportedAt: r.reportedAt,
        reportOverdue:
          r.reportedAt === null && (r.reportStatus === 'breached' || (r.reportDueAt !== null && r.reportDueAt.getTime() < now.getTime())),
        nextMilestone:
          next && next.dueAt
            ? { id: next.id, title: next.title, owner: next.owner, dueAt: next.dueAt, overdue: next.dueAt.getTime() < now.getTime() }
            : null,
      };
    }),
  };
}
