import { DownloadOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Progress, Space, Tag } from 'antd';
import { useMemo } from 'react';
import { apiDownload } from '../../../api';
import { client, ok } from '../../../api/client';
import { useI18n } from '../../../i18n/i18n';
import { EChart } from '../../board/EChart';
import type { ChartOption } from '../../board/echarts-setup';
import { IMPORT_KEYS, isActive, RUN_REFRESH_MS, STATUS_COLOUR, type ImportRun } from './imports-kit';

const BARS = ['closed', 'open', 'skipped', 'failed'] as const;
const COLOURS: Record<(typeof BARS)[number], string> = { closed: '#52c41a', open: '#1677ff', skipped: '#bfbfbf', failed: '#ff4d4f' };

function counts(r: ImportRun): Record<(typeof BARS)[number], number> {
  return { closed: r.rowsClosed, open: r.rowsOpen, skipped: r.rowsSkipped, failed: r.rowsFailed };
}

/** Where the run's rows go, as one horizontal bar chart (numbers people compare). */
function RowsChart({ run }: { run: ImportRun }) {
  const { t } = useI18n();
  const c = counts(run);
  const option = useMemo<ChartOption>(
    () => ({
      animation: false,
      grid: { left: 8, right: 56, top: 4, bottom: 4, containLabel: true },
      tooltip: { trigger: 'item' },
      xAxis: { type: 'value', show: false },
      yAxis: { type: 'category', inverse: true, data: BARS.map((b) => t(`imports.bar.${b}`)), axisTick: { show: false } },
      series: [
        {
          type: 'bar',
          barMaxWidth: 16,
          label: { show: true, position: 'right' },
          data: BARS.map((b) => ({ value: c[b], itemStyle: { color: COLOURS[b] } })),
        },
      ],
    }),
    [c.closed, c.open, c.skipped, c.failed, t], // eslint-disable-line react-hooks/exhaustive-deps -- the counts are the inputs
  );
  return (
    <EChart
      option={option}
      height={150}
      label={`${t('imports.barTitle')}: ${BARS.map((b) => `${t(`imports.bar.${b}`)} ${c[b]}`).join(', ')}`}
      testId="import-rows-chart"
      data={{ 'data-closed': c.closed, 'data-open': c.open, 'data-skipped': c.skipped, 'data-failed': c.failed }}
    />
  );
}

/** One run: progress while it runs, then its summary, the chart, the error report and (dry run) importing for real. */
export function ImportRunPanel({ runId, onShow }: { runId: string; onShow(id: string): void }) {
  const { t, dateTime, label } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const q = useQuery({
    queryKey: IMPORT_KEYS.run(runId),
    queryFn: () => ok(client.GET('/api/imports/{id}', { params: { path: { id: runId } } })),
    refetchInterval: (query) => (isActive(query.state.data) ? RUN_REFRESH_MS : false),
  });
  const run = q.data;
  const carryOut = useMutation({
    mutationFn: () => ok(client.POST('/api/imports/{id}/run', { params: { path: { id: runId } } })),
    onSuccess: async (created) => {
      await queries.invalidateQueries({ queryKey: IMPORT_KEYS.list });
      onShow(created.id);
    },
    onError: (e) => void message.error(e.message),
  });
  const download = useMutation({
    mutationFn: () => apiDownload('/api/imports/{id}/errors.csv', {}, { id: runId }),
    onSuccess: ({ blob, fileName }) => {
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = fileName ?? 'import-errors.csv';
      a.click();
      URL.revokeObjectURL(a.href);
    },
    onError: (e) => void message.error(e.message),
  });
  if (!run) return <Card loading title={t('imports.current')} />;
  const done = run.status === 'done';
  const summary = run.dryRun
    ? t('imports.summary.dry', {
        read: run.rowsRead,
        closed: run.rowsClosed,
        open: run.rowsOpen,
        skipped: run.rowsSkipped,
        failed: run.rowsFailed,
      })
    : t('imports.summary.real', { read: run.rowsRead, imported: run.rowsImported, skipped: run.rowsSkipped, failed: run.rowsFailed });
  return (
    <Card
      title={t('imports.current')}
      data-testid="import-run"
      data-status={run.status}
      data-dry-run={String(run.dryRun)}
      extra={<Tag color={STATUS_COLOUR[run.status]}>{label('imports.status', run.status)}</Tag>}
    >
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('imports.col.file')}>{run.fileName}</Descriptions.Item>
        <Descriptions.Item label={t('imports.mapping')}>{label('imports.mappingShort', run.mapping)}</Descriptions.Item>
        <Descriptions.Item label={t('imports.col.kind')}>{t(run.dryRun ? 'imports.kind.dry' : 'imports.kind.real')}</Descriptions.Item>
        <Descriptions.Item label={t('imports.col.createdAt')}>{dateTime(run.createdAt)}</Descriptions.Item>
      </Descriptions>
      <Progress
        percent={Math.floor(run.progress * 100)}
        status={run.status === 'failed' ? 'exception' : done ? 'success' : 'active'}
        data-testid="import-progress"
      />
      <div style={{ marginBottom: 8 }}>{t('imports.rowsRead', { n: run.rowsRead })}</div>
      {run.error && <Alert type="error" showIcon message={run.error} style={{ marginBottom: 12 }} />}
      {done && (
        <Alert
          type={run.rowsFailed > 0 ? 'warning' : 'success'}
          showIcon
          message={summary}
          style={{ marginBottom: 12 }}
          data-testid="import-summary"
        />
      )}
      <RowsChart run={run} />
      <Space wrap style={{ marginTop: 12 }}>
        {run.dryRun && done && !run.carriedOutBy && (
          <Button
            type="primary"
            icon={<PlayCircleOutlined />}
            loading={carryOut.isPending}
            onClick={() => carryOut.mutate()}
            data-testid="import-run-for-real"
          >
            {t('imports.runForReal')}
          </Button>
        )}
        {run.carriedOutBy && (
          <Button onClick={() => onShow(run.carriedOutBy!)} data-testid="import-carried-out">
            {t('imports.carriedOut')}
          </Button>
        )}
        {run.rowsFailed > 0 && (
          <Button
            icon={<DownloadOutlined />}
            loading={download.isPending}
            onClick={() => download.mutate()}
            data-testid="import-errors-csv"
          >
            {t('imports.errorsCsv')}
          </Button>
        )}
      </Space>
    </Card>
  );
}
