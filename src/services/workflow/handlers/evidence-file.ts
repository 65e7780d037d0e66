/**
 * The rules for an uploaded evidence file (R-D1): which types are accepted (call recordings,
 * scanned letters and photos, office documents, e-mails), how large it may be, that its leading
 * bytes match its declared type for the formats that have a signature, and a name made safe to
 * store and to offer for download. The upload itself is streamed (http/routes/multipart-upload.ts);
 * these checks look at the first bytes only, so nothing here needs the whole file in memory.
 */
import { DomainError } from '../../../domain/errors.js';

const MIB = 1024 * 1024;

/** 50 MiB: an hour-long call recording (mp3 at 96 kbit/s is ~43 MB) or a 100-page scanned letter. */
export const DEFAULT_EVIDENCE_MAX_BYTES = 50 * MIB;

/** The types accepted by default (EVIDENCE_TYPES overrides the list; each must be one of KNOWN_EVIDENCE_TYPES). */
export const DEFAULT_EVIDENCE_TYPES = [
  // call recordings
  'audio/mpeg',
  'audio/wav',
  'audio/mp4',
  'audio/amr',
  'audio/ogg',
  // scans and photos
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/tiff',
  // office documents, e-mails, notes
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'message/rfc822',
  'text/plain',
] as const;

export interface EvidenceSettings {
  /** the largest file accepted, in bytes */
  maxBytes: number;
  /** canonical content types accepted */
  contentTypes: readonly string[];
}

export const DEFAULT_EVIDENCE_SETTINGS: EvidenceSettings = { maxBytes: DEFAULT_EVIDENCE_MAX_BYTES, contentTypes: DEFAULT_EVIDENCE_TYPES };

/** Other names browsers and phones use for the same types. */
const ALIASES: Readonly<Record<string, string>> = {
  'audio/mp3': 'audio/mpeg',
  'audio/x-wav': 'audio/wav',
  'audio/wave': 'audio/wav',
  'audio/vnd.wave': 'audio/wav',
  'audio/x-m4a': 'audio/mp4',
  'audio/m4a': 'audio/mp4',
  'audio/x-amr': 'audio/amr',
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'image/tif': 'image/tiff',
};

/** The type of a file by its extension, when the client sent none or application/octet-stream. */
const BY_EXTENSION: Readonly<Record<string, string>> = {
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  m4a: 'audio/mp4',
  amr: 'audio/amr',
  ogg: 'audio/ogg',
  opus: 'audio/ogg',
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  eml: 'message/rfc822',
  txt: 'text/plain',
};

/** Leading bytes: [offset, bytes] that must all match; a type with several forms lists each. */
type Signature = ReadonlyArray<readonly [number, readonly number[]]>;
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const ZIP: Signature = [[0, [0x50, 0x4b, 0x03, 0x04]]];
const OLE: Signature = [[0, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]]];
const SIGNATURES: Readonly<Record<string, readonly Signature[]>> = {
  'application/pdf': [[[0, ascii('%PDF-')]]],
  'image/jpeg': [[[0, [0xff, 0xd8, 0xff]]]],
  'image/png': [[[0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]]]],
  'image/tiff': [[[0, ascii('II*\0')]], [[0, ascii('MM\0*')]]],
  // an ID3 tag, or straight into an MPEG audio frame (sync bits)
  'audio/mpeg': [
    [[0, ascii('ID3')]],
    [
      [0, [0xff]],
      [1, [0xfb]],
    ],
    [
      [0, [0xff]],
      [1, [0xf3]],
    ],
    [
      [0, [0xff]],
      [1, [0xf2]],
    ],
    [
      [0, [0xff]],
      [1, [0xe3]],
    ],
  ],
  'audio/wav': [
    [
      [0, ascii('RIFF')],
      [8, ascii('WAVE')],
    ],
  ],
  'audio/mp4': [[[4, ascii('ftyp')]]],
  'audio/amr': [[[0, ascii('#!AMR')]]],
  'audio/ogg': [[[0, ascii('OggS')]]],
  'application/msword': [OLE],
  'application/vnd.ms-excel': [OLE],
  // Office Open XML files are zip archives
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': [ZIP],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': [ZIP],
};

/** How many leading bytes the signature check needs. */
export const SIGNATURE_BYTES = 16;

/** Every type this module knows how to check (a configured list may only name these). */
export const KNOWN_EVIDENCE_TYPES: readonly string[] = [...new Set([...DEFAULT_EVIDENCE_TYPES, ...Object.values(BY_EXTENSION)])];

/** The file name extensions (without the dot) of the given types, for a file picker's accept list (#12 portal). */
export function extensionsOf(types: readonly string[]): string[] {
  return Object.entries(BY_EXTENSION)
    .filter(([, type]) => types.includes(type))
    .map(([ext]) => ext);
}

/**
 * The canonical type of an upload from the type the client declared and the file name: aliases
 * resolved, parameters dropped (`text/plain; charset=utf-8`), the extension consulted when the
 * client declared nothing useful.
 */
export function canonicalType(declared: string, fileName: string): string {
  const bare = (declared.split(';')[0] ?? '').trim().toLowerCase();
  if (bare === '' || bare === 'application/octet-stream') {
    const ext = fileName.includes('.') ? (fileName.split('.').pop() ?? '').toLowerCase() : '';
    return BY_EXTENSION[ext] ?? (bare || 'application/octet-stream');
  }
  return ALIASES[bare] ?? bare;
}

/** Refuses a type not in the list: 415 naming the field `file`. */
export function checkEvidenceType(contentType: string, settings: EvidenceSettings): void {
  if (!settings.contentTypes.includes(contentType)) {
    throw new DomainError('file_type_not_allowed', { value: contentType, allowed: settings.contentTypes.join(', ') }, 'file');
  }
}

/** Whether the leading bytes fit the type (true for types without a signature, such as text). */
export function matchesSignature(contentType: string, head: Buffer): boolean {
  const forms = SIGNATURES[contentType];
  if (!forms) return true;
  return forms.some((form) =>
    form.every(([offset, bytes]) => head.length >= offset + bytes.length && bytes.every((b, i) => head[offset + i] === b)),
  );
}

export function fileTooLarge(settings: EvidenceSettings): DomainError {
  return new DomainError('file_too_large', { max: settings.maxBytes, maxMb: Math.floor((settings.maxBytes / MIB) * 10) / 10 }, 'file');
}

/** The checks after the last byte: not empty, not over the limit, the content fits the type. */
export function checkEvidenceContent(contentType: string, size: number, head: Buffer, settings: EvidenceSettings): void {
  if (size === 0) throw new DomainError('file_empty', {}, 'file');
  if (size > settings.maxBytes) throw fileTooLarge(settings);
  if (!matchesSignature(contentType, head)) throw new DomainError('file_content_mismatch', { contentType }, 'file');
}

/**
 * A file name safe to store and to send back: the last path segment, no control or reserved
 * characters, no leading dots, at most 200 characters keeping the extension; "file" when nothing
 * is left.
 */
// eslint-disable-next-line no-control-regex -- control characters are what a file name must not keep
const FORBIDDEN_IN_NAME = /[\u0000-\u001f\u007f<>:"|?*]/g;

export function sanitizeFileName(raw: string): string {
  const base = raw.normalize('NFC').split(/[/\\]/).pop() ?? '';
  let name = base
    .replace(FORBIDDEN_IN_NAME, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if ([...name].length > 200) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
    name = [...name.slice(0, name.length - ext.length)].slice(0, 200 - ext.length).join('') + ext;
  }
  return name === '' ? 'file' : name;
}
