/**
 * The dashboards' period (#13 item 3): a month, a quarter, a year or a custom range of local dates
 * (company time zone), kept in the address as `p=2026-11`, `p=2026-Q4`, `p=2026` or `from=…&to=…`.
 * Pure: dates are 'YYYY-MM-DD' strings, computed in UTC so no time zone shifts them.
 */

export const PERIOD_KINDS = ['month', 'quarter', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  kind: PeriodKind;
  /** first and last local day, inclusive */
  from: string;
  to: string;
}

const DAY = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const iso = (d: Date): string => d.toISOString().slice(0, 10);
const utc = (date: string): Date => new Date(`${date}T00:00:00Z`);
const pad = (n: number): string => String(n).padStart(2, '0');

export function addDays(date: string, days: number): string {
  return iso(new Date(utc(date).getTime() + days * DAY));
}

/** The last day of a month (month 1..12; overflowing months roll into the next years). */
function monthEnd(year: number, month: number): string {
  return iso(new Date(Date.UTC(year, month, 0)));
}
function monthStart(year: number, month: number): string {
  return iso(new Date(Date.UTC(year, month - 1, 1)));
}

export function monthPeriod(year: number, month: number): Period {
  return { kind: 'month', from: monthStart(year, month), to: monthEnd(year, month) };
}
export function quarterPeriod(year: number, quarter: number): Period {
  return { kind: 'quarter', from: monthStart(year, quarter * 3 - 2), to: monthEnd(year, quarter * 3) };
}
export function yearPeriod(year: number): Period {
  return { kind: 'year', from: `${year}-01-01`, to: `${year}-12-31` };
}

const validDate = (s: string | null): s is string => s !== null && DATE.test(s) && iso(utc(s)) === s;

/** The company's local date today ('YYYY-MM-DD', Asia/Shanghai). */
export function companyToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}

/** A period of `kind` that contains `date` (custom: that day alone). */
export function periodContaining(kind: PeriodKind, date: string): Period {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  switch (kind) {
    case 'month':
      return monthPeriod(year, month);
    case 'quarter':
      return quarterPeriod(year, Math.ceil(month / 3));
    case 'year':
      return yearPeriod(year);
    case 'custom':
      return { kind: 'custom', from: date, to: date };
  }
}

/** The period of an address; anything unreadable is the current month. */
export function readPeriod(params: URLSearchParams, today: string): Period {
  const p = params.get('p');
  const from = params.get('from');
  const to = params.get('to');
  if (validDate(from) && validDate(to) && from <= to) return { kind: 'custom', from, to };
  let m: RegExpExecArray | null;
  if (p && (m = /^(\d{4})-(\d{2})$/.exec(p)) && Number(m[2]) >= 1 && Number(m[2]) <= 12) return monthPeriod(Number(m[1]), Number(m[2]));
  if (p && (m = /^(\d{4})-Q([1-4])$/.exec(p))) return quarterPeriod(Number(m[1]), Number(m[2]));
  if (p && (m = /^(\d{4})$/.exec(p))) return yearPeriod(Number(m[1]));
  return periodContaining('month', today);
}

/** The address parameters of a period (the inverse of readPeriod). */
export function periodParams(period: Period): Record<string, string> {
  const year = period.from.slice(0, 4);
  switch (period.kind) {
    case 'month':
      return { p: period.from.slice(0, 7) };
    case 'quarter':
      return { p: `${year}-Q${Math.ceil(Number(period.from.slice(5, 7)) / 3)}` };
    case 'year':
      return { p: year };
    case 'custom':
      return { from: period.from, to: period.to };
  }
}

export function dayCount(period: Pick<Period, 'from' | 'to'>): number {
  return Math.round((utc(period.to).getTime() - utc(period.from).getTime()) / DAY) + 1;
}

/** The period before (month on month, quarter on quarter…; a custom range: as many days just before). */
export function previousPeriod(period: Period): Period {
  if (period.kind === 'custom') {
    const days = dayCount(period);
    return { kind: 'custom', from: addDays(period.from, -days), to: addDays(period.from, -1) };
  }
  return periodContaining(period.kind, addDays(period.from, -1));
}

/** The same period a year earlier (year on year). */
export function yearEarlier(period: Period): Period {
  const back = (d: string) => {
    const y = Number(d.slice(0, 4)) - 1;
    const md = d.slice(5);
    // 29 February a year back is 28 February
    return md === '02-29' ? `${y}-02-28` : `${y}-${md}`;
  };
  if (period.kind === 'custom') return { kind: 'custom', from: back(period.from), to: back(period.to) };
  return periodContaining(period.kind, back(period.from));
}

/** The `count` months that end with the month of `to`: the trend's window. */
export function monthsEnding(to: string, count: number): { from: string; to: string; months: string[] } {
  const year = Number(to.slice(0, 4));
  const month = Number(to.slice(5, 7));
  const months: string[] = [];
  for (let i = count - 1; i >= 0; i -= 1) {
    const d = new Date(Date.UTC(year, month - 1 - i, 1));
    months.push(`${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`);
  }
  return { from: `${months[0]}-01`, to: monthEnd(year, month), months };
}

/** How the period reads in the page's language: 2026年11月, 2026年第4季度, 2026年, 2026-01-05 至 2026-02-10. */
export function periodLabel(period: Period, locale: 'zh-CN' | 'en-US'): string {
  const year = period.from.slice(0, 4);
  const month = Number(period.from.slice(5, 7));
  const zh = locale === 'zh-CN';
  switch (period.kind) {
    case 'month':
      return zh ? `${year}年${month}月` : `${year}-${pad(month)}`;
    case 'quarter':
      return zh ? `${year}年第${Math.ceil(month / 3)}季度` : `${year} Q${Math.ceil(month / 3)}`;
    case 'year':
      return zh ? `${year}年` : year;
    case 'custom':
      return zh ? `${period.from} 至 ${period.to}` : `${period.from} to ${period.to}`;
  }
}

/** The time dimension a period's series is drawn by: days in a month, weeks in a quarter, months in a year. */
export function seriesGrain(period: Period): 'day' | 'week' | 'month' {
  const days = dayCount(period);
  if (days <= 62) return 'day';
  if (days <= 190) return 'week';
  return 'month';
}

/** ISO week of a date: 'YYYY-Www' (the week's Thursday decides the year). */
export function isoWeek(date: string): string {
  const d = utc(date);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(d.getTime() + (3 - weekday) * DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return `${year}-W${pad(week)}`;
}

/** Every day, ISO week or month from `from` to `to` (both included), as the statistics API names them. */
export function timeBuckets(grain: 'day' | 'week' | 'month', from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const b = grain === 'day' ? d : grain === 'week' ? isoWeek(d) : d.slice(0, 7);
    if (out[out.length - 1] !== b) out.push(b);
  }
  return out;
}

/** A bucket as an axis shows it: 11-05 (day), W45 (week), 2026-11 (month). */
export function bucketLabel(bucket: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(bucket)) return bucket.slice(5);
  if (/^\d{4}-W\d{2}$/.test(bucket)) return bucket.slice(5);
  return bucket;
}
