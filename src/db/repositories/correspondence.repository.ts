/**
 * The reads behind a complaint's correspondence thread (#12 item 5): inbound items are
 * complaint_records of kind 'correspondence' (their files in evidence_files), outbound items are
 * the messages to the complainant, and a reply whose outbox row is not handed over yet is read from
 * the outbox (it has no message row until the dispatcher plans it).
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { ComplaintRecordsTable, DB, MessagesTable } from '../schema.js';

/** The outbox topic of a staff reply to the complainant (planned by complainant-messages.ts). */
export const REPLY_TOPIC = 'complaint.reply';

export interface RecordFile {
  id: string;
  record_id: string;
  name: string;
  content_type: string;
  size: number;
  created_at: Date;
}

/** The records of the given kinds, oldest first. */
export async function listRecordsOfKinds(
  db: Kysely<DB>,
  complaintId: string,
  kinds: readonly string[],
): Promise<Array<Selectable<ComplaintRecordsTable>>> {
  if (kinds.length === 0) return [];
  return db
    .selectFrom('complaint_records')
    .selectAll()
    .where('complaint_id', '=', complaintId)
    .where('kind', 'in', [...kinds])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The stored files of the given records of one complaint, without their bytes. */
export async function listFilesOfRecords(db: Kysely<DB>, complaintId: string, recordIds: readonly string[]): Promise<RecordFile[]> {
  if (recordIds.length === 0) return [];
  return db
    .selectFrom('evidence_files')
    .select(['id', 'record_id', 'name', 'content_type', 'size', 'created_at'])
    .where('complaint_id', '=', complaintId)
    .where('record_id', 'in', [...recordIds])
    .orderBy('created_at')
    .orderBy('name')
    .execute();
}

/** Every message to the complainant of one complaint, oldest first. */
export async function listComplainantMessages(db: Kysely<DB>, complaintId: string): Promise<Array<Selectable<MessagesTable>>> {
  return db
    .selectFrom('messages')
    .selectAll()
    .where('complaint_id', '=', complaintId)
    .where('recipient_kind', '=', 'complainant')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export interface PendingReply {
  id: string;
  idempotency_key: string;
  payload: Record<string, unknown>;
  created_at: Date;
}

/** Staff replies of one complaint whose outbox row has not been planned into a message yet. */
export async function listPendingReplies(db: Kysely<DB>, complaintId: string): Promise<PendingReply[]> {
  return db
    .selectFrom('outbox')
    .select(['id', 'idempotency_key', 'payload', 'created_at'])
    .where('topic', '=', REPLY_TOPIC)
    .where('dispatched_at', 'is', null)
    .where(sql<string>`payload->>'complaintId'`, '=', complaintId)
    .orderBy('id')
    .execute();
}
