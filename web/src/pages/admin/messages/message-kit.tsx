/** What the message log, the complaint's messages and the settings page share: types, labels, colours, the resend. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Tag, Typography } from 'antd';
import { client, ok, type Answer, type ItemOf, type Query } from '../../../api/client';
import { useI18n } from '../../../i18n/i18n';

export type MessagePage = Answer<'/api/messages', 'get'>;
export type Message = ItemOf<MessagePage>;
export type MessageStatus = Message['status'];
export type MessageChannel = Message['channel'];
export type MessageFilter = Pick<Query<'/api/messages', 'get'>, 'status' | 'channel' | 'purpose' | 'q' | 'from' | 'to'>;
export type MessagePurpose = NonNullable<MessageFilter['purpose']>[number];

export const STATUSES: readonly MessageStatus[] = ['queued', 'sent', 'delivered', 'failed', 'dead'];
export const CHANNELS: readonly MessageChannel[] = ['email', 'sms', 'webhook'];
export const PURPOSES: readonly MessagePurpose[] = [
  'staff_notice',
  'digest',
  'acknowledgment',
  'feedback',
  'final_notice',
  'reply',
  'webhook',
];

/** Tag colours (antd presets) and the chart's bar colours of each status. */
export const STATUS_TAG: Record<MessageStatus, string> = {
  queued: 'default',
  sent: 'processing',
  delivered: 'success',
  failed: 'warning',
  dead: 'error',
};
export const STATUS_COLOUR: Record<MessageStatus, string> = {
  queued: '#8c8c8c',
  sent: '#1677ff',
  delivered: '#52c41a',
  failed: '#faad14',
  dead: '#ff4d4f',
};

/** A failed or dead message may be sent again; the others are on their way or there already. */
export const mayResend = (m: Pick<Message, 'status'>): boolean => m.status === 'failed' || m.status === 'dead';

export function MessageStatusTag({ m }: { m: Pick<Message, 'id' | 'status'> }) {
  const { label } = useI18n();
  return (
    <Tag color={STATUS_TAG[m.status]} data-testid={`message-status-${m.id}`} data-status={m.status}>
      {label('messages.status', m.status)}
    </Tag>
  );
}

/** The purpose, and under it the channel, in one narrow cell. */
export function PurposeCell({ m }: { m: Pick<Message, 'purpose' | 'channel'> }) {
  const { label } = useI18n();
  return (
    <div style={{ lineHeight: 1.3 }}>
      <div>{label('messages.purpose', m.purpose)}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label('messages.channel', m.channel)}
      </Typography.Text>
    </div>
  );
}

/** The masked recipient, and under it whether staff, the complainant or another system. */
export function RecipientCell({ m }: { m: Pick<Message, 'recipient' | 'recipientKind'> }) {
  const { label } = useI18n();
  return (
    <div style={{ lineHeight: 1.3 }}>
      <div>{m.recipient}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label('messages.recipientKind', m.recipientKind)}
      </Typography.Text>
    </div>
  );
}

/** "员工通知 · 电子邮件" pieces, each a label, never a code. */
export function useMessageLabels() {
  const { label } = useI18n();
  return {
    status: (s: string) => label('messages.status', s),
    channel: (c: string) => label('messages.channel', c),
    purpose: (p: string) => label('messages.purpose', p),
    recipientKind: (k: string) => label('messages.recipientKind', k),
    provider: (p: string) => label('messages.provider', p),
    queue: (q: string) => label('messages.queue', q),
  };
}

/** POST /api/messages/{id}/resend, then every message list is read again. */
export function useResend() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => ok(client.POST('/api/messages/{id}/resend', { params: { path: { id } } })),
    onSuccess: async () => {
      void message.success(t('messages.resent'));
      await Promise.all([
        queries.invalidateQueries({ queryKey: ['admin', 'messages'] }),
        queries.invalidateQueries({ queryKey: ['complaint'] }),
      ]);
    },
    onError: (e) => void message.error(e.message),
  });
}

export function ResendButton({ m, resend }: { m: Message; resend: ReturnType<typeof useResend> }) {
  const { t } = useI18n();
  return (
    <Button
      size="small"
      onClick={(e) => {
        e.stopPropagation();
        resend.mutate(m.id);
      }}
      loading={resend.isPending && resend.variables === m.id}
      data-testid={`message-resend-${m.id}`}
    >
      {t('messages.resend')}
    </Button>
  );
}
