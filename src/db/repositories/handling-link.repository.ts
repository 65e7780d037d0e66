/** Complaints about complaint handling (R-E5, #14 item 2): the `about_handling` links and who handled a complaint. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.js';

export const ABOUT_HANDLING = 'about_handling';

/** The complaints whose handling this complaint is about (normally one). */
export async function originalsOf(
  db: Kysely<DB>,
  complaintId: string,
): Promise<Array<{ id: string; number: string; assignee: string | null; tracker: string | null; status: string }>> {
  return db
    .selectFrom('complaint_links as l')
    .innerJoin('complaints as c', 'c.id', 'l.related_id')
    .select(['c.id', 'c.number', 'c.assignee', 'c.tracker', 'c.status'])
    .where('l.complaint_id', '=', complaintId)
    .where('l.kind', '=', ABOUT_HANDLING)
    .orderBy('c.number')
    .execute();
}

/** Everyone ever named assignee or tracker of a complaint by an `assign` step (its history, not only the current row). */
export async function pastHandlersOf(db: Kysely<DB>, complaintId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('complaint_events')
    .select([sql<string | null>`payload ->> 'assignee'`.as('assignee'), sql<string | null>`payload ->> 'tracker'`.as('tracker')])
    .where('complaint_id', '=', complaintId)
    .where('type', '=', 'assign')
    .execute();
  return [...new Set(rows.flatMap((r) => [r.assignee, r.tracker]).filter((u): u is string => typeof u === 'string' && u !== ''))];
}
