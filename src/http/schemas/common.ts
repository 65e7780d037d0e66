import { z } from 'zod';

/** Optional free text: trimmed, empty becomes null. */
export const optionalText = (max: number) => z.string().trim().max(max).nullish();

export const requiredText = (max: number) => z.string().trim().min(1).max(max);

/** The years the working calendar and the clocks compute (the calendar's range, 1900–2200). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

/**
 * ISO 8601 with an offset or Z; date-only strings are refused (a receipt time is an instant). An
 * instant outside the calendar's years is refused here: year 1 passed the format and made the
 * clock planner throw (500, #9 item 1).
 */
export const isoDateTime = z.iso.datetime({ offset: true, message: 'invalid_datetime' }).refine((s) => {
  const year = new Date(s).getUTCFullYear();
  // not a date at all: the format check has said so already
  return Number.isNaN(year) || (year >= MIN_YEAR && year <= MAX_YEAR);
}, 'year_out_of_range');

export const isoDate = z.iso.date({ message: 'invalid_date' });

/** A local date the calendar can plan with: year 1 passes the format, and a plan in year 1 means nothing. */
export const isoDateInCalendar = isoDate.refine((s) => {
  const year = Number(s.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR;
}, 'year_out_of_range');

/** Amounts in request bodies: one schema for every route and step (src/domain/money.ts). */
export { amountInput, canonicalAmount } from '../../domain/money.js';

/** A list filter in a query string: repeated keys (?a=x&a=y) or comma separated (?a=x,y). */
export const listParam = z.union([z.string().max(2000), z.array(z.string().max(200)).max(50)]).optional();

export function splitList(value: string | string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const parts = (Array.isArray(value) ? value : [value])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  return parts.length > 0 ? parts : undefined;
}

export const idParams = z.strictObject({ id: z.string().min(1).max(64) });

export const errorResponse = z
  .object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })),
  })
  .describe('Error: a stable code, a message in the request language, the fields at fault');
