/**
 * Evidence of an investigation (R-D1): a note, the method (document review, interview, site visit,
 * external expert) and optionally one file. The file arrives as a multipart upload staged on disk
 * (http/routes/multipart-upload.ts: type, size and sha256 checked while streaming); its bytes go to
 * evidence_file_chunks, the `evidence` record and the event hold its metadata with the sha256 (so
 * the hash chain covers the file); GET /api/complaints/{id}/evidence/{fileId} downloads it.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { EVIDENCE_METHODS } from '../../../domain/codes.js';
import { insertEvidenceFile } from '../../../db/repositories/evidence.repository.js';
import { handler } from '../workflow-handler.js';

/** An upload already checked and written to a temp file, with the sha256 of its bytes. */
export interface StagedEvidenceFile {
  path: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
}

const staged = z.custom<StagedEvidenceFile>((v) => typeof v === 'object' && v !== null && 'path' in v && 'sha256' in v);

/** The text fields of the upload form. */
export const evidenceFields = z.strictObject({
  method: z.enum(EVIDENCE_METHODS),
  note: z.string().trim().min(1).max(20_000),
});

export const addEvidence = handler({
  action: 'add_evidence',
  ownRoute: true,
  body: evidenceFields.extend({ file: staged.optional() }),
  apply: async (h, b) => {
    let file: { id: string; name: string; contentType: string; size: number; sha256: string } | null = null;
    if (b.file) {
      file = { id: randomUUID(), name: b.file.name, contentType: b.file.contentType, size: b.file.size, sha256: b.file.sha256 };
      await insertEvidenceFile(h.trx, {
        ...file,
        complaintId: h.complaint.id,
        recordId: h.recordId,
        path: b.file.path,
        at: h.now,
        by: h.p.username,
      });
    }
    return {
      record: { kind: 'evidence', data: { method: b.method, note: b.note, file } },
      patch: { last_progress_at: h.now },
      payload: { method: b.method, file },
    };
  },
});

export const EVIDENCE_HANDLERS = [addEvidence];
