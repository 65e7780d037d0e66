import { FileAddOutlined, FileTextOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Progress, Result, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { can, useMe } from '../../session';
import { NewMonthlyModal, NewSpecialModal } from './NewReportModals';
import { ReportDetailView } from './ReportDetailView';
import { isBuilding, useReports, type ReportStatus, type ReportSummary } from './report-queries';

const STATUS_COLOUR: Record<ReportStatus, string> = {
  queued: 'default',
  building: 'processing',
  draft: 'gold',
  final: 'green',
  failed: 'red',
};

export function ReportStatusTag({ report }: { report: Pick<ReportSummary, 'status' | 'progress' | 'step'> }) {
  const { t } = useI18n();
  if (isBuilding(report.status)) {
    return (
      <div style={{ minWidth: 180 }} data-testid="report-progress">
        <Progress percent={report.progress} size="small" status="active" />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(`reports.step.${report.step ?? 'queued'}` as 'reports.step.queued')}
        </Typography.Text>
      </div>
    );
  }
  return (
    <Tag color={STATUS_COLOUR[report.status]} data-testid="report-status">
      {t(`reports.status.${report.status}`)}
    </Tag>
  );
}

/** 报告 (#13 items 4, 5): the list of reports, newest first, with their build progress; /reports/:id opens one. */
export function ReportsPage() {
  const { id } = useParams();
  const me = useMe();
  const { t } = useI18n();
  if (!can(me.data, 'report.read')) return <Result status="403" title={t('reports.noPermission')} />;
  return id ? <ReportDetailView id={id} /> : <ReportList />;
}

function ReportList() {
  const { t, dateTime } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const [kind, setKind] = useState<'all' | 'monthly' | 'special'>('all');
  const [open, setOpen] = useState<'monthly' | 'special' | null>(null);
  const reports = useReports(kind === 'all' ? undefined : kind);
  const manage = can(me.data, 'report.manage');

  const created = (id: string) => {
    setOpen(null);
    void navigate(`/reports/${id}`);
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="reports-page">
      <Card
        title={
          <Space>
            <FileTextOutlined />
            {t('reports.title')}
          </Space>
        }
        extra={
          manage && (
            <Space>
              <Button type="primary" icon={<FileAddOutlined />} onClick={() => setOpen('monthly')} data-testid="new-monthly">
                {t('reports.newMonthly')}
              </Button>
              <Button icon={<FileAddOutlined />} onClick={() => setOpen('special')} data-testid="new-special">
                {t('reports.newSpecial')}
              </Button>
            </Space>
          )
        }
      >
        <Typography.Paragraph type="secondary">{t('reports.intro')}</Typography.Paragraph>
        {!manage && <Alert type="info" showIcon message={t('reports.readOnly')} style={{ marginBottom: 12 }} />}
        <Segmented<'all' | 'monthly' | 'special'>
          value={kind}
          onChange={(v) => setKind(v)}
          options={[
            { value: 'all', label: t('reports.filter.all') },
            { value: 'monthly', label: t('reports.kind.monthly') },
            { value: 'special', label: t('reports.kind.special') },
          ]}
          style={{ marginBottom: 12 }}
        />
        <Table<ReportSummary>
          rowKey="id"
          loading={reports.isLoading}
          dataSource={reports.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('reports.empty') }}
          data-testid="reports-table"
          columns={[
            {
              title: t('reports.col.title'),
              key: 'title',
              render: (_, r) => (
                <Space direction="vertical" size={0}>
                  <Link to={`/reports/${r.id}`}>{r.title}</Link>
                  <Space size={4}>
                    <Tag>{t(`reports.kind.${r.kind}`)}</Tag>
                    {r.automatic && <Tag color="blue">{t('reports.automatic')}</Tag>}
                  </Space>
                </Space>
              ),
            },
            { title: t('reports.col.period'), key: 'period', render: (_, r) => `${r.periodFrom} ~ ${r.periodTo}` },
            { title: t('reports.col.version'), key: 'version', render: (_, r) => t('reports.version', { n: r.version }) },
            { title: t('reports.col.status'), key: 'status', render: (_, r) => <ReportStatusTag report={r} /> },
            { title: t('reports.col.createdAt'), key: 'createdAt', render: (_, r) => dateTime(r.createdAt) },
            { title: t('reports.col.by'), key: 'by', render: (_, r) => (r.requestedBy === 'system' ? t('reports.system') : r.requestedBy) },
          ]}
        />
      </Card>
      {open === 'monthly' && <NewMonthlyModal onClose={() => setOpen(null)} onCreated={created} />}
      {open === 'special' && <NewSpecialModal onClose={() => setOpen(null)} onCreated={created} />}
    </Space>
  );
}
