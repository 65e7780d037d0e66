import { Card, Descriptions, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../../i18n/i18n';
import { useTaxonomyLabel } from '../complaint-queries';
import type { ClockView, FullDetail } from '../complaint-types';
import { CLOCK_STATUS_COLOURS } from '../DeadlinesCard';
import { HotlineCallReference } from '../HotlineCallReference';
import { Para } from './tab-kit';

function ClocksTable({ clocks }: { clocks: ClockView[] }) {
  const { t, label, dateTime } = useI18n();
  const columns: TableColumnsType<ClockView> = [
    { title: t('complaint.clock'), key: 'kind', render: (_v, k) => k.label ?? label('clock', k.kind) },
    {
      title: t('complaint.clockStatus'),
      key: 'status',
      width: 150,
      render: (_v, k) => (
        <Space size={2} wrap>
          <Tag color={CLOCK_STATUS_COLOURS[k.status]}>{label('clockStatus', k.status)}</Tag>
          {k.overdue && k.status !== 'breached' && <Tag color="error">{t('ledger.overdue')}</Tag>}
          {!k.calendarConfirmed && <Tag color="warning">{t('complaint.unconfirmedCalendar')}</Tag>}
        </Space>
      ),
    },
    { title: t('complaint.startedAt'), dataIndex: 'startedAt', width: 150, render: (v: string) => dateTime(v) },
    {
      title: t('complaint.dueAtCol'),
      dataIndex: 'dueAt',
      width: 150,
      render: (v: string | null) => (v ? dateTime(v) : t('complaint.pausedNoDue')),
    },
    { title: t('complaint.endedAt'), key: 'ended', width: 150, render: (_v, k) => dateTime(k.metAt ?? k.breachedAt) },
  ];
  return (
    <Table
      size="small"
      rowKey={(k) => `${k.kind}-${k.subjectId ?? ''}-${k.startedAt}-${k.round}`}
      columns={columns}
      dataSource={clocks}
      pagination={false}
      scroll={{ x: 700 }}
    />
  );
}

/** The complaint as registered: complainant, content, classification, grading reasons, every clock. */
export function DetailsTab({ detail: c, complainant }: { detail: FullDetail; complainant: ReactNode }) {
  const { t, label, dateTime } = useI18n();
  const tax = useTaxonomyLabel();
  const none = t('common.none');
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {complainant}
      <Card size="small" title={t('complaint.description')}>
        <Para>{c.description}</Para>
        {c.requestedRemedy && (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('complaint.requestedRemedy')}: {c.requestedRemedy}
          </Typography.Paragraph>
        )}
      </Card>
      <Card size="small" title={t('complaint.classification')}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'businessLine', label: t('complaint.businessLine'), children: tax('businessLines', c.businessLine) },
            { key: 'product', label: t('complaint.product'), children: c.product ?? none },
            { key: 'subjectParty', label: t('complaint.subjectParty'), children: c.subjectParty ?? none },
            {
              key: 'callReference',
              label: t('complaint.callReference'),
              children: c.callReference ? <HotlineCallReference complaintId={c.id} callReference={c.callReference} /> : none,
            },
            { key: 'joint', label: t('complaint.jointComplainants'), children: c.jointComplainants },
            {
              key: 'risk',
              label: t('complaint.riskFlags'),
              children: c.riskFlags.length > 0 ? c.riskFlags.map((f) => <Tag key={f}>{label('complaint.risk', f)}</Tag>) : none,
            },
            { key: 'registeredAt', label: t('complaint.registeredAt'), children: dateTime(c.registeredAt) },
            { key: 'createdBy', label: t('complaint.createdBy'), children: c.createdBy },
            { key: 'outcome', label: t('complaint.f.outcome'), children: c.outcome ? label('complaint.outcome', c.outcome) : none },
            { key: 'closedAt', label: t('complaint.closedAt'), children: dateTime(c.closedAt) },
            {
              key: 'regulatoryDays',
              label: t('complaint.regulatoryLimit'),
              children: t('complaint.calendarDays', { n: c.regulatoryDays }),
            },
            { key: 'policyVersion', label: t('complaint.policyVersion'), children: c.policyVersion },
          ]}
        />
      </Card>
      <Card size="small" title={t('complaint.gradingReasons')} data-testid="grading-reasons">
        {c.gradingReasons.length === 0
          ? none
          : c.gradingReasons.map((r, i) => (
              <div key={`${r.rule}-${i}`}>
                <Tag color={r.level === 1 ? 'red' : r.level === 2 ? 'orange' : 'blue'}>{label('level', r.level)}</Tag>
                {label('complaint.rule', r.rule)}
                {Object.keys(r.detail).length > 0 && (
                  <Typography.Text type="secondary">
                    {' '}
                    (
                    {Object.entries(r.detail)
                      .map(([k, v]) => `${k}: ${v}`)
                      .join(', ')}
                    )
                  </Typography.Text>
                )}
              </div>
            ))}
      </Card>
      <Card size="small" title={t('complaint.allClocks')}>
        <ClocksTable clocks={c.clocks} />
      </Card>
    </Space>
  );
}
