import { describe, expect, it } from 'vitest';
import type { StatisticsDimension, StatisticsMeasure } from '../../codes';
import { byDimension, onTimeRate, pareto, pivot, series, timelinessByClock } from './chart-data';
import { chartOption, formatValue, probeOf } from './chart-options';
import { chartCsv, csvFileName } from './csv';
import type { StatisticsKey, StatisticsRow } from './statistics-types';
import { tileFigures } from './tile-figures';

const key = (dimension: StatisticsDimension, value: string | null, zh = value ?? '未填写'): StatisticsKey => ({
  dimension,
  value,
  label: { zh, en: value ?? 'not given' },
});
const row = (keys: StatisticsKey[], values: Partial<Record<StatisticsMeasure, number | null>>): StatisticsRow => ({
  keys,
  values,
  drill: Object.fromEntries(Object.keys(values).map((m) => [m, `${keys.map((k) => `${k.dimension}=${k.value}`).join('&')}&m=${m}`])),
});

describe('dashboard charts from statistics rows (R-F1, R-F2)', () => {
  it('one dimension: a category per row, a series per measure, each value with its ledger drill', () => {
    const chart = byDimension(
      { rows: [row([key('level', '3', '三级')], { received: 5 }), row([key('level', '1', '一级')], { received: 9 })] },
      [{ measure: 'received', name: '受理' }],
      { dimension: '等级', lang: 'zh', order: 'desc' },
    );
    expect(chart.categories).toEqual(['一级', '三级']);
    expect(chart.series[0]?.values).toEqual([9, 5]);
    expect(chart.series[0]?.drills).toEqual(['level=1&m=received', 'level=3&m=received']);
  });

  it('two dimensions: stacked series per second key on a complete time axis, the small ones folded into "other" (no drill)', () => {
    const rows = [
      row([key('month', '2026-09'), key('channel', 'web')], { received: 4 }),
      row([key('month', '2026-11'), key('channel', 'web')], { received: 6 }),
      row([key('month', '2026-11'), key('channel', 'phone')], { received: 3 }),
      row([key('month', '2026-11'), key('channel', 'letter')], { received: 1 }),
    ];
    const chart = pivot({ rows }, 'received', {
      dimension: '月份',
      lang: 'en',
      buckets: ['2026-09', '2026-10', '2026-11'],
      maxSeries: 2,
      otherName: 'Other',
    });
    expect(chart.categories).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(chart.series.map((s) => s.name)).toEqual(['web', 'Other']);
    expect(chart.series[0]?.values).toEqual([4, 0, 6]);
    expect(chart.series[0]?.drills).toEqual(['month=2026-09&channel=web&m=received', undefined, 'month=2026-11&channel=web&m=received']);
    expect(chart.series[1]?.values).toEqual([0, 0, 4]);
    expect(chart.series[1]?.drills).toEqual([undefined, undefined, undefined]);
  });

  it('a time series fills missing buckets: counts with 0, rates with no figure', () => {
    const chart = series(
      { rows: [row([key('month', '2026-10')], { received: 2, satisfaction_rate: 0.5 })] },
      [
        { measure: 'received', name: 'r' },
        { measure: 'satisfaction_rate', name: 's', kind: 'line', axis: 1 },
      ],
      { dimension: 'm', buckets: ['2026-09', '2026-10'] },
    );
    expect(chart.series[0]?.values).toEqual([0, 2]);
    expect(chart.series[1]?.values).toEqual([null, 0.5]);
    expect(chart.series[1]?.format).toBe('rate');
  });

  it('Pareto (R-F3): largest first, cumulative share ending at 100 %', () => {
    const chart = pareto(
      [
        { label: 'B', count: 2, drill: 'cause=b' },
        { label: 'A', count: 6, drill: 'cause=a' },
        { label: 'C', count: 0 },
        { label: 'D', count: 2 },
      ],
      { dimension: '原因', count: '件数', cumulative: '累计' },
    );
    expect(chart.categories).toEqual(['A', 'B', 'D']);
    expect(chart.series[1]?.values).toEqual([0.6, 0.8, 1]);
    expect(chart.series[1]?.axis).toBe(1);
    const option = chartOption(chart, 'zh-CN');
    expect(Array.isArray(option.yAxis) && option.yAxis.length).toBe(2);
  });

  it('timeliness per clock: two stacked bars, on time / late / open overdue, and the on-time rate', () => {
    const totals = row([], {
      policy_on_time: 8,
      policy_late: 1,
      policy_open_overdue: 1,
      regulatory_on_time: 10,
      regulatory_late: 0,
      regulatory_open_overdue: 0,
    });
    const chart = timelinessByClock(totals, {
      dimension: '时限',
      clock: { policy: '内部', regulatory: '监管' },
      state: { on_time: '按时', late: '超时', open_overdue: '逾期' },
    });
    expect(chart.categories).toEqual(['内部', '监管']);
    expect(chart.series.map((s) => s.values)).toEqual([
      [8, 10],
      [1, 0],
      [1, 0],
    ]);
    expect(chart.series[1]?.drills[0]).toBe('&m=policy_late');
    expect(onTimeRate(totals.values, 'policy')).toBe(0.8);
    expect(onTimeRate({}, 'regulatory')).toBeNull();
  });

  it('the probe is a point inside the largest drillable bar of the first bar series', () => {
    const chart = pareto(
      [
        { label: 'A', count: 6, drill: 'cause=a' },
        { label: 'B', count: 8, drill: 'cause=b' },
      ],
      { dimension: 'c', count: 'n', cumulative: 'cum' },
    );
    expect(probeOf(chart)).toEqual({ series: 0, index: 0, value: 8, coord: [0, 4] });
    expect(probeOf({ ...chart, horizontal: true })?.coord).toEqual([4, 0]);
    expect(probeOf({ dimension: 'x', categories: ['a'], series: [{ ...chart.series[0]!, drills: [undefined] }] })).toBeNull();
  });
});

