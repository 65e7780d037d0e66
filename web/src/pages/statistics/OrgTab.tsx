import { Col, Row } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../i18n/i18n';
import { byDimension, TIMELINESS, timelinessMeasure, timelinessSpecs } from './chart-data';
import { ChartCard } from './ChartCard';
import type { TabProps } from './tab-props';
import { useStatistics } from './use-statistics';

/** Bars per unit grow with the number of units (one line each). */
const heightFor = (n: number | undefined) => Math.max(220, Math.min(640, 60 + (n ?? 0) * 30));

/** 机构与部门: complaints per branch and per responsible department, the departments' timeliness and days to close. */
export function OrgTab({ period, filters, periodName, lang }: TabProps) {
  const { t } = useI18n();
  const range = { from: period.from, to: period.to };
  const branches = useStatistics({ ...range, groupBy: ['branch'], measures: ['received', 'open_at_end'] }, filters);
  const departments = useStatistics(
    {
      ...range,
      groupBy: ['department'],
      measures: ['received', ...TIMELINESS.map((s) => timelinessMeasure('policy', s)), 'handling_days_p50', 'handling_days_p90'],
    },
    filters,
  );
  const charts = useMemo(() => {
    const states = { on_time: t('stats.state.on_time'), late: t('stats.state.late'), open_overdue: t('stats.state.open_overdue') };
    const received = { measure: 'received' as const, name: t('stats.measure.received'), colour: '#1677ff' };
    const dept = { dimension: t('stats.dim.department'), lang, horizontal: true, order: 'desc' as const };
    return {
      branches:
        branches.data &&
        byDimension(branches.data, [received, { measure: 'open_at_end', name: t('stats.measure.open_at_end'), colour: '#fa8c16' }], {
          dimension: t('stats.dim.branch'),
          lang,
          horizontal: true,
          order: 'desc',
        }),
      departments: departments.data && byDimension(departments.data, [received], dept),
      timeliness: departments.data && byDimension(departments.data, timelinessSpecs('policy', states), dept),
      days:
        departments.data &&
        byDimension(
          departments.data,
          [
            { measure: 'handling_days_p50', name: t('stats.measure.handling_days_p50'), colour: '#13c2c2' },
            { measure: 'handling_days_p90', name: t('stats.measure.handling_days_p90'), colour: '#722ed1' },
          ],
          dept,
        ),
    };
  }, [branches.data, departments.data, t, lang]);
  const deptHeight = heightFor(departments.data?.rows.length);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <ChartCard
          title={t('stats.chart.byBranch')}
          chart={charts.branches}
          failed={branches.isError}
          testId="chart-branches"
          periodName={periodName}
          height={heightFor(branches.data?.rows.length)}
        />
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard
          title={t('stats.chart.byDepartment')}
          chart={charts.departments}
          failed={departments.isError}
          testId="chart-departments"
          periodName={periodName}
          height={deptHeight}
        />
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard
          title={t('stats.chart.departmentTimeliness')}
          help={t('stats.chart.timelinessHelp')}
          chart={charts.timeliness}
          failed={departments.isError}
          testId="chart-department-timeliness"
          periodName={periodName}
          height={deptHeight}
        />
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard
          title={t('stats.chart.departmentDays')}
          chart={charts.days}
          failed={departments.isError}
          testId="chart-department-days"
          periodName={periodName}
          height={deptHeight}
        />
      </Col>
    </Row>
  );
}
