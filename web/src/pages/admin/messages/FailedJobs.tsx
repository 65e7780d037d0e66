import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { client, ok, type Answer, type ItemOf } from '../../../api/client';
import { useI18n } from '../../../i18n/i18n';
import { useMessageLabels } from './message-kit';

type Job = ItemOf<Answer<'/api/jobs/failed', 'get'>>;
type Queue = Job['queue'];

const QUEUES: readonly Queue[] = [
  'outbox.dispatch',
  'message.send',
  'message.dead',
  'outbox.sweep',
  'digest.daily',
  'mail.ingest',
  'report.build',
  'reports.monthly',
  'import.run',
  'statistics.spikes',
  'jobs.dead',
];

/** The dead-letter list: background jobs that failed their last attempt, each put back in its queue by hand. */
export function FailedJobs() {
  const { t, dateTime } = useI18n();
  const { message } = App.useApp();
  const labels = useMessageLabels();
  const queries = useQueryClient();
  const [queue, setQueue] = useState<Queue | undefined>(undefined);
  const jobs = useQuery({
    queryKey: ['admin', 'messages', 'jobs', queue],
    queryFn: () => ok(client.GET('/api/jobs/failed', { params: { query: { queue, limit: 200 } } })),
    select: (d) => d.items,
  });
  const retry = useMutation({
    mutationFn: (j: Job) => ok(client.POST('/api/jobs/{queue}/{id}/retry', { params: { path: { queue: j.queue, id: j.id } } })),
    onSuccess: async () => {
      void message.success(t('messages.jobs.retried'));
      await queries.invalidateQueries({ queryKey: ['admin', 'messages'] });
    },
    onError: (e) => void message.error(e.message),
  });

  const columns: TableColumnsType<Job> = [
    { title: t('messages.jobs.queue'), dataIndex: 'queue', width: 140, render: (q: string) => <span title={q}>{labels.queue(q)}</span> },
    { title: t('messages.col.attempts'), dataIndex: 'attempts', width: 80, align: 'right' },
    {
      title: t('messages.jobs.error'),
      dataIndex: 'error',
      width: 320,
      ellipsis: true,
      render: (e: string | null) => (e ? <Typography.Text type="danger">{e}</Typography.Text> : t('common.none')),
    },
    { title: t('messages.jobs.failedAt'), dataIndex: 'failedAt', width: 150, render: (at: string | null) => dateTime(at) },
    { title: t('messages.jobs.createdAt'), dataIndex: 'createdAt', width: 150, render: (at: string) => dateTime(at) },
    {
      title: t('messages.col.actions'),
      key: 'actions',
      width: 90,
      fixed: 'right',
      render: (_v, j) => (
        <Button
          size="small"
          onClick={(e) => {
            e.stopPropagation();
            retry.mutate(j);
          }}
          loading={retry.isPending && retry.variables.id === j.id}
          data-testid={`job-retry-${j.id}`}
        >
          {t('messages.jobs.retry')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary">{t('messages.jobs.intro')}</Typography.Text>
        <Select<Queue>
          allowClear
          style={{ width: 180 }}
          placeholder={t('messages.jobs.allQueues')}
          value={queue}
          onChange={(v) => setQueue(v)}
          options={QUEUES.map((q) => ({ value: q, label: labels.queue(q) }))}
          data-testid="jobs-queue"
        />
      </Space>
      {jobs.error && <Alert type="error" showIcon message={jobs.error.message} style={{ marginBottom: 16 }} />}
      <Table<Job>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={jobs.data ?? []}
        loading={jobs.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('messages.jobs.empty') }}
        expandable={{
          expandRowByClick: true,
          expandedRowRender: (j) => (
            <Space direction="vertical" size={4} style={{ width: '100%' }}>
              {j.error && (
                <Typography.Text type="danger" style={{ whiteSpace: 'pre-wrap' }}>
                  {j.error}
                </Typography.Text>
              )}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('messages.jobs.data')}: <Typography.Text code>{JSON.stringify(j.data)}</Typography.Text>
              </Typography.Text>
            </Space>
          ),
        }}
        onRow={(j) => ({ 'data-testid': `job-row-${j.id}` }) as HTMLAttributes<HTMLElement>}
        data-testid="jobs-table"
      />
    </>
  );
}
