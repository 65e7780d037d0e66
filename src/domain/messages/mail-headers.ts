/**
 * What the e-mail intake reads from a message's header block before (and whatever) the full parse
 * does (#12 item 2): the Message-ID it is deduplicated by, the sender and subject shown in the
 * inbound list, and the headers that mark automatic mail. Reading stops at the first empty line (or
 * after 256 KiB), so a broken body never stops it. Pure: bytes in, values out.
 */
import { createHash } from 'node:crypto';

/** Header names in lower case, each with its values in order, unfolded. */
export type HeaderMap = ReadonlyMap<string, readonly string[]>;

const HEADER_LIMIT = 256 * 1024;

/** The header block: up to the first empty line (CRLF or LF), or the first 256 KiB. */
function headerBlock(raw: Buffer): string {
  const head = raw.subarray(0, HEADER_LIMIT);
  const text = head.toString('latin1');
  const crlf = text.indexOf('\r\n\r\n');
  const lf = text.indexOf('\n\n');
  const ends = [crlf, lf].filter((i) => i >= 0);
  const end = ends.length > 0 ? Math.min(...ends) : text.length;
  // header values are ASCII or (RFC 6532) UTF-8: decoded as UTF-8 where the bytes allow it
  return Buffer.from(text.slice(0, end), 'latin1').toString('utf8');
}

/** The message's headers (names lower-cased, continuation lines joined). Lines that are not headers are skipped. */
export function readHeaders(raw: Buffer): HeaderMap {
  const headers = new Map<string, string[]>();
  let current: { name: string; value: string } | null = null;
  const flush = () => {
    if (!current) return;
    const list = headers.get(current.name) ?? [];
    list.push(current.value.trim());
    headers.set(current.name, list);
    current = null;
  };
  for (const line of headerBlock(raw).split(/\r?\n/)) {
    if (/^[ \t]/.test(line)) {
      if (current) (current as { value: string }).value += ` ${line.trim()}`;
      continue;
    }
    flush();
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!/^[\x21-\x39\x3b-\x7e]+$/.test(name)) continue;
    current = { name, value: line.slice(colon + 1) };
  }
  flush();
  return headers;
}

/** The first value of a header, or null. */
export function header(headers: HeaderMap, name: string): string | null {
  return headers.get(name.toLowerCase())?.[0] ?? null;
}

/** Decodes a byte string in a charset the runtime knows, else as UTF-8. */
function decodeCharset(bytes: Buffer, charset: string): string {
  try {
    return new TextDecoder(charset.toLowerCase() === 'gb2312' ? 'gbk' : charset).decode(bytes);
  } catch {
    return bytes.toString('utf8');
  }
}

/** RFC 2047 encoded words (=?charset?B|Q?text?=), as Chinese mail clients write subjects and names. */
export function decodeMimeWords(value: string): string {
  // whitespace between two encoded words is not part of the text
  const joined = value.replace(/(=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=)\s+(?==\?)/g, '$1');
  return joined.replace(/=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=/g, (_m, charset: string, enc: string, text: string) => {
    const bare = charset.split('*')[0] ?? charset;
    if (enc.toUpperCase() === 'B') return decodeCharset(Buffer.from(text, 'base64'), bare);
    const bytes = text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_x, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return decodeCharset(Buffer.from(bytes, 'latin1'), bare);
  });
}

const ADDRESS = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

/** Whether the text is a plain e-mail address (local@domain.tld). */
export function isEmailAddress(value: string): boolean {
  return value.length <= 254 && ADDRESS.test(value);
}

/**
 * The address of a From/Return-Path value: inside <…> when there are brackets (`<>` is the null
 * sender: ''), else the first address-looking word; null when there is none. Lower-cased.
 */
export function addressOf(value: string | null): string | null {
  if (value === null) return null;
  const bracketed = /<([^<>]*)>/.exec(value);
  if (bracketed) {
    const inner = (bracketed[1] ?? '').trim().toLowerCase();
    return inner === '' || isEmailAddress(inner) ? inner : null;
  }
  const word = value
    .replace(/\([^()]*\)/g, ' ')
    .split(/[\s,;]+/)
    .find((w) => w.includes('@'));
  const candidate = word?.replace(/^"+|"+$/g, '').toLowerCase();
  return candidate !== undefined && isEmailAddress(candidate) ? candidate : null;
}

/** The longest Message-ID kept as it is; a longer one is replaced by its hash (the unique index has a size limit). */
export const MESSAGE_ID_MAX = 500;

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/**
 * The key a message is deduplicated by: its Message-ID (<…> as sent, whitespace removed); without
 * one, `<sha256 of the raw message@no-message-id>`, so the same bytes delivered twice are one message.
 */
export function dedupeKey(headers: HeaderMap, raw: Buffer): string {
  const given = header(headers, 'message-id')?.replace(/\s+/g, '') ?? '';
  const id = /<[^<>]+>/.exec(given)?.[0] ?? (given === '' ? '' : `<${given.replace(/[<>]/g, '')}>`);
  if (id === '' || id === '<>') return `<${sha256(raw)}@no-message-id>`;
  if (id.length > MESSAGE_ID_MAX) return `<${sha256(id)}@long-message-id>`;
  return id;
}

/** The Message-IDs an In-Reply-To or References value names, in order, each once. */
export function messageIdsIn(value: string | null): string[] {
  if (value === null) return [];
  return [...new Set(value.match(/<[^<>\s]+>/g) ?? [])].filter((id) => id.length <= MESSAGE_ID_MAX);
}

/** Text the database can store: NUL and unpaired surrogates removed, at most `max` characters. */
export function storable(value: string, max: number): string {
  // eslint-disable-next-line no-control-regex -- NUL is what PostgreSQL refuses in text
  const clean = value.replace(/\u0000/g, '').replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
  return [...clean].length > max ? [...clean].slice(0, max).join('') : clean;
}
