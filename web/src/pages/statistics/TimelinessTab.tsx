import { Col, Row, Space } from 'antd';
import { useMemo } from 'react';
import type { StatisticsMeasure } from '../../codes';
import { useI18n } from '../../i18n/i18n';
import { byDimension, CLOCKS, series, TIMELINESS, timelinessByClock, timelinessMeasure, timelinessSpecs, type Clock } from './chart-data';
import { ChartCard } from './ChartCard';
import { monthsEnding } from './period';
import type { TabProps } from './tab-props';
import { useStatistics } from './use-statistics';

const MEASURES: StatisticsMeasure[] = CLOCKS.flatMap((c) => TIMELINESS.map((s) => timelinessMeasure(c, s)));

function useStateNames() {
  const { t } = useI18n();
  return useMemo(
    () => ({ on_time: t('stats.state.on_time'), late: t('stats.state.late'), open_overdue: t('stats.state.open_overdue') }),
    [t],
  );
}

/** One clock: on time / late / open overdue per month received (13 months) and per level (the period). */
function ClockCharts({ clock, period, filters, periodName, lang }: TabProps & { clock: Clock }) {
  const { t } = useI18n();
  const states = useStateNames();
  const window = monthsEnding(period.to, 13);
  const measures = TIMELINESS.map((s) => timelinessMeasure(clock, s));
  const monthly = useStatistics({ from: window.from, to: window.to, groupBy: ['month'], measures }, filters);
  const levels = useStatistics({ from: period.from, to: period.to, groupBy: ['level'], measures }, filters);
  const specs = useMemo(() => timelinessSpecs(clock, states), [clock, states]);
  const monthChart = useMemo(
    () => monthly.data && series(monthly.data, specs, { dimension: t('stats.dim.month'), buckets: window.months }),
    [monthly.data, specs, t, window.months],
  );
  const levelChart = useMemo(
    () => levels.data && byDimension(levels.data, specs, { dimension: t('stats.dim.level'), lang }),
    [levels.data, specs, t, lang],
  );
  const name = t(`stats.clock.${clock}`);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <ChartCard
          title={t('stats.chart.clockByMonth', { clock: name })}
          chart={monthChart}
          failed={monthly.isError}
          testId={`chart-${clock}-monthly`}
          periodName={periodName}
        />
      </Col>
      <Col xs={24} xl={10}>
        <ChartCard
          title={t('stats.chart.clockByLevel', { clock: name })}
          chart={levelChart}
          failed={levels.isError}
          testId={`chart-${clock}-by-level`}
          periodName={periodName}
        />
      </Col>
    </Row>
  );
}

/** 时效: both clocks (the level's internal deadline and the regulator's), on time / late / open overdue. */
export function TimelinessTab(props: TabProps) {
  const { period, filters, periodName } = props;
  const { t } = useI18n();
  const states = useStateNames();
  const totals = useStatistics({ from: period.from, to: period.to, measures: MEASURES }, filters);
  const chart = useMemo(
    () =>
      totals.data &&
      timelinessByClock(totals.data.totals, {
        dimension: t('stats.dim.clock'),
        clock: { policy: t('stats.clock.policy'), regulatory: t('stats.clock.regulatory') },
        state: states,
      }),
    [totals.data, t, states],
  );
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <ChartCard
        title={t('stats.chart.clocks')}
        help={t('stats.chart.timelinessHelp')}
        chart={chart}
        failed={totals.isError}
        testId="chart-clocks"
        periodName={periodName}
        height={180}
      />
      {CLOCKS.map((clock) => (
        <ClockCharts key={clock} clock={clock} {...props} />
      ))}
    </Space>
  );
}
