/**
 * The ledger's state lives in the address (shareable, survives going back, is what a saved view
 * stores): these are the parameters the page understands, all passed to GET /api/complaints as they
 * are. Pure: unit-tested in ledger-params.test.ts.
 */
import { LEDGER_COLUMNS, LEDGER_SORTS, type LedgerColumn, type LedgerSort } from '../../codes';

export const LIST_FILTERS = ['status', 'level', 'channel', 'businessLine', 'category'] as const;
export const TEXT_FILTERS = [
  'q',
  'branch',
  'receivedFrom',
  'receivedTo',
  'overdue',
  'mine',
  'unassigned',
  'dueWithinHours',
  'contact',
  'idNumber',
  'account',
  // major complaints (#14): a checkbox of its own, also what a statistics figure's `major=true` opens
  'major',
] as const;
/**
 * The drill-down of statistics (#13): a figure opens the ledger with these; the page shows them as
 * one removable "from statistics" tag and passes them to the API as they are.
 */
export const DRILL_FILTERS = [
  'closedFrom',
  'closedTo',
  'openAt',
  'branchId',
  'product',
  'cause',
  'department',
  'handler',
  'outcome',
  'customerGroup',
  'imported',
  'timeliness',
  'reopened',
  'surveyed',
  'satisfied',
  'compensated',
  'amountGiven',
  'riskFlag',
] as const;
export type DrillFilter = (typeof DRILL_FILTERS)[number];

/** Exact-value searches: a complainant's phone or e-mail, ID document number, account number. */
export const EXACT_FILTERS = ['contact', 'idNumber', 'account'] as const;
export type ExactFilter = (typeof EXACT_FILTERS)[number];

export type ListFilter = (typeof LIST_FILTERS)[number];
export type TextFilter = (typeof TEXT_FILTERS)[number];
export type { LedgerSort };

export const COLUMNS = LEDGER_COLUMNS;
export type ColumnKey = LedgerColumn;
export const DEFAULT_COLUMNS: readonly ColumnKey[] = [
  'number',
  'level',
  'status',
  'channel',
  'category',
  'complainant',
  'receivedAt',
  'nextDue',
];

export interface LedgerState {
  lists: Record<ListFilter, string[]>;
  texts: Partial<Record<TextFilter, string>>;
  /** drill-down parameters from a statistics figure, passed through */
  drill: Partial<Record<DrillFilter, string>>;
  sort: LedgerSort;
  order: 'asc' | 'desc';
}

export function readState(params: URLSearchParams): LedgerState {
  const lists = Object.fromEntries(LIST_FILTERS.map((k) => [k, params.get(k)?.split(',').filter(Boolean) ?? []])) as Record<
    ListFilter,
    string[]
  >;
  const texts: Partial<Record<TextFilter, string>> = {};
  for (const k of TEXT_FILTERS) {
    const v = params.get(k)?.trim();
    if (v) texts[k] = v;
  }
  const drill: Partial<Record<DrillFilter, string>> = {};
  for (const k of DRILL_FILTERS) {
    const v = params.getAll(k).join(',').trim();
    if (v) drill[k] = v;
  }
  const sortParam = params.get('sort');
  const sort = (LEDGER_SORTS as readonly string[]).includes(sortParam ?? '') ? (sortParam as LedgerSort) : 'receivedAt';
  const order = params.get('order') === 'asc' ? 'asc' : 'desc';
  return { lists, texts, drill, sort, order };
}

/** The API query (without paging) for a state: what the ledger lists and what the export exports. */
export function apiParams(s: LedgerState): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of LIST_FILTERS) if (s.lists[k].length > 0) out[k] = s.lists[k].join(',');
  for (const k of TEXT_FILTERS) if (s.texts[k]) out[k] = s.texts[k] as string;
  for (const k of DRILL_FILTERS) if (s.drill[k]) out[k] = s.drill[k] as string;
  if (s.sort !== 'receivedAt') out.sort = s.sort;
  if (s.order !== 'desc') out.order = s.order;
  return out;
}

/** A new address after one change: an empty value removes the parameter. */
export function withParam(params: URLSearchParams, name: string, value: string | readonly string[] | null): URLSearchParams {
  const next = new URLSearchParams(params);
  const v = value === null ? '' : typeof value === 'string' ? value.trim() : value.join(',');
  if (v) next.set(name, v);
  else next.delete(name);
  return next;
}

/** The address without the drill-down of statistics (the tag's close button). */
export function withoutDrill(params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const k of DRILL_FILTERS) next.delete(k);
  return next;
}

/** Columns from storage or a saved view: known ones only, in order; the default set when none remain. */
export function readColumns(stored: readonly string[] | null | undefined): ColumnKey[] {
  const known = (stored ?? []).filter((c): c is ColumnKey => (COLUMNS as readonly string[]).includes(c));
  const unique = [...new Set(known)];
  if (!unique.includes('number') && unique.length > 0) unique.unshift('number');
  return unique.length > 0 ? unique : [...DEFAULT_COLUMNS];
}
