import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { can, useMe } from '../../session';
import { errorText, useDepartmentNames, useRuleText } from './shared';
import { useChecklists, useInspectionWrites, usePlans, type PlanBody } from './supervision-api';

const STATUS_COLOR = { planned: 'default', in_progress: 'blue', completed: 'green' } as const;

/** The inspection plans, newest period first; inspectors create one. */
export function PlansView() {
  const { t } = useI18n();
  const me = useMe();
  const plans = usePlans();
  const ruleText = useRuleText();
  const [open, setOpen] = useState(false);
  return (
    <>
      {can(me.data, 'inspection.manage') && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} style={{ marginBottom: 16 }} data-testid="new-plan">
          {t('sup.plan.new')}
        </Button>
      )}
      <Table
        rowKey="id"
        loading={plans.isPending}
        dataSource={plans.data ?? []}
        locale={{ emptyText: t('sup.plan.none') }}
        pagination={false}
        columns={[
          { title: t('sup.plan.title'), render: (_, p) => <Link to={`/supervision/plans/${p.id}`}>{p.title}</Link> },
          { title: t('sup.plan.period'), render: (_, p) => `${p.periodFrom} ~ ${p.periodTo}` },
          { title: t('sup.plan.rules'), render: (_, p) => p.rules.map((r, i) => <div key={i}>{ruleText(r)}</div>) },
          { title: t('sup.plan.status'), render: (_, p) => <Tag color={STATUS_COLOR[p.status]}>{t(`sup.status.${p.status}`)}</Tag> },
          { title: t('sup.plan.items'), dataIndex: 'items' },
          { title: t('sup.plan.scored'), dataIndex: 'scored' },
          { title: t('sup.plan.requests'), dataIndex: 'requests' },
        ]}
      />
      {open && <NewPlanModal onClose={() => setOpen(false)} />}
    </>
  );
}

interface PlanForm {
  title: string;
  period: [Dayjs, Dayjs];
  departmentIds?: string[];
  checklistId: string;
  percent?: number;
  level1: boolean;
  reopened: boolean;
}

function NewPlanModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const checklists = useChecklists();
  const { departments, names } = useDepartmentNames();
  const writes = useInspectionWrites();
  const [form] = Form.useForm<PlanForm>();
  const submit = (v: PlanForm) => {
    const rules: PlanBody['rules'] = [];
    if (v.percent) rules.push({ kind: 'share', percent: v.percent, per: 'department_month' });
    if (v.level1) rules.push({ kind: 'all', population: 'level1' });
    if (v.reopened) rules.push({ kind: 'all', population: 'reopened' });
    writes.createPlan.mutate(
      {
        title: v.title,
        periodFrom: v.period[0].format('YYYY-MM-DD'),
        periodTo: v.period[1].format('YYYY-MM-DD'),
        departmentIds: v.departmentIds ?? [],
        checklistId: v.checklistId,
        rules,
      },
      {
        onSuccess: (plan) => void navigate(`/supervision/plans/${plan.id}`),
        onError: (e) => void message.error(errorText(e)),
      },
    );
  };
  return (
    <Modal
      open
      title={t('sup.plan.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={writes.createPlan.isPending}
      width={640}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ percent: 5, level1: true, reopened: true }}>
        <Form.Item name="title" label={t('sup.plan.title')} rules={[{ required: true }]}>
          <Input data-testid="plan-title" />
        </Form.Item>
        <Form.Item name="period" label={t('sup.plan.period')} rules={[{ required: true }]}>
          <DatePicker.RangePicker data-testid="plan-period" />
        </Form.Item>
        <Form.Item name="departmentIds" label={t('sup.plan.scope')} extra={t('sup.plan.scopeAll')}>
          <Select mode="multiple" allowClear options={departments.map((d) => ({ value: d.id, label: names.get(d.id) }))} />
        </Form.Item>
        <Form.Item name="checklistId" label={t('sup.plan.checklist')} rules={[{ required: true }]}>
          <Select
            data-testid="plan-checklist"
            options={(checklists.data ?? [])
              .filter((c) => c.active)
              .map((c) => ({ value: c.id, label: `${c.name}（${t('sup.checklist.version', { v: c.version })}）` }))}
          />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="percent" label={t('sup.rule.sharePercent')}>
            <InputNumber min={0.1} max={100} step={1} />
          </Form.Item>
          <Form.Item name="level1" valuePropName="checked">
            <Checkbox>{t('sup.rule.level1Check')}</Checkbox>
          </Form.Item>
          <Form.Item name="reopened" valuePropName="checked">
            <Checkbox>{t('sup.rule.reopenedCheck')}</Checkbox>
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
