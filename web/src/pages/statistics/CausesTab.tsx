import { Alert, Space } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { pareto, pivot } from './chart-data';
import { ChartCard } from './ChartCard';
import { monthsEnding } from './period';
import { ledgerHref } from './stats-params';
import type { TabProps } from './tab-props';
import { useCauses, useStatistics } from './use-statistics';

const MAIN_CAUSES = 6;

/**
 * 原因分析: causes ranked with their cumulative share (Pareto, GET /api/statistics/causes), and how
 * the main causes move month by month (R-F3). Complaints without a recorded cause are counted
 * beside the chart, not as a cause.
 */
export function CausesTab({ period, filters, periodName, lang }: TabProps) {
  const { t } = useI18n();
  const causes = useCauses({ from: period.from, to: period.to }, filters);
  const window = monthsEnding(period.to, 13);
  const monthly = useStatistics({ from: window.from, to: window.to, groupBy: ['month', 'cause'], measures: ['received'] }, filters);

  const paretoChart = useMemo(
    () =>
      causes.data &&
      pareto(
        causes.data.rows.map((r) => ({ label: r.label[lang], count: r.count, drill: r.drill })),
        { dimension: t('stats.dim.cause'), count: t('stats.chart.paretoCount'), cumulative: t('stats.chart.paretoCumulative') },
      ),
    [causes.data, lang, t],
  );
  const monthlyChart = useMemo(
    () =>
      monthly.data &&
      pivot({ rows: monthly.data.rows.filter((r) => r.keys[1]?.value !== null) }, 'received', {
        dimension: t('stats.dim.month'),
        lang,
        buckets: window.months,
        maxSeries: MAIN_CAUSES,
        otherName: t('stats.other'),
      }),
    [monthly.data, t, lang, window.months],
  );
  const without = causes.data?.withoutCause ?? 0;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {causes.data && without > 0 && (
        <Alert
          type="info"
          showIcon
          data-testid="causes-without"
          message={
            <>
              {t('stats.causes.without', { n: without, total: causes.data.complaints })}{' '}
              <Link to={ledgerHref(causes.data.withoutCauseDrill)}>{t('stats.causes.list')}</Link>
            </>
          }
        />
      )}
      <ChartCard
        title={t('stats.chart.pareto')}
        help={t('stats.chart.paretoHelp')}
        chart={paretoChart}
        failed={causes.isError}
        testId="chart-pareto"
        periodName={periodName}
        height={340}
      />
      <ChartCard
        title={t('stats.chart.causesByMonth')}
        chart={monthlyChart}
        failed={monthly.isError}
        testId="chart-causes-monthly"
        periodName={periodName}
        height={320}
      />
    </Space>
  );
}
