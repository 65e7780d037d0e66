/**
 * Month on month and year on year (R-F3): the change of a monthly count against the month before
 * and the same month a year earlier, as a ratio of the earlier figure (null when it was 0 or is
 * outside the data). Pure.
 */
import type { ChartData } from './chart-data';
import type { StatisticsMeasure } from '../../codes';
import type { StatisticsResult } from './statistics-types';

/** 'YYYY-MM' plus n months. */
export function shiftMonth(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function monthlyValues(result: Pick<StatisticsResult, 'rows'>, measure: StatisticsMeasure): Map<string, number> {
  return new Map(result.rows.map((r) => [r.keys[0]?.value ?? '', r.values[measure] ?? 0]));
}

/** The change of each month against `lag` months earlier; `known`: the months the data covers (else null). */
export function changes(
  values: ReadonlyMap<string, number>,
  months: readonly string[],
  lag: number,
  known: ReadonlySet<string>,
): Array<number | null> {
  return months.map((m) => {
    const earlier = shiftMonth(m, -lag);
    if (!known.has(earlier)) return null;
    const before = values.get(earlier) ?? 0;
    if (before === 0) return null;
    return Math.round((((values.get(m) ?? 0) - before) / before) * 10_000) / 10_000;
  });
}

/** Month on month and year on year of one measure as two lines (no drill: a change is not a set of complaints). */
export function changeChart(
  result: Pick<StatisticsResult, 'rows'>,
  measure: StatisticsMeasure,
  months: readonly string[],
  known: ReadonlySet<string>,
  names: { dimension: string; mom: string; yoy: string },
): ChartData {
  const values = monthlyValues(result, measure);
  const line = (name: string, lag: number, colour: string) => ({
    name,
    kind: 'line' as const,
    format: 'rate' as const,
    colour,
    values: changes(values, months, lag, known),
    drills: months.map(() => undefined),
  });
  return { dimension: names.dimension, categories: [...months], series: [line(names.mom, 1, '#1677ff'), line(names.yoy, 12, '#fa8c16')] };
}
