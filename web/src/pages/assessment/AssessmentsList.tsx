import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Modal, Segmented, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { can, useMe } from '../../session';
import { useAssessments, useKpiChoices, useOpenAssessment, type AssessmentSummary } from './assessment-api';

export function AssessmentStatusTag({ status }: { status: 'frozen' | 'signed' }) {
  const { t } = useI18n();
  return (
    <Tag color={status === 'signed' ? 'green' : 'gold'} data-testid="assessment-status">
      {t(`assessment.status.${status}`)}
    </Tag>
  );
}

/** The ended months or quarters before today, newest first (what an assessment may be opened for). */
export function endedPeriods(kind: 'month' | 'quarter', today: string, count = 12): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const out: string[] = [];
  if (kind === 'month') {
    for (let i = 1; i <= count; i++) {
      const m = (((month - 1 - i) % 12) + 12) % 12;
      const y = year + Math.floor((month - 1 - i) / 12);
      out.push(`${y}-${String(m + 1).padStart(2, '0')}`);
    }
  } else {
    const q = Math.ceil(month / 3);
    for (let i = 1; i <= Math.ceil(count / 3); i++) {
      const idx = q - 1 - i;
      out.push(`${year + Math.floor(idx / 4)}-Q${(((idx % 4) + 4) % 4) + 1}`);
    }
  }
  return out;
}

function NewAssessment({ today, onClose }: { today: string; onClose(): void }) {
  const { t, locale } = useI18n();
  const lang = locale === 'zh-CN' ? 'zh' : 'en';
  const { message } = App.useApp();
  const navigate = useNavigate();
  const choices = useKpiChoices();
  const open = useOpenAssessment();
  const [kind, setKind] = useState<'month' | 'quarter'>('month');
  const [form] = Form.useForm<{ period: string; departmentId: string }>();
  const periods = endedPeriods(kind, today);
  return (
    <Modal
      open
      title={t('assessment.newTitle')}
      okText={t('assessment.create')}
      onCancel={onClose}
      confirmLoading={open.isPending}
      okButtonProps={{ 'data-testid': 'assessment-create' }}
      onOk={() =>
        void form.validateFields().then((v) =>
          open.mutate(
            { periodKind: kind, period: v.period, departmentId: v.departmentId === '_all' ? null : v.departmentId },
            {
              onSuccess: (a) => {
                void message.success(t('assessment.created'));
                onClose();
                void navigate(`/assessment/${a.id}`);
              },
              onError: (e) => void message.error(e.message),
            },
          ),
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('assessment.newHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ period: periods[0], departmentId: '_all' }}>
        <Form.Item label={t('assessment.periodKind')}>
          <Segmented<'month' | 'quarter'>
            value={kind}
            onChange={(k) => {
              setKind(k);
              form.setFieldValue('period', endedPeriods(k, today)[0]);
            }}
            options={[
              { value: 'month', label: t('assessment.kind.month') },
              { value: 'quarter', label: t('assessment.kind.quarter') },
            ]}
            data-testid="assessment-kind"
          />
        </Form.Item>
        <Form.Item name="period" label={t('assessment.period')} rules={[{ required: true }]}>
          <Select options={periods.map((p) => ({ value: p, label: p }))} data-testid="assessment-period" />
        </Form.Item>
        <Form.Item name="departmentId" label={t('assessment.scope')} rules={[{ required: true }]}>
          <Select
            data-testid="assessment-scope"
            options={[
              { value: '_all', label: t('assessment.everyone') },
              ...(choices.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name[lang] })),
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 定期考核: the assessments, newest period first; leaders and the inspector open new ones. */
export function AssessmentsList({ today }: { today: string }) {
  const { t, locale, dateTime } = useI18n();
  const lang = locale === 'zh-CN' ? 'zh' : 'en';
  const me = useMe();
  const list = useAssessments();
  const [creating, setCreating] = useState(false);
  return (
    <Card
      size="small"
      title={t('assessment.list')}
      extra={
        can(me.data, 'assessment.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="assessment-new">
            {t('assessment.new')}
          </Button>
        )
      }
    >
      <Table<AssessmentSummary>
        size="small"
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('assessment.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="assessment-list"
        columns={[
          {
            title: t('assessment.col.period'),
            key: 'period',
            render: (_v, a) => (
              <Link to={`/assessment/${a.id}`} data-testid="assessment-link">
                {a.period}
              </Link>
            ),
          },
          { title: t('assessment.periodKind'), key: 'kind', render: (_v, a) => t(`assessment.kind.${a.periodKind}`) },
          {
            title: t('assessment.col.scope'),
            key: 'scope',
            render: (_v, a) => (a.department ? a.department.name[lang] : t('kpi.company')),
          },
          { title: t('assessment.col.status'), key: 'status', render: (_v, a) => <AssessmentStatusTag status={a.status} /> },
          {
            title: t('assessment.col.score'),
            key: 'score',
            align: 'right',
            render: (_v, a) => (a.score === null ? '—' : a.score.toFixed(1)),
          },
          { title: t('assessment.col.subjects'), dataIndex: 'subjects', align: 'right' },
          {
            title: t('assessment.col.createdBy'),
            key: 'by',
            render: (_v, a) => `${a.createdByName ?? a.createdBy} · ${dateTime(a.createdAt)}`,
          },
          {
            title: t('assessment.col.signedBy'),
            key: 'signed',
            render: (_v, a) => (a.signedBy ? `${a.signedByName ?? a.signedBy} · ${dateTime(a.signedAt)}` : '—'),
          },
        ]}
      />
      {creating && <NewAssessment today={today} onClose={() => setCreating(false)} />}
    </Card>
  );
}
