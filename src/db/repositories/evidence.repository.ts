import type { ColumnType, Kysely } from 'kysely';
import type { DB } from '../schema.js';

/** Migration 0004: the bytes of evidence files (the `evidence` record holds their metadata). */
export interface EvidenceFilesTable {
  id: string;
  complaint_id: string;
  record_id: string;
  name: string;
  content_type: string;
  size: number;
  sha256: string;
  content: Buffer;
  created_at: ColumnType<Date, Date | string, Date | string>;
  created_by: string;
}

type WithEvidence = { evidence_files: EvidenceFilesTable };

export interface EvidenceFile {
  id: string;
  complaintId: string;
  recordId: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  content: Buffer;
  createdAt: Date;
  createdBy: string;
}

function evidence(db: Kysely<DB>) {
  return db.withTables<WithEvidence>();
}

export async function insertEvidenceFile(db: Kysely<DB>, f: Omit<EvidenceFile, 'createdAt' | 'createdBy'> & { at: Date; by: string }): Promise<void> {
  await evidence(db)
    .insertInto('evidence_files')
    .values({
      id: f.id,
      complaint_id: f.complaintId,
      record_id: f.recordId,
      name: f.name,
      content_type: f.contentType,
      size: f.size,
      sha256: f.sha256,
      content: f.content,
      created_at: f.at,
      created_by: f.by,
    })
    .execute();
}

/** One file of one complaint (undefined when the id names no file of that complaint). */
export async function findEvidenceFile(db: Kysely<DB>, complaintId: string, id: string): Promise<EvidenceFile | undefined> {
  const r = await evidence(db).selectFrom('evidence_files').selectAll().where('complaint_id', '=', complaintId).where('id', '=', id).executeTakeFirst();
  if (!r) return undefined;
  return {
    id: r.id,
    complaintId: r.complaint_id,
    recordId: r.record_id,
    name: r.name,
    contentType: r.content_type,
    size: r.size,
    sha256: r.sha256,
    content: r.content,
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}
