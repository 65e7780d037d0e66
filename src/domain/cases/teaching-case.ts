/**
 * Teaching cases (教学案例, #15 item 2, R-G2): the steps a case takes, and its texts run through the
 * anonymiser on every save. Pure: no I/O, time is not needed.
 *
 *   draft --submit--> in_review --approve--> published --withdraw--> withdrawn
 *     ^                  |  \--reject--> rejected --save/submit--> (draft / in_review)
 *     \-----recall-------/
 */
import { DomainError } from '../errors.js';
import {
  PLACEHOLDERS,
  anonymiseFileName,
  anonymiseText,
  type KnownPersonalData,
  type PersonalDataKind,
  type Redaction,
} from '../personal-data/anonymiser.js';

export const CASE_STATUSES = ['draft', 'in_review', 'published', 'rejected', 'withdrawn'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export type CaseStep = 'save' | 'submit' | 'recall' | 'approve' | 'reject' | 'withdraw';

const STEPS: Readonly<Record<CaseStep, { from: readonly CaseStatus[]; to: CaseStatus }>> = {
  save: { from: ['draft', 'rejected'], to: 'draft' },
  submit: { from: ['draft', 'rejected'], to: 'in_review' },
  recall: { from: ['in_review'], to: 'draft' },
  approve: { from: ['in_review'], to: 'published' },
  reject: { from: ['in_review'], to: 'rejected' },
  withdraw: { from: ['published'], to: 'withdrawn' },
};

/** The status after the step, or case_step_refused (409) naming the current status. */
export function nextCaseStatus(step: CaseStep, status: CaseStatus): CaseStatus {
  const rule = STEPS[step];
  if (!rule.from.includes(status)) throw new DomainError('case_step_refused', { status });
  return rule.to;
}

/** Steps of the reviewer (approve, reject, withdraw): never by the proposer (four eyes). */
export function assertNotOwnCase(proposedBy: string, reviewer: string): void {
  if (proposedBy === reviewer) throw new DomainError('case_self_review');
}

/** The case's texts; every one is anonymised before it is stored. */
export const CASE_TEXT_FIELDS = ['title', 'background', 'handling', 'outcome', 'lessons'] as const;
export type CaseTextField = (typeof CASE_TEXT_FIELDS)[number];
export type CaseTexts = Record<CaseTextField, string>;

export interface AnonymisedCase {
  texts: CaseTexts;
  /** placeholders per field, offsets in the stored text; fields without any are left out */
  redactions: Partial<Record<CaseTextField, Redaction[]>>;
}

/**
 * The placeholders already in a text (from an earlier save): the bracketed ones anywhere, 某 before
 * a title (某先生). Another 某 (某些, 某公司) is ordinary Chinese and is not marked.
 */
export function placeholdersIn(text: string): Redaction[] {
  const found: Redaction[] = [];
  for (const [kind, placeholder] of Object.entries(PLACEHOLDERS) as [PersonalDataKind, string][]) {
    if (kind === 'name') continue;
    for (let at = text.indexOf(placeholder); at !== -1; at = text.indexOf(placeholder, at + placeholder.length))
      found.push({ kind, start: at, end: at + placeholder.length });
  }
  for (const m of text.matchAll(/某(?=先生|女士|小姐)/gu)) found.push({ kind: 'name', start: m.index, end: m.index + 1 });
  return found;
}

/** Both lists, one entry per placeholder, in text order. */
function mergeRedactions(a: readonly Redaction[], b: readonly Redaction[]): Redaction[] {
  const byStart = new Map<number, Redaction>();
  for (const r of [...a, ...b]) if (!byStart.has(r.start)) byStart.set(r.start, r);
  return [...byStart.values()].sort((x, y) => x.start - y.start);
}

/**
 * Runs the anonymiser over every text: a person's edit cannot re-introduce a phone number. The
 * redactions list every placeholder of the result, those of earlier saves included.
 */
export function anonymiseCase(texts: CaseTexts, known: KnownPersonalData): AnonymisedCase {
  const out = { ...texts };
  const redactions: AnonymisedCase['redactions'] = {};
  for (const field of CASE_TEXT_FIELDS) {
    const result = anonymiseText(texts[field].trim(), known);
    out[field] = result.text;
    const all = mergeRedactions(result.redactions, placeholdersIn(result.text));
    if (all.length > 0) redactions[field] = all;
  }
  return { texts: out, redactions };
}

/** Attachment names of the source complaint, anonymised and without duplicates. */
export function anonymisedAttachmentNames(names: readonly string[], known: KnownPersonalData): string[] {
  return [...new Set(names.map((n) => anonymiseFileName(n, known)))];
}

/** The complainant's data as the anonymiser's `known` values (empty fields left out). */
export function knownPersonalData(c: {
  name: string | null;
  phone: string | null;
  email: string | null;
  idNumber: string | null;
  account: string | null;
  address: string | null;
}): KnownPersonalData {
  const list = (v: string | null) => (v && v.trim() ? [v.trim()] : []);
  return {
    names: list(c.name),
    phones: list(c.phone),
    emails: list(c.email),
    idNumbers: list(c.idNumber),
    accounts: list(c.account),
    addresses: list(c.address),
  };
}

/** Lesson tags: trimmed, no empties, no duplicates (case-insensitive), at most 20. */
export function normaliseLessonTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const tag of tags) {
    const t = tag.trim().replace(/\s+/gu, ' ');
    if (!t || seen.has(t.toLowerCase())) continue;
    seen.add(t.toLowerCase());
    out.push(t);
  }
  return out.slice(0, 20);
}

/** The lower-cased text the free-text search looks in. */
export function caseSearchText(texts: CaseTexts, tags: { causeCodes: readonly string[]; lessonTags: readonly string[] }): string {
  return [...CASE_TEXT_FIELDS.map((f) => texts[f]), ...tags.causeCodes, ...tags.lessonTags].join('\n').toLowerCase();
}

/** A default title from the first sentence of the (anonymised) background. */
export function defaultCaseTitle(background: string): string {
  const first = background.split(/[。！？!?\n]/u)[0]?.trim() ?? '';
  const chars = Array.from(first);
  return chars.length === 0 ? '教学案例' : chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : first;
}
