/**
 * Charts from the analysis routes (R-F3): month on month and year on year of a monthly series,
 * and the impact figures (money, and complaints carrying each risk flag), each with its drill. Pure.
 */
import type { ChartData } from './chart-data';
import type { ImpactAnswer, ImpactFigure, TrendAnswer } from './statistics-types';

/** Month on month and year on year as two lines of ratios (no drill: a change is not a set of complaints). */
export function trendChangeChart(trend: TrendAnswer, names: { dimension: string; mom: string; yoy: string }): ChartData {
  const points = trend.series[0]?.points ?? [];
  const line = (name: string, colour: string, pick: (p: (typeof points)[number]) => number | null) => ({
    name,
    kind: 'line' as const,
    format: 'rate' as const,
    colour,
    values: points.map(pick),
    drills: points.map(() => undefined),
  });
  return {
    dimension: names.dimension,
    categories: points.map((p) => p.month),
    series: [line(names.mom, '#1677ff', (p) => p.mom?.ratio ?? null), line(names.yoy, '#fa8c16', (p) => p.yoy?.ratio ?? null)],
  };
}

export const MONEY_FIGURES = ['amount_involved', 'compensation_proposed', 'compensation_paid'] as const;
export const FLAG_FIGURES = ['major', 'mass_incident', 'reputational', 'media', 'legal', 'regulator_referral'] as const;
type FigureName = ImpactFigure['figure'];

/** Some of the impact figures as one bar series, in the order given, each bar opening its complaints. */
export function impactChart(
  impact: Pick<ImpactAnswer, 'figures'>,
  which: readonly FigureName[],
  names: { dimension: string; series: string; label(figure: FigureName): string; money?: boolean; colour: string },
): ChartData {
  const figures = which.map((f) => impact.figures.find((x) => x.figure === f)).filter((f): f is ImpactFigure => f !== undefined);
  return {
    dimension: names.dimension,
    categories: figures.map((f) => names.label(f.figure)),
    horizontal: true,
    series: [
      {
        name: names.series,
        kind: 'bar',
        format: names.money ? 'money' : 'count',
        colour: names.colour,
        values: figures.map((f) => f.value),
        drills: figures.map((f) => (f.complaints > 0 ? f.drill : undefined)),
      },
    ],
  };
}
