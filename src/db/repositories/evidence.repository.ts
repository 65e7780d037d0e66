import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.js';

/** 1 MiB: what one insert or one read holds in memory. */
export const EVIDENCE_CHUNK_BYTES = 1024 * 1024;

export interface EvidenceFileMeta {
  id: string;
  complaintId: string;
  recordId: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: Date;
  createdBy: string;
}

/**
 * Stores a file staged on disk: its row, then its bytes read back in 1 MiB chunks, in the caller's
 * transaction (a deferred trigger checks at commit that every chunk and byte is there).
 */
export async function insertEvidenceFile(
  db: Kysely<DB>,
  f: Omit<EvidenceFileMeta, 'createdAt' | 'createdBy'> & { path: string; at: Date; by: string },
): Promise<void> {
  const chunks = Math.ceil(f.size / EVIDENCE_CHUNK_BYTES);
  await db
    .insertInto('evidence_files')
    .values({
      id: f.id,
      complaint_id: f.complaintId,
      record_id: f.recordId,
      name: f.name,
      content_type: f.contentType,
      size: f.size,
      sha256: f.sha256,
      content: null,
      chunks,
      created_at: f.at,
      created_by: f.by,
    })
    .execute();
  let seq = 0;
  for await (const bytes of createReadStream(f.path, { highWaterMark: EVIDENCE_CHUNK_BYTES }) as AsyncIterable<Buffer>) {
    await db.insertInto('evidence_file_chunks').values({ file_id: f.id, seq, bytes }).execute();
    seq += 1;
  }
}

/** One file of one complaint, without its bytes (undefined when the id names no file of that complaint). */
export async function findEvidenceFile(db: Kysely<DB>, complaintId: string, id: string): Promise<EvidenceFileMeta | undefined> {
  const r = await db
    .selectFrom('evidence_files')
    .select(['id', 'complaint_id', 'record_id', 'name', 'content_type', 'size', 'sha256', 'created_at', 'created_by'])
    .where('complaint_id', '=', complaintId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    id: r.id,
    complaintId: r.complaint_id,
    recordId: r.record_id,
    name: r.name,
    contentType: r.content_type,
    size: r.size,
    sha256: r.sha256,
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}

/** The bytes of a file as a stream, one chunk (or the whole of an older inline file) read at a time. */
export function evidenceFileStream(db: Kysely<DB>, id: string): Readable {
  async function* read(): AsyncGenerator<Buffer> {
    const row = await db.selectFrom('evidence_files').select(['content', 'chunks']).where('id', '=', id).executeTakeFirstOrThrow();
    if (row.content) {
      yield row.content;
      return;
    }
    for (let seq = 0; seq < (row.chunks ?? 0); seq++) {
      const chunk = await db
        .selectFrom('evidence_file_chunks')
        .select('bytes')
        .where('file_id', '=', id)
        .where('seq', '=', seq)
        .executeTakeFirstOrThrow();
      yield chunk.bytes;
    }
  }
  return Readable.from(read(), { objectMode: false });
}

/** The sha256 recorded for each file by the event that brought it (`add_evidence`, or a message's `attachments_received` / `correspondence_received`), by file id; the hash chain covers them. */
export async function listRecordedEvidenceHashes(db: Kysely<DB>): Promise<Array<{ id: string; sha256: string }>> {
  return (
    await sql<{ id: string; sha256: string }>`
        SELECT payload->'file'->>'id' AS id, payload->'file'->>'sha256' AS sha256
          FROM complaint_events
         WHERE type = 'add_evidence' AND jsonb_typeof(payload->'file') = 'object'
        UNION ALL
        -- files that came with a message (an e-mail, a portal addition, a letter: #12)
        SELECT f->>'id', f->>'sha256'
          FROM complaint_events, jsonb_array_elements(payload->'files') AS f
         WHERE type IN ('attachments_received', 'correspondence_received') AND jsonb_typeof(payload->'files') = 'array'`.execute(db)
  ).rows;
}

/** Files that still have their bytes (the retention job erases those of anonymised complaints). */
export async function listEvidenceFiles(db: Kysely<DB>): Promise<Array<{ id: string; complaint_id: string }>> {
  return db.selectFrom('evidence_files').select(['id', 'complaint_id']).where('erased_at', 'is', null).orderBy('created_at').execute();
}
