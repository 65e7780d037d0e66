import { useQuery } from '@tanstack/react-query';
import { Alert, Table, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { client, ok } from '../../../api/client';
import { useI18n } from '../../../i18n/i18n';
import { can, useMe } from '../../../session';
import { MessageDetail } from '../../admin/messages/MessageDetail';
import {
  mayResend,
  MessageStatusTag,
  PurposeCell,
  RecipientCell,
  ResendButton,
  useResend,
  type Message,
} from '../../admin/messages/message-kit';

/**
 * The complaint's messages (#11 items 2 and 7): the acknowledgment, result feedback and final notice
 * to the complainant with their proof of delivery (provider id, sent and delivered times), and the
 * staff notices about it. `id` is the complaint's id or number as the page's address names it.
 */
export function MessagesTab({ id }: { id: string }) {
  const { t, dateTime } = useI18n();
  const me = useMe();
  const resend = useResend();
  const manage = can(me.data, 'message.manage');
  const messages = useQuery({
    queryKey: ['complaint', id, 'messages'],
    queryFn: async () => (await ok(client.GET('/api/complaints/{id}/messages', { params: { path: { id } } }))).items,
  });

  const columns: TableColumnsType<Message> = [
    { title: t('messages.col.purposeChannel'), key: 'purpose', width: 100, render: (_v, m) => <PurposeCell m={m} /> },
    { title: t('messages.col.recipient'), key: 'recipient', width: 160, render: (_v, m) => <RecipientCell m={m} /> },
    { title: t('messages.col.status'), key: 'status', width: 130, render: (_v, m) => <MessageStatusTag m={m} /> },
    {
      title: t('messages.col.sentDelivered'),
      key: 'times',
      width: 150,
      render: (_v, m) => (
        <div style={{ lineHeight: 1.3, fontSize: 12 }}>
          <div>{t('messages.sentAtShort', { at: dateTime(m.sentAt) })}</div>
          <div data-testid={`complaint-message-delivered-${m.id}`}>{t('messages.deliveredAtShort', { at: dateTime(m.deliveredAt) })}</div>
        </div>
      ),
    },
    {
      title: t('messages.col.providerId'),
      dataIndex: 'providerId',
      width: 110,
      ellipsis: true,
      render: (p: string | null) => (p ? <Typography.Text copyable={{ text: p }}>{p}</Typography.Text> : t('common.none')),
    },
    ...(manage
      ? [
          {
            title: '',
            key: 'actions',
            width: 70,
            render: (_v: unknown, m: Message) => (mayResend(m) ? <ResendButton m={m} resend={resend} /> : null),
          },
        ]
      : []),
  ];

  return (
    <div data-testid="complaint-messages">
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('messages.complaint.intro')}
      </Typography.Paragraph>
      {messages.error && <Alert type="error" showIcon message={messages.error.message} style={{ marginBottom: 12 }} />}
      <Table<Message>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={messages.data ?? []}
        loading={messages.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('messages.complaint.empty') }}
        expandable={{ expandedRowRender: (m) => <MessageDetail m={m} />, expandRowByClick: true, columnWidth: 32 }}
        onRow={(m) => ({ 'data-testid': `complaint-message-${m.id}`, 'data-purpose': m.purpose }) as HTMLAttributes<HTMLElement>}
      />
    </div>
  );
}
