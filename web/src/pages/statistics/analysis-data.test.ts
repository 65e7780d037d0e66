import { describe, expect, it } from 'vitest';
import { impactChart, trendChangeChart } from './analysis-data';
import type { ImpactAnswer, TrendAnswer } from './statistics-types';

const point = (month: string, mom: number | null, yoy: number | null): TrendAnswer['series'][number]['points'][number] => ({
  month,
  value: 1,
  previousMonth: 1,
  sameMonthLastYear: 1,
  mom: mom === null ? null : { absolute: 0, ratio: mom },
  yoy: yoy === null ? null : { absolute: 0, ratio: yoy },
  drill: `m=${month}`,
});

describe('analysis charts (R-F3)', () => {
  it('month on month and year on year as two lines of ratios, without drill', () => {
    const trend: TrendAnswer = {
      from: '2026-10',
      to: '2026-11',
      measure: 'received',
      groupBy: null,
      seriesTotal: 1,
      series: [{ key: null, points: [point('2026-10', null, null), point('2026-11', 0.25, -0.5)] }],
    };
    const chart = trendChangeChart(trend, { dimension: '月份', mom: '环比', yoy: '同比' });
    expect(chart.categories).toEqual(['2026-10', '2026-11']);
    expect(chart.series.map((s) => s.values)).toEqual([
      [null, 0.25],
      [null, -0.5],
    ]);
    expect(chart.series.flatMap((s) => s.drills).every((d) => d === undefined)).toBe(true);
  });

  it('impact figures in the order asked, each bar opening its complaints (none when there are none)', () => {
    const impact: Pick<ImpactAnswer, 'figures'> = {
      figures: [
        { figure: 'media', unit: 'complaints', value: 0, complaints: 0, drill: 'riskFlag=media' },
        { figure: 'major', unit: 'complaints', value: 3, complaints: 3, drill: 'major=true' },
      ],
    };
    const chart = impactChart(impact, ['major', 'media', 'legal'], { dimension: '风险', series: '件数', label: (f) => f, colour: '#000' });
    expect(chart.categories).toEqual(['major', 'media']);
    expect(chart.series[0]?.values).toEqual([3, 0]);
    expect(chart.series[0]?.drills).toEqual(['major=true', undefined]);
  });
});
