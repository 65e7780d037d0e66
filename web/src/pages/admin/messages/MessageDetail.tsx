import { Descriptions, Typography } from 'antd';
import { useI18n } from '../../../i18n/i18n';
import { useMessageLabels, type Message } from './message-kit';

/** One message opened in the log: what was sent, through which provider, with which key, and when. */
export function MessageDetail({ m }: { m: Message }) {
  const { t, dateTime } = useI18n();
  const labels = useMessageLabels();
  const none = t('common.none');
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
      bordered
      styles={{ label: { width: 120 } }}
      data-testid={`message-detail-${m.id}`}
    >
      {m.subject !== null && (
        <Descriptions.Item label={t('messages.detail.subject')} span={2}>
          {m.subject}
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('messages.detail.body')} span={2}>
        {m.contentHidden ? (
          <Typography.Text type="secondary" data-testid="message-content-hidden">
            {t('messages.detail.hidden')}
          </Typography.Text>
        ) : m.body === null ? (
          <Typography.Text type="secondary">{t('messages.detail.noBody')}</Typography.Text>
        ) : (
          <Typography.Paragraph
            style={{ whiteSpace: 'pre-wrap', marginBottom: 0, maxHeight: 240, overflow: 'auto' }}
            data-testid="message-body"
          >
            {m.body}
          </Typography.Paragraph>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('messages.detail.provider')}>{m.provider ? labels.provider(m.provider) : none}</Descriptions.Item>
      <Descriptions.Item label={t('messages.detail.providerId')}>
        {m.providerId ? <Typography.Text copyable>{m.providerId}</Typography.Text> : none}
      </Descriptions.Item>
      <Descriptions.Item label={t('messages.detail.idempotencyKey')} span={2}>
        <Typography.Text code copyable>
          {m.idempotencyKey}
        </Typography.Text>{' '}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('messages.detail.idempotencyHint')}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('messages.detail.template')}>
        <Typography.Text code>{m.template}</Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('messages.detail.segments')}>{m.segments ?? none}</Descriptions.Item>
      <Descriptions.Item label={t('messages.detail.sentAt')}>{dateTime(m.sentAt)}</Descriptions.Item>
      <Descriptions.Item label={t('messages.detail.deliveredAt')}>{dateTime(m.deliveredAt)}</Descriptions.Item>
      <Descriptions.Item label={t('messages.detail.deadAt')}>{dateTime(m.deadAt)}</Descriptions.Item>
      <Descriptions.Item label={t('messages.detail.resent')}>
        {m.resentAt ? t('messages.detail.resentBy', { at: dateTime(m.resentAt), by: m.resentBy ?? none }) : none}
      </Descriptions.Item>
      {m.lastError !== null && (
        <Descriptions.Item label={t('messages.col.lastError')} span={2}>
          <Typography.Text type="danger" style={{ whiteSpace: 'pre-wrap' }}>
            {m.lastError}
          </Typography.Text>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
