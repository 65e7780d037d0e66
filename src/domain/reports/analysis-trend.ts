/**
 * Trends (R-F3): a monthly series of one measure with its change on the month before
 * (month on month) and on the same month a year earlier (year on year). Pure: the figures come in
 * per month, the changes go out.
 */

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): boolean {
  return MONTH_RE.test(value);
}

/** 'YYYY-MM' plus n months (n may be negative). */
export function addMonths(month: string, n: number): string {
  const m = MONTH_RE.exec(month);
  if (!m || !Number.isInteger(n)) throw new RangeError(`addMonths: invalid month '${month}' or step ${n}`);
  const index = Number(m[1]) * 12 + (Number(m[2]) - 1) + n;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, both included (empty when from > to). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** The first and last local date of a month. */
export function monthRange(month: string): { from: string; to: string } {
  const next = addMonths(month, 1);
  const last = new Date(Date.UTC(Number(next.slice(0, 4)), Number(next.slice(5, 7)) - 1, 0));
  return { from: `${month}-01`, to: `${month}-${String(last.getUTCDate()).padStart(2, '0')}` };
}

export interface Change {
  /** current - previous (for a rate: the difference in points of 0..1) */
  absolute: number;
  /** (current - previous) / previous; null when the previous figure is 0 */
  ratio: number | null;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The change from `previous` to `current`; null when either figure is missing (no data, no denominator). */
export function change(current: number | null, previous: number | null): Change | null {
  if (current === null || previous === null) return null;
  const absolute = round(current - previous, 4);
  return { absolute, ratio: previous === 0 ? null : round((current - previous) / previous, 4) };
}

export interface TrendPoint {
  month: string;
  value: number | null;
  previousMonth: number | null;
  sameMonthLastYear: number | null;
  mom: Change | null;
  yoy: Change | null;
}

/**
 * The points of `months` with their month-on-month and year-on-year changes. `values` must hold the
 * months themselves and, for the comparisons, the month before the first and the 12 months before
 * each; a month without a figure is `missing` (0 for counts and amounts, null for rates and
 * percentiles, which have no figure without complaints).
 */
export function trendPoints(months: readonly string[], values: ReadonlyMap<string, number | null>, missing: 0 | null): TrendPoint[] {
  const at = (m: string) => (values.has(m) ? (values.get(m) ?? null) : missing);
  return months.map((month) => {
    const value = at(month);
    const previousMonth = at(addMonths(month, -1));
    const sameMonthLastYear = at(addMonths(month, -12));
    return { month, value, previousMonth, sameMonthLastYear, mom: change(value, previousMonth), yoy: change(value, sameMonthLastYear) };
  });
}
