import { Space } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../i18n/i18n';
import { keyLabel, pareto, pivot } from './chart-data';
import { ChartCard } from './ChartCard';
import { monthsEnding } from './period';
import type { TabProps } from './tab-props';
import { useStatistics } from './use-statistics';

const MAIN_CAUSES = 6;

/** 原因分析: causes ranked with their cumulative share (Pareto), and how the main causes move month by month (R-F3). */
export function CausesTab({ period, filters, periodName, lang }: TabProps) {
  const { t } = useI18n();
  const ranked = useStatistics({ from: period.from, to: period.to, groupBy: ['cause'], measures: ['received'] }, filters);
  const window = monthsEnding(period.to, 13);
  const monthly = useStatistics({ from: window.from, to: window.to, groupBy: ['month', 'cause'], measures: ['received'] }, filters);

  const paretoChart = useMemo(
    () =>
      ranked.data &&
      pareto(
        ranked.data.rows.map((r) => ({ label: keyLabel(r.keys[0], lang), count: r.values.received ?? 0, drill: r.drill.received })),
        { dimension: t('stats.dim.cause'), count: t('stats.chart.paretoCount'), cumulative: t('stats.chart.paretoCumulative') },
      ),
    [ranked.data, lang, t],
  );
  const monthlyChart = useMemo(
    () =>
      monthly.data &&
      pivot(monthly.data, 'received', {
        dimension: t('stats.dim.month'),
        lang,
        buckets: window.months,
        maxSeries: MAIN_CAUSES,
        otherName: t('stats.other'),
      }),
    [monthly.data, t, lang, window.months],
  );

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <ChartCard
        title={t('stats.chart.pareto')}
        help={t('stats.chart.paretoHelp')}
        chart={paretoChart}
        testId="chart-pareto"
        periodName={periodName}
        height={340}
      />
      <ChartCard
        title={t('stats.chart.causesByMonth')}
        chart={monthlyChart}
        testId="chart-causes-monthly"
        periodName={periodName}
        height={320}
      />
    </Space>
  );
}
