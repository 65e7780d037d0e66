import { Space } from 'antd';
import { useMemo } from 'react';
import type { StatisticsMeasure } from '../../codes';
import { useI18n } from '../../i18n/i18n';
import { byDimension, series, type MeasureSpec } from './chart-data';
import { ChartCard } from './ChartCard';
import { monthsEnding } from './period';
import type { TabProps } from './tab-props';
import { useStatistics } from './use-statistics';

const MONEY: StatisticsMeasure[] = ['amount_involved', 'compensation_proposed', 'compensation_paid'];
const COLOURS: Partial<Record<StatisticsMeasure, string>> = {
  amount_involved: '#8c8c8c',
  compensation_proposed: '#faad14',
  compensation_paid: '#cf1322',
};

/** 影响: amounts involved and compensation proposed and paid, per month and per category (R-F3 impact). */
export function ImpactTab({ period, filters, periodName, lang }: TabProps) {
  const { t } = useI18n();
  const window = monthsEnding(period.to, 13);
  const monthly = useStatistics({ from: window.from, to: window.to, groupBy: ['month'], measures: MONEY }, filters);
  const categories = useStatistics({ from: period.from, to: period.to, groupBy: ['category'], measures: MONEY }, filters);
  const specs = useMemo<MeasureSpec[]>(() => MONEY.map((m) => ({ measure: m, name: t(`stats.measure.${m}`), colour: COLOURS[m] })), [t]);
  const monthChart = useMemo(
    () => monthly.data && series(monthly.data, specs, { dimension: t('stats.dim.month'), buckets: window.months }),
    [monthly.data, specs, t, window.months],
  );
  const categoryChart = useMemo(
    () =>
      categories.data && byDimension(categories.data, specs, { dimension: t('stats.dim.category'), lang, horizontal: true, order: 'desc' }),
    [categories.data, specs, t, lang],
  );
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <ChartCard title={t('stats.chart.money')} chart={monthChart} testId="chart-money-monthly" periodName={periodName} />
      <ChartCard
        title={t('stats.chart.moneyByCategory')}
        chart={categoryChart}
        testId="chart-money-by-category"
        periodName={periodName}
        height={340}
      />
    </Space>
  );
}
