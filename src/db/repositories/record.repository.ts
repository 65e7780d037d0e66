import type { Kysely, Selectable } from 'kysely';
import type { ComplaintRecordsTable, DB } from '../schema.js';

export type RecordRow = Selectable<ComplaintRecordsTable>;

export async function insertRecord(
  db: Kysely<DB>,
  r: {
    id: string;
    complaintId: string;
    kind: string;
    round: number;
    status: string | null;
    data: Record<string, unknown>;
    at: Date;
    by: string;
  },
): Promise<void> {
  await db
    .insertInto('complaint_records')
    .values({
      id: r.id,
      complaint_id: r.complaintId,
      kind: r.kind,
      round: r.round,
      status: r.status,
      data: JSON.stringify(r.data),
      created_at: r.at,
      created_by: r.by,
      updated_at: r.at,
      updated_by: r.by,
    })
    .execute();
}

export async function listRecords(db: Kysely<DB>, complaintId: string, kind?: string): Promise<RecordRow[]> {
  let q = db.selectFrom('complaint_records').selectAll().where('complaint_id', '=', complaintId);
  if (kind) q = q.where('kind', '=', kind);
  return q.orderBy('created_at').orderBy('id').execute();
}

export async function findRecord(db: Kysely<DB>, complaintId: string, id: string, kind: string): Promise<RecordRow | undefined> {
  return db
    .selectFrom('complaint_records')
    .selectAll()
    .where('complaint_id', '=', complaintId)
    .where('id', '=', id)
    .where('kind', '=', kind)
    .executeTakeFirst();
}

export async function updateRecord(
  db: Kysely<DB>,
  id: string,
  patch: { status?: string | null; data?: Record<string, unknown>; at: Date; by: string },
): Promise<void> {
  await db
    .updateTable('complaint_records')
    .set({
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(patch.data ? { data: JSON.stringify(patch.data) } : {}),
      updated_at: patch.at,
      updated_by: patch.by,
    })
    .where('id', '=', id)
    .execute();
}
