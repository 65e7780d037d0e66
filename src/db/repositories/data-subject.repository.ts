/**
 * The data subject's complaints (PIPL art. 45; #15 item 4, R-H6): found by exact match on
 * normalised identifiers (phone through the contact keys and the digits of the stored number,
 * e-mail case-insensitively, the ID number through its keyed hash, the name as stored after
 * trimming), and what the export of one complaint reads. Company-wide: the caller checks the
 * permission; the administrator's export is not bound to a complaint scope.
 */
import { sql, type Selectable } from 'kysely';
import type { Database } from '../database.js';
import type { ComplaintEventsTable } from '../schema.js';
import type { ComplaintRecord } from './complaint.repository.js';

export interface SubjectKeys {
  /** digits, without a +86/0086 prefix */
  phone?: string;
  email?: string;
  idNumberHash?: string;
  name?: string;
}

const MAX_MATCHES = 1000;

/** Complaints matching any of the given keys, oldest received first (at most 1000). */
export async function findSubjectComplaints(db: Database, k: SubjectKeys): Promise<ComplaintRecord[]> {
  const any = [k.phone, k.email, k.idNumberHash, k.name].some((v) => v !== undefined && v !== '');
  if (!any) return [];
  return db
    .selectFrom('complaints')
    .selectAll()
    .where((eb) => {
      const ors = [];
      if (k.phone) {
        ors.push(eb(sql<boolean>`contact_keys && ${sql.val([`phone:${k.phone}`])}::text[]`, '=', true));
        ors.push(
          eb(sql<string>`regexp_replace(coalesce(complainant_phone, ''), '\\D', '', 'g')`, 'in', [
            k.phone,
            `86${k.phone}`,
            `0086${k.phone}`,
          ]),
        );
      }
      if (k.email) {
        ors.push(eb(sql<boolean>`contact_keys && ${sql.val([`email:${k.email}`])}::text[]`, '=', true));
        ors.push(eb(sql<string>`lower(btrim(complainant_email))`, '=', k.email));
      }
      if (k.idNumberHash) ors.push(eb('complainant_id_number_hash', '=', k.idNumberHash));
      if (k.name) ors.push(eb(sql<string>`btrim(complainant_name)`, '=', k.name));
      return eb.or(ors);
    })
    .orderBy('received_at')
    .orderBy('number')
    .limit(MAX_MATCHES)
    .execute();
}

export async function findComplaintsByIds(db: Database, ids: readonly string[]): Promise<ComplaintRecord[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('complaints')
    .selectAll()
    .where('id', 'in', [...ids])
    .orderBy('received_at')
    .orderBy('number')
    .execute();
}

export async function listEventsOf(db: Database, complaintId: string): Promise<Array<Selectable<ComplaintEventsTable>>> {
  return db.selectFrom('complaint_events').selectAll().where('complaint_id', '=', complaintId).orderBy('seq').execute();
}

export interface StoredFileRow {
  id: string;
  record_id: string;
  name: string;
  content_type: string;
  size: number;
  sha256: string;
  created_at: Date;
  /** the bytes were erased by the retention sweep (migration 0028) */
  erased_at: Date | null;
}

/** Every stored file of the complaint (evidence and attachments), without the bytes. */
export async function listFilesOf(db: Database, complaintId: string): Promise<StoredFileRow[]> {
  return db
    .selectFrom('evidence_files')
    .select(['id', 'record_id', 'name', 'content_type', 'size', 'sha256', 'created_at', 'erased_at'])
    .where('complaint_id', '=', complaintId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
