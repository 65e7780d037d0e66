/**
 * Exact decimal CNY amounts. Amounts travel as strings and are compared with decimal.js; they are
 * never converted to a binary float.
 *
 * Canonical form: always exactly two decimals ('12000' -> '12000.00', '12000.5' -> '12000.50'),
 * the same text PostgreSQL prints for numeric(14,2), so equal amounts are equal strings across a
 * database round trip.
 */
import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { DomainError, DomainErrorCode } from './errors.js';

/** Largest accepted amount: fits numeric(14,2). */
export const MAX_AMOUNT = '999999999999.99';

export type AmountParseFailure = 'format' | 'negative' | 'too_many_decimals' | 'too_large';

export type AmountParseResult = { ok: true; value: string } | { ok: false; reason: AmountParseFailure };

/** Plain non-negative decimal: digits, optionally a point and more digits. No sign, exponent, comma or space. */
const PLAIN_DECIMAL = /^\d+(?:\.\d+)?$/;
const NEGATIVE_PLAIN_DECIMAL = /^-\d+(?:\.\d+)?$/;
const MAX = new Decimal(MAX_AMOUNT);

/**
 * Parses an amount of money in CNY.
 * - strings: plain decimals only ('12000', '12000.5', '0.01'); no surrounding spaces, '+', exponent
 *   ('1e5'), thousands separators ('1,000'), or bare points ('.5', '5.'); leading zeros are allowed.
 *   A '-' sign gives 'negative' (also for '-0').
 * - numbers: finite only; the number's shortest decimal text is used, so 0.1 + 0.2 is rejected as
 *   'too_many_decimals'.
 * - more than two decimals counts the value, not the text: '1.230' is 1.23 and accepted.
 */
export function parseAmount(input: unknown): AmountParseResult {
  let value: Decimal;
  if (typeof input === 'string') {
    if (NEGATIVE_PLAIN_DECIMAL.test(input)) return { ok: false, reason: 'negative' };
    if (!PLAIN_DECIMAL.test(input)) return { ok: false, reason: 'format' };
    value = new Decimal(input);
  } else if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, reason: 'format' };
    if (input < 0) return { ok: false, reason: 'negative' };
    value = new Decimal(Object.is(input, -0) ? 0 : input);
  } else {
    return { ok: false, reason: 'format' };
  }
  if (value.decimalPlaces() > 2) return { ok: false, reason: 'too_many_decimals' };
  if (value.gt(MAX)) return { ok: false, reason: 'too_large' };
  return { ok: true, value: value.toFixed(2) };
}

/**
 * Compares two amounts exactly. Accepts any plain non-negative decimal string (canonical or not);
 * anything else is a programming error and throws a DomainError 'validation'.
 */
export function compareAmount(a: string, b: string): -1 | 0 | 1 {
  const result = toDecimal(a).cmp(toDecimal(b));
  return result < 0 ? -1 : result > 0 ? 1 : 0;
}

function toDecimal(amount: string): Decimal {
  if (!PLAIN_DECIMAL.test(amount)) {
    throw new DomainError(DomainErrorCode.validation, { reason: 'amount_format', value: amount });
  }
  return new Decimal(amount);
}

/** The error code (src/domain/errors/error-codes.ts) that tells the client why an amount was refused. */
export const AMOUNT_ERROR_CODES = {
  format: 'invalid_amount',
  negative: 'amount_negative',
  too_many_decimals: 'amount_too_many_decimals',
  too_large: 'amount_too_large',
} as const satisfies Record<AmountParseFailure, string>;

/** A zod refinement that adds one issue for an invalid amount; `issue` words it from the reason. */
function refineAmount(issue: (reason: AmountParseFailure) => { message: string; params?: Record<string, string> }) {
  return (value: string | number, ctx: z.RefinementCtx) => {
    const parsed = parseAmount(value);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', ...issue(parsed.reason) });
  };
}

/**
 * An amount in a document (the policy's thresholds and bands): a string holding a valid amount,
 * not rewritten to canonical form. The issue says what is wrong in words; its params carry the reason.
 */
export const amountSchema = z.string().superRefine(
  refineAmount((reason) => ({
    message: `invalid amount (${reason}): expected a non-negative CNY amount with at most 2 decimals, at most ${MAX_AMOUNT}`,
    params: { reason },
  })),
);

/**
 * An amount in a request body: a decimal string ("12000.50") or a JSON number, never stored as a
 * float (`canonicalAmount` gives the stored text). The issue's message is the error code.
 */
export const amountInput = z
  .union([z.string(), z.number()])
  .superRefine(refineAmount((reason) => ({ message: AMOUNT_ERROR_CODES[reason] })));

/** The canonical text of an amount that `amountInput` has accepted (null and undefined give null). */
export function canonicalAmount(value: string | number): string;
export function canonicalAmount(value: string | number | null | undefined): string | null;
export function canonicalAmount(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const parsed = parseAmount(value);
  if (!parsed.ok) throw new Error('amount was validated by the schema');
  return parsed.value;
}
