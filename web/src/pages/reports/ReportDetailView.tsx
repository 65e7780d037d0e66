import { ArrowLeftOutlined, DownloadOutlined, LockOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Popconfirm, Progress, Result, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { apiDownload, ApiError } from '../../api';
import { useI18n } from '../../i18n/i18n';
import { can, useMe } from '../../session';
import { ReportHighlights } from './ReportHighlights';
import { ReportStatusTag } from './ReportsPage';
import { isBuilding, useReport, useReportActions, type ReportDetail } from './report-queries';

function saveFile(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const message = (e: unknown) => (e instanceof ApiError ? e.message : String(e));

/** One report version: its state (a progress bar while it builds), downloads, versions, highlights, commentary and finalising. */
export function ReportDetailView({ id }: { id: string }) {
  const { t, dateTime } = useI18n();
  const report = useReport(id);
  if (report.isLoading) return <Spin style={{ display: 'block', marginTop: 48 }} />;
  if (!report.data)
    return <Result status="404" title={report.error ? message(report.error) : ''} extra={<Link to="/reports">{t('reports.back')}</Link>} />;
  const r = report.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="report-detail">
      <Link to="/reports">
        <ArrowLeftOutlined /> {t('reports.back')}
      </Link>
      <Card
        title={
          <Space wrap>
            <span data-testid="report-title">{r.title}</span>
            <Tag>{t('reports.version', { n: r.version })}</Tag>
            <ReportStatusTag report={r} />
          </Space>
        }
        extra={<Downloads r={r} />}
      >
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {r.periodFrom} ~ {r.periodTo} · {t('reports.col.createdAt')} {dateTime(r.createdAt)}
          {r.finalisedAt && ` · ${t('reports.finalInfo', { by: r.finalisedBy ?? '', at: dateTime(r.finalisedAt) })}`}
        </Typography.Paragraph>
        {isBuilding(r.status) && (
          <div data-testid="report-building">
            <Progress percent={r.progress} status="active" />
            <Typography.Text>
              {t('reports.building', { step: t(`reports.step.${r.step ?? 'queued'}` as 'reports.step.queued') })}
            </Typography.Text>
          </div>
        )}
        {r.status === 'failed' && <Alert type="error" showIcon message={t('reports.failed', { error: r.error ?? '' })} />}
        <Versions r={r} />
      </Card>
      {r.highlights && <ReportHighlights h={r.highlights} />}
      <Texts r={r} />
    </Space>
  );
}

function Downloads({ r }: { r: ReportDetail }) {
  const { t } = useI18n();
  const { message: toast } = App.useApp();
  const ready = r.status === 'draft' || r.status === 'final';
  const download = async (format: 'pdf' | 'xlsx') => {
    try {
      const { blob, fileName } = await apiDownload('/api/reports/{id}/files/{format}', {}, { id: r.id, format });
      saveFile(blob, fileName ?? `${r.title}.${format}`);
    } catch (e) {
      void toast.error(message(e));
    }
  };
  return (
    <Space>
      <Button icon={<DownloadOutlined />} disabled={!ready || !r.pdfBytes} onClick={() => void download('pdf')} data-testid="download-pdf">
        {t('reports.downloadPdf')}
      </Button>
      {r.kind === 'monthly' && (
        <Button
          icon={<DownloadOutlined />}
          disabled={!ready || !r.xlsxBytes}
          onClick={() => void download('xlsx')}
          data-testid="download-xlsx"
        >
          {t('reports.downloadXlsx')}
        </Button>
      )}
    </Space>
  );
}

function Versions({ r }: { r: ReportDetail }) {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const { rebuild } = useReportActions(r.id);
  const { message: toast } = App.useApp();
  return (
    <Space wrap style={{ marginTop: 12 }}>
      <Typography.Text type="secondary">{t('reports.versions')}:</Typography.Text>
      {r.versions.map((v) =>
        v.id === r.id ? (
          <Tag key={v.id} color="blue">
            {t('reports.version', { n: v.version })} · {t(`reports.status.${v.status}`)}
          </Tag>
        ) : (
          <Link key={v.id} to={`/reports/${v.id}`}>
            <Tag>
              {t('reports.version', { n: v.version })} · {t(`reports.status.${v.status}`)}
            </Tag>
          </Link>
        ),
      )}
      {can(me.data, 'report.manage') && !isBuilding(r.status) && (
        <Popconfirm
          title={t('reports.rebuildConfirm')}
          onConfirm={() =>
            rebuild.mutate(undefined, {
              onSuccess: (n) => void navigate(`/reports/${n.id}`),
              onError: (e) => void toast.error(message(e)),
            })
          }
        >
          <Button size="small" icon={<ReloadOutlined />} loading={rebuild.isPending} data-testid="rebuild">
            {t('reports.rebuild')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}

function Texts({ r }: { r: ReportDetail }) {
  const { t } = useI18n();
  const me = useMe();
  const { message: toast } = App.useApp();
  const { texts, finalise } = useReportActions(r.id);
  const editable = r.status === 'draft' && can(me.data, 'report.manage');
  const [commentary, setCommentary] = useState(r.commentary ?? '');
  const [recommendations, setRecommendations] = useState(r.recommendations ?? '');
  useEffect(() => {
    setCommentary(r.commentary ?? '');
    setRecommendations(r.recommendations ?? '');
  }, [r.id, r.commentary, r.recommendations]);
  if (isBuilding(r.status) || r.status === 'failed') return null;
  const save = () =>
    texts.mutate(
      { commentary: commentary || null, ...(r.kind === 'special' ? { recommendations: recommendations || null } : {}) },
      { onSuccess: () => void toast.success(t('reports.saved')), onError: (e) => void toast.error(message(e)) },
    );
  return (
    <Card title={t('reports.commentary')} data-testid="report-texts">
      <Form layout="vertical">
        {r.kind === 'special' && (
          <Form.Item label={t('reports.recommendations')} extra={t('reports.recommendationsHint')}>
            <Input.TextArea
              rows={4}
              value={recommendations}
              disabled={!editable}
              onChange={(e) => setRecommendations(e.target.value)}
              data-testid="report-recommendations"
            />
          </Form.Item>
        )}
        <Form.Item label={t('reports.commentary')} extra={t('reports.commentaryHint')}>
          <Input.TextArea
            rows={5}
            value={commentary}
            disabled={!editable}
            onChange={(e) => setCommentary(e.target.value)}
            data-testid="report-commentary"
          />
        </Form.Item>
      </Form>
      {editable && (
        <Space>
          <Button type="primary" onClick={save} loading={texts.isPending} data-testid="save-commentary">
            {t('reports.save')}
          </Button>
          <Popconfirm
            title={t('reports.finaliseConfirm')}
            onConfirm={() =>
              finalise.mutate(undefined, {
                onSuccess: () => void toast.success(t('reports.finalised')),
                onError: (e) => void toast.error(message(e)),
              })
            }
          >
            <Button icon={<LockOutlined />} loading={finalise.isPending} data-testid="finalise">
              {t('reports.finalise')}
            </Button>
          </Popconfirm>
        </Space>
      )}
    </Card>
  );
}
