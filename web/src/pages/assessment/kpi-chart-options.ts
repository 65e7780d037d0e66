/** The charts of 绩效考核 (#14 item 5): achievement against the target (bars, radar) and scores compared. Pure. */
import { achievedPercent, scoredLines } from './kpi-format';
import type { KpiChartOption } from './kpi-echarts';

interface Line {
  code: string;
  achieved: number | null;
  weight: number;
}

export interface ChartTexts {
  kpi: (code: string) => string;
  target: string;
  achieved: string;
  score: string;
}

const GREEN = '#52c41a';
const RED = '#ff4d4f';
const BLUE = '#1677ff';

/** Each scored KPI's achievement (bars: green when met, red when not) and the target (100 %). */
export function achievementBars(lines: readonly Line[], x: ChartTexts): KpiChartOption {
  const shown = scoredLines(lines);
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : `${String(v)}%`) },
    legend: { data: [x.achieved, x.target], top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: shown.map((l) => x.kpi(l.code)), axisLabel: { interval: 0, rotate: shown.length > 5 ? 20 : 0 } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: x.achieved,
        type: 'bar',
        barMaxWidth: 36,
        data: shown.map((l) => {
          const v = achievedPercent(l.achieved);
          return { value: v ?? 0, itemStyle: { color: (v ?? 0) >= 100 ? GREEN : RED } };
        }),
        label: { show: true, position: 'top', formatter: '{c}%' },
      },
      { name: x.target, type: 'line', symbol: 'none', lineStyle: { type: 'dashed', color: '#8c8c8c' }, data: shown.map(() => 100) },
    ],
  };
}

/** The same achievements as a radar, the target the outer ring. */
export function achievementRadar(lines: readonly Line[], x: ChartTexts): KpiChartOption {
  const shown = scoredLines(lines);
  return {
    tooltip: {},
    legend: { data: [x.achieved, x.target], top: 0 },
    radar: { indicator: shown.map((l) => ({ name: x.kpi(l.code), max: 100 })), radius: '62%', center: ['50%', '56%'] },
    series: [
      {
        type: 'radar',
        data: [
          { name: x.target, value: shown.map(() => 100), lineStyle: { type: 'dashed', color: '#8c8c8c' }, itemStyle: { color: '#8c8c8c' } },
          {
            name: x.achieved,
            value: shown.map((l) => achievedPercent(l.achieved) ?? 0),
            areaStyle: { opacity: 0.25 },
            itemStyle: { color: BLUE },
          },
        ],
      },
    ],
  };
}

/** Highest score first; no score last. */
export function byScore<R extends { score: number | null }>(rows: readonly R[]): R[] {
  return [...rows].sort((a, b) => (b.score ?? -1) - (a.score ?? -1));
}

/** Scores of several subjects, in the order given (horizontal bars, the first on top). */
export function scoreBars(sorted: ReadonlyArray<{ name: string; score: number | null }>, x: ChartTexts): KpiChartOption {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 100 },
    yAxis: { type: 'category', inverse: true, data: sorted.map((r) => r.name) },
    series: [
      {
        name: x.score,
        type: 'bar',
        barMaxWidth: 22,
        data: sorted.map((r) => r.score ?? 0),
        itemStyle: { color: BLUE },
        label: { show: true, position: 'right', formatter: (p) => (sorted[p.dataIndex]?.score === null ? '—' : String(p.value)) },
      },
    ],
  };
}
