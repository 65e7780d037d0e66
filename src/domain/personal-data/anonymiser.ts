/**
 * Anonymiser (R-G2, also used by retention R-H6): removes personal data from free Chinese/English text.
 * Pure: no I/O.
 *
 * What is found:
 * - names before 先生/女士/小姐 (张先生 -> 某先生: the title stays, the name goes) and known names anywhere;
 * - phone numbers (mobile and landline, with +86/0086 prefixes, spaces, dashes, brackets, full-width
 *   digits); 400/800 service numbers and 95xxx short numbers are company numbers and stay;
 * - e-mail addresses; mainland ID numbers (18 characters with a valid MOD 11-2 check character, or 15
 *   digits); an 18-digit number with a wrong check character is not an ID and is judged by the other rules;
 * - bank card numbers (13-19 digits, grouped or not, Luhn-valid); account and policy numbers only when known;
 * - addresses (admin units + road + number, or a housing estate + building/room) and known addresses.
 * Everything else (amounts, dates, complaint numbers, clause numbers) stays exactly as written.
 *
 * Overlapping findings: the longer one wins, then the more specific kind (known values first). The
 * placeholders contain nothing any rule finds, so anonymising an anonymised text changes nothing.
 */
import {
  ADDRESS,
  BANK_CARD,
  COMPOUND_SURNAMES,
  EMAIL,
  FUNCTION_WORD_SURNAMES,
  ID_NUMBER,
  NAME_TITLES,
  PHONE,
  SINGLE_SURNAMES,
  isMainlandIdNumber,
  luhnValid,
  shadowOf,
} from './anonymiser-patterns.js';

export type PersonalDataKind = 'name' | 'phone' | 'email' | 'id_number' | 'bank_card' | 'account' | 'address';

export interface KnownPersonalData {
  names?: string[];
  phones?: string[];
  emails?: string[];
  idNumbers?: string[];
  accounts?: string[];
  addresses?: string[];
}

/** A placeholder in the output: offsets in the OUTPUT text (UTF-16 units, like String.slice). */
export interface Redaction {
  kind: PersonalDataKind;
  start: number;
  end: number;
}

export interface AnonymisedText {
  text: string;
  redactions: Redaction[];
}

export const PLACEHOLDERS: Record<PersonalDataKind, string> = {
  name: '某',
  phone: '[电话]',
  email: '[邮箱]',
  id_number: '[身份证号]',
  bank_card: '[银行卡号]',
  account: '[账号]',
  address: '[地址]',
};

interface Finding {
  kind: PersonalDataKind;
  start: number;
  end: number;
  /** Lower wins between findings of the same length. */
  rank: number;
}

const RANK_KNOWN = 0;
const RANK: Record<PersonalDataKind, number> = { email: 1, id_number: 2, phone: 3, bank_card: 4, account: 5, address: 6, name: 7 };

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\/-]/gu, '\\$&');
}

function* matches(pattern: RegExp, text: string): Generator<RegExpExecArray> {
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0] === '') {
      re.lastIndex += 1;
      continue;
    }
    yield m;
  }
}

function compact(value: string): string {
  return value.replace(/[\s\-()]/gu, '');
}

function findByRules(shadow: string, out: Finding[]): void {
  for (const m of matches(EMAIL, shadow)) out.push({ kind: 'email', start: m.index, end: m.index + m[0].length, rank: RANK.email });
  for (const m of matches(ID_NUMBER, shadow)) {
    if (isMainlandIdNumber(compact(m[0])))
      out.push({ kind: 'id_number', start: m.index, end: m.index + m[0].length, rank: RANK.id_number });
  }
  for (const m of matches(PHONE, shadow)) out.push({ kind: 'phone', start: m.index, end: m.index + m[0].length, rank: RANK.phone });
  for (const m of matches(BANK_CARD, shadow)) {
    const digits = compact(m[0]);
    if (digits.length >= 13 && digits.length <= 19 && luhnValid(digits)) {
      out.push({ kind: 'bank_card', start: m.index, end: m.index + m[0].length, rank: RANK.bank_card });
    }
  }
  for (const m of matches(ADDRESS, shadow)) out.push({ kind: 'address', start: m.index, end: m.index + m[0].length, rank: RANK.address });
  findTitledNames(shadow, out);
}

function isSurnameStart(candidate: string): boolean {
  const chars = Array.from(candidate);
  if (chars.length >= 2 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join(''))) return chars.length <= 4;
  return SINGLE_SURNAMES.has(chars[0] ?? '') && chars.length <= 3;
}

