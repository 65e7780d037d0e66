import { Col, Row, Space } from 'antd';
import { useMemo } from 'react';
import type { StatisticsMeasure } from '../../codes';
import { useI18n } from '../../i18n/i18n';
import { FLAG_FIGURES, impactChart, MONEY_FIGURES } from './analysis-data';
import { byDimension, series, type MeasureSpec } from './chart-data';
import { ChartCard } from './ChartCard';
import { monthsEnding } from './period';
import type { TabProps } from './tab-props';
import { useImpact, useStatistics } from './use-statistics';

const MONEY: StatisticsMeasure[] = ['amount_involved', 'compensation_proposed', 'compensation_paid'];
const COLOURS: Partial<Record<StatisticsMeasure, string>> = {
  amount_involved: '#8c8c8c',
  compensation_proposed: '#faad14',
  compensation_paid: '#cf1322',
};

/** 影响: amounts, compensation and the complaints carrying each risk flag (GET /api/statistics/impact), money per month and per category (R-F3). */
export function ImpactTab({ period, filters, periodName, lang }: TabProps) {
  const { t } = useI18n();
  const window = monthsEnding(period.to, 13);
  const impact = useImpact({ from: period.from, to: period.to }, filters);
  const figures = useMemo(() => {
    const d = impact.data;
    if (!d) return { money: undefined, flags: undefined };
    const dimension = t('stats.tab.impact');
    const label = (f: (typeof MONEY_FIGURES)[number] | (typeof FLAG_FIGURES)[number]) => t(`stats.impact.${f}`);
    return {
      money: impactChart(d, MONEY_FIGURES, { dimension, series: t('stats.chart.impactMoney'), label, money: true, colour: '#faad14' }),
      flags: impactChart(d, FLAG_FIGURES, { dimension, series: t('stats.chart.impactFlagsSeries'), label, colour: '#cf1322' }),
    };
  }, [impact.data, t]);
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
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <ChartCard
            title={t('stats.chart.impactMoney')}
            chart={figures.money}
            failed={impact.isError}
            testId="chart-impact-money"
            periodName={periodName}
            height={200}
          />
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard
            title={t('stats.chart.impactFlags')}
            chart={figures.flags}
            failed={impact.isError}
            testId="chart-impact-flags"
            periodName={periodName}
            height={200}
          />
        </Col>
      </Row>
      <ChartCard
        title={t('stats.chart.money')}
        chart={monthChart}
        failed={monthly.isError}
        testId="chart-money-monthly"
        periodName={periodName}
      />
      <ChartCard
        title={t('stats.chart.moneyByCategory')}
        chart={categoryChart}
        failed={categories.isError}
        testId="chart-money-by-category"
        periodName={periodName}
        height={340}
      />
    </Space>
  );
}
