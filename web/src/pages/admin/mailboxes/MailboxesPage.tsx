import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Space, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { Link } from 'react-router';
import { client, ok } from '../../../api/client';
import { useI18n } from '../../../i18n/i18n';
import { MailboxForm } from './MailboxForm';
import { HealthTag, MAILBOX_KEYS, mailboxSource, type ConnectionTest, type Mailbox } from './mailbox-kit';

/** How often the list is read again while open, so that a poll's result and a failing mailbox show without a reload. */
const REFRESH_MS = 15_000;

/** The last connection test's result, shown above the table until the next one. */
function TestResult({ result, onClose }: { result: { name: string; answer: ConnectionTest }; onClose: () => void }) {
  const { t } = useI18n();
  const { name, answer } = result;
  return (
    <Alert
      type={answer.ok ? 'success' : 'error'}
      showIcon
      closable
      onClose={onClose}
      message={answer.ok ? t('mailboxes.testOk', { name }) : t('mailboxes.testFailed', { name })}
      description={answer.ok ? undefined : answer.error}
      style={{ marginBottom: 16 }}
      data-testid="mailbox-test-result"
      data-ok={String(answer.ok)}
    />
  );
}

/**
 * /admin/mailboxes (#12 item 2): the mailboxes e-mail complaints arrive at (forwarded to the built-in
 * SMTP listener, or fetched by IMAP), each with its health; create and edit in a drawer; an IMAP
 * mailbox is fetched now or its connection tested (forwarded mail is processed on arrival).
 * Administrators only (mailbox.manage).
 */
export function MailboxesPage() {
  const i18n = useI18n();
  const { t, dateTime, label } = i18n;
  const queries = useQueryClient();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Mailbox | 'new' | null>(null);
  const [tested, setTested] = useState<{ name: string; answer: ConnectionTest } | null>(null);

  const list = useQuery({
    queryKey: MAILBOX_KEYS.list,
    queryFn: () => ok(client.GET('/api/admin/mailboxes')),
    refetchInterval: REFRESH_MS,
  });
  const refresh = () => queries.invalidateQueries({ queryKey: MAILBOX_KEYS.list });
  const path = (m: Mailbox) => ({ params: { path: { id: m.id } } });

  const poll = useMutation({
    mutationFn: (m: Mailbox) => ok(client.POST('/api/admin/mailboxes/{id}/poll', path(m))),
    onSuccess: async (_a, m) => {
      void message.success(t('mailboxes.pollQueued', { name: m.name }));
      await refresh();
    },
    onError: (e) => void message.error(e.message),
  });
  const test = useMutation({
    mutationFn: (m: Mailbox) => ok(client.POST('/api/admin/mailboxes/{id}/test', path(m))),
    onMutate: () => setTested(null),
    onSuccess: (answer, m) => setTested({ name: m.name, answer }),
    onError: (e) => void message.error(e.message),
  });

  const columns: TableColumnsType<Mailbox> = [
    {
      title: t('mailboxes.name'),
      key: 'name',
      width: 170,
      render: (_v, m) => (
        <div style={{ lineHeight: 1.3 }}>
          <div>{m.name}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {label('mailboxes.kind', m.kind)}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('mailboxes.source'),
      key: 'source',
      ellipsis: true,
      render: (_v, m) => {
        const source = mailboxSource(m);
        return (
          <div style={{ lineHeight: 1.3 }}>
            <div title={source} style={{ overflow: 'hidden', textOverflow: 'ellipsis' }} data-testid={`mailbox-source-${m.id}`}>
              {source}
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {m.kind === 'imap' ? t('mailboxes.everySeconds', { n: m.intervalSeconds }) : t('mailboxes.forwarded')}
            </Typography.Text>
          </div>
        );
      },
    },
    // a disabled mailbox's health is 已停用: the state says whether it is enabled
    { title: t('mailboxes.health'), key: 'health', width: 96, render: (_v, m) => <HealthTag m={m} /> },
    {
      title: t('mailboxes.lastRun'),
      key: 'lastRun',
      width: 220,
      render: (_v, m) => (
        <div style={{ lineHeight: 1.3, minWidth: 0 }}>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('mailboxes.lastSuccess')}{' '}
            </Typography.Text>
            {dateTime(m.health.lastSuccessAt)}
          </div>
          {m.health.lastError && (
            <Tooltip title={`${t('mailboxes.lastError')} ${dateTime(m.health.lastErrorAt)}: ${m.health.lastError}`}>
              <Typography.Text
                type="danger"
                style={{ fontSize: 12, display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
                data-testid={`mailbox-error-${m.id}`}
              >
                {m.health.lastError}
              </Typography.Text>
            </Tooltip>
          )}
        </div>
      ),
    },
    { title: t('mailboxes.backlog'), key: 'backlog', width: 64, align: 'right', render: (_v, m) => m.health.backlog },
    {
      title: t('mailboxes.quarantined'),
      key: 'quarantined',
      width: 64,
      align: 'right',
      render: (_v, m) =>
        m.health.quarantined > 0 ? (
          <Link to={`/admin/inbound-mail?mailboxId=${m.id}&outcome=quarantined`} data-testid={`mailbox-quarantined-${m.id}`}>
            <Typography.Text type="danger">{m.health.quarantined}</Typography.Text>
          </Link>
        ) : (
          0
        ),
    },
    {
      title: t('admin.actions'),
      key: 'actions',
      width: 150,
      fixed: 'right',
      render: (_v, m) => (
        <Space size={0} wrap>
          <Button size="small" type="link" onClick={() => setEditing(m)} data-testid={`mailbox-edit-${m.id}`}>
            {t('admin.edit')}
          </Button>
          {m.kind === 'imap' && (
            <Button
              size="small"
              type="link"
              disabled={!m.enabled}
              loading={poll.isPending && poll.variables.id === m.id}
              onClick={() => poll.mutate(m)}
              data-testid={`mailbox-poll-${m.id}`}
            >
              {t('mailboxes.pollNow')}
            </Button>
          )}
          {m.kind === 'imap' && (
            <Button
              size="small"
              type="link"
              loading={test.isPending && test.variables.id === m.id}
              onClick={() => test.mutate(m)}
              data-testid={`mailbox-test-${m.id}`}
            >
              {t('mailboxes.test')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('mailboxes.title')}
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()} loading={list.isRefetching} data-testid="mailbox-refresh">
            {t('mailboxes.refresh')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="mailbox-new">
            {t('mailboxes.new')}
          </Button>
        </Space>
      }
      data-testid="mailboxes-page"
    >
      <Typography.Paragraph type="secondary">{t('mailboxes.intro')}</Typography.Paragraph>
      {list.error && <Alert type="error" showIcon message={list.error.message} style={{ marginBottom: 16 }} />}
      {tested && <TestResult result={tested} onClose={() => setTested(null)} />}
      <Table<Mailbox>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isPending}
        locale={{ emptyText: t('mailboxes.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        tableLayout="fixed"
        scroll={{ x: 980 }}
        onRow={(m) => ({ 'data-testid': `mailbox-row-${m.id}`, 'data-name': m.name }) as HTMLAttributes<HTMLElement>}
        data-testid="mailbox-table"
      />
      {editing && (
        <MailboxForm
          target={editing}
          onClose={() => setEditing(null)}
          onSaved={async () => {
            setEditing(null);
            void message.success(t('admin.saved'));
            await refresh();
          }}
        />
      )}
    </Card>
  );
}
