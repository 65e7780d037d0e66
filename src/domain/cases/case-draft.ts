/**
 * The first draft of a teaching case, from a closed complaint (#15 item 2, R-G2): its description,
 * how it was investigated and handled, and how it was closed, all through the anonymiser with the
 * complaint's own personal data as known values. Pure.
 */
import type { KnownPersonalData } from '../personal-data/anonymiser.js';
import { anonymiseCase, anonymisedAttachmentNames, defaultCaseTitle, type AnonymisedCase } from './teaching-case.js';

export interface SourceRecord {
  kind: string;
  data: Record<string, unknown>;
}

export interface CaseSource {
  description: string;
  requestedRemedy: string | null;
  records: readonly SourceRecord[];
  fileNames: readonly string[];
}

export interface CaseDraft extends AnonymisedCase {
  causeCodes: string[];
  attachmentNames: string[];
}

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** Which text of a handling record goes into the "handling" section, with its heading. */
const HANDLING: readonly { kind: string; key: string; heading: string }[] = [
  { kind: 'investigation', key: 'plan', heading: '调查方案' },
  { kind: 'findings', key: 'findings', heading: '调查结论' },
  { kind: 'analysis', key: 'strategy', heading: '处理策略' },
  { kind: 'settlement', key: 'terms', heading: '和解条款' },
  { kind: 'feedback', key: 'content', heading: '答复客户' },
];

function handlingText(records: readonly SourceRecord[]): string {
  const parts: string[] = [];
  for (const r of records) {
    const rule = HANDLING.find((h) => h.kind === r.kind);
    const body = rule ? text(r.data[rule.key]) : '';
    if (rule && body) parts.push(`【${rule.heading}】${body}`);
  }
  return parts.join('\n\n');
}

export function composeCaseDraft(source: CaseSource, known: KnownPersonalData, title?: string): CaseDraft {
  const remedy = text(source.requestedRemedy);
  const background = [source.description.trim(), remedy ? `【客户诉求】${remedy}` : ''].filter(Boolean).join('\n\n');
  const closing = source.records.filter((r) => r.kind === 'closing');
  const outcome = closing
    .map((r) => text(r.data.summary))
    .filter(Boolean)
    .join('\n\n');
  const causeCodes = [
    ...new Set(source.records.filter((r) => r.kind === 'analysis').flatMap((r) => (Array.isArray(r.data.causes) ? r.data.causes : []))),
  ].filter((c): c is string => typeof c === 'string');
  const draft = anonymiseCase({ title: '', background, handling: handlingText(source.records), outcome, lessons: '' }, known);
  // the default title is cut from the anonymised background, so it never holds half a phone number
  const withTitle = anonymiseCase({ ...draft.texts, title: title?.trim() || defaultCaseTitle(draft.texts.background) }, known);
  const redactions = { ...draft.redactions, ...(withTitle.redactions.title ? { title: withTitle.redactions.title } : {}) };
  return { texts: withTitle.texts, redactions, causeCodes, attachmentNames: anonymisedAttachmentNames(source.fileNames, known) };
}
