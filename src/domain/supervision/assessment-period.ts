/**
 * The period of a periodic assessment (#14 item 5, R-E6): a month ('2026-11') or a quarter
 * ('2026-Q4'), as local dates. An assessment is opened for a period that has ended. Pure.
 */
export const ASSESSMENT_PERIOD_KINDS = ['month', 'quarter'] as const;
export type AssessmentPeriodKind = (typeof ASSESSMENT_PERIOD_KINDS)[number];

export interface AssessmentPeriod {
  kind: AssessmentPeriodKind;
  key: string;
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function lastDay(year: number, month: number): string {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(days)}`;
}

/** The dates of a period key, or null when the key is not one of the kind. */
export function assessmentPeriod(kind: AssessmentPeriodKind, key: string): AssessmentPeriod | null {
  if (kind === 'month') {
    const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
    if (!m) return null;
    const [year, month] = [Number(m[1]), Number(m[2])];
    return { kind, key, from: `${year}-${pad(month)}-01`, to: lastDay(year, month) };
  }
  const q = /^(\d{4})-Q([1-4])$/.exec(key);
  if (!q) return null;
  const [year, quarter] = [Number(q[1]), Number(q[2])];
  const first = (quarter - 1) * 3 + 1;
  return { kind, key, from: `${year}-${pad(first)}-01`, to: lastDay(year, first + 2) };
}

/** Whether the period is over on the local date `today`. */
export function periodEnded(p: AssessmentPeriod, today: string): boolean {
  return p.to < today;
}
