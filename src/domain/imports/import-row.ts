/**
 * What a column mapping (tdi-mapping.ts, cfpb-mapping.ts) makes of one CSV row: an imported
 * complaint in our codes, or the problems that keep the row out. Pure; the import service
 * (services/imports) reads the file, checks the codes against the current policy and writes.
 */
import { isStorableText } from '../text/storable-text.js';
import { isValidDateString } from '../time/zoned.js';
import type { ImportMapping } from '../codes.js';
import { categoryFitsLine } from '../policy/category-lines.js';
import type { Policy } from '../policy/policy.schema.js';

/** What keeps a row out (messages: import-messages.ts). */
export const IMPORT_ROW_ISSUES = [
  'missing_columns',
  'column_count',
  'unterminated_quote',
  'required',
  'invalid_date',
  'in_future',
  'closed_before_received',
  'duplicate_in_file',
  'invalid_characters',
  'too_long',
  'inactive_code',
  'category_not_of_business_line',
] as const;
export type ImportRowIssueCode = (typeof IMPORT_ROW_ISSUES)[number];

export interface ImportRowIssue {
  /** the CSV column (source header) or our field the problem is about; null for the whole row */
  column: string | null;
  problem: ImportRowIssueCode;
  params?: Record<string, string | number>;
}

/** Outcomes a closed imported complaint can have (policy outcome codes). */
export type ImportedOutcome = 'upheld' | 'partly_upheld' | 'not_upheld' | 'withdrawn';

export interface ImportedComplaint {
  /** the complaint's id in its source (unique per source) */
  sourceId: string;
  channel: string;
  businessLine: string;
  category: string;
  /** the source's own product name, kept as written */
  product: string | null;
  /** the source's text followed by every column of the row ("Column: value"), so nothing is lost */
  description: string;
  /** local dates, YYYY-MM-DD */
  receivedOn: string;
  /** null: still open at the source (imported open, clocks planned from the receipt) */
  closedOn: string | null;
  /** null exactly when open */
  outcome: ImportedOutcome | null;
  /** cause codes the source's reasons map to (an analysis record); may be empty */
  causes: string[];
  customerGroup: string | null;
  complainantName: string;
  complainantAddress: string | null;
  /** whom the complaint is against, as the source names it */
  subjectParty: string | null;
}

export type MappedRow = { ok: true; complaint: ImportedComplaint } | { ok: false; sourceId: string | null; issues: ImportRowIssue[] };

export interface ImportMappingSpec {
  mapping: ImportMapping;
  /** stored in complaints.import_source */
  source: string;
  /** zh and en names of the data set */
  label: { zh: string; en: string };
  /** the columns every file must have (the rest are kept in the description when present) */
  requiredColumns: readonly string[];
  /** the column holding the row's id in the source (reported with row errors) */
  idColumn: string;
  /** maps one row (header -> value); `today` is the local date of the import */
  map(row: Readonly<Record<string, string>>, today: string): MappedRow;
}

/** Longest text kept in one field (the intake form's description limit is far below). */
export const MAX_DESCRIPTION = 100_000;

/** A date as M/D/YYYY (US) or YYYY-MM-DD, as a valid local date string; null when neither. */
export function parseSourceDate(value: string): string | null {
  const v = value.trim();
  let y: string, m: string, d: string;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(v);
  if (us) [, m, d, y] = us as unknown as [string, string, string, string];
  else if (iso) [, y, m, d] = iso as unknown as [string, string, string, string];
  else return null;
  const date = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isValidDateString(date) ? date : null;
}

/** Checks the received and closed dates of a row; adds issues, returns the parsed dates. */
export function checkDates(
  received: { column: string; value: string },
  closed: { column: string; value: string } | null,
  today: string,
  issues: ImportRowIssue[],
): { receivedOn: string | null; closedOn: string | null } {
  const receivedOn = requiredDate(received.column, received.value, today, issues);
  let closedOn: string | null = null;
  if (closed && closed.value.trim() !== '') {
    closedOn = requiredDate(closed.column, closed.value, today, issues);
    if (receivedOn && closedOn && closedOn < receivedOn) {
      issues.push({ column: closed.column, problem: 'closed_before_received', params: { closed: closedOn, received: receivedOn } });
    }
  }
  return { receivedOn, closedOn };
}

function requiredDate(column: string, value: string, today: string, issues: ImportRowIssue[]): string | null {
  if (value.trim() === '') {
    issues.push({ column, problem: 'required' });
    return null;
  }
  const date = parseSourceDate(value);
  if (!date) {
    issues.push({ column, problem: 'invalid_date', params: { value: value.slice(0, 40) } });
    return null;
  }
  if (date > today) {
    issues.push({ column, problem: 'in_future', params: { value: date } });
    return null;
  }
  return date;
}

/** The row's columns as "Column: value" lines (empty ones left out), after a heading. */
export function originalValues(heading: string, row: Readonly<Record<string, string>>, skip: readonly string[] = []): string {
  const lines = [heading];
  for (const [column, value] of Object.entries(row)) {
    if (skip.includes(column) || value.trim() === '') continue;
    lines.push(`${column}: ${value.trim()}`);
  }
  return lines.join('\n');
}

/** Text checks every mapped value passes: storable in PostgreSQL, within the length limit. */
export function textIssues(row: Readonly<Record<string, string>>, description: string): ImportRowIssue[] {
  const issues: ImportRowIssue[] = [];
  for (const [column, value] of Object.entries(row)) {
    if (!isStorableText(value)) issues.push({ column, problem: 'invalid_characters' });
  }
  if (description.length > MAX_DESCRIPTION) issues.push({ column: null, problem: 'too_long', params: { max: MAX_DESCRIPTION } });
  return issues;
}

/**
 * The codes a mapped complaint uses must be active in the current policy (an administrator may
 * have deactivated one), and its category must belong to its business line.
 */
export function policyIssues(c: ImportedComplaint, policy: Policy): ImportRowIssue[] {
  const issues: ImportRowIssue[] = [];
  const t = policy.taxonomies;
  const check = (list: ReadonlyArray<{ code: string; active: boolean }>, field: string, value: string | null) => {
    if (value === null) return;
    if (!list.some((e) => e.code === value && e.active)) issues.push({ column: field, problem: 'inactive_code', params: { field, value } });
  };
  check(t.channels, 'channel', c.channel);
  check(t.businessLines, 'businessLine', c.businessLine);
  check(t.categories, 'category', c.category);
  check(t.outcomes, 'outcome', c.outcome);
  for (const cause of c.causes) check(t.causes, 'causes', cause);
  if (c.customerGroup !== null && 'customerGroups' in t && Array.isArray(t.customerGroups)) {
    check(t.customerGroups as ReadonlyArray<{ code: string; active: boolean }>, 'customerGroup', c.customerGroup);
  }
  if (issues.length === 0 && !categoryFitsLine(t.categoryLines, c.category, c.businessLine)) {
    issues.push({
      column: 'category',
      problem: 'category_not_of_business_line',
      params: { category: c.category, businessLine: c.businessLine },
    });
  }
  return issues;
}
