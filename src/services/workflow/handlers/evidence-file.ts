/**
 * An uploaded evidence file (R-D1): base64 in the JSON body, at most 3 MiB decoded, one of a few
 * content types, whose leading bytes must match the type for the formats that have a signature,
 * and a name made safe to store and to offer for download.
 */
import { createHash } from 'node:crypto';
import { ValidationError } from '../../../domain/validation.js';

export const EVIDENCE_MAX_BYTES = 3 * 1024 * 1024;

/** The request body that carries a file of EVIDENCE_MAX_BYTES: base64 (4/3) plus the JSON around it. */
export const EVIDENCE_BODY_LIMIT = Math.ceil(EVIDENCE_MAX_BYTES / 3) * 4 + 64 * 1024;

export const EVIDENCE_CONTENT_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'text/plain',
  'audio/mpeg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** Leading bytes of the formats that have a signature (Office Open XML files are zip archives). */
const SIGNATURES: Readonly<Record<string, readonly number[]>> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ZIP,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ZIP,
};

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export interface CheckedFile {
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  content: Buffer;
}

/**
 * A file name safe to store and to send back: the last path segment, no control or reserved
 * characters, no leading dots, at most 200 characters keeping the extension; "file" when nothing
 * is left.
 */
export function sanitizeFileName(raw: string): string {
  const base = raw.normalize('NFC').split(/[/\\]/).pop() ?? '';
  let name = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_').replace(/\s+/g, ' ').trim().replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  if ([...name].length > 200) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
    name = [...name.slice(0, name.length - ext.length)].slice(0, 200 - ext.length).join('') + ext;
  }
  return name === '' ? 'file' : name;
}

export function matchesSignature(contentType: string, content: Buffer): boolean {
  const sig = SIGNATURES[contentType];
  return !sig || (content.length >= sig.length && sig.every((b, i) => content[i] === b));
}

/** Decodes and checks an uploaded file; every problem is a 400 naming file.contentType, file.base64 or file.size. */
export function checkEvidenceFile(file: { name: string; contentType: string; base64: string }): CheckedFile {
  const contentType = file.contentType.trim().toLowerCase();
  if (!(EVIDENCE_CONTENT_TYPES as readonly string[]).includes(contentType)) {
    throw new ValidationError([{ field: 'file.contentType', code: 'file_type_not_allowed', params: { value: file.contentType, allowed: EVIDENCE_CONTENT_TYPES.join(', ') } }]);
  }
  // the length bounds the decoded size before anything is decoded
  if (Math.floor((file.base64.length * 3) / 4) - 2 > EVIDENCE_MAX_BYTES) throw tooLarge();
  if (!BASE64.test(file.base64)) throw new ValidationError([{ field: 'file.base64', code: 'invalid_base64' }]);
  const content = Buffer.from(file.base64, 'base64');
  if (content.length === 0) throw new ValidationError([{ field: 'file.size', code: 'file_empty' }]);
  if (content.length > EVIDENCE_MAX_BYTES) throw tooLarge();
  if (!matchesSignature(contentType, content)) throw new ValidationError([{ field: 'file.base64', code: 'file_content_mismatch', params: { contentType } }]);
  return { name: sanitizeFileName(file.name), contentType, size: content.length, sha256: createHash('sha256').update(content).digest('hex'), content };
}

function tooLarge(): ValidationError {
  return new ValidationError([{ field: 'file.size', code: 'file_too_large', params: { max: EVIDENCE_MAX_BYTES } }]);
}
