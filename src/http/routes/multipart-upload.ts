/**
 * Receives a multipart upload (issue #9 item 8; generalised for #12): named text fields and up to
 * `maxFiles` parts in one file field, each streamed to a temp file while its size is counted, its
 * sha256 computed and its first bytes kept for the signature check. Nothing holds a whole file in
 * memory; the transaction that stores the files (and locks the complaint) starts only once the upload
 * is complete, so a slow upload never blocks the complaint. Used by evidence (one `file` with
 * `method` and `note`), attachments, letters, and the portal's submission and additions.
 *
 * Every refusal is a 4xx naming the field: 413 `file_too_large` (field `file`, with the limit),
 * 415 `file_type_not_allowed`, 400 `file_empty` / `file_content_mismatch` / `unknown_field` /
 * `invalid_multipart`. After a refusal the rest of the request is read and discarded (bounded by
 * the limits), so the client receives the answer instead of a reset connection.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Multipart, MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { DomainError, isDomainError } from '../../domain/errors.js';
import { isStorableText, printableKey } from '../../domain/text/storable-text.js';
import { ValidationError } from '../../domain/validation.js';
import type { StagedEvidenceFile } from '../../services/workflow/handlers/evidence.handlers.js';
import {
  canonicalType,
  checkEvidenceContent,
  checkEvidenceType,
  fileTooLarge,
  sanitizeFileName,
  SIGNATURE_BYTES,
  type EvidenceSettings,
} from '../../services/workflow/handlers/evidence-file.js';

/** a text field is at most 20,000 characters: 80 KB of UTF-8 at worst (a portal complaint's JSON a little more) */
const FIELD_BYTES = 96 * 1024;
/** what the form around the file may add to the request (boundaries, part headers, the note) */
const FORM_OVERHEAD = 256 * 1024;

export interface ReceivedUpload {
  fields: Record<string, string>;
  file: StagedEvidenceFile | null;
  /** removes the temp file; call it whatever happens next */
  cleanup: () => Promise<void>;
}

/** What one form may carry. */
export interface MultipartShape {
  /** the text fields accepted (each at most once); any other field is refused naming it */
  textFields: readonly string[];
  /** the name of the file parts */
  fileField: string;
  maxFiles: number;
  settings: EvidenceSettings;
  /** the temp folder's name prefix (tests look for leftovers by it) */
  tempPrefix?: string;
}

export interface ReceivedMultipart {
  fields: Record<string, string>;
  files: StagedEvidenceFile[];
  /** removes the temp files; call it whatever happens next */
  cleanup: () => Promise<void>;
}

/** Counts, hashes and keeps the first bytes of what passes through. */
class Inspect extends Transform {
  size = 0;
  head = Buffer.alloc(0);
  private readonly hash = createHash('sha256');
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    this.hash.update(chunk);
    if (this.head.length < SIGNATURE_BYTES) this.head = Buffer.concat([this.head, chunk.subarray(0, SIGNATURE_BYTES - this.head.length)]);
    done(null, chunk);
  }
  digest(): string {
    return this.hash.digest('hex');
  }
}

/** The limits busboy enforces while parsing. */
function limitsFor(shape: MultipartShape) {
  const fields = shape.textFields.length + 2;
  return {
    fileSize: shape.settings.maxBytes,
    files: shape.maxFiles,
    fields,
    parts: fields + shape.maxFiles + 2,
    fieldSize: FIELD_BYTES,
    fieldNameSize: 100,
    headerPairs: 50,
  };
}

/** A declared body that cannot fit is refused before a byte of it is read. */
export function refuseOversizedRequest(req: FastifyRequest, settings: EvidenceSettings, maxFiles = 1): void {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > settings.maxBytes * maxFiles + FORM_OVERHEAD) throw fileTooLarge(settings);
}

/** The evidence form: `method`, `note` and at most one `file`. */
export async function receiveEvidenceUpload(req: FastifyRequest, settings: EvidenceSettings): Promise<ReceivedUpload> {
  const r = await receiveMultipart(req, {
    textFields: ['method', 'note'],
    fileField: 'file',
    maxFiles: 1,
    settings,
    tempPrefix: 'evidence-',
  });
  return { fields: r.fields, file: r.files[0] ?? null, cleanup: r.cleanup };
}

