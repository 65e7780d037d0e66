/**
 * The one shape every dashboard chart is drawn from (chart-options.ts) and exported from (csv.ts):
 * categories along one axis, series of values, and per value the ledger query behind it (drill).
 * Shaping functions here turn GET /api/statistics answers into it. Pure: unit-tested.
 */
import type { StatisticsDimension, StatisticsMeasure } from '../../codes';
import type { StatisticsKey, StatisticsResult, StatisticsRow } from './statistics-types';

export type ValueFormat = 'count' | 'rate' | 'money' | 'days';

export interface ChartSeries {
  name: string;
  kind: 'bar' | 'line';
  /** bars of the same stack pile up */
  stack?: string;
  /** 1: the right-hand axis (a rate or cumulative share beside counts) */
  axis?: 0 | 1;
  colour?: string;
  format: ValueFormat;
  values: Array<number | null>;
  /** the ledger query (no '?') behind each value; undefined: nothing to open */
  drills: Array<string | undefined>;
}

export interface ChartData {
  /** what the categories are (the CSV's first column header) */
  dimension: string;
  categories: string[];
  series: ChartSeries[];
  /** bars along the vertical axis (long category names: branches, departments, causes) */
  horizontal?: boolean;
}

export type Lang = 'zh' | 'en';

export const keyLabel = (key: StatisticsKey | undefined, lang: Lang): string => (key ? key.label[lang] : '');

/** A key's identity (null: "not given"). */
const keyId = (key: StatisticsKey | undefined): string => key?.value ?? '\u0000';

export interface MeasureSpec {
  measure: StatisticsMeasure;
  name: string;
  kind?: 'bar' | 'line';
  stack?: string;
  axis?: 0 | 1;
  colour?: string;
  format?: ValueFormat;
}

export const RATE_MEASURES: ReadonlySet<StatisticsMeasure> = new Set(['reopen_rate', 'satisfaction_rate']);
export const MONEY_MEASURES: ReadonlySet<StatisticsMeasure> = new Set(['compensation_proposed', 'compensation_paid', 'amount_involved']);
export const DAY_MEASURES: ReadonlySet<StatisticsMeasure> = new Set(['handling_days_p50', 'handling_days_p90']);

export function formatOf(measure: StatisticsMeasure): ValueFormat {
  if (RATE_MEASURES.has(measure)) return 'rate';
  if (MONEY_MEASURES.has(measure)) return 'money';
  if (DAY_MEASURES.has(measure)) return 'days';
  return 'count';
}

const valueOf = (row: StatisticsRow | undefined, m: StatisticsMeasure): number | null => (row ? (row.values[m] ?? null) : null);

/**
 * One dimension, one or more measures: a category per row (in the order given), a series per
 * measure. `order`: 'as-is', or 'desc' by the first measure (largest first).
 */
export function byDimension(
  result: Pick<StatisticsResult, 'rows'>,
  specs: readonly MeasureSpec[],
  opts: { dimension: string; lang: Lang; order?: 'as-is' | 'desc'; horizontal?: boolean; limit?: number },
): ChartData {
  let rows = [...result.rows];
  const first = specs[0]?.measure;
  if (opts.order === 'desc' && first) rows.sort((a, b) => (valueOf(b, first) ?? 0) - (valueOf(a, first) ?? 0));
  if (opts.limit !== undefined) rows = rows.slice(0, opts.limit);
  return {
    dimension: opts.dimension,
    categories: rows.map((r) => keyLabel(r.keys[0], opts.lang)),
    horizontal: opts.horizontal,
    series: specs.map((s) => ({
      name: s.name,
      kind: s.kind ?? 'bar',
      stack: s.stack,
      axis: s.axis,
      colour: s.colour,
      format: s.format ?? formatOf(s.measure),
      values: rows.map((r) => valueOf(r, s.measure)),
      drills: rows.map((r) => r.drill[s.measure]),
    })),
  };
}

/**
 * Two dimensions, one measure: categories from the first (e.g. month), one stacked series per value
 * of the second (e.g. level), largest series first; `buckets` (the time axis) fills the gaps with 0.
 */
export function pivot(
  result: Pick<StatisticsResult, 'rows'>,
  measure: StatisticsMeasure,
  opts: {
    dimension: string;
    lang: Lang;
    buckets?: readonly string[];
    bucketLabel?: (b: string) => string;
    maxSeries?: number;
    otherName?: string;
  },
): ChartData {
  const cats = opts.buckets ? [...opts.buckets] : [...new Map(result.rows.map((r) => [keyId(r.keys[0]), r.keys[0]?.value ?? ''])).values()];
  const labels = opts.buckets
    ? cats.map((c) => opts.bucketLabel?.(c) ?? c)
    : cats.map((c) => keyLabel(result.rows.find((r) => (r.keys[0]?.value ?? '') === c)?.keys[0], opts.lang));
  const groups = new Map<string, { key: StatisticsKey | undefined; total: number; cells: Map<string, StatisticsRow> }>();
  for (const row of result.rows) {
    const id = keyId(row.keys[1]);
    const g = groups.get(id) ?? { key: row.keys[1], total: 0, cells: new Map() };
    g.total += valueOf(row, measure) ?? 0;
    g.cells.set(row.keys[0]?.value ?? '', row);
    groups.set(id, g);
  }
  const ranked = [...groups.values()].sort((a, b) => b.total - a.total);
  const shown = opts.maxSeries !== undefined && ranked.length > opts.maxSeries ? ranked.slice(0, opts.maxSeries - 1) : ranked;
  const rest = ranked.slice(shown.length);
  const format = formatOf(measure);
  const series: ChartSeries[] = shown.map((g) => ({
    name: keyLabel(g.key, opts.lang),
    kind: 'bar',
    stack: 'total',
    format,
    values: cats.map((c) => valueOf(g.cells.get(c), measure) ?? 0),
    drills: cats.map((c) => g.cells.get(c)?.drill[measure]),
  }));
  if (rest.length > 0) {
    series.push({
      name: opts.otherName ?? 'other',
      kind: 'bar',
      stack: 'total',
      format,
      values: cats.map((c) => rest.reduce((n, g) => n + (valueOf(g.cells.get(c), measure) ?? 0), 0)),
      // several values: no single ledger query lists them
      drills: cats.map(() => undefined),
    });
  }
  return { dimension: opts.dimension, categories: labels, series };
}

