/**
 * Writes of the historical import (#13 item 7): a batch of complaints with their records and
 * events in a few multi-row statements, inside the batch's transaction (import.service.ts).
 */
import { sql, type Kysely } from 'kysely';
import type { ComplaintEvent } from '../../domain/events/event-types.js';
import { chainedRows, createSalts } from './event.repository.js';
import type { DB } from '../schema.js';
import type { NewComplaintRecord } from './complaint.repository.js';

/** Rows per INSERT: 45 columns x 400 stays well below PostgreSQL's 65,535 parameters. */
const ROWS_PER_INSERT = 400;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * One import at a time per source: a second run of the same file waits for the first's batch, then
 * sees its rows as already imported (the unique index would refuse them anyway).
 */
export async function lockImportSource(db: Kysely<DB>, source: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`import:${source}`}))`.execute(db);
}

/** Which of these source ids are imported already. */
export async function existingImportIds(db: Kysely<DB>, source: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const found = new Set<string>();
  for (const part of chunks(ids, 5000)) {
    const rows = await db
      .selectFrom('complaints')
      .select('import_id')
      .where('import_source', '=', source)
      .where('import_id', 'in', part)
      .execute();
    for (const r of rows) if (r.import_id !== null) found.add(r.import_id);
  }
  return found;
}

/**
 * Takes `count` complaint numbers of a day from the day's sequence (migration 0032), in increasing
 * order; registrations running at the same time may take numbers in between.
 */
export async function reserveComplaintSequences(db: Kysely<DB>, localDay: string, count: number): Promise<number[]> {
  const r = await sql<{
    n: number;
  }>`SELECT complaint_number_next(${localDay}::date) AS n FROM generate_series(1, ${count}::int) ORDER BY 1`.execute(db);
  return r.rows.map((x) => x.n);
}

export async function insertComplaints(db: Kysely<DB>, rows: readonly NewComplaintRecord[]): Promise<void> {
  for (const part of chunks(rows, ROWS_PER_INSERT)) {
    await db
      .insertInto('complaints')
      .values(part.map((c) => ({ ...c, grading_reasons: JSON.stringify(c.grading_reasons) })))
      .execute();
  }
}

export interface NewChain {
  complaintId: string;
  events: ReadonlyArray<ComplaintEvent & { actor: string; occurredAt: Date }>;
}

/**
 * The first events of new complaints, chained from the genesis hash exactly as appendEvents chains
 * them (the payload's JSON round trip is what is hashed). Imported history is not announced to
 * webhooks: it is not news.
 */
export async function insertNewChains(db: Kysely<DB>, chains: readonly NewChain[]): Promise<void> {
  const salts = await createSalts(
    db,
    chains.map((c) => c.complaintId),
  );
  const rows = chains.flatMap(({ complaintId, events }) => chainedRows(complaintId, null, events, salts.get(complaintId)!));
  for (const part of chunks(rows, 2000)) await db.insertInto('complaint_events').values(part).execute();
}

export interface NewImportedRecord {
  id: string;
  complaintId: string;
  kind: string;
  data: Record<string, unknown>;
  at: Date;
  by: string;
}

export async function insertImportedRecords(db: Kysely<DB>, records: readonly NewImportedRecord[]): Promise<void> {
  for (const part of chunks(records, 2000)) {
    await db
      .insertInto('complaint_records')
      .values(
        part.map((r) => ({
          id: r.id,
          complaint_id: r.complaintId,
          kind: r.kind,
          round: 1,
          status: null,
          data: JSON.stringify(r.data),
          created_at: r.at,
          created_by: r.by,
          updated_at: r.at,
          updated_by: r.by,
        })),
      )
      .execute();
  }
}

/**
 * The statistics facts of the batch at once (migration 0014's function). The deferred triggers
 * would refresh each complaint at commit one by one; after this they find the rows fresh for this
 * transaction and skip.
 */
export async function refreshComplaintFacts(db: Kysely<DB>, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await sql`SELECT complaint_facts_refresh(${sql.val([...ids])}::uuid[])`.execute(db);
}