export async function receiveMultipart(req: FastifyRequest, shape: MultipartShape): Promise<ReceivedMultipart> {
  const { settings } = shape;
  if (!req.isMultipart()) {
    throw new DomainError('multipart_required', { contentType: String(req.headers['content-type'] ?? '') }, 'Content-Type');
  }
  refuseOversizedRequest(req, settings, shape.maxFiles);
  const dir = await mkdtemp(path.join(tmpdir(), shape.tempPrefix ?? 'upload-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  const parts = req.parts({ limits: limitsFor(shape) })[Symbol.asyncIterator]();
  const fields = new Map<string, string>();
  const files: StagedEvidenceFile[] = [];
  try {
    for (;;) {
      const next = await parts.next();
      if (next.done) break;
      const part: Multipart = next.value;
      if (part.type === 'file') {
        if (part.fieldname !== shape.fileField) throw unknownField(part.fieldname);
        files.push(await stage(part, path.join(dir, `upload-${files.length}`), settings, shape.fileField, files.length, shape.maxFiles));
      } else {
        if (!shape.textFields.includes(part.fieldname)) throw unknownField(part.fieldname);
        if (fields.has(part.fieldname)) throw new DomainError('duplicate_field', { name: part.fieldname }, part.fieldname);
        if (part.valueTruncated) throw new DomainError('field_too_long', { max: FIELD_BYTES }, part.fieldname);
        const value = String(part.value);
        if (!isStorableText(value)) throw new ValidationError([{ field: part.fieldname, code: 'invalid_characters' }]);
        fields.set(part.fieldname, value);
      }
    }
    return { fields: Object.fromEntries(fields), files, cleanup };
  } catch (err) {
    await drain(parts);
    await cleanup();
    throw asUploadError(err, shape);
  }
}

/**
 * Streams one file part to `target`; refuses a type not allowed before reading it. With several
 * files a refusal names the part (`files[1]`) and the file's name, so the user knows which one.
 */
async function stage(
  part: MultipartFile,
  target: string,
  settings: EvidenceSettings,
  field: string,
  index: number,
  maxFiles: number,
): Promise<StagedEvidenceFile> {
  const name = sanitizeFileName(part.filename || 'file');
  const named = (err: unknown): unknown => {
    if (maxFiles === 1 || !(err instanceof DomainError)) return err;
    return new DomainError(err.code, { ...(err.params as Record<string, unknown>), fileName: name } as never, `${field}[${index}]`);
  };
  try {
    const contentType = canonicalType(part.mimetype, name);
    checkEvidenceType(contentType, settings);
    const inspect = new Inspect();
    await pipeline(part.file, inspect, createWriteStream(target));
    if (part.file.truncated) throw fileTooLarge(settings);
    checkEvidenceContent(contentType, inspect.size, inspect.head, settings);
    return { path: target, name, contentType, size: inspect.size, sha256: inspect.digest() };
  } catch (err) {
    // a part refused before it was read must still be consumed, or the parser never reaches the next part
    part.file.resume();
    throw named(err);
  }
}

/** Reads and discards what is left of the request (each part is bounded by the limits). */
async function drain(parts: AsyncIterator<Multipart>): Promise<void> {
  try {
    for (;;) {
      const next = await parts.next();
      if (next.done) return;
      if (next.value.type === 'file') next.value.file.resume();
    }
  } catch {
    // the parser has stopped: nothing more to read
  }
}

function unknownField(name: string): DomainError {
  return new DomainError('unknown_field', { name: printableKey(name.slice(0, 100)) }, 'body');
}

/** Our refusals as they are; the multipart parser's own errors as 4xx naming the body or the file. */
function asUploadError(err: unknown, shape: MultipartShape): unknown {
  const { settings } = shape;
  if (isDomainError(err)) return err;
  const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
  // the server's own trouble (disk full, temp dir not writable) stays a 5xx
  if (/^E[A-Z]+$/.test(code)) return err;
  switch (code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return fileTooLarge(settings);
    case 'FST_FILES_LIMIT':
      return new DomainError('too_many_files', { max: shape.maxFiles }, shape.fileField);
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new DomainError('too_many_fields', {}, 'body');
    case 'FST_PROTO_VIOLATION':
      return new DomainError('unknown_field', { name: '__proto__' }, 'body');
    default:
      return new DomainError('invalid_multipart', {}, 'body');
  }
}
