/** The board's headline charts as ECharts options (R-F1 level and timeliness, R-E6 on-time rate). */
import type { I18n } from '../../i18n/i18n';
import type { BoardAnswer } from './board-types';
import type { ChartOption } from './echarts-setup';

const LEVEL_COLOURS: Record<number, string> = { 1: '#cf1322', 2: '#fa8c16', 3: '#1677ff' };
const GREEN = '#52c41a';
const RED = '#ff4d4f';
const GRID = { left: 8, right: 8, top: 36, bottom: 8, containLabel: true };

/** 'YYYY-MM-DD' -> 'MM-DD' */
const monthDay = (d: string) => d.slice(5);

export function openByLevelOption(data: BoardAnswer['openByLevel'], i18n: Pick<I18n, 't' | 'label'>): ChartOption {
  const { t, label } = i18n;
  return {
    grid: GRID,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    xAxis: { type: 'category', data: data.map((d) => label('level', d.level)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: t('board.chart.open'),
        type: 'bar',
        data: data.map((d) => ({ value: d.open, itemStyle: { color: LEVEL_COLOURS[d.level] } })),
        label: { show: true, position: 'top' },
      },
      { name: t('board.chart.overdue'), type: 'bar', data: data.map((d) => d.overdue), itemStyle: { color: '#8c8c8c' } },
    ],
  };
}

export function onTimeOption(data: BoardAnswer['onTime'], i18n: Pick<I18n, 't'>): ChartOption {
  const { t } = i18n;
  return {
    grid: GRID,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: { type: 'category', data: data.map((w) => monthDay(w.weekStart)) },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      { name: t('board.chart.onTimeMet'), type: 'bar', stack: 'clocks', data: data.map((w) => w.onTime), itemStyle: { color: GREEN } },
      { name: t('board.chart.late'), type: 'bar', stack: 'clocks', data: data.map((w) => w.late), itemStyle: { color: RED } },
      {
        name: t('board.chart.rate'),
        type: 'line',
        yAxisIndex: 1,
        connectNulls: true,
        data: data.map((w) => (w.rate === null ? null : Math.round(w.rate * 1000) / 10)),
        itemStyle: { color: '#1677ff' },
        tooltip: { valueFormatter: (v) => (typeof v === 'number' ? `${v}%` : '—') },
      },
    ],
  };
}

export function receivedPerDayOption(data: BoardAnswer['receivedPerDay'], i18n: Pick<I18n, 't'>): ChartOption {
  const { t } = i18n;
  return {
    grid: GRID,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: { type: 'category', data: data.map((d) => monthDay(d.day)), axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: t('board.chart.received'), type: 'bar', data: data.map((d) => d.count), itemStyle: { color: '#1677ff' } }],
  };
}
