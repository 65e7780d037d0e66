import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert, Button, Segmented, Space, Table, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { client, ok, type Answer, type ItemOf } from '../../../api/client';
import { useI18n } from '../../../i18n/i18n';
import { useMessageLabels } from './message-kit';

type Mailbox = Answer<'/api/messages/development-mailbox', 'get'>;
type Letter = ItemOf<Mailbox>;
type Channel = 'all' | Letter['channel'];

const PAGE = 50;
const preview = (body: string) => (body.length > 80 ? `${body.slice(0, 80)}…` : body);

/** What the development adapters kept instead of sending (no SMTP server or SMS gateway configured); a row opens to the whole text. */
export function DevelopmentMailbox() {
  const { t, dateTime } = useI18n();
  const labels = useMessageLabels();
  const [channel, setChannel] = useState<Channel>('all');
  const box = useInfiniteQuery({
    queryKey: ['admin', 'messages', 'mailbox', channel],
    queryFn: ({ pageParam }): Promise<Mailbox> =>
      ok(
        client.GET('/api/messages/development-mailbox', {
          params: { query: { channel: channel === 'all' ? undefined : channel, limit: PAGE, cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = box.data?.pages.flatMap((p) => p.items) ?? [];

  const columns: TableColumnsType<Letter> = [
    { title: t('messages.mailbox.time'), dataIndex: 'createdAt', width: 150, render: (at: string) => dateTime(at) },
    { title: t('messages.col.channel'), dataIndex: 'channel', width: 90, render: (c: string) => labels.channel(c) },
    { title: t('messages.col.recipient'), dataIndex: 'recipient', width: 180 },
    {
      title: t('messages.detail.subject'),
      dataIndex: 'subject',
      width: 240,
      ellipsis: true,
      render: (s: string | null) => s ?? t('common.none'),
    },
    {
      title: t('messages.mailbox.preview'),
      dataIndex: 'body',
      ellipsis: true,
      render: (b: string) => <Typography.Text type="secondary">{preview(b)}</Typography.Text>,
    },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary">{t('messages.mailbox.intro')}</Typography.Text>
        <Segmented<Channel>
          value={channel}
          onChange={setChannel}
          options={[
            { value: 'all', label: t('messages.mailbox.all') },
            { value: 'email', label: labels.channel('email') },
            { value: 'sms', label: labels.channel('sms') },
          ]}
          data-testid="mailbox-channel"
        />
      </Space>
      {box.error && <Alert type="error" showIcon message={box.error.message} style={{ marginBottom: 16 }} />}
      <Table<Letter>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={box.isPending}
        pagination={false}
        tableLayout="fixed"
        scroll={{ x: 900 }}
        locale={{ emptyText: t('messages.mailbox.empty') }}
        expandable={{
          expandRowByClick: true,
          expandedRowRender: (r) => (
            <Space direction="vertical" size={4} style={{ width: '100%' }}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid={`mailbox-body-${r.id}`}>
                {r.body}
              </Typography.Paragraph>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('messages.detail.idempotencyKey')}: <Typography.Text code>{r.idempotencyKey}</Typography.Text>
              </Typography.Text>
            </Space>
          ),
        }}
        onRow={(r) => ({ 'data-testid': `mailbox-row-${r.id}` }) as HTMLAttributes<HTMLElement>}
        data-testid="mailbox-table"
      />
      <Space style={{ marginTop: 16 }}>
        <Typography.Text type="secondary">{t('ledger.shown', { n: rows.length })}</Typography.Text>
        {box.hasNextPage && (
          <Button onClick={() => void box.fetchNextPage()} loading={box.isFetchingNextPage}>
            {t('ledger.loadMore')}
          </Button>
        )}
      </Space>
    </>
  );
}
