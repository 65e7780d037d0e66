import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/database.js';

/**
 * A tracked exception for leaders (R-E3): a breach, a dissatisfied customer, stalled progress.
 * Raised once per source fact (unique source_key), resolved by a person with a note.
 */
export async function raiseException(
  db: Database,
  e: {
    complaintId: string;
    kind: 'breach' | 'dissatisfied' | 'stalled';
    clockId: string | null;
    sourceKey: string;
    details: Record<string, unknown>;
    at: Date;
  },
): Promise<boolean> {
  const r = await db
    .insertInto('complaint_exceptions')
    .values({
      id: randomUUID(),
      complaint_id: e.complaintId,
      kind: e.kind,
      clock_id: e.clockId,
      source_key: e.sourceKey,
      status: 'open',
      raised_at: e.at,
      details: JSON.stringify(e.details),
    })
    .onConflict((oc) => oc.column('source_key').doNothing())
    .returning('id')
    .execute();
  return r.length > 0;
}

/** Resolves a complaint's open exceptions (it was closed, withdrawn, transferred or merged); returns their ids for the event. */
export async function resolveOpenExceptions(
  db: Database,
  complaintId: string,
  r: { at: Date; by: string; resolution: string },
): Promise<string[]> {
  const rows = await db
    .updateTable('complaint_exceptions')
    .set({ status: 'resolved', resolved_at: r.at, resolved_by: r.by, resolution: r.resolution })
    .where('complaint_id', '=', complaintId)
    .where('status', '=', 'open')
    .returning('id')
    .execute();
  return rows.map((x) => x.id);
}
