/**
 * The ledger's free text (#16 item 1, docs/architecture.md "Search"). Pure: what a typed term means
 * for the query. The database indexes the two-character grams of search_text (migration 0030,
 * `search_bigrams`); this file mirrors that function so the app knows whether a term has grams, and
 * recognises phone numbers typed into the search box.
 */
import { contactKeys } from './contact.js';
import { likePattern } from './ledger-query.js';

/**
 * Separators: a gram containing one is not indexed. The same class as the character class of
 * `search_bigrams` in 0030_search_bigrams.sql (controls, space, ASCII punctuation, Latin-1
 * punctuation, general punctuation, CJK symbols and punctuation, full-width punctuation).
 */
const SEPARATOR =
  // eslint-disable-next-line no-control-regex -- control characters are separators, as in the SQL function
  /[\u0001-\u002f\u003a-\u0040\u005b-\u0060\u007b-\u007f\u00a0-\u00bf\u2000-\u206f\u3000-\u303f\ufe30-\ufe4f\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]/u;

/** The overlapping two-character grams of an already lower-cased text, separators excluded, each once. */
export function searchBigrams(text: string): string[] {
  // code points, as PostgreSQL counts characters (an emoji or a CJK extension B character is one)
  const chars = [...text];
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const a = chars[i] as string;
    const b = chars[i + 1] as string;
    if (!SEPARATOR.test(a) && !SEPARATOR.test(b)) grams.add(a + b);
  }
  return [...grams];
}

/** The smallest run of phone digits treated as a phone number (a mainland landline without area code has 7). */
export const PHONE_MIN_DIGITS = 7;

/**
 * A phone number typed into the search box: digits with optional spaces, dashes, dots, brackets
 * and a leading + (so "+86 138-0013-8000" and "0086 13800138000" too). Gives the contact key it is
 * stored under (`contactKeys`), or undefined when the term is anything else.
 */
export function phoneSearchKey(term: string): string | undefined {
  const t = term.trim();
  if (!/^\+?[\d\s\-.()]+$/.test(t)) return undefined;
  const digits = t.replace(/\D/g, '');
  if (digits.length < PHONE_MIN_DIGITS || digits.length > 20) return undefined;
  return contactKeys({ phone: t })[0];
}

/**
 * A whole phone number: a mainland mobile (11 digits from 1) or a number with its area code (10 to
 * 12 digits from 0), once the key is normalised. Such a term is routed to the contact lookup alone
 * (#16 item 1): its digit pairs are in every complaint and policy number, so the text index would
 * read a large part of the table for nothing. Shorter digits (a landline without area code, part
 * of a policy number) are searched as text as well.
 */
function wholePhone(contactKey: string): boolean {
  const digits = contactKey.slice('phone:'.length);
  return /^1\d{10}$/.test(digits) || /^0\d{9,11}$/.test(digits);
}

export interface TextSearch {
  /** the LIKE pattern, lower-cased and with wildcards escaped: always applied (order and adjacency) */
  pattern: string;
  /** the lower-cased term, passed to search_bigrams; undefined when it has no gram (one character) */
  indexed?: string;
  /** the contact key of a phone number typed as the term: its complaints match too */
  contactKey?: string;
  /** a whole phone number: the contact lookup alone answers (no text search) */
  phoneOnly: boolean;
}

/** What a term of the ledger's `q` asks the database. */
export function textSearch(term: string): TextSearch {
  const lower = term.toLowerCase();
  const contactKey = phoneSearchKey(term);
  return {
    pattern: likePattern(term),
    indexed: searchBigrams(lower).length > 0 ? lower : undefined,
    contactKey,
    phoneOnly: contactKey !== undefined && wholePhone(contactKey),
  };
}

/**
 * An estimated count as shown: two significant digits (a sample of about 1,000 pages is good to a
 * few per cent), never below what was counted exactly.
 */
export function roundEstimate(estimate: number, atLeast: number): number {
  if (!Number.isFinite(estimate) || estimate <= atLeast) return atLeast;
  const unit = 10 ** Math.max(0, Math.floor(Math.log10(estimate)) - 1);
  return Math.max(atLeast, Math.round(estimate / unit) * unit);
}