/** One time dimension, several measures, on a complete time axis (`buckets`; missing buckets: 0, or null for rates and days). */
export function series(
  result: Pick<StatisticsResult, 'rows'>,
  specs: readonly MeasureSpec[],
  opts: { dimension: string; buckets: readonly string[]; bucketLabel?: (b: string) => string },
): ChartData {
  const at = new Map(result.rows.map((r) => [r.keys[0]?.value ?? '', r]));
  return {
    dimension: opts.dimension,
    categories: opts.buckets.map((b) => opts.bucketLabel?.(b) ?? b),
    series: specs.map((s) => {
      const format = s.format ?? formatOf(s.measure);
      const missing = format === 'rate' || format === 'days' ? null : 0;
      return {
        name: s.name,
        kind: s.kind ?? 'bar',
        stack: s.stack,
        axis: s.axis,
        colour: s.colour,
        format,
        values: opts.buckets.map((b) => {
          const row = at.get(b);
          return row ? valueOf(row, s.measure) : missing;
        }),
        drills: opts.buckets.map((b) => at.get(b)?.drill[s.measure]),
      };
    }),
  };
}

export interface ParetoItem {
  label: string;
  count: number;
  drill?: string;
}

/** Pareto: bars largest first and the cumulative share as a line on the right axis (0..1). */
export function pareto(items: readonly ParetoItem[], names: { dimension: string; count: string; cumulative: string }): ChartData {
  const sorted = items.filter((i) => i.count > 0).sort((a, b) => b.count - a.count);
  const total = sorted.reduce((n, i) => n + i.count, 0);
  let running = 0;
  const cumulative = sorted.map((i) => {
    running += i.count;
    return Math.round((running / total) * 10_000) / 10_000;
  });
  return {
    dimension: names.dimension,
    categories: sorted.map((i) => i.label),
    series: [
      {
        name: names.count,
        kind: 'bar',
        format: 'count',
        colour: '#1677ff',
        values: sorted.map((i) => i.count),
        drills: sorted.map((i) => i.drill),
      },
      {
        name: names.cumulative,
        kind: 'line',
        axis: 1,
        format: 'rate',
        colour: '#fa8c16',
        values: cumulative,
        drills: sorted.map(() => undefined),
      },
    ],
  };
}

export const CLOCKS = ['policy', 'regulatory'] as const;
export type Clock = (typeof CLOCKS)[number];
export const TIMELINESS = ['on_time', 'late', 'open_overdue'] as const;
export type Timeliness = (typeof TIMELINESS)[number];
export const TIMELINESS_COLOURS: Record<Timeliness, string> = { on_time: '#52c41a', late: '#ff4d4f', open_overdue: '#8c8c8c' };

export const timelinessMeasure = (clock: Clock, state: Timeliness): StatisticsMeasure => `${clock}_${state}`;

/** Complaints on time / all judged (on time + late + open overdue) of one clock; null without any. */
export function onTimeRate(values: StatisticsRow['values'], clock: Clock): number | null {
  const [onTime, late, overdue] = TIMELINESS.map((s) => values[timelinessMeasure(clock, s)] ?? 0);
  const all = (onTime ?? 0) + (late ?? 0) + (overdue ?? 0);
  return all === 0 ? null : Math.round(((onTime ?? 0) / all) * 10_000) / 10_000;
}

/** Both clocks side by side, each a bar stacked by on time / late / open overdue (the period's totals). */
export function timelinessByClock(
  totals: StatisticsRow,
  names: { dimension: string; clock: Record<Clock, string>; state: Record<Timeliness, string> },
): ChartData {
  return {
    dimension: names.dimension,
    categories: CLOCKS.map((c) => names.clock[c]),
    horizontal: true,
    series: TIMELINESS.map((s) => ({
      name: names.state[s],
      kind: 'bar',
      stack: 'clock',
      colour: TIMELINESS_COLOURS[s],
      format: 'count',
      values: CLOCKS.map((c) => totals.values[timelinessMeasure(c, s)] ?? 0),
      drills: CLOCKS.map((c) => totals.drill[timelinessMeasure(c, s)]),
    })),
  };
}

/** The measures of one clock as stacked series (for byDimension or series). */
export function timelinessSpecs(clock: Clock, names: Record<Timeliness, string>): MeasureSpec[] {
  return TIMELINESS.map((s) => ({ measure: timelinessMeasure(clock, s), name: names[s], stack: clock, colour: TIMELINESS_COLOURS[s] }));
}

export type Dimension = StatisticsDimension;
