import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { client, ok } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { useDepartmentNames } from '../supervision/shared';
import { errorText, PLAN_STATUS_COLOR } from './labels';
import { useStaff, useTrainingPlan, useTrainingWrites, type TrainingPlan } from './training-api';

/** A plan: what and when, where it came from, its sessions and its enrolled persons. */
export function PlanView() {
  const { id = '' } = useParams();
  const { t, dateTime } = useI18n();
  const plan = useTrainingPlan(id);
  const [sessionOpen, setSessionOpen] = useState(false);
  const p = plan.data;
  if (!p) return <Card loading />;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title={p.title} extra={<Link to="/training/plans">{t('training.back')}</Link>}>
        <Descriptions column={2} size="small">
          <Descriptions.Item label={t('training.plan.kind')}>{t(`training.kind.${p.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('training.plan.status')}>
            <Tag color={PLAN_STATUS_COLOR[p.status]}>{t(`training.status.${p.status}`)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('training.plan.areas')}>
            {p.contentAreas.map((a) => t(`training.area.${a}`)).join('、')}
          </Descriptions.Item>
          <Descriptions.Item label={t('training.plan.period')}>{`${p.periodFrom} ~ ${p.periodTo}`}</Descriptions.Item>
          {p.origin && (
            <Descriptions.Item label={t('training.plan.origin')}>
              <Link to={p.origin.link} data-testid="training-origin">{`${t(`training.origin.${p.origin.kind}`)}：${p.origin.text}`}</Link>
            </Descriptions.Item>
          )}
          {p.description && <Descriptions.Item label={t('training.plan.description')}>{p.description}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card
        title={t('training.plan.sessions')}
        extra={
          <Button type="primary" onClick={() => setSessionOpen(true)} data-testid="training-new-session">
            {t('training.session.new')}
          </Button>
        }
      >
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={p.sessions}
          data-testid="training-sessions"
          columns={[
            { title: t('training.session.title'), render: (_, s) => <Link to={`/training/sessions/${s.id}`}>{s.title}</Link> },
            { title: t('training.session.time'), render: (_, s) => `${dateTime(s.startsAt)} ~ ${dateTime(s.endsAt)}` },
            { title: t('training.session.trainer'), dataIndex: 'trainer' },
            { title: t('training.session.place'), render: (_, s) => s.place ?? s.onlineUrl ?? '—' },
            {
              title: t('training.session.passMark'),
              render: (_, s) => (s.maxScore === null ? t('training.session.noAssessment') : `${s.passMark ?? s.maxScore} / ${s.maxScore}`),
            },
            { title: t('training.plan.status'), render: (_, s) => t(`training.session.status.${s.status}`) },
          ]}
        />
      </Card>
      <Attendees plan={p} />
      {sessionOpen && <NewSessionModal planId={p.id} onClose={() => setSessionOpen(false)} />}
    </Space>
  );
}

function Attendees({ plan }: { plan: TrainingPlan }) {
  const { t, locale, dateTime } = useI18n();
  const { message } = App.useApp();
  const writes = useTrainingWrites();
  const { departments, names } = useDepartmentNames();
  const staff = useStaff(true);
  const roles = useQuery({ queryKey: ['training-roles'], staleTime: 300_000, queryFn: () => ok(client.GET('/api/roles')) });
  const roleName = new Map<string, string>((roles.data?.items ?? []).map((r) => [r.role, locale === 'zh-CN' ? r.zh : r.en]));
  const [form] = Form.useForm<{ departmentIds?: string[]; roles?: string[]; usernames?: string[] }>();
  const sourceText = (s: string, ref: string | null) =>
    s === 'department' && ref
      ? `${t('training.source.department')}：${names.get(ref) ?? ref}`
      : s === 'role' && ref
        ? `${t('training.source.role')}：${roleName.get(ref) ?? ref}`
        : t(`training.source.${s as 'person'}`);
  return (
    <Card title={`${t('training.plan.attendees')}（${plan.attendees.length}）`}>
      <Form
        form={form}
        layout="inline"
        style={{ marginBottom: 16 }}
        onFinish={(v) =>
          writes.enrol.mutate(
            { id: plan.id, body: { departmentIds: v.departmentIds ?? [], roles: v.roles ?? [], usernames: v.usernames ?? [] } },
            {
              onSuccess: (r) => {
                form.resetFields();
                void message.success(t('training.plan.added', { n: r.added.length }));
              },
              onError: (e) => void message.error(errorText(e)),
            },
          )
        }
      >
        <Form.Item name="departmentIds" label={t('training.plan.byDepartment')}>
          <Select
            mode="multiple"
            style={{ minWidth: 180 }}
            data-testid="enrol-departments"
            options={departments.map((d) => ({ value: d.id, label: names.get(d.id) }))}
          />
        </Form.Item>
        <Form.Item name="roles" label={t('training.plan.byRole')}>
          <Select mode="multiple" style={{ minWidth: 180 }} options={[...roleName].map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="usernames" label={t('training.plan.byPerson')}>
          <Select
            mode="multiple"
            style={{ minWidth: 200 }}
            data-testid="enrol-persons"
            optionFilterProp="label"
            options={(staff.data?.items ?? [])
              .filter((u) => u.active)
              .map((u) => ({ value: u.username, label: `${u.displayName}（${u.username}）` }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={writes.enrol.isPending} data-testid="enrol-submit">
          {t('training.plan.enrol')}
        </Button>
      </Form>
      <Table
        rowKey="username"
        size="small"
        dataSource={plan.attendees}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="training-attendees"
        columns={[
          {
            title: t('training.plan.attendees'),
            render: (_, a) => <Link to={`/training/records/${a.username}`}>{`${a.displayName}（${a.username}）`}</Link>,
          },
          { title: t('training.my.enrolledBy'), render: (_, a) => sourceText(a.source, a.sourceRef) },
          { title: t('training.session.time'), render: (_, a) => dateTime(a.enrolledAt) },
        ]}
      />
    </Card>
  );
}

interface SessionForm {
  title: string;
  time: [Dayjs, Dayjs];
  trainer: string;
  place?: string;
  onlineUrl?: string;
  maxScore?: number | null;
  passMark?: number | null;
}

function NewSessionModal({ planId, onClose }: { planId: string; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const writes = useTrainingWrites();
  const staff = useStaff(true);
  const [form] = Form.useForm<SessionForm>();
  const submit = (v: SessionForm) =>
    writes.createSession.mutate(
      {
        id: planId,
        body: {
          title: v.title,
          startsAt: v.time[0].toISOString(),
          endsAt: v.time[1].toISOString(),
          trainer: v.trainer,
          place: v.place || null,
          onlineUrl: v.onlineUrl || null,
          maxScore: v.maxScore ?? null,
          passMark: v.passMark ?? null,
        },
      },
      { onSuccess: onClose, onError: (e) => void message.error(errorText(e)) },
    );
  return (
    <Modal
      open
      title={t('training.session.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={writes.createSession.isPending}
      width={640}
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="title" label={t('training.session.title')} rules={[{ required: true }]}>
          <Input data-testid="session-title" />
        </Form.Item>
        <Form.Item name="time" label={t('training.session.time')} rules={[{ required: true }]}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" data-testid="session-time" />
        </Form.Item>
        <Form.Item name="trainer" label={t('training.session.trainer')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            data-testid="session-trainer"
            options={(staff.data?.items ?? [])
              .filter((u) => u.active)
              .map((u) => ({ value: u.username, label: `${u.displayName}（${u.username}）` }))}
          />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="place" label={t('training.session.place')}>
            <Input data-testid="session-place" />
          </Form.Item>
          <Form.Item name="onlineUrl" label={t('training.session.online')} rules={[{ type: 'url' }]}>
            <Input placeholder="https://" />
          </Form.Item>
          <Form.Item name="maxScore" label={t('training.session.maxScore')}>
            <InputNumber min={1} max={10000} data-testid="session-max" />
          </Form.Item>
          <Form.Item name="passMark" label={t('training.session.passMark')}>
            <InputNumber min={0} max={10000} data-testid="session-pass" />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
