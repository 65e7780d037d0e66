/**
 * Files that arrive with a complaint or with a message on it (#12 items 4 and 5, R-B4): each one
 * staged on disk with its sha256 (the upload or the e-mail parser checked its type by content), then
 * stored here in the caller's transaction as evidence files (bytes in evidence_file_chunks) under one
 * complaint record, so the record, the files and the event that names their hashes commit together.
 */
import { randomUUID } from 'node:crypto';
import type { AttachmentFacts } from '../../domain/events/event-types.js';
import type { Database } from '../../db/database.js';
import { appendEvents } from '../../db/repositories/event.repository.js';
import { insertEvidenceFile } from '../../db/repositories/evidence.repository.js';
import { insertRecord } from '../../db/repositories/record.repository.js';
import type { StagedEvidenceFile } from '../workflow/handlers/evidence.handlers.js';

/** Stores the files as evidence files of the complaint under the record `recordId` (inserted by the caller, same transaction). */
export async function storeFiles(
  trx: Database,
  f: { complaintId: string; recordId: string; files: readonly StagedEvidenceFile[]; by: string; at: Date },
): Promise<AttachmentFacts[]> {
  const facts: AttachmentFacts[] = [];
  for (const file of f.files) {
    const fact = { id: randomUUID(), name: file.name, contentType: file.contentType, size: file.size, sha256: file.sha256 };
    await insertEvidenceFile(trx, { ...fact, complaintId: f.complaintId, recordId: f.recordId, path: file.path, at: f.at, by: f.by });
    facts.push(fact);
  }
  return facts;
}

/**
 * Attachments of the complaint itself (a scanned letter at the counter, photos from the portal, an
 * e-mail's files): a record of kind `attachment` and an `attachments_received` event.
 */
export async function storeAttachments(
  trx: Database,
  a: {
    complaintId: string;
    files: readonly StagedEvidenceFile[];
    source: string;
    by: string;
    at: Date;
    round?: number;
    note?: string | null;
  },
): Promise<{ recordId: string; files: AttachmentFacts[] }> {
  const recordId = randomUUID();
  const files = await storeFiles(trx, { complaintId: a.complaintId, recordId, files: a.files, by: a.by, at: a.at });
  await insertRecord(trx, {
    id: recordId,
    complaintId: a.complaintId,
    kind: 'attachment',
    round: a.round ?? 1,
    status: null,
    data: { source: a.source, note: a.note ?? null, files },
    at: a.at,
    by: a.by,
  });
  await appendEvents(trx, a.complaintId, [
    { type: 'attachments_received', actor: a.by, occurredAt: a.at, payload: { recordId, source: a.source, files } },
  ]);
  return { recordId, files };
}
