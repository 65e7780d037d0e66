import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Modal, Popconfirm, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { client, ok } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { can, useMe } from '../../session';
import { ActivationToggle, ActiveTag } from './Activation';
import { WebhookFormModal } from './WebhookFormModal';
import { WEBHOOK_KEYS, webhookTypeLabel, type Webhook } from './webhook-types';

/** Tags shown in the list before "and n more" (the full list is in the tooltip). */
const SHOWN_TYPES = 4;

/** The signing secret, shown once after creation or rotation: after closing it can only be rotated. */
function SecretOnce({ shown, onClose }: { shown: { name: string; secret: string } | null; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal
      open={shown !== null}
      title={t('webhooks.secretTitle')}
      onCancel={onClose}
      onOk={onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
      okText={t('webhooks.secretDone')}
      maskClosable={false}
      width={600}
    >
      {shown && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>{t('webhooks.secretFor', { name: shown.name })}</Typography.Text>
          <Typography.Text code copyable style={{ fontSize: 16, wordBreak: 'break-all' }} data-testid="webhook-secret">
            {shown.secret}
          </Typography.Text>
          <Alert type="warning" showIcon message={t('webhooks.secretOnce')} />
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('webhooks.secretHow')}
          </Typography.Paragraph>
        </Space>
      )}
    </Modal>
  );
}

/** Webhook subscriptions (#11 item 8): list, create (secret shown once), edit, (de)activate, rotate the secret, test, delete. */
export function WebhooksPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const writable = can(me.data, 'message.manage');
  const queries = useQueryClient();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Webhook | 'new' | null>(null);
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);

  const list = useQuery({ queryKey: WEBHOOK_KEYS.list, queryFn: () => ok(client.GET('/api/admin/webhooks')) });
  const refresh = () => queries.invalidateQueries({ queryKey: WEBHOOK_KEYS.list });
  const path = (w: Webhook) => ({ params: { path: { id: w.id } } });

  const toggle = useMutation({
    mutationFn: (w: Webhook) => ok(client.PATCH('/api/admin/webhooks/{id}', { ...path(w), body: { active: !w.active } })),
    onSuccess: refresh,
    onError: (e) => message.error(e.message),
  });
  const rotate = useMutation({
    mutationFn: (w: Webhook) => ok(client.POST('/api/admin/webhooks/{id}/rotate-secret', path(w))),
    onSuccess: async (a) => {
      setSecret({ name: a.subscription.name, secret: a.secret });
      await refresh();
    },
    onError: (e) => message.error(e.message),
  });
  const test = useMutation({
    mutationFn: (w: Webhook) => ok(client.POST('/api/admin/webhooks/{id}/test', path(w))),
    onSuccess: () => message.success(t('webhooks.testQueued')),
    onError: (e) => message.error(e.message),
  });
  const remove = useMutation({
    mutationFn: (w: Webhook) => ok(client.DELETE('/api/admin/webhooks/{id}', path(w))),
    onSuccess: async (a) => {
      message.success(a.outcome === 'deleted' ? t('webhooks.deleted') : t('webhooks.deactivated'));
      await refresh();
    },
    onError: (e) => message.error(e.message),
  });

  const columns: TableColumnsType<Webhook> = [
    { title: t('webhooks.name'), dataIndex: 'name', width: 180 },
    {
      title: t('webhooks.url'),
      dataIndex: 'url',
      render: (url: string) => (
        <Typography.Text copyable={{ text: url }} ellipsis={{ tooltip: url }} style={{ maxWidth: 280 }}>
          {url}
        </Typography.Text>
      ),
    },
    {
      title: t('webhooks.events'),
      key: 'eventTypes',
      render: (_v, w) => {
        const labels = w.eventTypes.map((e) => webhookTypeLabel(e, i18n));
        return (
          <Tooltip title={labels.length > SHOWN_TYPES ? labels.join('、') : undefined}>
            <Space size={[0, 4]} wrap>
              {labels.slice(0, SHOWN_TYPES).map((l) => (
                <Tag key={l} style={{ whiteSpace: 'normal' }}>
                  {l}
                </Tag>
              ))}
              {labels.length > SHOWN_TYPES && <Tag>{t('webhooks.more', { n: labels.length })}</Tag>}
            </Space>
          </Tooltip>
        );
      },
    },
    { title: t('admin.active'), dataIndex: 'active', width: 90, render: (a: boolean) => <ActiveTag active={a} /> },
    { title: t('webhooks.updatedAt'), dataIndex: 'updatedAt', width: 150, render: (at: string) => i18n.dateTime(at) },
  ];
  if (writable) {
    columns.push({
      title: t('admin.actions'),
      key: 'actions',
      width: 340,
      render: (_v, w) => (
        <Space size={0} wrap>
          <Button size="small" type="link" onClick={() => setEditing(w)} data-testid={`webhook-edit-${w.id}`}>
            {t('admin.edit')}
          </Button>
          <ActivationToggle active={w.active} confirmDeactivate={t('webhooks.confirmDeactivate')} onToggle={() => toggle.mutate(w)} />
          <Button
            size="small"
            type="link"
            disabled={!w.active}
            loading={test.isPending && test.variables.id === w.id}
            onClick={() => test.mutate(w)}
            data-testid={`webhook-test-${w.id}`}
          >
            {t('webhooks.test')}
          </Button>
          <Popconfirm title={t('webhooks.rotateConfirm')} onConfirm={() => rotate.mutate(w)}>
            <Button size="small" type="link">
              {t('webhooks.rotate')}
            </Button>
          </Popconfirm>
          <Popconfirm title={t('webhooks.deleteConfirm')} onConfirm={() => remove.mutate(w)}>
            <Button size="small" type="link" danger>
              {t('webhooks.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <Card
      title={t('webhooks.title')}
      extra={
        writable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="webhook-new">
            {t('webhooks.new')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('webhooks.intro')}</Typography.Paragraph>
      {!writable && <Alert type="info" showIcon message={t('webhooks.readOnly')} style={{ marginBottom: 16 }} />}
      {list.error && <Alert type="error" showIcon message={list.error.message} style={{ marginBottom: 16 }} />}
      <Table<Webhook>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isPending}
        locale={{ emptyText: t('webhooks.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 960 }}
        data-testid="webhook-table"
      />
      {editing && (
        <WebhookFormModal
          target={editing}
          eventTypes={list.data?.eventTypes ?? []}
          onClose={() => setEditing(null)}
          onSaved={async ({ subscription, secret: shown }) => {
            setEditing(null);
            if (shown) setSecret({ name: subscription.name, secret: shown });
            else message.success(t('admin.saved'));
            await refresh();
          }}
        />
      )}
      <SecretOnce shown={secret} onClose={() => setSecret(null)} />
    </Card>
  );
}
