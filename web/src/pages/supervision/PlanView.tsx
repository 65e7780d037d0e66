import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, Popconfirm, Result, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { can, useMe } from '../../session';
import { PlanFindings } from './PlanFindings';
import { ReportButtons } from './ReportButtons';
import { ScoreModal } from './ScoreModal';
import { errorText, useDepartmentNames, useRuleText } from './shared';
import { useInspectionWrites, usePlan, verifyRun, type PlanDetail, type PlanItem } from './supervision-api';

/** One plan: draw the sample (the seed shown), score each sampled complaint, findings and rectification requests. */
export function PlanView() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const plan = usePlan(id);
  if (plan.isPending) return <Spin />;
  if (!plan.data)
    return <Result status="404" title={errorText(plan.error)} extra={<Link to="/supervision/plans">{t('sup.plan.back')}</Link>} />;
  return <PlanBody plan={plan.data} />;
}

function PlanBody({ plan }: { plan: PlanDetail }) {
  const { t, dateTime, label } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const manage = can(me.data, 'inspection.manage') && plan.status !== 'completed';
  const writes = useInspectionWrites();
  const ruleText = useRuleText();
  const { name } = useDepartmentNames();
  const [scoring, setScoring] = useState<PlanItem | null>(null);
  const [checked, setChecked] = useState<Record<string, boolean>>({});
  const current = plan.items.filter((i) => i.removedAt === null);
  const onError = (e: unknown) => void message.error(errorText(e));
  const draw = () => writes.draw.mutate(plan.id, { onError });

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/supervision/plans">
        <ArrowLeftOutlined /> {t('sup.plan.back')}
      </Link>
      <Card
        title={plan.title}
        extra={
          <Space>
            <ReportButtons planId={plan.id} />
            {manage && plan.runs.length > 0 && <CompleteButton planId={plan.id} />}
            {manage &&
              (plan.runs.length === 0 ? (
                <Button type="primary" onClick={draw} loading={writes.draw.isPending} data-testid="draw-sample">
                  {t('sup.draw')}
                </Button>
              ) : (
                <Popconfirm title={t('sup.redrawConfirm')} onConfirm={draw}>
                  <Button loading={writes.draw.isPending} data-testid="redraw-sample">
                    {t('sup.redraw')}
                  </Button>
                </Popconfirm>
              ))}
          </Space>
        }
      >
        <Descriptions size="small" column={2}>
          <Descriptions.Item label={t('sup.plan.period')}>{`${plan.periodFrom} ~ ${plan.periodTo}`}</Descriptions.Item>
          <Descriptions.Item label={t('sup.plan.status')}>{t(`sup.status.${plan.status}`)}</Descriptions.Item>
          <Descriptions.Item label={t('sup.plan.scope')}>
            {plan.departmentIds.length ? plan.departmentIds.map(name).join('、') : t('sup.plan.scopeAll')}
          </Descriptions.Item>
          <Descriptions.Item label={t('sup.plan.checklist')}>
            {plan.checklist.name}（{t('sup.checklist.version', { v: plan.checklistVersion })}）
          </Descriptions.Item>
          <Descriptions.Item label={t('sup.plan.rules')} span={2}>
            {plan.rules.map((r, i) => (
              <div key={i}>{ruleText(r)}</div>
            ))}
          </Descriptions.Item>
          <Descriptions.Item label={t('sup.plan.average')}>
            <span data-testid="average-score">{plan.averageScore ?? '—'}</span>
          </Descriptions.Item>
          {plan.summary && <Descriptions.Item label={t('sup.plan.summary')}>{plan.summary}</Descriptions.Item>}
        </Descriptions>
      </Card>

      <Card title={t('sup.runs')} size="small">
        {plan.runs.length === 0 ? (
          <Empty description={t('sup.sample.none')} />
        ) : (
          plan.runs.map((r) => (
            <div key={r.id} style={{ marginBottom: 8 }}>
              <Space wrap>
                <Tag color={r === plan.runs[0] ? 'blue' : 'default'}>{t('sup.run.seq', { seq: r.seq })}</Tag>
                <span>
                  {t('sup.run.seed')}:{' '}
                  <Typography.Text code data-testid={r === plan.runs[0] ? 'run-seed' : undefined}>
                    {r.seed}
                  </Typography.Text>
                </span>
                <span>
                  {t('sup.run.population')}: {r.populationSize}
                </span>
                <span>
                  {t('sup.run.drawn')}: {r.drawnComplaintIds.length}
                </span>
                <span>
                  {t('sup.run.by')}: {r.drawnBy} {dateTime(r.drawnAt)}
                </span>
                <Button
                  size="small"
                  onClick={() => void verifyRun(r.id).then((v) => setChecked((c) => ({ ...c, [r.id]: v.matches })), onError)}
                >
                  {t('sup.run.verify')}
                </Button>
                {checked[r.id] !== undefined && (
                  <Tag color={checked[r.id] ? 'green' : 'red'}>{t(checked[r.id] ? 'sup.run.verified' : 'sup.run.mismatch')}</Tag>
                )}
              </Space>
            </div>
          ))
        )}
      </Card>

      <Card title={`${t('sup.sample')}（${current.length}）`} size="small">
        <Table
          rowKey="id"
          size="small"
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          dataSource={plan.items}
          rowClassName={(i) => (i.removedAt ? 'row-removed' : '')}
          locale={{ emptyText: t('sup.sample.none') }}
          columns={[
            {
              title: t('sup.sample.number'),
              render: (_, i) => (
                <Link to={`/complaints/${i.complaint.id}`} style={i.removedAt ? { textDecoration: 'line-through' } : undefined}>
                  {i.complaint.number}
                </Link>
              ),
            },
            { title: t('ledger.col.level'), render: (_, i) => label('level', i.complaint.level) },
            { title: t('ledger.col.status'), render: (_, i) => label('status', i.complaint.status) },
            {
              title: t('sup.sample.reason'),
              render: (_, i) =>
                i.removedAt
                  ? t('sup.sample.removed', { reason: i.removedReason ?? '' })
                  : i.source === 'manual'
                    ? t('sup.sample.manual', { reason: i.manualReason ?? '' })
                    : i.reasons
                        .map((r) =>
                          r.kind === 'share'
                            ? `${name(r.departmentId ?? null)}${r.month ? ` ${r.month}` : ''}`
                            : ruleText(plan.rules[r.rule]!),
                        )
                        .join('；'),
            },
            {
              title: t('sup.sample.score'),
              render: (_, i) =>
                i.score === null ? <Typography.Text type="secondary">{t('sup.sample.unscored')}</Typography.Text> : <b>{i.score}</b>,
            },
            {
              title: '',
              render: (_, i) =>
                manage &&
                !i.removedAt && (
                  <Space>
                    <Button size="small" type="link" onClick={() => setScoring(i)} data-testid={`score-item-${i.complaint.number}`}>
                      {t('sup.sample.scoreAction')}
                    </Button>
                    <RemoveButton itemId={i.id} />
                  </Space>
                ),
            },
          ]}
        />
        {manage && <ManualAdd planId={plan.id} />}
      </Card>

      {plan.status !== 'completed' && current.some((i) => i.score === null) && plan.runs.length > 0 && (
        <Alert
          type="info"
          showIcon
          message={`${t('sup.plan.scored')}: ${current.filter((i) => i.score !== null).length} / ${current.length}`}
        />
      )}
      <PlanFindings plan={plan} manage={manage} />
      {scoring && <ScoreModal plan={plan} item={scoring} onClose={() => setScoring(null)} />}
    </Space>
  );
}

