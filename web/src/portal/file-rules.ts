/**
 * The attachment limits in words, and the browser's own check of a chosen file against them (the
 * server checks again, by content): a file that breaks them is refused before anything is sent.
 */
import type { PortalI18n } from './i18n';
import type { PortalKey } from './messages';
import type { AttachmentLimits } from './types';

type Kind = 'photo' | 'pdf' | 'audio' | 'word' | 'excel' | 'mail' | 'text';

/** The kind of each type and extension the server may allow, in the order a customer thinks of them. */
const KINDS: ReadonlyArray<{ kind: Kind; types: RegExp; extensions: readonly string[] }> = [
  { kind: 'photo', types: /^image\//, extensions: ['jpg', 'jpeg', 'png', 'tif', 'tiff', 'heic', 'gif', 'webp'] },
  { kind: 'pdf', types: /^application\/pdf$/, extensions: ['pdf'] },
  { kind: 'audio', types: /^audio\//, extensions: ['mp3', 'wav', 'm4a', 'amr', 'ogg', 'opus'] },
  { kind: 'word', types: /msword|wordprocessingml/, extensions: ['doc', 'docx'] },
  { kind: 'excel', types: /ms-excel|spreadsheetml/, extensions: ['xls', 'xlsx'] },
  { kind: 'mail', types: /^message\/rfc822$/, extensions: ['eml'] },
  { kind: 'text', types: /^text\/plain$/, extensions: ['txt'] },
];

const extensionOf = (name: string) => (name.includes('.') ? (name.split('.').pop() ?? '').toLowerCase() : '');

/** "50 MB", "1.5 MB", "800 KB". */
export function sizeInWords(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** "照片或扫描图片（JPG、PNG）、PDF 文件、录音（MP3、M4A）": the allowed kinds with their extensions. */
export function typesInWords(limits: AttachmentLimits, t: PortalI18n['t']): string {
  const allowed = new Set(limits.extensions.map((e) => e.replace(/^\./, '').toLowerCase()));
  const parts: string[] = [];
  for (const k of KINDS) {
    const exts = k.extensions.filter((e) => allowed.has(e));
    if (exts.length === 0 && !limits.types.some((type) => k.types.test(type))) continue;
    const words = t(`files.kind.${k.kind}` as PortalKey);
    // JPEG and TIF are JPG and TIFF again; "PDF 文件" names its one extension already
    const shown = exts.filter((e) => e !== 'jpeg' && e !== 'tif' && e !== 'pdf').map((e) => e.toUpperCase());
    parts.push(shown.length > 0 ? t('files.kindWith', { kind: words, extensions: shown.join(t('list.sep')) }) : words);
  }
  return parts.join(t('list.sep'));
}

/** The `accept` of the file input: the extensions and the types. */
export function acceptOf(limits: AttachmentLimits): string {
  return [...limits.extensions.map((e) => (e.startsWith('.') ? e : `.${e}`)), ...limits.types].join(',');
}

/** Why a file may not be attached, in words; null when it may. */
export function refusalOf(file: File, limits: AttachmentLimits, t: PortalI18n['t']): string | null {
  const ext = extensionOf(file.name);
  const allowed = limits.extensions.some((e) => e.replace(/^\./, '').toLowerCase() === ext) || limits.types.includes(file.type);
  if (!allowed) return t('files.refusedType', { name: file.name });
  if (file.size === 0) return t('files.refusedEmpty', { name: file.name });
  if (file.size > limits.maxBytes) return t('files.refusedSize', { name: file.name, max: sizeInWords(limits.maxBytes) });
  return null;
}

/**
 * The files chosen added to those already there, within the limits: what is kept and a refusal per
 * file left out (wrong type, empty, too large, one too many, the same file twice).
 */
export function addFiles(
  current: readonly File[],
  chosen: readonly File[],
  limits: AttachmentLimits,
  t: PortalI18n['t'],
): { files: File[]; refused: string[] } {
  const files = [...current];
  const refused: string[] = [];
  for (const f of chosen) {
    const why = refusalOf(f, limits, t);
    if (why) refused.push(why);
    else if (files.some((x) => x.name === f.name && x.size === f.size)) refused.push(t('files.refusedTwice', { name: f.name }));
    else if (files.length >= limits.maxFiles) refused.push(t('files.refusedCount', { name: f.name, max: String(limits.maxFiles) }));
    else files.push(f);
  }
  return { files, refused };
}
