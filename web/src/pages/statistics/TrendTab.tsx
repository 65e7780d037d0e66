import { Col, Row, Segmented, Space } from 'antd';
import { useMemo, useState } from 'react';
import type { StatisticsDimension } from '../../codes';
import { useI18n } from '../../i18n/i18n';
import { pivot, series } from './chart-data';
import { ChartCard } from './ChartCard';
import { monthsEnding } from './period';
import type { TabProps } from './tab-props';
import { trendChangeChart } from './analysis-data';
import { useStatistics, useTrend } from './use-statistics';

const TREND_MONTHS = 13;
const BY: readonly StatisticsDimension[] = ['level', 'channel', 'category', 'business_line'];

/** 趋势: the 13 months up to the period's end, with month-on-month and year-on-year change (R-F3). */
export function TrendTab({ period, filters, periodName, lang }: TabProps) {
  const { t } = useI18n();
  const window = monthsEnding(period.to, TREND_MONTHS);
  const volume = useStatistics(
    {
      from: window.from,
      to: window.to,
      groupBy: ['month'],
      measures: ['received', 'closed', 'open_at_end', 'satisfaction_rate', 'reopen_rate'],
    },
    filters,
  );
  const trend = useTrend({ from: window.months[0] ?? '', to: window.months[window.months.length - 1] ?? '' }, filters);
  const [by, setBy] = useState<StatisticsDimension>('level');
  const split = useStatistics({ from: window.from, to: window.to, groupBy: ['month', by], measures: ['received'] }, filters);
  const month = t('stats.dim.month');

  const charts = useMemo(() => {
    const v = volume.data;
    return {
      volume:
        v &&
        series(
          v,
          [
            { measure: 'received', name: t('stats.measure.received'), colour: '#1677ff' },
            { measure: 'closed', name: t('stats.measure.closed'), colour: '#52c41a' },
            { measure: 'open_at_end', name: t('stats.measure.open_at_end'), kind: 'line', colour: '#fa8c16' },
          ],
          { dimension: month, buckets: window.months },
        ),
      rates:
        v &&
        series(
          v,
          [
            { measure: 'satisfaction_rate', name: t('stats.measure.satisfaction_rate'), kind: 'line', colour: '#52c41a' },
            { measure: 'reopen_rate', name: t('stats.measure.reopen_rate'), kind: 'line', colour: '#cf1322' },
          ],
          { dimension: month, buckets: window.months },
        ),
    };
  }, [volume.data, t, month, window.months]);
  const changeChart = useMemo(
    () => trend.data && trendChangeChart(trend.data, { dimension: month, mom: t('stats.chart.trendMom'), yoy: t('stats.chart.trendYoy') }),
    [trend.data, month, t],
  );
  const splitChart = useMemo(
    () =>
      split.data &&
      pivot(split.data, 'received', { dimension: month, lang, buckets: window.months, maxSeries: 8, otherName: t('stats.other') }),
    [split.data, month, lang, window.months, t],
  );

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <ChartCard
        title={t('stats.chart.trendVolume')}
        chart={charts.volume}
        failed={volume.isError}
        testId="chart-trend-volume"
        periodName={periodName}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <ChartCard
            title={t('stats.chart.trendChange')}
            chart={changeChart}
            failed={trend.isError}
            testId="chart-trend-change"
            periodName={periodName}
          />
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard
            title={t('stats.chart.trendRates')}
            chart={charts.rates}
            failed={volume.isError}
            testId="chart-trend-rates"
            periodName={periodName}
          />
        </Col>
      </Row>
      <ChartCard
        title={t('stats.chart.trendBy', { dim: t(`stats.dim.${by}`) })}
        chart={splitChart}
        failed={split.isError}
        testId="chart-trend-split"
        periodName={periodName}
        height={320}
        extra={
          <Segmented<StatisticsDimension>
            size="small"
            value={by}
            onChange={setBy}
            options={BY.map((d) => ({ value: d, label: t(`stats.dim.${d}`) }))}
            data-testid="trend-by"
          />
        }
      />
    </Space>
  );
}
