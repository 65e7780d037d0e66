/**
 * Attachments at intake (#12 item 4, R-B4): staff add the complainant's own materials (a scanned
 * letter handed in at the counter, photos, a recording) to a complaint in any status, closed
 * included: a level-3 complaint solved on the spot is closed at registration and still needs its
 * papers. The files arrive already staged on disk (type checked by content, sha256 computed while
 * streaming: http/routes/multipart-upload.ts); one transaction stores their bytes as evidence files
 * under a complaint_records row of kind 'attachment' and appends `attachments_received`, whose
 * sha256 per file puts the bytes under the hash chain. Downloads go through the evidence route.
 */
import { can, type Principal } from '../../domain/access/permissions.js';
import { STAFF_UPLOAD_MAX_FILES } from '../../domain/codes.js';
import { DomainError } from '../../domain/errors.js';
import type { AttachmentFacts } from '../../domain/events/event-types.js';
import { updateComplaint } from '../../db/repositories/complaint.repository.js';
import type { RequestMeta, ServiceContext } from '../context.js';
import type { StagedEvidenceFile } from '../workflow/handlers/evidence.handlers.js';
import { storeAttachments } from './attachment-store.js';
import { complaintInScope } from './complaint-access.js';

/** Who may add the complainant's materials: whoever may register complaints (the counter, the hotline, the mail room). */
export const ATTACHMENT_PERMISSION = 'complaint.create' as const;

/** At most this many files in one upload (each up to the evidence size limit); the web form states it. */
export const ATTACHMENT_MAX_FILES = STAFF_UPLOAD_MAX_FILES;

/** The longest note that may go with them. */
export const ATTACHMENT_NOTE_MAX = 2000;

/**
 * Refuses before the upload what would be refused after it: no permission (403), a complaint
 * outside the scope or unknown (404), so nobody uploads 50 MB to be told so. Returns its id.
 */
export async function checkAttachmentsAllowed(ctx: ServiceContext, p: Principal, idOrNumber: string): Promise<string> {
  if (!can(p, ATTACHMENT_PERMISSION)) throw new DomainError('forbidden', { action: ATTACHMENT_PERMISSION });
  return (await complaintInScope(ctx.db, p, idOrNumber)).id;
}

export interface AddedAttachments {
  complaintId: string;
  recordId: string;
  files: AttachmentFacts[];
}

/** The form's note: trimmed, null when empty; too long is a 400 naming the field. */
export function attachmentNote(raw: string | undefined): string | null {
  const note = raw?.trim() ?? '';
  if ([...note].length > ATTACHMENT_NOTE_MAX) throw new DomainError('field_too_long', { max: ATTACHMENT_NOTE_MAX }, 'note');
  return note === '' ? null : note;
}

/**
 * Stores the files under a new 'attachment' record, with `attachments_received` (source 'staff'),
 * in one transaction that holds the complaint's row lock. At least one file.
 */
export async function addAttachments(
  ctx: ServiceContext,
  _meta: RequestMeta,
  p: Principal,
  idOrNumber: string,
  upload: { note: string | null; files: readonly StagedEvidenceFile[] },
): Promise<AddedAttachments> {
  if (!can(p, ATTACHMENT_PERMISSION)) throw new DomainError('forbidden', { action: ATTACHMENT_PERMISSION });
  if (upload.files.length === 0) throw new DomainError('required', {}, 'files');
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const c = await complaintInScope(trx, p, idOrNumber, true);
    const stored = await storeAttachments(trx, {
      complaintId: c.id,
      files: upload.files,
      source: 'staff',
      by: p.username,
      at: now,
      round: c.round,
      note: upload.note,
    });
    await updateComplaint(trx, c.id, { updated_at: now });
    return { complaintId: c.id, ...stored };
  });
}
