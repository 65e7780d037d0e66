import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Form, Input, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, postForm } from '../../api';
import { useI18n } from '../../i18n/i18n';
import type { MaskedComplainant } from '../../types';
import { applyServerErrors } from './actions/server-errors';

/** The server's limits (correspondence.service.ts REPLY_LIMITS). */
const MAX_TEXT = { email: 10_000, sms: 500 } as const;
const MAX_SUBJECT = 200;

interface ReplyValues {
  channel: 'email' | 'sms';
  subject?: string;
  text: string;
}

/**
 * A reply to the complainant from the thread (#12 item 5): by e-mail (with a subject) or SMS, to the
 * address on file (shown masked); the text goes out with the `complainant.reply` template, which adds
 * the number and the tracking link, and appears in the thread at once as queued.
 */
export function CorrespondenceReply({
  complaintId,
  complainant,
  onClose,
  onSent,
}: {
  complaintId: string;
  complainant: MaskedComplainant;
  onClose: () => void;
  onSent: () => Promise<void>;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReplyValues>();
  const [alert, setAlert] = useState<string | null>(null);
  const channel = Form.useWatch('channel', form) ?? (complainant.email ? 'email' : 'sms');
  const address = { email: complainant.email, sms: complainant.phone };

  const send = useMutation({
    mutationFn: (v: ReplyValues) =>
      postForm(
        '/api/complaints/{id}/correspondence/reply',
        { id: complaintId },
        {
          channel: v.channel,
          text: v.text,
          ...(v.channel === 'email' && v.subject?.trim() ? { subject: v.subject.trim() } : {}),
        },
      ),
    onMutate: () => setAlert(null),
    onSuccess: async () => {
      void message.success(t('corr.sent'));
      onClose();
      await onSent();
    },
    onError: (err) => {
      if (err instanceof ApiError) {
        const leftover = applyServerErrors(form, err);
        setAlert(leftover.length > 0 || err.fields.length === 0 ? [err.message, ...leftover].join('；') : null);
      } else setAlert(err.message);
    },
  });

  const option = (via: 'email' | 'sms') => {
    const to = address[via];
    const what = t(via === 'email' ? 'corr.channel.email' : 'corr.channel.sms');
    return (
      <Radio value={via} disabled={!to}>
        <span data-testid={`reply-channel-${via}`}>
          {what}
          <Typography.Text type="secondary" style={{ marginLeft: 6 }}>
            {to ?? t('corr.replyNoAddress', { what })}
          </Typography.Text>
        </span>
      </Radio>
    );
  };

  return (
    <Drawer
      open
      title={t('corr.replyTitle')}
      width={560}
      onClose={onClose}
      destroyOnHidden
      data-testid="reply-drawer"
      footer={
        <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
          <Button onClick={onClose}>{t('complaint.cancel')}</Button>
          <Button type="primary" loading={send.isPending} onClick={() => form.submit()} data-testid="reply-send">
            {t('corr.send')}
          </Button>
        </Space>
      }
    >
      {alert && <Alert type="error" showIcon message={alert} style={{ marginBottom: 16 }} data-testid="reply-error" />}
      <Form<ReplyValues>
        form={form}
        layout="vertical"
        initialValues={{ channel: complainant.email ? 'email' : 'sms' }}
        onFinish={(v) => send.mutate(v)}
        onValuesChange={(changed: Partial<ReplyValues>) =>
          form.setFields((Object.keys(changed) as Array<keyof ReplyValues>).map((name) => ({ name, errors: [] })))
        }
        disabled={send.isPending}
      >
        <Form.Item name="channel" label={t('corr.replyChannel')} rules={[{ required: true, message: t('common.required') }]}>
          <Radio.Group>
            <Space direction="vertical">
              {option('email')}
              {option('sms')}
            </Space>
          </Radio.Group>
        </Form.Item>
        {channel === 'email' && (
          <Form.Item name="subject" label={t('corr.replySubject')} extra={t('corr.replySubjectHint')}>
            <Input maxLength={MAX_SUBJECT} data-testid="reply-subject" />
          </Form.Item>
        )}
        <Form.Item
          name="text"
          label={t('corr.replyText')}
          extra={t('corr.replyTextHint')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input.TextArea rows={8} showCount maxLength={MAX_TEXT[channel]} data-testid="reply-text" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
