import { ArrowLeftOutlined, DownloadOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Space, Spin, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { exportHref, useAssessment, useSignAssessment, type AssessmentSubject, type KpiCode } from './assessment-api';
import { AssessmentStatusTag } from './AssessmentsList';
import { byScore, scoreBars } from './kpi-chart-options';
import { KpiChart } from './KpiChart';
import { KpiTable, ScoreTile, SubjectCharts, useKpiTexts } from './KpiView';
import { LineComplaintsDrawer } from './LineComplaintsDrawer';

function SignModal({ id, onClose }: { id: string; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const sign = useSignAssessment(id);
  const [comment, setComment] = useState('');
  return (
    <Modal
      open
      title={t('assessment.signTitle')}
      okText={t('assessment.sign')}
      confirmLoading={sign.isPending}
      okButtonProps={{ 'data-testid': 'assessment-sign-confirm' }}
      onCancel={onClose}
      onOk={() =>
        sign.mutate(comment, {
          onSuccess: () => {
            void message.success(t('assessment.signed'));
            onClose();
          },
          onError: (e) => void message.error(e.message),
        })
      }
    >
      <Typography.Paragraph type="secondary">{t('assessment.signHint')}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('assessment.signComment')}>
          <Input.TextArea
            rows={3}
            maxLength={2000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            data-testid="assessment-sign-comment"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** One assessment: its frozen figures per subject, each figure opening the complaints behind it; sign-off and export. */
export function AssessmentDetailView({ id }: { id: string }) {
  const { t, locale, dateTime } = useI18n();
  const lang = locale === 'zh-CN' ? 'zh' : 'en';
  const x = useKpiTexts();
  const q = useAssessment(id);
  const [signing, setSigning] = useState(false);
  const [picked, setPicked] = useState<number | null>(null);
  const [line, setLine] = useState<{ seq: number; code: KpiCode; subjectName: string } | null>(null);
  const a = q.data;
  const ranked = useMemo(() => byScore(a?.subjects ?? []), [a]);
  const chart = useMemo(
    () =>
      scoreBars(
        ranked.map((s) => ({ name: s.name[lang], score: s.score })),
        x,
      ),
    [ranked, x, lang],
  );
  if (q.isPending) return <Spin />;
  if (q.error) return <Alert type="error" showIcon message={q.error.message} />;
  if (!a) return null;
  const subject: AssessmentSubject = a.subjects.find((s) => s.seq === picked) ?? a.subjects[0]!;
  const scope = a.department ? a.department.name[lang] : t('kpi.company');

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="assessment-detail">
      <Link to="/assessment?tab=assessments">
        <ArrowLeftOutlined /> {t('assessment.back')}
      </Link>
      <Card
        size="small"
        title={
          <Space>
            <span data-testid="assessment-title">{t('assessment.title', { period: a.period, scope })}</span>
            <AssessmentStatusTag status={a.status} />
          </Space>
        }
        extra={
          <Space>
            <Button icon={<DownloadOutlined />} href={exportHref(a.id)} data-testid="assessment-export">
              {t('assessment.export')}
            </Button>
            {a.canSign && (
              <Button type="primary" onClick={() => setSigning(true)} data-testid="assessment-sign">
                {t('assessment.sign')}
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('assessment.period')}>{`${a.from} — ${a.to}`}</Descriptions.Item>
          <Descriptions.Item
            label={t('assessment.col.createdBy')}
          >{`${a.createdByName ?? a.createdBy} · ${dateTime(a.createdAt)}`}</Descriptions.Item>
          <Descriptions.Item label={t('assessment.policy')}>
            {t('assessment.policyValue', { v: a.policyVersion, at: dateTime(a.computedAt) })}
          </Descriptions.Item>
        </Descriptions>
        {a.status === 'signed' && (
          <Alert
            type="success"
            showIcon
            icon={<LockOutlined />}
            data-testid="assessment-signed"
            message={t('assessment.signedInfo', { name: a.signedByName ?? a.signedBy ?? '', at: dateTime(a.signedAt) })}
            description={a.signComment ? `${t('assessment.signComment')}：${a.signComment}` : t('assessment.immutable')}
          />
        )}
      </Card>
      {a.subjects.length > 1 && (
        <Card size="small" title={t('assessment.subjects')}>
          <KpiChart
            option={chart}
            height={Math.max(160, ranked.length * 32)}
            label={t('assessment.subjects')}
            testId="assessment-scores"
            onItemClick={(i) => setPicked(ranked[i]?.seq ?? null)}
          />
          <Table<AssessmentSubject>
            size="small"
            rowKey="seq"
            pagination={false}
            dataSource={a.subjects}
            data-testid="assessment-subjects"
            rowClassName={(s) => (s.seq === subject.seq ? 'ant-table-row-selected' : '')}
            onRow={(s) => ({ onClick: () => setPicked(s.seq), style: { cursor: 'pointer' } })}
            columns={[
              { title: t('assessment.col.subjects'), key: 'kind', render: (_v, s) => t(`assessment.subjectKind.${s.kind}`) },
              { title: t('assessment.col.name'), key: 'name', render: (_v, s) => s.name[lang] },
              { title: t('kpi.score'), key: 'score', align: 'right', render: (_v, s) => (s.score === null ? '—' : s.score.toFixed(1)) },
              ...(['policy_on_time_rate', 'satisfaction_rate', 'reopen_rate', 'volume'] as const).map((code) => ({
                title: x.kpi(code),
                key: code,
                align: 'right' as const,
                render: (_v: unknown, s: AssessmentSubject) => x.value(code, s.lines.find((l) => l.code === code)?.value),
              })),
            ]}
          />
        </Card>
      )}
      <Card
        size="small"
        title={t('assessment.lines', { name: subject.name[lang] })}
        extra={<ScoreTile score={subject.score} testId="assessment-score" />}
      >
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <SubjectCharts lines={subject.lines} testId="assessment" />
          <KpiTable
            lines={subject.lines}
            testId="assessment-lines"
            complaints={(l) => {
              const n = (l as (typeof subject.lines)[number]).complaints;
              return n === 0 ? (
                '0'
              ) : (
                <Button
                  type="link"
                  size="small"
                  data-testid={`line-${l.code}`}
                  onClick={() => setLine({ seq: subject.seq, code: l.code, subjectName: subject.name[lang] })}
                >
                  {t('assessment.complaints', { n })}
                </Button>
              );
            }}
          />
        </Space>
      </Card>
      <LineComplaintsDrawer assessmentId={a.id} line={line} onClose={() => setLine(null)} />
      {signing && <SignModal id={a.id} onClose={() => setSigning(false)} />}
    </Space>
  );
}
