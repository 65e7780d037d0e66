/**
 * Evidence of an investigation (R-D1): a note, the method (document review, interview, site visit,
 * external expert) and optionally one file. The file's bytes go to evidence_files; the `evidence`
 * record holds its metadata; GET /api/complaints/{id}/evidence/{fileId} downloads it.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { insertEvidenceFile } from '../../../db/repositories/evidence.repository.js';
import { handler } from '../workflow-handler.js';
import { checkEvidenceFile, EVIDENCE_BODY_LIMIT } from './evidence-file.js';

export const EVIDENCE_METHODS = ['document_review', 'interview', 'site_visit', 'external_expert'] as const;

export const addEvidence = handler({
  action: 'add_evidence',
  bodyLimit: EVIDENCE_BODY_LIMIT,
  body: z.strictObject({
    method: z.enum(EVIDENCE_METHODS),
    note: z.string().trim().min(1).max(20_000),
    file: z
      .strictObject({
        name: z.string().min(1).max(255),
        contentType: z.string().trim().min(1).max(200).describe('pdf, jpeg, png, plain text, mp3, docx or xlsx'),
        base64: z.string().min(1).describe('the bytes, base64; at most 3 MiB decoded'),
      })
      .optional(),
  }),
  apply: async (h, b) => {
    const checked = b.file ? checkEvidenceFile(b.file) : null;
    let file: { id: string; name: string; contentType: string; size: number; sha256: string } | null = null;
    if (checked) {
      file = { id: randomUUID(), name: checked.name, contentType: checked.contentType, size: checked.size, sha256: checked.sha256 };
      await insertEvidenceFile(h.trx, { ...file, complaintId: h.complaint.id, recordId: h.recordId, content: checked.content, at: h.now, by: h.p.username });
    }
    return {
      record: { kind: 'evidence', data: { method: b.method, note: b.note, file } },
      patch: { last_progress_at: h.now },
      payload: { method: b.method, file },
    };
  },
});

export const EVIDENCE_HANDLERS = [addEvidence];