/** 张先生, 张三女士, 欧阳娜娜女士: the longest run of 1-4 ideographs before the title that starts with a surname. */
function findTitledNames(text: string, out: Finding[]): void {
  for (const title of NAME_TITLES) {
    for (let at = text.indexOf(title); at !== -1; at = text.indexOf(title, at + title.length)) {
      let best: string | null = null;
      for (let length = 1; length <= 4 && length <= at; length++) {
        const candidate = text.slice(at - length, at);
        if (!/^[\u4e00-\u9fff]+$/u.test(candidate) || candidate.includes('某')) break;
        if (!isSurnameStart(candidate)) continue;
        // 向王先生: 向 is a surname and a preposition; keep the shorter name when it also starts with a surname.
        // The name cannot reach past that preposition either (坐席向王先生: not 席向王).
        if (best !== null && FUNCTION_WORD_SURNAMES.has(candidate[0] ?? '') && isSurnameStart(candidate.slice(1))) break;
        best = candidate;
      }
      if (best !== null) out.push({ kind: 'name', start: at - best.length, end: at, rank: RANK.name });
    }
  }
}

/** A pattern for a known value: literal text, or alphanumerics with optional separators between them. */
function knownPattern(value: string, loose: boolean): RegExp | null {
  const trimmed = shadowOf(value.normalize('NFKC')).trim();
  if (loose) {
    let chars = Array.from(trimmed.replace(/[^0-9A-Za-z]/gu, ''));
    if (/^(?:\+|00)86/u.test(trimmed.replace(/[\s\-()]/gu, ''))) chars = chars.slice(trimmed.startsWith('+') ? 2 : 4);
    if (chars.length < 4) return null;
    const body = chars.map(escapeRegExp).join('[\\s\\-]?');
    return new RegExp(`(?<![0-9A-Za-z])(?:(?:\\+|00)86[ -]?)?${body}(?![0-9A-Za-z])`, 'giu');
  }
  if (Array.from(trimmed).length < 2 || /^[某\s]+$/u.test(trimmed)) return null;
  if (/^[\x20-\x7e]+$/u.test(trimmed)) {
    const words = trimmed.split(/\s+/u).map(escapeRegExp).join('\\s+');
    return new RegExp(`(?<![0-9A-Za-z])${words}(?![0-9A-Za-z])`, 'giu');
  }
  // Chinese text: spaces may be added or dropped anywhere (幸福里7号 = 幸福里 7号).
  return new RegExp(Array.from(trimmed.replace(/\s+/gu, '')).map(escapeRegExp).join('\\s*'), 'giu');
}

function findKnown(shadow: string, known: KnownPersonalData, out: Finding[]): void {
  const groups: [PersonalDataKind, string[] | undefined, boolean][] = [
    ['name', known.names, false],
    ['phone', known.phones, true],
    ['email', known.emails, false],
    ['id_number', known.idNumbers, true],
    ['account', known.accounts, true],
    ['address', known.addresses, false],
  ];
  for (const [kind, values, loose] of groups) {
    for (const value of values ?? []) {
      const pattern = knownPattern(value, loose);
      if (pattern === null) continue;
      for (const m of matches(pattern, shadow)) out.push({ kind, start: m.index, end: m.index + m[0].length, rank: RANK_KNOWN });
    }
  }
}

/** Longest first, then by rank, then leftmost; a finding overlapping an accepted one is dropped. */
function resolve(findings: Finding[]): Finding[] {
  const sorted = [...findings].sort((a, b) => b.end - b.start - (a.end - a.start) || a.rank - b.rank || a.start - b.start);
  const accepted: Finding[] = [];
  for (const f of sorted) {
    if (accepted.every((a) => f.end <= a.start || f.start >= a.end)) accepted.push(f);
  }
  return accepted.sort((a, b) => a.start - b.start);
}

export function anonymiseText(text: string, known: KnownPersonalData = {}): AnonymisedText {
  const shadow = shadowOf(text);
  const findings: Finding[] = [];
  findKnown(shadow, known, findings);
  findByRules(shadow, findings);
  let output = '';
  let cursor = 0;
  const redactions: Redaction[] = [];
  for (const f of resolve(findings)) {
    output += text.slice(cursor, f.start);
    const placeholder = PLACEHOLDERS[f.kind];
    redactions.push({ kind: f.kind, start: output.length, end: output.length + placeholder.length });
    output += placeholder;
    cursor = f.end;
  }
  output += text.slice(cursor);
  return { text: output, redactions };
}

/** Anonymises the part before the extension ('张三_13812345678.pdf' with known name 张三 -> '某_[电话].pdf'). */
export function anonymiseFileName(name: string, known: KnownPersonalData = {}): string {
  const dot = name.lastIndexOf('.');
  const hasExtension = dot > 0 && /^\.[0-9A-Za-z]{1,10}$/u.test(name.slice(dot));
  const stem = hasExtension ? name.slice(0, dot) : name;
  const extension = hasExtension ? name.slice(dot) : '';
  return anonymiseText(stem, known).text + extension;
}
