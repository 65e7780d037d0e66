/** Ledger listing parameters and the opaque cursor (R-B5). Pure: encoding only, no database. */
import type { LedgerSort, TimelinessState } from '../codes.js';
import { DomainError } from '../errors.js';

export { LEDGER_SORTS, type LedgerSort } from '../codes.js';

/**
 * The drill-down filters (#13, R-F1): what a statistics figure opens. Lists match any of their values;
 * `_none` in a list asks for "none" (no product, no cause, no handler …).
 */
export interface LedgerDrillFilter {
  /** org unit ids of the complaint's branch (the statistics' branch dimension) */
  branchId?: string[];
  product?: string[];
  /** causes of the latest analysis */
  cause?: string[];
  /** org unit ids among the responsible departments */
  department?: string[];
  /** the handler's (assignee's) username */
  handler?: string[];
  outcome?: string[];
  customerGroup?: string[];
  imported?: boolean;
  timeliness?: TimelinessState;
  /** reopened at least once */
  reopened?: boolean;
  surveyed?: boolean;
  /** the latest survey's answer */
  satisfied?: boolean;
  /** a compensation proposed (not rejected) or paid */
  compensated?: 'proposed' | 'paid';
  /** an amount involved is given */
  amountGiven?: boolean;
  /** carries one of these risk flags (reputational, media, legal, mass incident …) */
  riskFlag?: string[];
  /** marked a major complaint */
  major?: boolean;
  closedFrom?: Date;
  closedTo?: Date;
  /** received before this instant and not closed by then */
  openAt?: Date;
}

export interface LedgerFilter extends LedgerDrillFilter {
  status?: string[];
  level?: number[];
  channel?: string[];
  businessLine?: string[];
  category?: string[];
  branch?: string[];
  receivedFrom?: Date;
  receivedTo?: Date;
  overdue?: boolean;
  q?: string;
  /** complaints this user (username) handles or tracks */
  involves?: string;
  /** true: complaints nobody handles yet (arrived by the portal, the app or e-mail, #12); false: the others */
  unassigned?: boolean;
  /** a running clock falls due between now and this time (not yet overdue) */
  dueBefore?: Date;
  /** contact keys (normalised phone / e-mail, see contactKeys): earlier complaints of a complainant */
  contactKeys?: string[];
  /** exact ID document number: matched by its keyed hash, never stored or logged in clear */
  idNumber?: string;
  /** exact policy / bank / securities account number: matched by its keyed hash */
  account?: string;
}

export interface LedgerQuery extends LedgerFilter {
  sort: LedgerSort;
  order: 'asc' | 'desc';
  limit: number;
  cursor?: string;
}

export interface CursorPosition {
  sort: LedgerSort;
  order: 'asc' | 'desc';
  value: string | number;
  id: string;
}

export function encodeCursor(p: CursorPosition): string {
  return Buffer.from(JSON.stringify([p.sort, p.order, p.value, p.id])).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A cursor is opaque but can be forged: its value must be what the sort column holds, or the query
 * fails in PostgreSQL (a 500 the OpenAPI fuzz found, #9 item 1): an instant PostgreSQL can store,
 * a level, a complaint number.
 */
function cursorValueFits(sort: LedgerSort, value: unknown): value is string | number {
  if (sort === 'level') return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 9;
  if (typeof value !== 'string' || value.length > 64) return false;
  if (sort === 'number') return true;
  const year = new Date(value).getUTCFullYear();
  return year >= 1 && year <= 9999;
}

/** A cursor only continues the listing it came from (same sort and order). */
export function decodeCursor(cursor: string, sort: LedgerSort, order: 'asc' | 'desc'): CursorPosition {
  try {
    const raw: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(raw) && raw.length === 4 && raw[0] === sort && raw[1] === order) {
      const [, , value, id] = raw as [string, string, unknown, unknown];
      if (cursorValueFits(sort, value) && typeof id === 'string' && UUID.test(id)) return { sort, order, value, id };
    }
  } catch {
    // fall through
  }
  throw new DomainError('invalid_cursor', {}, 'cursor');
}

/** Escapes LIKE wildcards so a search for 50% finds "50%", not everything. */
export function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}
