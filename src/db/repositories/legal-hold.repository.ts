/**
 * Legal holds (#15 item 4, R-H6; migration 0029): placing, releasing and reading the holds of a
 * complaint, and the list of holds in force for the retention page. Who placed or released a hold
 * is stored as the user's id and read back with the username and display name.
 */
import { sql, type Selectable } from 'kysely';
import type { Database } from '../database.js';
import type { ComplaintLegalHoldsTable } from '../schema-legal-holds.js';

export type LegalHoldRow = Selectable<ComplaintLegalHoldsTable>;

export interface LegalHoldView extends LegalHoldRow {
  placed_by_username: string;
  placed_by_name: string;
  released_by_username: string | null;
  released_by_name: string | null;
}

function holdsWithNames(db: Database) {
  return db
    .selectFrom('complaint_legal_holds as h')
    .innerJoin('users as p', 'p.id', 'h.placed_by')
    .leftJoin('users as r', 'r.id', 'h.released_by')
    .selectAll('h')
    .select([
      'p.username as placed_by_username',
      'p.display_name as placed_by_name',
      'r.username as released_by_username',
      'r.display_name as released_by_name',
    ]);
}

/** Every hold of the complaint, newest first. */
export async function listHoldsOfComplaint(db: Database, complaintId: string): Promise<LegalHoldView[]> {
  return holdsWithNames(db).where('h.complaint_id', '=', complaintId).orderBy('h.placed_at', 'desc').execute();
}

/** The complaint's unreleased hold (at most one: a partial unique index), locked when asked. */
export async function findUnreleasedHold(db: Database, complaintId: string, forUpdate = false): Promise<LegalHoldRow | undefined> {
  let q = db.selectFrom('complaint_legal_holds').selectAll().where('complaint_id', '=', complaintId).where('released_at', 'is', null);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function insertHold(
  db: Database,
  h: { complaintId: string; reason: string; placedBy: string; placedAt: Date; until: string | null },
): Promise<LegalHoldRow> {
  return db
    .insertInto('complaint_legal_holds')
    .values({ complaint_id: h.complaintId, reason: h.reason, placed_by: h.placedBy, placed_at: h.placedAt, until: h.until })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function releaseHold(db: Database, id: string, r: { by: string; at: Date; reason: string }): Promise<void> {
  await db
    .updateTable('complaint_legal_holds')
    .set({ released_at: r.at, released_by: r.by, release_reason: r.reason })
    .where('id', '=', id)
    .where('released_at', 'is', null)
    .execute();
}

export interface ActiveHoldListRow extends LegalHoldView {
  number: string;
  status: string;
  business_line: string;
  closed_at: Date | null;
}

/** Unreleased holds (in force, or past their end date and not yet released), newest first. */
export async function listUnreleasedHolds(db: Database, limit = 500): Promise<ActiveHoldListRow[]> {
  return holdsWithNames(db)
    .innerJoin('complaints as c', 'c.id', 'h.complaint_id')
    .select(['c.number', 'c.status', 'c.business_line', 'c.closed_at'])
    .where('h.released_at', 'is', null)
    .orderBy('h.placed_at', 'desc')
    .limit(limit)
    .execute();
}

/** How many complaints have a hold in force on `today` (company-time date). */
export async function countHoldsInForce(db: Database, today: string): Promise<number> {
  const r = await db
    .selectFrom('complaint_legal_holds')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('released_at', 'is', null)
    .where((eb) => eb.or([eb('until', 'is', null), eb('until', '>=', sql<string>`${today}::date`)]))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The ids of the given complaints with a hold in force on `today`. */
export async function complaintsHeld(db: Database, complaintIds: readonly string[], today: string): Promise<Set<string>> {
  if (complaintIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('complaint_legal_holds')
    .select('complaint_id')
    .where('complaint_id', 'in', complaintIds)
    .where('released_at', 'is', null)
    .where((eb) => eb.or([eb('until', 'is', null), eb('until', '>=', sql<string>`${today}::date`)]))
    .execute();
  return new Set(rows.map((r) => r.complaint_id));
}
