/** A dashboard chart (ChartData) as an ECharts option: bars, stacked bars, lines, a right-hand axis for rates. Pure. */
import type { ChartOption } from '../board/echarts-setup';
import type { ChartData, ChartSeries, ValueFormat } from './chart-data';

const PALETTE = ['#1677ff', '#fa8c16', '#13c2c2', '#722ed1', '#eb2f96', '#52c41a', '#faad14', '#2f54eb', '#a0d911', '#8c8c8c'];

/** What a value reads as in a tooltip or label. */
export function formatValue(value: number | null | undefined, format: ValueFormat, locale: string): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  switch (format) {
    case 'rate':
      return `${(Math.round(value * 1000) / 10).toFixed(1)}%`;
    case 'money':
      return new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', maximumFractionDigits: 0 }).format(value);
    case 'days':
      return value.toFixed(1);
    case 'count':
      return new Intl.NumberFormat(locale).format(value);
  }
}

/** Rates are drawn as percentages (0..100). */
const plotted = (v: number | null, format: ValueFormat) => (v === null ? null : format === 'rate' ? Math.round(v * 1000) / 10 : v);

function axisFor(series: readonly ChartSeries[], axis: 0 | 1, locale: string) {
  const on = series.filter((s) => (s.axis ?? 0) === axis);
  const format = on[0]?.format ?? 'count';
  const negative = on.some((s) => s.values.some((v) => v !== null && v < 0));
  return {
    type: 'value' as const,
    minInterval: format === 'count' ? 1 : undefined,
    min: negative ? undefined : 0,
    max: format === 'rate' && axis === 1 && !on.some((s) => s.values.some((v) => v !== null && v > 1)) ? 100 : undefined,
    splitLine: { show: axis === 0 },
    axisLabel: {
      formatter: (v: number) =>
        format === 'rate' ? `${v}%` : format === 'money' ? new Intl.NumberFormat(locale, { notation: 'compact' }).format(v) : String(v),
    },
  };
}

/** A bar's label: its value as it reads (zeros left out inside stacked bars). */
const labelOf =
  (s: ChartSeries, locale: string, zeros: boolean) =>
  (p: { value?: unknown }): string => {
    if (typeof p.value !== 'number' || (!zeros && p.value === 0)) return '';
    return formatValue(s.format === 'rate' ? p.value / 100 : p.value, s.format, locale);
  };

export function chartOption(chart: ChartData, locale: string): ChartOption {
  const twoAxes = chart.series.some((s) => s.axis === 1);
  const categoryAxis = {
    type: 'category' as const,
    data: chart.categories,
    inverse: chart.horizontal ?? false,
    // up to 12 categories each keep their label (slanted when many); longer axes (days, weeks) thin theirs out
    axisLabel: chart.horizontal
      ? { width: 120, overflow: 'truncate' as const }
      : chart.categories.length <= 12
        ? { interval: 0, rotate: chart.categories.length > 5 ? 30 : 0, width: 90, overflow: 'truncate' as const }
        : { hideOverlap: true },
    axisTick: { alignWithLabel: true },
  };
  const valueAxes = twoAxes ? [axisFor(chart.series, 0, locale), axisFor(chart.series, 1, locale)] : axisFor(chart.series, 0, locale);
  const stacked = (s: ChartSeries) => chart.series.filter((o) => o.stack && o.stack === s.stack).length > 1;
  return {
    animation: false,
    color: PALETTE,
    grid: { left: 8, right: twoAxes ? 16 : 24, top: chart.series.length > 1 ? 36 : 12, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    legend: chart.series.length > 1 ? { top: 0, type: 'scroll' } : undefined,
    xAxis: chart.horizontal ? valueAxes : categoryAxis,
    yAxis: chart.horizontal ? categoryAxis : valueAxes,
    series: chart.series.map((s) => {
      const common = {
        name: s.name,
        data: s.values.map((v) => plotted(v, s.format)),
        itemStyle: s.colour ? { color: s.colour } : undefined,
        tooltip: {
          valueFormatter: (v: unknown) => formatValue(typeof v === 'number' ? (s.format === 'rate' ? v / 100 : v) : null, s.format, locale),
        },
        cursor: s.drills.some(Boolean) ? 'pointer' : 'default',
      };
      if (s.kind === 'line')
        return {
          ...common,
          type: 'line' as const,
          yAxisIndex: chart.horizontal ? undefined : (s.axis ?? 0),
          connectNulls: true,
          symbolSize: 7,
        };
      return {
        ...common,
        type: 'bar' as const,
        stack: s.stack,
        barMaxWidth: 36,
        yAxisIndex: chart.horizontal ? undefined : (s.axis ?? 0),
        // a single series' bars say their value; stacked bars would crowd
        label:
          chart.series.length === 1 || (twoAxes && !stacked(s))
            ? { show: true, position: chart.horizontal ? ('right' as const) : ('top' as const), formatter: labelOf(s, locale, true) }
            : stacked(s)
              ? { show: true, position: 'inside' as const, formatter: labelOf(s, locale, false) }
              : undefined,
        // labels that would not fit their bar are left out
        labelLayout: { hideOverlap: true },
      };
    }),
  };
}

/**
 * A point inside one bar a script can click (the browser test's drill-down): the largest drillable
 * value of the first bar series, at half its height (inside the bar even when stacked first).
 */
export function probeOf(chart: ChartData): { series: number; index: number; value: number; coord: [number | string, number] } | null {
  const series = chart.series.findIndex((s) => s.kind === 'bar' && s.drills.some(Boolean));
  const s = chart.series[series];
  if (!s) return null;
  let index = -1;
  s.values.forEach((v, i) => {
    if (v !== null && v > 0 && s.drills[i] && (index < 0 || v > (s.values[index] ?? 0))) index = i;
  });
  const value = s.values[index];
  if (index < 0 || value === null || value === undefined) return null;
  const half = (plotted(value, s.format) ?? 0) / 2;
  return { series, index, value, coord: chart.horizontal ? [half, index] : [index, half] };
}
