/**
 * The spike alert (R-F3): a product, category or branch whose complaints of the last 7 days rise
 * sharply above its own baseline, the 8 weeks before. Pure: counts in, a judgement out.
 *
 * The baseline is 8 weekly counts (7-day windows ending the day before the current window). Its
 * spread is their standard deviation, but never less than the spread a steady Poisson stream of the
 * same mean would show (sqrt of the mean, at least 1): eight quiet weeks with the same count would
 * otherwise make any single extra complaint infinitely significant. A spike needs all of:
 * - at least `minCount` complaints in the window (a few complaints are never a spike),
 * - at least `minZ` spreads above the mean,
 * - at least `minRatio` times the mean (a subject with no baseline passes this test).
 */
import { addDays, weekdayOf } from '../time/zoned.js';

export const SPIKE_SUBJECTS = ['product', 'category', 'branch'] as const;
export type SpikeSubject = (typeof SPIKE_SUBJECTS)[number];

export interface SpikeSettings {
  windowDays: number;
  baselineWeeks: number;
  minCount: number;
  minZ: number;
  minRatio: number;
}

export const DEFAULT_SPIKE_SETTINGS: SpikeSettings = { windowDays: 7, baselineWeeks: 8, minCount: 5, minZ: 3, minRatio: 1.5 };

export interface DateRange {
  from: string;
  to: string;
}

export interface SpikeWindows {
  /** the last `windowDays` complete days: up to yesterday */
  current: DateRange;
  /** the baseline's weeks, oldest first */
  weeks: DateRange[];
  /** from the first baseline day to the last current day: what to count */
  span: DateRange;
}

/** The windows judged on `today` (a local date): today itself is not complete, so not counted. */
export function spikeWindows(today: string, s: SpikeSettings = DEFAULT_SPIKE_SETTINGS): SpikeWindows {
  const currentTo = addDays(today, -1);
  const current = { from: addDays(currentTo, -(s.windowDays - 1)), to: currentTo };
  const weeks: DateRange[] = [];
  for (let i = s.baselineWeeks; i >= 1; i--) {
    const to = addDays(current.from, -1 - (i - 1) * s.windowDays);
    weeks.push({ from: addDays(to, -(s.windowDays - 1)), to });
  }
  return { current, weeks, span: { from: weeks[0]?.from ?? current.from, to: current.to } };
}

/** Sums per-day counts over a range of dates (both ends included). */
export function countIn(daily: ReadonlyMap<string, number>, range: DateRange): number {
  let n = 0;
  for (let d = range.from; d <= range.to; d = addDays(d, 1)) n += daily.get(d) ?? 0;
  return n;
}

export interface SpikeAssessment {
  current: number;
  baseline: number[];
  mean: number;
  /** the spread used: max(standard deviation, sqrt(max(mean, 1))) */
  spread: number;
  /** (current - mean) / spread */
  z: number;
  /** current / mean; null when the baseline is empty */
  ratio: number | null;
  spike: boolean;
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Judges one subject's window against its baseline weeks. */
export function assessSpike(current: number, baseline: readonly number[], s: SpikeSettings = DEFAULT_SPIKE_SETTINGS): SpikeAssessment {
  const n = baseline.length;
  const mean = n === 0 ? 0 : baseline.reduce((a, b) => a + b, 0) / n;
  const variance = n < 2 ? 0 : baseline.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  const spread = Math.max(Math.sqrt(variance), Math.sqrt(Math.max(mean, 1)));
  const z = (current - mean) / spread;
  const ratio = mean === 0 ? null : current / mean;
  const spike = current >= s.minCount && z >= s.minZ && (ratio === null || ratio >= s.minRatio);
  return {
    current,
    baseline: [...baseline],
    mean: round(mean),
    spread: round(spread),
    z: round(z),
    ratio: ratio === null ? null : round(ratio),
    spike,
  };
}

/** ISO 8601 week of a local date: '2026-W05' (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeekOf(date: string): string {
  const thursday = addDays(date, 3 - ((weekdayOf(date) + 6) % 7));
  const year = Number(thursday.slice(0, 4));
  const firstThursday = addDays(`${year}-01-04`, 3 - ((weekdayOf(`${year}-01-04`) + 6) % 7));
  const week = 1 + Math.round((Date.parse(thursday) - Date.parse(firstThursday)) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The tracked exception's source key: one spike per subject and ISO week. */
export function spikeSourceKey(subject: SpikeSubject, code: string, week: string): string {
  return `spike:${subject}:${code}:${week}`;
}
