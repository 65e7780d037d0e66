import { PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, Modal, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { AREAS, errorText, KINDS, PLAN_STATUS_COLOR } from './labels';
import { useTrainingPlans, useTrainingWrites, type PlanBody } from './training-api';

/** The training plans, newest period first; a plan is created here (from a spike or finding: ?origin=finding:<id>). */
export function PlansView() {
  const { t, dateTime } = useI18n();
  const plans = useTrainingPlans();
  const [params, setParams] = useSearchParams();
  const origin = parseOrigin(params.get('origin'));
  const [open, setOpen] = useState(origin !== null);
  return (
    <>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        onClick={() => setOpen(true)}
        style={{ marginBottom: 16 }}
        data-testid="training-new-plan"
      >
        {t('training.plan.new')}
      </Button>
      <Table
        rowKey="id"
        loading={plans.isPending}
        dataSource={plans.data ?? []}
        locale={{ emptyText: t('training.plan.none') }}
        pagination={false}
        data-testid="training-plans"
        columns={[
          { title: t('training.plan.title'), render: (_, p) => <Link to={`/training/plans/${p.id}`}>{p.title}</Link> },
          { title: t('training.plan.kind'), render: (_, p) => t(`training.kind.${p.kind}`) },
          { title: t('training.plan.areas'), render: (_, p) => p.contentAreas.map((a) => <Tag key={a}>{t(`training.area.${a}`)}</Tag>) },
          { title: t('training.plan.period'), render: (_, p) => `${p.periodFrom} ~ ${p.periodTo}` },
          {
            title: t('training.plan.status'),
            render: (_, p) => <Tag color={PLAN_STATUS_COLOR[p.status]}>{t(`training.status.${p.status}`)}</Tag>,
          },
          { title: t('training.plan.sessions'), dataIndex: 'sessions' },
          { title: t('training.plan.enrolled'), dataIndex: 'enrolled' },
          { title: t('training.plan.next'), render: (_, p) => dateTime(p.nextSessionAt) },
        ]}
      />
      {open && (
        <NewPlanModal
          origin={origin}
          onClose={() => {
            setOpen(false);
            if (origin) setParams({});
          }}
        />
      )}
    </>
  );
}

function parseOrigin(v: string | null): { kind: 'spike' | 'finding'; id: string } | null {
  const m = /^(spike|finding):([0-9a-f-]{36})$/.exec(v ?? '');
  return m ? { kind: m[1] as 'spike' | 'finding', id: m[2]! } : null;
}

interface PlanForm {
  kind: PlanBody['kind'];
  title: string;
  contentAreas: PlanBody['contentAreas'];
  period: [Dayjs, Dayjs];
  description?: string;
}

function NewPlanModal({ origin, onClose }: { origin: { kind: 'spike' | 'finding'; id: string } | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const writes = useTrainingWrites();
  const [form] = Form.useForm<PlanForm>();
  const submit = (v: PlanForm) =>
    writes.createPlan.mutate(
      {
        kind: origin ? 'special' : v.kind,
        title: v.title,
        contentAreas: v.contentAreas,
        periodFrom: v.period[0].format('YYYY-MM-DD'),
        periodTo: v.period[1].format('YYYY-MM-DD'),
        description: v.description ?? '',
        origin,
      },
      { onSuccess: (p) => void navigate(`/training/plans/${p.id}`), onError: (e) => void message.error(errorText(e)) },
    );
  return (
    <Modal
      open
      title={t('training.plan.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={writes.createPlan.isPending}
      width={640}
    >
      {origin && <Tag color="purple">{`${t('training.plan.origin')}：${t(`training.origin.${origin.kind}`)}`}</Tag>}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ kind: origin ? 'special' : 'periodic', contentAreas: ['complaint_process'] }}
      >
        <Form.Item name="kind" label={t('training.plan.kind')} rules={[{ required: true }]}>
          <Select
            disabled={origin !== null}
            data-testid="training-plan-kind"
            options={KINDS.map((k) => ({ value: k, label: t(`training.kind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="title" label={t('training.plan.title')} rules={[{ required: true }]}>
          <Input data-testid="training-plan-title" />
        </Form.Item>
        <Form.Item name="contentAreas" label={t('training.plan.areas')} rules={[{ required: true }]}>
          <Select mode="multiple" options={AREAS.map((a) => ({ value: a, label: t(`training.area.${a}`) }))} />
        </Form.Item>
        <Form.Item name="period" label={t('training.plan.period')} rules={[{ required: true }]}>
          <DatePicker.RangePicker data-testid="training-plan-period" />
        </Form.Item>
        <Form.Item name="description" label={t('training.plan.description')}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
