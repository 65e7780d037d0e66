/**
 * Masking of complainants' personal data for API responses (PIPL, R-H1). Pure functions, no I/O.
 *
 * Conventions shared by all functions:
 * - null, undefined, '' and whitespace-only input give null (nothing to show);
 * - lengths are counted in code points (Array.from), so a Chinese character counts as one;
 * - '*' marks one hidden character where the length is preserved (ID numbers, accounts, phones),
 *   '***' / '****' are fixed markers where it is not (e-mail local parts, addresses).
 */
import { normalizePhone } from '../complaint/contact.js';

export interface ComplainantPersonalData {
  name: string;
  phone: string | null;
  email: string | null;
  address: string | null;
  idType: string | null;
  idNumber: string | null;
  account: string | null;
}

/** Fields of ComplainantPersonalData that maskComplainant changes. */
export const MASKED_FIELDS = ['phone', 'email', 'address', 'idNumber', 'account'] as const;

export type MaskedField = (typeof MASKED_FIELDS)[number];

type Input = string | null | undefined;

/** Code points of the trimmed value, or null when there is nothing to mask. */
function codePoints(value: Input): string[] | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : Array.from(trimmed);
}

/** Code points without whitespace and dashes (ID numbers and accounts are often written in groups). */
function compactCodePoints(value: Input): string[] | null {
  const compact = (value ?? '').replace(/[\s\-－]/gu, '');
  return compact === '' ? null : Array.from(compact);
}

/** Shows `head` leading and `tail` trailing code points and one '*' for every hidden one. */
function keepEnds(chars: readonly string[], head: number, tail: number): string {
  const hidden = chars.length - head - tail;
  if (hidden <= 0) return '*'.repeat(chars.length);
  return chars.slice(0, head).join('') + '*'.repeat(hidden) + chars.slice(chars.length - tail).join('');
}

/** Visible digits of a phone number: 3 + 4 from 11 digits on, otherwise at most half. */
function phoneVisible(length: number): { head: number; tail: number } {
  if (length >= 11) return { head: 3, tail: 4 };
  const visible = Math.floor(length / 2);
  const tail = Math.min(4, Math.ceil(visible / 2));
  return { head: Math.min(3, visible - tail), tail };
}

/**
 * '13812345678' -> '138****5678'. Spaces, dashes, brackets and a +86/0086 prefix are dropped first
 * ('021-12345678' -> '021****5678'). Numbers of 11 digits or more show the first 3 and the last 4
 * digits; shorter ones show at most half of their digits ('12345678' -> '12****78'). Full-width
 * digits count as digits; input without any digit gives '****'.
 */
export function maskPhone(phone: Input): string | null {
  if (codePoints(phone) === null) return null;
  const digits = Array.from(normalizePhone((phone ?? '').normalize('NFKC')));
  if (digits.length === 0) return '****';
  const { head, tail } = phoneVisible(digits.length);
  return keepEnds(digits, head, tail);
}

/**
 * 'wang.xiaoming@example.com' -> 'w***@example.com': first character of the local part, domain kept.
 * Anything that does not look like local@domain (one '@', both sides non-empty, no spaces) -> '***'.
 */
export function maskEmail(email: Input): string | null {
  const chars = codePoints(email);
  if (chars === null) return null;
  const value = chars.join('');
  const at = value.indexOf('@');
  const local = Array.from(value.slice(0, at));
  const domain = value.slice(at + 1);
  const valid = at > 0 && domain !== '' && !domain.includes('@') && !/\s/u.test(value);
  return valid ? `${local[0] ?? ''}***@${domain}` : '***';
}

/** Values shorter than 8 show only their last 2 characters (none when 2 or fewer). */
function maskShort(chars: readonly string[]): string {
  return keepEnds(chars, 0, chars.length > 2 ? 2 : 0);
}

/**
 * '110101199003071234' -> '110***********1234': first 3 and last 4 kept, length preserved.
 * Spaces and dashes are removed first; values shorter than 8 show only their last 2 characters.
 */
export function maskIdNumber(idNumber: Input): string | null {
  const chars = compactCodePoints(idNumber);
  if (chars === null) return null;
  return chars.length < 8 ? maskShort(chars) : keepEnds(chars, 3, 4);
}

/**
 * '6222021234567890123' -> '***************0123': only the last 4 kept, length preserved.
 * Spaces and dashes are removed first; values shorter than 8 show only their last 2 characters.
 */
export function maskAccount(account: Input): string | null {
  const chars = compactCodePoints(account);
  if (chars === null) return null;
  return chars.length < 8 ? maskShort(chars) : keepEnds(chars, 0, 4);
}

/** Code points of an address shown before the '****' marker. */
export const ADDRESS_VISIBLE_CHARS = 6;

/**
 * Keeps the first ADDRESS_VISIBLE_CHARS code points + '****':
 * '上海市浦东新区世纪大道100号' -> '上海市浦东新****'. Addresses of ADDRESS_VISIBLE_CHARS or fewer code
 * points keep the first 2 (at most length - 1, so at least one is always hidden) + '****'.
 */
export function maskAddress(address: Input): string | null {
  const chars = codePoints(address);
  if (chars === null) return null;
  const keep = chars.length > ADDRESS_VISIBLE_CHARS ? ADDRESS_VISIBLE_CHARS : Math.min(2, chars.length - 1);
  return `${chars.slice(0, keep).join('')}****`;
}

/** Masks every field in MASKED_FIELDS; name and idType are returned unchanged. */
export function maskComplainant(c: ComplainantPersonalData): ComplainantPersonalData {
  return {
    name: c.name,
    phone: maskPhone(c.phone),
    email: maskEmail(c.email),
    address: maskAddress(c.address),
    idType: c.idType,
    idNumber: maskIdNumber(c.idNumber),
    account: maskAccount(c.account),
  };
}
