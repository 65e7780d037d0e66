import { Alert, Col, Row, Space } from 'antd';
import { useMemo } from 'react';
import type { StatisticsDimension } from '../../codes';
import type { MessageKey } from '../../i18n/dictionary';
import { useI18n } from '../../i18n/i18n';
import { byDimension, series } from './chart-data';
import { ChartCard } from './ChartCard';
import { HeadlineTiles } from './HeadlineTiles';
import { SpikeAlerts } from './SpikeAlerts';
import { bucketLabel, previousPeriod, seriesGrain, timeBuckets } from './period';
import type { TabProps } from './tab-props';
import { tileFigures } from './tile-figures';
import { useStatistics } from './use-statistics';

const MIX: ReadonlyArray<{ dim: StatisticsDimension; title: MessageKey; horizontal?: boolean }> = [
  { dim: 'level', title: 'stats.chart.byLevel' },
  { dim: 'channel', title: 'stats.chart.byChannel' },
  { dim: 'category', title: 'stats.chart.byCategory', horizontal: true },
  { dim: 'business_line', title: 'stats.chart.byBusinessLine', horizontal: true },
  { dim: 'customer_group', title: 'stats.chart.byCustomerGroup' },
  { dim: 'outcome', title: 'stats.chart.byOutcome' },
];

/** One mix chart: complaints received in the period by one dimension, largest first (levels in order). */
function MixChart({ dim, title, horizontal, period, filters, periodName, lang }: TabProps & (typeof MIX)[number]) {
  const { t } = useI18n();
  const q = useStatistics({ from: period.from, to: period.to, groupBy: [dim], measures: ['received'] }, filters);
  const chart = useMemo(
    () =>
      q.data &&
      byDimension(q.data, [{ measure: 'received', name: t('stats.measure.received') }], {
        dimension: t(`stats.dim.${dim}`),
        lang,
        order: dim === 'level' ? 'as-is' : 'desc',
        horizontal,
      }),
    [q.data, t, dim, lang, horizontal],
  );
  return (
    <ChartCard
      title={t(title)}
      chart={chart}
      failed={q.isError}
      testId={`chart-mix-${dim}`}
      periodName={periodName}
      height={horizontal ? 300 : 240}
    />
  );
}

/** 月度概览: headline figures against the previous period, received and closed over the period, and the mix. */
export function OverviewTab(props: TabProps) {
  const { period, filters, periodName } = props;
  const { t } = useI18n();
  const current = useStatistics({ from: period.from, to: period.to }, filters);
  const before = previousPeriod(period);
  const previous = useStatistics({ from: before.from, to: before.to }, filters);
  const tiles = useMemo(() => current.data && tileFigures(current.data.totals, previous.data?.totals), [current.data, previous.data]);

  const grain = seriesGrain(period);
  const flow = useStatistics({ from: period.from, to: period.to, groupBy: [grain], measures: ['received', 'closed'] }, filters);
  const flowChart = useMemo(
    () =>
      flow.data &&
      series(
        flow.data,
        [
          { measure: 'received', name: t('stats.measure.received'), colour: '#1677ff' },
          { measure: 'closed', name: t('stats.measure.closed'), colour: '#52c41a' },
        ],
        { dimension: t('stats.dim.period'), buckets: timeBuckets(grain, period.from, period.to), bucketLabel },
      ),
    [flow.data, t, grain, period.from, period.to],
  );

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <SpikeAlerts lang={props.lang} />
      {current.isError ? (
        <Alert type="error" showIcon message={t('stats.loadError')} description={current.error.message} />
      ) : (
        <HeadlineTiles tiles={tiles} />
      )}
      <ChartCard
        title={t('stats.chart.receivedClosed', { grain: t(`stats.grain.${grain}`) })}
        chart={flowChart}
        failed={flow.isError}
        testId="chart-received-closed"
        periodName={periodName}
      />
      <Row gutter={[16, 16]}>
        {MIX.map((m) => (
          <Col key={m.dim} xs={24} xl={12}>
            <MixChart {...props} {...m} />
          </Col>
        ))}
      </Row>
    </Space>
  );
}
