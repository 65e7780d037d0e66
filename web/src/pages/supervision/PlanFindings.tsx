import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { OriginTraining } from '../training/OriginTraining';
import { addressedTo, errorText, RequestStatus, useDepartmentNames } from './shared';
import { useInspectionWrites, type PlanDetail, type Rectification } from './supervision-api';

const SEVERITIES = ['minor', 'major', 'critical'] as const;
const SEVERITY_COLOR = { minor: 'default', major: 'orange', critical: 'red' } as const;

/** A plan's findings and rectification requests, with the inspector's forms. */
export function PlanFindings({ plan, manage }: { plan: PlanDetail; manage: boolean }) {
  const { t, dateTime } = useI18n();
  const { name } = useDepartmentNames();
  const [findingOpen, setFindingOpen] = useState(false);
  const [requestFor, setRequestFor] = useState<{
    findingId?: string;
    complaintId?: string;
    departmentId?: string | null;
    person?: string | null;
  } | null>(null);
  const [verdict, setVerdict] = useState<Rectification | null>(null);
  return (
    <>
      <Card
        size="small"
        title={t('sup.findings')}
        extra={
          manage && (
            <Button onClick={() => setFindingOpen(true)} data-testid="new-finding">
              {t('sup.finding.new')}
            </Button>
          )
        }
      >
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={plan.findings}
          locale={{ emptyText: t('sup.finding.none') }}
          columns={[
            { title: t('sup.finding.complaint'), render: (_, f) => f.complaint?.number ?? t('sup.finding.whole') },
            { title: t('sup.finding.department'), render: (_, f) => addressedTo(name, f.departmentId, f.person) },
            {
              title: t('sup.finding.severity'),
              render: (_, f) => <Tag color={SEVERITY_COLOR[f.severity]}>{t(`sup.severity.${f.severity}`)}</Tag>,
            },
            { title: t('sup.finding.text'), dataIndex: 'text' },
            { title: t('sup.finding.answer'), render: (_, f) => f.answer ?? '—' },
            // special-topic training started from the finding, and 发起专项培训 (#15 item 1)
            { title: t('training.startedPlans'), render: (_, f) => <OriginTraining kind="finding" id={f.id} /> },
            {
              title: '',
              render: (_, f) =>
                manage && (
                  <Button
                    size="small"
                    type="link"
                    onClick={() =>
                      setRequestFor({ findingId: f.id, complaintId: f.complaint?.id, departmentId: f.departmentId, person: f.person })
                    }
                  >
                    {t('sup.request.new')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={t('sup.requests')}
        extra={
          manage && (
            <Button type="primary" onClick={() => setRequestFor({})} data-testid="new-request">
              {t('sup.request.new')}
            </Button>
          )
        }
      >
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={plan.requests}
          locale={{ emptyText: t('sup.request.none') }}
          columns={[
            { title: t('sup.request.text'), dataIndex: 'text' },
            { title: t('sup.request.addressee'), render: (_, r) => addressedTo(name, r.departmentId, r.addressee) },
            { title: t('sup.request.due'), render: (_, r) => <span data-testid="request-due">{dateTime(r.dueAt)}</span> },
            { title: t('sup.request.status'), render: (_, r) => <RequestStatus r={r} /> },
            { title: t('sup.request.answer'), render: (_, r) => r.answer ?? '—' },
            {
              title: '',
              render: (_, r) =>
                manage &&
                r.status === 'answered' && (
                  <Button size="small" type="link" onClick={() => setVerdict(r)}>
                    {t('sup.request.verify')} / {t('sup.request.reject')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      {findingOpen && <FindingModal plan={plan} onClose={() => setFindingOpen(false)} />}
      {requestFor && <RequestModal planId={plan.id} preset={requestFor} onClose={() => setRequestFor(null)} />}
      {verdict && <VerdictModal request={verdict} onClose={() => setVerdict(null)} />}
    </>
  );
}

function FindingModal({ plan, onClose }: { plan: PlanDetail; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const writes = useInspectionWrites();
  const { departments, names } = useDepartmentNames();
  const [form] = Form.useForm<{
    itemId?: string;
    departmentId?: string;
    person?: string;
    severity: (typeof SEVERITIES)[number];
    text: string;
  }>();
  return (
    <Modal open title={t('sup.finding.new')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={writes.finding.isPending}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ severity: 'minor' }}
        onFinish={(v) =>
          writes.finding.mutate(
            {
              planId: plan.id,
              itemId: v.itemId ?? null,
              departmentId: v.departmentId ?? null,
              person: v.person?.trim() || null,
              severity: v.severity,
              text: v.text,
            },
            { onSuccess: onClose, onError: (e) => void message.error(errorText(e)) },
          )
        }
      >
        <Form.Item name="itemId" label={t('sup.finding.complaint')}>
          <Select
            allowClear
            placeholder={t('sup.finding.whole')}
            options={plan.items.filter((i) => !i.removedAt).map((i) => ({ value: i.id, label: i.complaint.number }))}
          />
        </Form.Item>
        <Form.Item name="departmentId" label={t('sup.finding.department')}>
          <Select allowClear options={departments.map((d) => ({ value: d.id, label: names.get(d.id) }))} />
        </Form.Item>
        <Form.Item name="person" label={t('sup.finding.person')}>
          <Input />
        </Form.Item>
        <Form.Item name="severity" label={t('sup.finding.severity')}>
          <Select options={SEVERITIES.map((s) => ({ value: s, label: t(`sup.severity.${s}`) }))} />
        </Form.Item>
        <Form.Item name="text" label={t('sup.finding.text')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RequestModal({
  planId,
  preset,
  onClose,
}: {
  planId: string;
  preset: { findingId?: string; complaintId?: string; departmentId?: string | null; person?: string | null };
  onClose: () => void;
}) {
  const { t, dateTime } = useI18n();
  const { message } = App.useApp();
  const writes = useInspectionWrites();
  const { departments, names } = useDepartmentNames();
  const [form] = Form.useForm<{ departmentId?: string; addressee?: string; text: string; workingDays?: number }>();
  return (
    <Modal
      open
      title={t('sup.request.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={writes.issue.isPending}
      okButtonProps={{ 'data-testid': 'request-save' } as Record<string, string>}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ departmentId: preset.departmentId ?? undefined, addressee: preset.person ?? undefined }}
        onFinish={(v) =>
          writes.issue.mutate(
            {
              planId,
              findingId: preset.findingId ?? null,
              complaintId: preset.complaintId ?? null,
              departmentId: v.departmentId ?? null,
              addressee: v.addressee?.trim() || null,
              text: v.text,
              ...(v.workingDays ? { workingDays: v.workingDays } : {}),
            },
            {
              onSuccess: (r) => {
                void message.success(t('sup.request.issued', { due: dateTime(r.dueAt) }));
                onClose();
              },
              onError: (e) => void message.error(errorText(e)),
            },
          )
        }
      >
        <Form.Item name="text" label={t('sup.request.text')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={5000} data-testid="request-text" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="departmentId" label={t('sup.finding.department')}>
            <Select
              allowClear
              style={{ width: 200 }}
              data-testid="request-department"
              options={departments.map((d) => ({ value: d.id, label: names.get(d.id) }))}
            />
          </Form.Item>
          <Form.Item name="addressee" label={t('sup.finding.person')}>
            <Input style={{ width: 200 }} data-testid="request-person" />
          </Form.Item>
        </Space>
        <Form.Item name="workingDays" label={t('sup.request.workingDays')}>
          <InputNumber min={1} max={120} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function VerdictModal({ request, onClose }: { request: Rectification; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const writes = useInspectionWrites();
  const [note, setNote] = useState('');
  const decide = (accepted: boolean) =>
    writes.verdict.mutate(
      { id: request.id, accepted, note: note.trim() },
      { onSuccess: onClose, onError: (e) => void message.error(errorText(e)) },
    );
  return (
    <Modal
      open
      title={`${t('sup.request.verify')} / ${t('sup.request.reject')}`}
      onCancel={onClose}
      footer={[
        <Button key="reject" danger disabled={!note.trim()} onClick={() => decide(false)}>
          {t('sup.request.reject')}
        </Button>,
        <Button key="verify" type="primary" disabled={!note.trim()} onClick={() => decide(true)}>
          {t('sup.request.verify')}
        </Button>,
      ]}
    >
      <p>{request.text}</p>
      <p>
        <b>{t('sup.request.answer')}：</b>
        {request.answer}
      </p>
      <Input.TextArea rows={3} placeholder={t('sup.request.note')} value={note} onChange={(e) => setNote(e.target.value)} />
    </Modal>
  );
}