function RemoveButton({ itemId }: { itemId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const writes = useInspectionWrites();
  const [reason, setReason] = useState('');
  return (
    <Popconfirm
      title={<Input.TextArea placeholder={t('sup.sample.removeReason')} value={reason} onChange={(e) => setReason(e.target.value)} />}
      okButtonProps={{ disabled: reason.trim() === '' }}
      onConfirm={() => writes.removeItem.mutate({ itemId, reason: reason.trim() }, { onError: (e) => void message.error(errorText(e)) })}
    >
      <Button size="small" type="link" danger>
        {t('sup.sample.remove')}
      </Button>
    </Popconfirm>
  );
}

function ManualAdd({ planId }: { planId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const writes = useInspectionWrites();
  const [form] = Form.useForm<{ complaintId: string; reason: string }>();
  return (
    <Form
      form={form}
      layout="inline"
      style={{ marginTop: 12 }}
      onFinish={(v) =>
        writes.addItem.mutate(
          { planId, complaintId: v.complaintId.trim(), reason: v.reason.trim() },
          { onSuccess: () => form.resetFields(), onError: (e) => void message.error(errorText(e)) },
        )
      }
    >
      <Form.Item name="complaintId" rules={[{ required: true }]}>
        <Input placeholder={t('sup.sample.complaintId')} style={{ width: 320 }} />
      </Form.Item>
      <Form.Item name="reason" rules={[{ required: true, whitespace: true }]}>
        <Input placeholder={t('sup.sample.addReason')} style={{ width: 280 }} />
      </Form.Item>
      <Button htmlType="submit" loading={writes.addItem.isPending}>
        {t('sup.sample.add')}
      </Button>
    </Form>
  );
}

function CompleteButton({ planId }: { planId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const writes = useInspectionWrites();
  const [summary, setSummary] = useState('');
  return (
    <Popconfirm
      title={<Input.TextArea rows={3} placeholder={t('sup.plan.summary')} value={summary} onChange={(e) => setSummary(e.target.value)} />}
      okButtonProps={{ disabled: summary.trim() === '' }}
      onConfirm={() =>
        writes.complete.mutate({ id: planId, summary: summary.trim() }, { onError: (e) => void message.error(errorText(e)) })
      }
    >
      <Button>{t('sup.plan.complete')}</Button>
    </Popconfirm>
  );
}