describe('headline tiles with month-on-month change (R-F3)', () => {
  it('counts change in per cent of the previous figure, rates in points; the tone says whether it is good news', () => {
    const now = row([], { received: 60, closed: 50, policy_on_time: 9, policy_late: 1, policy_open_overdue: 0, satisfaction_rate: 0.9 });
    const before = row([], {
      received: 50,
      closed: 50,
      policy_on_time: 7,
      policy_late: 3,
      policy_open_overdue: 0,
      satisfaction_rate: null,
    });
    const tiles = Object.fromEntries(tileFigures(now, before).map((t) => [t.name, t]));
    expect(tiles.received).toMatchObject({ value: 60, previous: 50, change: 0.2, direction: 'up', tone: 'bad', drill: '&m=received' });
    expect(tiles.closed).toMatchObject({ change: 0, direction: 'flat', tone: 'neutral' });
    expect(tiles.policyOnTime).toMatchObject({
      value: 0.9,
      previous: 0.7,
      change: 0.2,
      changeKind: 'points',
      direction: 'up',
      tone: 'good',
    });
    expect(tiles.satisfaction).toMatchObject({ value: 0.9, previous: null, change: null, direction: null });
    expect(tileFigures(now, undefined)[0]?.change).toBeNull();
  });
});

describe('chart data export (CSV, UTF-8 with BOM)', () => {
  it('one row per category, units in the header, quoted text, formulas defused', () => {
    const chart = byDimension(
      {
        rows: [
          row([key('category', 'a', '理赔, 纠纷')], { received: 3, compensation_paid: 1234.5, satisfaction_rate: 0.875 }),
          row([key('category', 'b', '=HYPERLINK("x")')], { received: 1, compensation_paid: 0, satisfaction_rate: null }),
        ],
      },
      [
        { measure: 'received', name: '受理' },
        { measure: 'compensation_paid', name: '已支付补偿' },
        { measure: 'satisfaction_rate', name: '满意率' },
      ],
      { dimension: '投诉类别', lang: 'zh' },
    );
    const csv = chartCsv(chart, { rate: '%', money: '元', days: '天' });
    expect(csv.startsWith('\uFEFF投诉类别,受理,已支付补偿 (元),满意率 (%)\r\n')).toBe(true);
    expect(csv.split('\r\n').slice(1)).toEqual(['"理赔, 纠纷",3,1234.50,87.5', `"'=HYPERLINK(""x"")",1,0.00,`, '']);
    expect(csvFileName('按等级', '2026年11月')).toBe('按等级-2026年11月.csv');
    expect(csvFileName('a/b c')).toBe('a_b_c.csv');
  });

  it('values read as their kind', () => {
    expect(formatValue(0.8754, 'rate', 'zh-CN')).toBe('87.5%');
    expect(formatValue(null, 'count', 'zh-CN')).toBe('—');
    expect(formatValue(12.345, 'days', 'en-US')).toBe('12.3');
    expect(formatValue(1200, 'count', 'en-US')).toBe('1,200');
  });
});
