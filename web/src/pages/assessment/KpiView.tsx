import { Alert, Card, Col, Empty, Row, Select, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { useMemo } from 'react';
import { useI18n } from '../../i18n/i18n';
import type { Period } from '../statistics/period';
import { PeriodPicker } from '../statistics/PeriodPicker';
import { useKpiChoices, useKpis, type KpiLine, type KpiSubject } from './assessment-api';
import { achievementBars, achievementRadar, byScore, scoreBars, type ChartTexts } from './kpi-chart-options';
import { achievedPercent, formatKpi } from './kpi-format';
import { KpiChart } from './KpiChart';

export interface KpiSelection {
  period: Period;
  department?: string;
  person?: string;
}

interface Props {
  selection: KpiSelection;
  today: string;
  onChange(next: KpiSelection): void;
}

export function useKpiTexts(): ChartTexts & { value: (code: string, v: number | null | undefined) => string } {
  const { t, label } = useI18n();
  return useMemo(
    () => ({
      kpi: (code: string) => label('kpi.code', code),
      target: t('kpi.chart.target'),
      achieved: t('kpi.chart.achieved'),
      score: t('kpi.chart.score'),
      value: (code: string, v: number | null | undefined) => formatKpi(code, v, (d) => t('kpi.unit.days', { v: d })),
    }),
    [t, label],
  );
}

export function MetTag({ met }: { met: boolean | null }) {
  const { t } = useI18n();
  if (met === null) return <Tag>{t('kpi.met.none')}</Tag>;
  return <Tag color={met ? 'green' : 'red'}>{t(met ? 'kpi.met.yes' : 'kpi.met.no')}</Tag>;
}

/** The lines of one subject as a table: figure, its basis, target, weight, achievement. */
export function KpiTable({
  lines,
  testId,
  complaints,
}: {
  lines: readonly KpiLine[];
  testId: string;
  complaints?: (l: KpiLine) => React.ReactNode;
}) {
  const { t } = useI18n();
  const x = useKpiTexts();
  return (
    <Table<KpiLine>
      size="small"
      rowKey="code"
      pagination={false}
      dataSource={[...lines]}
      data-testid={testId}
      onRow={(l) => ({ 'data-kpi': l.code }) as React.HTMLAttributes<HTMLTableRowElement>}
      columns={[
        { title: t('kpi.col.kpi'), key: 'kpi', render: (_v, l) => x.kpi(l.code) },
        {
          title: t('kpi.col.value'),
          key: 'value',
          align: 'right',
          render: (_v, l) => <strong data-testid="kpi-value">{x.value(l.code, l.value)}</strong>,
        },
        {
          title: t('kpi.col.basis'),
          key: 'basis',
          align: 'right',
          render: (_v, l) =>
            l.denominator === null || l.denominator === 0
              ? '—'
              : l.numerator === null
                ? t('kpi.basisCount', { d: l.denominator })
                : t('kpi.basis', { n: l.numerator, d: l.denominator }),
        },
        { title: t('kpi.col.target'), key: 'target', align: 'right', render: (_v, l) => (l.weight > 0 ? x.value(l.code, l.target) : '—') },
        { title: t('kpi.col.weight'), dataIndex: 'weight', align: 'right' },
        {
          title: t('kpi.col.achieved'),
          key: 'achieved',
          align: 'right',
          render: (_v, l) => (l.achieved === null ? '—' : `${achievedPercent(l.achieved)}%`),
        },
        { title: t('kpi.col.met'), key: 'met', render: (_v, l) => <MetTag met={l.met} /> },
        ...(complaints
          ? [
              {
                title: t('kpi.col.complaints'),
                key: 'complaints',
                align: 'right' as const,
                render: (_v: unknown, l: KpiLine) => complaints(l),
              },
            ]
          : []),
      ]}
    />
  );
}

/** Score tile with the rule's explanation. */
export function ScoreTile({ score, testId }: { score: number | null; testId: string }) {
  const { t } = useI18n();
  return (
    <Statistic
      title={
        <Space size={4}>
          {t('kpi.score')}
          <Tooltip title={t('kpi.scoreHint')}>
            <QuestionCircleOutlined />
          </Tooltip>
        </Space>
      }
      value={score ?? t('kpi.scoreNone')}
      precision={score === null ? undefined : 1}
      valueStyle={{ color: score === null ? undefined : score >= 90 ? '#389e0d' : score >= 70 ? '#d48806' : '#cf1322' }}
      data-testid={testId}
    />
  );
}

/** The charts of one subject: achievement bars and the radar. */
export function SubjectCharts({ lines, testId }: { lines: readonly KpiLine[]; testId: string }) {
  const { t } = useI18n();
  const x = useKpiTexts();
  const bars = useMemo(() => achievementBars(lines, x), [lines, x]);
  const radar = useMemo(() => achievementRadar(lines, x), [lines, x]);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Card size="small" title={t('kpi.chart.achievement')}>
          <KpiChart option={bars} label={t('kpi.chart.achievement')} testId={`${testId}-bars`} />
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card size="small" title={t('kpi.chart.radar')}>
          <KpiChart option={radar} label={t('kpi.chart.radar')} testId={`${testId}-radar`} />
        </Card>
      </Col>
    </Row>
  );
}

