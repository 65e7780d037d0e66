/**
 * Evidence files against the hash chain (R-A4, R-D1, issue #9 item 8): the sha256 of each file's
 * stored bytes must equal the one its `add_evidence` event recorded when it was uploaded. The
 * event is covered by the complaint's hash chain (verifyLedger), so a byte changed in
 * evidence_file_chunks (or a file row swapped) is found here even when the row's own sha256 column
 * was changed with it. Files are read one chunk at a time.
 */
import { createHash } from 'node:crypto';
import type { Database } from '../../db/database.js';
import { evidenceFileStream, listEvidenceFiles, listRecordedEvidenceHashes } from '../../db/repositories/evidence.repository.js';

export interface EvidenceMismatch {
  fileId: string;
  complaintId: string;
  /** the sha256 the event recorded (null: no event names the file) */
  recorded: string | null;
  actual: string;
}

export async function verifyEvidence(db: Database): Promise<{ files: number; mismatched: EvidenceMismatch[] }> {
  const recorded = new Map((await listRecordedEvidenceHashes(db)).map((r) => [r.id, r.sha256]));
  const files = await listEvidenceFiles(db);
  const mismatched: EvidenceMismatch[] = [];
  for (const f of files) {
    const hash = createHash('sha256');
    for await (const chunk of evidenceFileStream(db, f.id)) hash.update(chunk as Buffer);
    const actual = hash.digest('hex');
    const expected = recorded.get(f.id) ?? null;
    if (actual !== expected) mismatched.push({ fileId: f.id, complaintId: f.complaint_id, recorded: expected, actual });
  }
  return { files: files.length, mismatched };
}
