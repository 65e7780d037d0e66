/**
 * Which complaint categories belong to which business lines (R-B1): property insurance has no
 * securities trading, brokerage no claims. The policy's `taxonomies.categoryLines` lists, per
 * category code, the business line codes it belongs to; a category not listed belongs to every
 * line (product sales, personal data, system outage, other…). Codes the lists no longer hold are
 * ignored, so removing a category or a line never makes a stored policy unreadable.
 */
import type { TaxonomyEntry } from './taxonomy.schema.js';

const INSURANCE = ['life', 'health', 'property_casualty'];
const SECURITIES = ['brokerage', 'investment_advisory', 'margin_financing', 'asset_management'];

/** The default mapping (policy versions stored before it get it too). */
export const DEFAULT_CATEGORY_LINES: Readonly<Record<string, readonly string[]>> = {
  underwriting: INSURANCE,
  claims_dispute: INSURANCE,
  surrender_refund: INSURANCE,
  premiums_fees: INSURANCE,
  securities_trading: ['brokerage', 'margin_financing', 'asset_management'],
  account_opening_closing: SECURITIES,
  commissions_fees: SECURITIES,
  investment_advice: SECURITIES,
};

export type CategoryLines = Readonly<Record<string, readonly string[]>>;

/** Whether a category may be chosen for a complaint of this business line. */
export function categoryFitsLine(mapping: CategoryLines, category: string, line: string): boolean {
  const lines = mapping[category];
  return lines === undefined || lines.includes(line);
}

/** The categories offered for a business line, in the taxonomy's order. */
export function categoriesOfLine<T extends Pick<TaxonomyEntry, 'code'>>(
  categories: readonly T[],
  mapping: CategoryLines,
  line: string,
): T[] {
  return categories.filter((c) => categoryFitsLine(mapping, c.code, line));
}
