/**
 * 重大投诉 (#14 item 4) on the complaint page: how it was marked (the rules that fired, or a leader
 * with a reason), marking and unmarking for leaders, the emergency plan with its actions and
 * milestones (each milestone on a clock), and the report to the regulator against its deadline.
 * The server decides who may do what; the buttons only appear where it would agree.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Space, Spin, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { client, ok, type Answer } from '../../../api/client';
import { useI18n } from '../../../i18n/i18n';
import { useMe } from '../../../session';
import { usePersonName } from '../complaint-queries';
import {
  instantOf,
  ItemFields,
  MajorModal,
  NoteFields,
  PlanFields,
  ReasonFields,
  ReportFields,
  textOf,
  type FormValues,
} from './MajorForms';
import { Para, Section } from './tab-kit';

export type MajorAnswer = Answer<'/api/complaints/{id}/major', 'get'>;
type Item = MajorAnswer['items'][number];
type Step = 'mark' | 'unmark' | 'plan' | 'item' | 'report' | { done: Item };

export function useMajor(id: string) {
  return useQuery({
    queryKey: ['complaint', id, 'major'],
    queryFn: () => ok(client.GET('/api/complaints/{id}/major', { params: { path: { id } } })),
  });
}

export function MajorTab({ id, onChanged }: { id: string; onChanged: () => Promise<void> }) {
  const { t, label, dateTime } = useI18n();
  const me = useMe();
  const person = usePersonName();
  const major = useMajor(id);
  const [step, setStep] = useState<Step | null>(null);
  if (major.isPending) return <Spin />;
  if (major.error) return <Alert type="error" showIcon message={major.error.message} />;
  const m = major.data;
  const path = { params: { path: { id } } };
  const close = () => setStep(null);
  const username = me.data?.user.username;

  const marking = (
    <Section
      title="major.title"
      count={1}
      testId="major-marking"
      extra={
        m.canManage && (
          <Button
            size="small"
            danger={!m.major}
            onClick={() => setStep(m.major ? 'unmark' : 'mark')}
            data-testid={m.major ? 'major-unmark' : 'major-mark'}
          >
            {t(m.major ? 'major.unmark' : 'major.mark')}
          </Button>
        )
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {m.major ? (
          <Space wrap>
            <Tag color="magenta" data-testid="major-badge">
              {t('major.title')}
            </Tag>
            {m.source && <Tag>{t(`major.source.${m.source}`)}</Tag>}
          </Space>
        ) : (
          <Typography.Text type="secondary">{m.reason ? t('major.unmarkedNote', { reason: m.reason }) : t('major.not')}</Typography.Text>
        )}
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          {m.major && <Descriptions.Item label={t('major.markedAt')}>{dateTime(m.markedAt)}</Descriptions.Item>}
          {m.major && m.markedBy && m.markedBy !== 'system' && (
            <Descriptions.Item label={t('major.markedBy')}>{person(m.markedBy)}</Descriptions.Item>
          )}
          {m.major && m.reason && <Descriptions.Item label={t('major.reason')}>{m.reason}</Descriptions.Item>}
          {m.rules.length > 0 && (
            <Descriptions.Item label={t('major.rules')}>{m.rules.map((r) => label('major.rule', r)).join('；')}</Descriptions.Item>
          )}
          <Descriptions.Item label={t('major.jointComplainants')}>{m.jointComplainants}</Descriptions.Item>
          {m.majorCause && <Descriptions.Item label={t('major.cause')}>{t(`major.cause.${m.majorCause}`)}</Descriptions.Item>}
          {m.regulatorNamed && (
            <Descriptions.Item label={t('major.regulatorNamed')}>{m.regulatorReference ?? t('common.none')}</Descriptions.Item>
          )}
        </Descriptions>
        {!m.major && <Typography.Text type="secondary">{t('major.notHint')}</Typography.Text>}
      </Space>
    </Section>
  );

  const columns: TableColumnsType<Item> = [
    {
      title: t('major.item.title'),
      key: 'title',
      render: (_v, i) => (
        <>
          <Tag>{t(`major.item.kind.${i.kind}`)}</Tag>
          <Typography.Text strong>{i.title}</Typography.Text>
          {i.doneNote && <div style={{ fontSize: 12 }}>{i.doneNote}</div>}
        </>
      ),
    },
    { title: t('major.item.owner'), key: 'owner', width: 160, render: (_v, i) => person(i.owner) },
    {
      title: t('major.item.dueAt'),
      key: 'due',
      width: 170,
      render: (_v, i) => (
        <>
          {i.dueAt ? dateTime(i.dueAt) : t('common.none')}
          {i.overdue && <Tag color="error">{t('ledger.overdue')}</Tag>}
        </>
      ),
    },
    {
      title: t('major.item.status'),
      key: 'status',
      width: 170,
      render: (_v, i) => (
        <>
          <Tag color={i.status === 'done' ? 'success' : 'processing'}>{t(`major.item.status.${i.status}`)}</Tag>
          {i.late && <Tag color="warning">{t('major.item.late')}</Tag>}
          {i.doneBy && <div style={{ fontSize: 12 }}>{t('major.item.doneBy', { by: i.doneBy, at: dateTime(i.doneAt) })}</div>}
        </>
      ),
    },
    {
      title: '',
      key: 'steps',
      width: 110,
      render: (_v, i) =>
        m.major && i.status === 'open' && (m.canManage || i.owner === username) ? (
          <Button size="small" onClick={() => setStep({ done: i })} data-testid="major-item-done">
            {t('major.item.done')}
          </Button>
        ) : null,
    },
  ];

  const plan = (m.major || m.plan || m.items.length > 0) && (
    <Section
      title="major.plan"
      count={1}
      testId="major-plan"
      extra={
        m.major &&
        m.canManage && (
          <Space>
            <Button size="small" onClick={() => setStep('plan')} data-testid="major-plan-edit">
              {t(m.plan ? 'major.plan.edit' : 'major.plan.create')}
            </Button>
            <Button size="small" type="primary" onClick={() => setStep('item')} data-testid="major-item-add">
              {t('major.item.add')}
            </Button>
          </Space>
        )
      }
    >
      {m.plan ? (
        <>
          <Para>{m.plan.summary}</Para>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('major.plan.owners')}：{m.plan.owners.map(person).join('、')} ·{' '}
            {t('major.plan.updated', { by: m.plan.updatedBy, at: dateTime(m.plan.updatedAt) })}
          </Typography.Text>
        </>
      ) : (
        <Typography.Text type="secondary">{t('major.plan.none')}</Typography.Text>
      )}
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t('major.items')}
      </Typography.Title>
      <Table
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={m.items}
        pagination={false}
        scroll={{ x: 640 }}
        locale={{ emptyText: t('major.item.none') }}
        data-testid="major-items"
      />
    </Section>
  );

  const r = m.regulatorReport;
  const first = r.reports[0];
  const report = (m.major || r.reports.length > 0) && (
    <Section
      title="major.report"
      count={1}
      testId="major-report"
      extra={
        m.major &&
        m.canManage && (
          <Button size="small" onClick={() => setStep('report')} data-testid="major-report-record">
            {t('major.report.record')}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 8 }}>
        <span>
          {t('major.report.dueAt')}：{dateTime(r.dueAt)}
        </span>
        {first ? (
          <Tag color={first.late ? 'warning' : 'success'}>{t(first.late ? 'major.report.late' : 'major.report.met')}</Tag>
        ) : r.overdue ? (
          <Tag color="error">{t('major.report.overdue')}</Tag>
        ) : (
          <Tag>{t('major.report.none')}</Tag>
        )}
      </Space>
      {r.reports.map((x) => (
        <Descriptions key={x.id} size="small" bordered column={1} style={{ marginBottom: 8 }}>
          <Descriptions.Item label={t('major.report.reportedAt')}>{dateTime(x.reportedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('major.report.recipient')}>{x.recipient}</Descriptions.Item>
          {x.reference && <Descriptions.Item label={t('major.report.reference')}>{x.reference}</Descriptions.Item>}
          <Descriptions.Item label={t('major.report.text')}>
            <Para>{x.text}</Para>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('major.report.recordedBy', { by: x.recordedBy, at: dateTime(x.recordedAt) })}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      ))}
    </Section>
  );

  const modal = (key: Exclude<Step, { done: Item }>) => step === key;
  const done = typeof step === 'object' && step !== null ? step.done : null;
  return (
    <div data-testid="major-tab">
      {marking}
      {plan}
      {report}
      <MajorModal
        title={m.major ? 'major.unmark' : 'major.mark'}
        open={modal('mark') || modal('unmark')}
        onClose={close}
        onDone={onChanged}
        fields={['reason']}
        testId="major-reason-form"
        send={(v: FormValues) =>
          ok(
            m.major
              ? client.POST('/api/complaints/{id}/major/unmark', { ...path, body: { reason: textOf(v.reason) } })
              : client.POST('/api/complaints/{id}/major/mark', { ...path, body: { reason: textOf(v.reason) } }),
          )
        }
      >
        {() => <ReasonFields label={m.major ? 'major.unmarkReason' : 'major.markReason'} />}
      </MajorModal>
      <MajorModal
        title="major.plan"
        open={modal('plan')}
        onClose={close}
        onDone={onChanged}
        fields={['summary', 'owners']}
        initialValues={m.plan ? { summary: m.plan.summary, owners: m.plan.owners } : { owners: username ? [username] : [] }}
        testId="major-plan-form"
        send={(v) =>
          ok(
            client.PUT('/api/complaints/{id}/major/plan', {
              ...path,
              body: { summary: textOf(v.summary), owners: Array.isArray(v.owners) ? v.owners.map(String) : [] },
            }),
          )
        }
      >
        {() => <PlanFields />}
      </MajorModal>
      <MajorModal
        title="major.item.add"
        open={modal('item')}
        onClose={close}
        onDone={onChanged}
        fields={['kind', 'title', 'owner', 'dueAt']}
        initialValues={{ kind: 'milestone' }}
        testId="major-item-form"
        send={(v) =>
          ok(
            client.POST('/api/complaints/{id}/major/items', {
              ...path,
              body: {
                kind: v.kind === 'action' ? 'action' : 'milestone',
                title: textOf(v.title),
                owner: textOf(v.owner),
                dueAt: instantOf(v.dueAt),
              },
            }),
          )
        }
      >
        {(form) => <ItemFields form={form} />}
      </MajorModal>
      <MajorModal
        title="major.item.done"
        open={done !== null}
        onClose={close}
        onDone={onChanged}
        fields={['note']}
        testId="major-done-form"
        send={(v) =>
          ok(
            client.POST('/api/complaints/{id}/major/items/{itemId}/done', {
              params: { path: { id, itemId: done?.id ?? '' } },
              body: { note: textOf(v.note) },
            }),
          )
        }
      >
        {() => <NoteFields />}
      </MajorModal>
      <MajorModal
        title="major.report.record"
        open={modal('report')}
        onClose={close}
        onDone={onChanged}
        fields={['reportedAt', 'recipient', 'reference', 'text']}
        testId="major-report-form"
        send={(v) =>
          ok(
            client.POST('/api/complaints/{id}/major/regulator-reports', {
              ...path,
              body: {
                reportedAt: instantOf(v.reportedAt),
                recipient: textOf(v.recipient),
                reference: textOf(v.reference) || null,
                text: textOf(v.text),
              },
            }),
          )
        }
      >
        {() => <ReportFields />}
      </MajorModal>
    </div>
  );
}