/** 考核指标: a period, a department or person, their KPIs against the targets, and their people (or departments) compared. */
export function KpiView({ selection, today, onChange }: Props) {
  const { t, locale } = useI18n();
  const lang = locale === 'zh-CN' ? 'zh' : 'en';
  const x = useKpiTexts();
  const choices = useKpiChoices();
  const kpis = useKpis({
    from: selection.period.from,
    to: selection.period.to,
    department: selection.department,
    person: selection.person,
  });
  const subject: KpiSubject | undefined = kpis.data?.subject;
  const rows = useMemo(() => byScore(kpis.data?.rows ?? []), [kpis.data]);
  const compare = useMemo(
    () =>
      scoreBars(
        rows.map((r) => ({ name: r.name[lang], score: r.score })),
        x,
      ),
    [rows, x, lang],
  );
  const c = choices.data;
  const departmentValue = selection.person
    ? undefined
    : (selection.department ?? (subject?.kind === 'department' ? (subject.id ?? undefined) : undefined));
  const personValue = selection.person ?? (subject?.kind === 'person' ? (subject.id ?? undefined) : undefined);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="kpi-view">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          {c && c.departments.length > 0 && (
            <Select
              style={{ width: 200 }}
              placeholder={t('kpi.pickDepartment')}
              value={departmentValue}
              allowClear={c.scope === 'all'}
              onChange={(v: string | undefined) => onChange({ period: selection.period, department: v })}
              options={c.departments.map((d) => ({ value: d.id, label: d.name[lang] }))}
              data-testid="kpi-department"
            />
          )}
          {c && c.people.length > 1 && (
            <Select
              showSearch
              optionFilterProp="label"
              style={{ width: 200 }}
              placeholder={t('kpi.pickPerson')}
              value={personValue}
              allowClear
              onChange={(v: string | undefined) => onChange({ period: selection.period, person: v })}
              options={c.people.map((p) => ({ value: p.username, label: p.name }))}
              data-testid="kpi-person"
            />
          )}
          {c && <Typography.Text type="secondary">{t(`kpi.scope.${c.scope}`)}</Typography.Text>}
        </Space>
        <PeriodPicker period={selection.period} today={today} onChange={(p) => onChange({ ...selection, period: p })} />
      </Space>
      {kpis.error && <Alert type="error" showIcon message={kpis.error.message} />}
      {subject && (
        <>
          <Card size="small" data-testid="kpi-subject">
            <Space size={48} wrap align="start">
              <Statistic title={t(`kpi.${subject.kind}` as 'kpi.department')} value={subject.name[lang]} data-testid="kpi-subject-name" />
              <ScoreTile score={subject.score} testId="kpi-score" />
              <Typography.Text type="secondary">{t('kpi.policyVersion', { v: kpis.data!.policyVersion })}</Typography.Text>
            </Space>
          </Card>
          <SubjectCharts lines={subject.lines} testId="kpi" />
          <Card size="small" title={t('kpi.col.kpi')}>
            <KpiTable lines={subject.lines} testId="kpi-table" />
          </Card>
          {rows.length > 0 && (
            <Card
              size="small"
              title={t('kpi.chart.compare', {
                what: t(rows[0]!.kind === 'person' ? 'kpi.chart.comparePeople' : 'kpi.chart.compareDepartments'),
              })}
            >
              <KpiChart
                option={compare}
                height={Math.max(160, rows.length * 36)}
                label={t('kpi.rowsTable')}
                testId="kpi-compare"
                onItemClick={(i) => {
                  const r = rows[i];
                  if (!r?.id) return;
                  onChange(
                    r.kind === 'person' ? { period: selection.period, person: r.id } : { period: selection.period, department: r.id },
                  );
                }}
              />
              <Table
                size="small"
                rowKey={(r) => r.id ?? ''}
                pagination={false}
                dataSource={rows}
                data-testid="kpi-rows"
                columns={[
                  {
                    title: t(rows[0]!.kind === 'person' ? 'kpi.person' : 'kpi.department'),
                    key: 'name',
                    render: (_v, r) => r.name[lang],
                    fixed: 'left',
                  },
                  { title: t('kpi.score'), key: 'score', align: 'right', render: (_v, r) => (r.score === null ? '—' : r.score.toFixed(1)) },
                  ...[
                    'volume',
                    'policy_on_time_rate',
                    'regulatory_on_time_rate',
                    'satisfaction_rate',
                    'reopen_rate',
                    'handling_days_p50',
                  ].map((code) => ({
                    title: x.kpi(code),
                    key: code,
                    align: 'right' as const,
                    render: (_v: unknown, r: KpiSubject) => x.value(code, r.lines.find((l) => l.code === code)?.value),
                  })),
                ]}
                scroll={{ x: true }}
              />
            </Card>
          )}
          {subject.lines.every((l) => l.value === null || l.value === 0) && <Empty description={t('kpi.noData')} />}
        </>
      )}
    </Space>
  );
}
