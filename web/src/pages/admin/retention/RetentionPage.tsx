/**
 * 系统管理 → 数据保留 (#15 item 4, R-H6): the periods in force (from the policy, with a link to its
 * editor), how many complaints expire in 30 and 90 days, are expired, held and anonymised (as a bar
 * chart: numbers people compare), the legal holds not released, the sweep's runs, and for the
 * administrator a dry-run preview and "run now" (queues the job retention.sweep).
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Modal, Row, Space, Spin, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { client, ok, type Answer } from '../../../api/client';
import { useI18n } from '../../../i18n/i18n';
import { FilterBarChart } from '../../board/FilterBarChart';
import { useTaxonomyLabel } from '../../complaint/complaint-queries';

type Overview = Answer<'/api/retention', 'get'>;
type Hold = Overview['holds'][number];
type Run = Overview['runs'][number];
type Preview = Answer<'/api/retention/preview', 'get'>;
type CountKey = keyof Overview['counts'];

const COUNT_KEYS: readonly CountKey[] = ['expiringIn30', 'expiringIn90', 'expired', 'held', 'anonymised'];
const COUNT_COLOUR: Record<CountKey, string> = {
  expiringIn30: '#fa8c16',
  expiringIn90: '#fadb14',
  expired: '#f5222d',
  held: '#722ed1',
  anonymised: '#8c8c8c',
};
const RUN_COLOUR: Record<Run['status'], string> = { running: 'processing', done: 'success', failed: 'error' };

export function RetentionPage() {
  const { t, dateTime } = useI18n();
  const { message } = App.useApp();
  const tax = useTaxonomyLabel();
  const overview = useQuery({ queryKey: ['retention'], queryFn: () => ok(client.GET('/api/retention')) });
  const [preview, setPreview] = useState<Preview | null>(null);
  const previewing = useMutation({
    mutationFn: () => ok(client.GET('/api/retention/preview')),
    onSuccess: setPreview,
  });
  const sweep = useMutation({
    mutationFn: () => ok(client.POST('/api/retention/sweep')),
    onSuccess: async () => {
      void message.success(t('retention.queued'));
      await overview.refetch();
    },
  });
  if (overview.isPending) return <Spin />;
  if (overview.error) return <Alert type="error" showIcon message={overview.error.message} />;
  const o = overview.data;

  const holdColumns: TableColumnsType<Hold> = [
    {
      title: t('retention.complaint'),
      key: 'number',
      width: 160,
      render: (_v, h) => <Link to={`/complaints/${h.complaintId}?tab=legalHold`}>{h.number}</Link>,
    },
    { title: t('retention.businessLine'), key: 'line', width: 110, render: (_v, h) => tax('businessLines', h.businessLine) },
    { title: t('legalHold.reason'), dataIndex: 'reason' },
    { title: t('legalHold.placedBy'), key: 'by', width: 140, render: (_v, h) => `${h.placedByName} (${h.placedBy})` },
    { title: t('legalHold.placedAt'), key: 'at', width: 150, render: (_v, h) => dateTime(h.placedAt) },
    {
      title: t('legalHold.untilCol'),
      key: 'until',
      width: 140,
      render: (_v, h) => (
        <Space size={4}>
          {h.until ?? t('legalHold.untilOpen')}
          {!h.inForce && <Tag color="orange">{t('legalHold.lapsed')}</Tag>}
        </Space>
      ),
    },
  ];
  const runColumns: TableColumnsType<Run> = [
    { title: t('retention.run.startedAt'), key: 'start', render: (_v, r) => dateTime(r.startedAt), width: 160 },
    { title: t('retention.run.finishedAt'), key: 'end', render: (_v, r) => (r.finishedAt ? dateTime(r.finishedAt) : '—'), width: 160 },
    {
      title: t('retention.run.status'),
      key: 'status',
      width: 100,
      render: (_v, r) => <Tag color={RUN_COLOUR[r.status]}>{t(`retention.run.status.${r.status}`)}</Tag>,
    },
    {
      title: t('retention.run.triggeredBy'),
      key: 'by',
      render: (_v, r) => (r.triggeredBy === 'system' ? t('retention.system') : r.triggeredBy),
    },
    { title: t('retention.run.anonymised'), dataIndex: 'anonymised', align: 'right', width: 90 },
    { title: t('retention.run.held'), dataIndex: 'held', align: 'right', width: 120 },
    { title: t('retention.run.errors'), dataIndex: 'errors', align: 'right', width: 70 },
  ];

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="retention-page">
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={10}>
          <Card
            size="small"
            title={t('retention.periods')}
            extra={<Link to="/admin/policy">{t('retention.editPolicy')}</Link>}
            data-testid="retention-periods"
            style={{ height: '100%' }}
          >
            <Table
              size="small"
              rowKey="businessLine"
              pagination={false}
              dataSource={o.periods}
              columns={[
                { title: t('retention.businessLine'), key: 'line', render: (_v, p) => tax('businessLines', p.businessLine) },
                { title: t('retention.yearsCol'), key: 'years', align: 'right', render: (_v, p) => t('legalHold.yearsN', { n: p.years }) },
              ]}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
              {t('retention.periodsHint', { n: o.auditRetentionYears ?? '—' })}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" style={{ height: '100%' }} data-testid="retention-counts">
            <FilterBarChart
              keys={COUNT_KEYS}
              counts={o.counts}
              labelOf={(k) => t(`retention.count.${k}`)}
              colourOf={(k) => COUNT_COLOUR[k]}
              isSelected={() => true}
              onPick={() => undefined}
              title={t('retention.counts')}
              hint={t('retention.countsHint')}
              testId="retention-count-chart"
              data={Object.fromEntries(COUNT_KEYS.map((k) => [k, o.counts[k]]))}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={`${t('retention.holds')} (${o.holds.length})`} data-testid="retention-holds">
        <Table<Hold>
          size="small"
          rowKey="id"
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={holdColumns}
          dataSource={o.holds}
        />
      </Card>
      <Card
        size="small"
        title={t('retention.runs')}
        data-testid="retention-runs"
        extra={
          o.canManage && (
            <Space>
              <Button size="small" loading={previewing.isPending} onClick={() => previewing.mutate()} data-testid="retention-preview">
                {t('retention.preview')}
              </Button>
              <Button
                size="small"
                danger
                loading={sweep.isPending}
                data-testid="retention-run-now"
                onClick={() =>
                  Modal.confirm({ title: t('retention.runNow'), content: t('retention.runConfirm'), onOk: () => sweep.mutateAsync() })
                }
              >
                {t('retention.runNow')}
              </Button>
            </Space>
          )
        }
      >
        {(previewing.error ?? sweep.error) && (
          <Alert type="error" showIcon message={(previewing.error ?? sweep.error)?.message} style={{ marginBottom: 8 }} />
        )}
        <Table<Run>
          size="small"
          rowKey="id"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={runColumns}
          dataSource={o.runs}
        />
      </Card>
      <Modal open={preview !== null} title={t('retention.previewTitle')} footer={null} onCancel={() => setPreview(null)} width={720}>
        {preview && (
          <div data-testid="retention-preview-result">
            <Typography.Paragraph>{t('retention.previewTotal', { n: preview.total, held: preview.heldExcluded })}</Typography.Paragraph>
            <Table
              size="small"
              rowKey="complaintId"
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              locale={{ emptyText: t('retention.previewEmpty') }}
              dataSource={preview.items}
              columns={[
                { title: t('retention.complaint'), dataIndex: 'number' },
                { title: t('retention.businessLine'), key: 'line', render: (_v, r) => tax('businessLines', r.businessLine) },
                { title: t('legalHold.closedOn'), dataIndex: 'closedOn' },
                { title: t('legalHold.expiresOn'), dataIndex: 'expiresOn' },
              ]}
            />
          </div>
        )}
      </Modal>
    </Space>
  );
}
