import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Row, Select, Space, Spin, Statistic, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { apiDownload } from '../../../api';
import { client, ok } from '../../../api/client';
import { useI18n } from '../../../i18n/i18n';
import { EChart } from '../../board/EChart';
import { drawnColumns, drillOf, regulatorChartOption, type Lang, type RegulatorAnswer, type RegulatorTable } from './regulator-charts';

interface Quarter {
  year: number;
  quarter: number;
}

interface Props {
  /** the dashboard's period: its first day's quarter is shown; without it, a year and quarter picker (default: the last full quarter) */
  period?: { from: string };
}

function quarterOf(date: string): Quarter {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return { year: y, quarter: Math.floor((m - 1) / 3) + 1 };
}

function lastFullQuarter(today: Date): Quarter {
  const q = Math.floor(today.getMonth() / 3) + 1;
  return q === 1 ? { year: today.getFullYear() - 1, quarter: 4 } : { year: today.getFullYear(), quarter: q - 1 };
}

const COLUMNS = ['property', 'personal', 'securities', 'insurance', 'total'] as const;
/** The code of a table's total row. */
const TOTAL_ROW = 'total';
type Column = (typeof COLUMNS)[number];
const isColumn = (c: string): c is Column => (COLUMNS as readonly string[]).includes(c);

function TableCard({ table, lang, columnLabel }: { table: RegulatorTable; lang: Lang; columnLabel: (c: string) => string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const option = useMemo(() => regulatorChartOption(table, columnLabel, lang), [table, columnLabel, lang]);
  const drawn = drawnColumns(table);
  const drillable = table.rows.some((r) => r.cells.some((c) => c.drill !== null));
  const percent = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);
  const rows = [...table.rows, table.total];
  return (
    <Card
      size="small"
      title={table.label[lang]}
      extra={<Typography.Text type="secondary">{drillable ? t('regulator.drillHint') : t('regulator.noDrill')}</Typography.Text>}
      data-testid={`regulator-${table.key}`}
    >
      <EChart
        option={option}
        height={Math.max(220, table.rows.length > 6 ? table.rows.length * 30 : 0)}
        label={table.label[lang]}
        testId={`regulator-chart-${table.key}`}
        onItemClick={(row, series) => {
          const drill = drillOf(table, row, drawn[series] ?? '');
          if (drill) void navigate(`/complaints?${drill}`);
        }}
      />
      <Table
        size="small"
        pagination={false}
        rowKey="code"
        dataSource={rows}
        style={{ marginTop: 8 }}
        columns={[
          {
            title: t('regulator.category'),
            key: 'label',
            render: (_, r) => (r.code === TOTAL_ROW ? <strong>{r.label[lang]}</strong> : r.label[lang]),
          },
          ...table.columns.map((column, i) => ({
            title: columnLabel(column),
            key: column,
            align: 'right' as const,
            render: (_: unknown, r: (typeof rows)[number]) => {
              const cell = r.cells[i];
              if (!cell) return null;
              const text = `${cell.count}（${percent(cell.share)}）`;
              return cell.drill && cell.count > 0 ? (
                <a href={`/complaints?${cell.drill}`} onClick={(e) => (e.preventDefault(), void navigate(`/complaints?${cell.drill}`))}>
                  {text}
                </a>
              ) : (
                text
              );
            },
          })),
        ]}
      />
    </Card>
  );
}

/**
 * 监管报送 (#13 item 6): the quarterly complaint statistics in the regulators' categories (insurance by
 * dispute type for property and personal insurers, securities by business type, by channel, by days
 * to decision), as charts with their tables; a bar or a figure opens the ledger of its complaints;
 * the official files download as xlsx and CSV.
 */
export function RegulatorStatistics({ period }: Props) {
  const { t, locale, dateTime } = useI18n();
  const { message } = App.useApp();
  const lang: Lang = locale === 'zh-CN' ? 'zh' : 'en';
  const [picked, setPicked] = useState<Quarter>(() => lastFullQuarter(new Date()));
  const q = period ? quarterOf(period.from) : picked;
  const query = useQuery({
    queryKey: ['statistics', 'regulator', q.year, q.quarter],
    queryFn: () => ok(client.GET('/api/statistics/regulator', { params: { query: { year: q.year, quarter: q.quarter } } })),
  });
  const columnLabel = useMemo(() => (c: string) => (isColumn(c) ? t(`regulator.column.${c}`) : c), [t]);

  const download = async (format: 'xlsx' | 'csv') => {
    try {
      const path = format === 'xlsx' ? '/api/statistics/regulator.xlsx' : '/api/statistics/regulator.csv';
      const { blob, fileName } = await apiDownload(path, { year: q.year, quarter: q.quarter });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName ?? `regulator-statistics-${q.year}Q${q.quarter}.${format}`;
      a.click();
      URL.revokeObjectURL(url);
    } catch (e) {
      void message.error(e instanceof Error ? e.message : t('regulator.downloadFailed'));
    }
  };

  const thisYear = new Date().getFullYear();
  const data: RegulatorAnswer | undefined = query.data;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="regulator-statistics">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={5} style={{ margin: 0 }} data-testid="regulator-title">
          {t('regulator.title', { year: q.year, quarter: q.quarter })}
        </Typography.Title>
        <Space wrap>
          {!period && (
            <>
              <Select
                aria-label={t('regulator.year')}
                value={q.year}
                onChange={(year) => setPicked({ ...q, year })}
                options={Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: String(y) }))}
                data-testid="regulator-year"
              />
              <Select
                aria-label={t('regulator.quarter')}
                value={q.quarter}
                onChange={(quarter) => setPicked({ ...q, quarter })}
                options={[1, 2, 3, 4].map((n) => ({ value: n, label: t('regulator.quarterN', { n }) }))}
                data-testid="regulator-quarter"
              />
            </>
          )}
          <Button icon={<DownloadOutlined />} onClick={() => void download('xlsx')} data-testid="regulator-xlsx">
            {t('regulator.downloadXlsx')}
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => void download('csv')} data-testid="regulator-csv">
            {t('regulator.downloadCsv')}
          </Button>
        </Space>
      </Space>
      {query.isPending ? (
        <Spin style={{ display: 'block', marginTop: 32 }} />
      ) : !data ? (
        <Alert type="error" showIcon message={t('common.error')} description={query.error?.message} />
      ) : (
        <>
          <Typography.Text type="secondary">{t('regulator.basis', { asOf: dateTime(data.asOf) })}</Typography.Text>
          <Row gutter={[16, 16]}>
            {(['total', 'property', 'personal', 'securities'] as const).map((c) => (
              <Col key={c} xs={12} md={6}>
                <Card size="small">
                  <Statistic
                    title={c === 'total' ? t('regulator.total') : columnLabel(c)}
                    value={data.totals[c]}
                    data-testid={`regulator-total-${c}`}
                  />
                </Card>
              </Col>
            ))}
          </Row>
          {data.totals.total === 0 && <Alert type="info" showIcon message={t('regulator.empty')} />}
          <Row gutter={[16, 16]}>
            {data.tables.map((table) => (
              <Col key={table.key} xs={24} xl={12}>
                <TableCard table={table} lang={lang} columnLabel={columnLabel} />
              </Col>
            ))}
          </Row>
        </>
      )}
    </Space>
  );
}
