import { useMutation } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { client, ok } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { applyServerErrors } from './admin-api';
import { isMilestone, webhookTypeLabel, type Webhook, type WebhookEventType } from './webhook-types';

interface WebhookForm {
  name: string;
  url: string;
  eventTypes: WebhookEventType[];
}

const FIELDS = ['name', 'url', 'eventTypes'] as const;

interface TypeOption {
  value: WebhookEventType;
  /** what the chosen tag shows: the label alone */
  text: string;
  label: ReactNode;
  /** what typing finds: the label and the code */
  search: string;
}

/** Create a subscription (the answer carries its secret, shown once by the page) or change one's name, URL and events. */
export function WebhookFormModal({
  target,
  eventTypes,
  onClose,
  onSaved,
}: {
  target: Webhook | 'new';
  eventTypes: readonly WebhookEventType[];
  onClose: () => void;
  onSaved: (answer: { subscription: Webhook; secret?: string }) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [form] = Form.useForm<WebhookForm>();
  const [formError, setFormError] = useState<string | null>(null);
  const isNew = target === 'new';

  const save = useMutation({
    mutationFn: async (v: WebhookForm): Promise<{ subscription: Webhook; secret?: string }> => {
      const body = { name: v.name, url: v.url.trim(), eventTypes: v.eventTypes };
      if (isNew) return ok(client.POST('/api/admin/webhooks', { body }));
      const subscription = await ok(client.PATCH('/api/admin/webhooks/{id}', { params: { path: { id: target.id } }, body }));
      return { subscription };
    },
    onSuccess: onSaved,
    onError: (e) => setFormError(applyServerErrors(form, e, FIELDS)),
  });

  const option = (type: WebhookEventType): TypeOption => {
    const text = webhookTypeLabel(type, i18n);
    return {
      value: type,
      text,
      label: (
        <span>
          {text}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {type}
          </Typography.Text>
        </span>
      ),
      search: `${text} ${type}`.toLowerCase(),
    };
  };
  const groups = [
    { label: t('webhooks.group.milestones'), options: eventTypes.filter(isMilestone).map(option) },
    { label: t('webhooks.group.events'), options: eventTypes.filter((e) => !isMilestone(e)).map(option) },
  ];

  return (
    <Modal
      open
      title={isNew ? t('webhooks.new') : t('webhooks.edit', { name: target.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('admin.save')}
      confirmLoading={save.isPending}
      width={640}
    >
      {formError && <Alert type="error" showIcon message={formError} style={{ marginBottom: 16 }} />}
      <Form<WebhookForm>
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        initialValues={isNew ? { eventTypes: [] } : { name: target.name, url: target.url, eventTypes: target.eventTypes }}
      >
        <Form.Item
          name="name"
          label={t('webhooks.name')}
          extra={t('webhooks.nameHint')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={100} data-testid="webhook-name" />
        </Form.Item>
        <Form.Item
          name="url"
          label={t('webhooks.url')}
          extra={t('webhooks.urlHint')}
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            { pattern: /^\s*https?:\/\/\S+$/i, message: t('webhooks.urlInvalid') },
          ]}
        >
          <Input maxLength={2000} placeholder="https://" autoComplete="off" data-testid="webhook-url" />
        </Form.Item>
        <Form.Item
          name="eventTypes"
          label={t('webhooks.eventTypes')}
          extra={t('webhooks.eventTypesHint')}
          rules={[{ required: true, type: 'array', min: 1, message: t('common.required') }]}
        >
          <Select
            mode="multiple"
            options={groups}
            optionLabelProp="text"
            filterOption={(input, o) =>
              o !== undefined && 'search' in o && typeof o.search === 'string' && o.search.includes(input.trim().toLowerCase())
            }
            virtual={false}
            data-testid="webhook-event-types"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
