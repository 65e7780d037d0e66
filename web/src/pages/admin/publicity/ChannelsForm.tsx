/**
 * The complaint channels the customer portal shows (R-G3): hotlines with hours, the complaint e-mail
 * address, the postal address, website, app and WeChat, the branches. Each text in Chinese and
 * (optionally) English. Saving makes a new version, audited.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, Row, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { client, ok } from '../../../api/client';
import { useI18n } from '../../../i18n/i18n';
import { applyServerErrors } from '../admin-api';
import { PUBLICITY_KEYS, useChannels, type Channels } from './publicity-api';

const FIELDS = ['companyName', 'hotlines', 'email', 'postal', 'website', 'app', 'wechat', 'branches'] as const;

/** A text in Chinese (required) and English (optional), side by side. */
function Localized({ name, label, testId }: { name: (string | number)[]; label: string; testId?: string }) {
  const { t } = useI18n();
  return (
    <Form.Item label={label} required style={{ marginBottom: 8 }}>
      <Row gutter={8}>
        <Col span={12}>
          <Form.Item name={[...name, 'zh']} noStyle rules={[{ required: true, whitespace: true, message: t('publicity.required') }]}>
            <Input addonBefore={t('publicity.zh')} maxLength={300} data-testid={testId ? `${testId}-zh` : undefined} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={[...name, 'en']} noStyle>
            <Input addonBefore={t('publicity.en')} maxLength={300} data-testid={testId ? `${testId}-en` : undefined} />
          </Form.Item>
        </Col>
      </Row>
    </Form.Item>
  );
}

export function ChannelsForm() {
  const { t, dateTime } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const current = useChannels();
  const [form] = Form.useForm<Channels>();
  const [formError, setFormError] = useState<string | null>(null);

  useEffect(() => {
    if (current.data) form.setFieldsValue(current.data.channels);
  }, [current.data, form]);

  const save = useMutation({
    mutationFn: (body: Channels) => ok(client.PUT('/api/publicity/channels', { body })),
    onSuccess: (saved) => {
      setFormError(null);
      queries.setQueryData(PUBLICITY_KEYS.channels, saved);
      void message.success(t('publicity.channels.saved'));
    },
    onError: (e) => setFormError(applyServerErrors(form, e, FIELDS)),
  });

  const version = current.data;
  return (
    <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} data-testid="channels-form" disabled={!current.data}>
      <Typography.Paragraph type="secondary">{t('publicity.channels.intro')}</Typography.Paragraph>
      {version && version.version === 0 && (
        <Alert type="warning" showIcon message={t('publicity.channels.demo')} style={{ marginBottom: 12 }} />
      )}
      {version && version.version > 0 && (
        <Typography.Paragraph type="secondary" data-testid="channels-version">
          {t('publicity.channels.version', {
            version: String(version.version),
            by: version.updatedBy ?? '',
            at: dateTime(version.updatedAt),
          })}
        </Typography.Paragraph>
      )}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Localized name={['companyName']} label={t('publicity.channels.company')} />
      </Card>
      <Card size="small" title={t('publicity.channels.hotlines')} style={{ marginBottom: 12 }}>
        <Form.List name="hotlines">
          {(items, { add, remove }) => (
            <>
              {items.map((item, i) => (
                <div key={item.key} style={{ borderBottom: '1px dashed #f0f0f0', marginBottom: 8 }}>
                  <Space align="start">
                    <Form.Item
                      name={[item.name, 'number']}
                      label={t('publicity.channels.number')}
                      rules={[{ required: true, whitespace: true, message: t('publicity.required') }]}
                    >
                      <Input maxLength={30} style={{ width: 200 }} data-testid={`hotline-${i}-number`} />
                    </Form.Item>
                    {items.length > 1 && (
                      <Button icon={<DeleteOutlined />} onClick={() => remove(item.name)} style={{ marginTop: 30 }}>
                        {t('publicity.channels.remove')}
                      </Button>
                    )}
                  </Space>
                  <Localized name={[item.name, 'label']} label={t('publicity.channels.label')} />
                  <Localized name={[item.name, 'hours']} label={t('publicity.channels.hours')} />
                </div>
              ))}
              {items.length < 5 && (
                <Button icon={<PlusOutlined />} onClick={() => add({ number: '', label: { zh: '', en: '' }, hours: { zh: '', en: '' } })}>
                  {t('publicity.channels.addHotline')}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </Card>
      <Card size="small" title={t('publicity.channels.postal')} style={{ marginBottom: 12 }}>
        <Form.Item
          name="email"
          label={t('publicity.channels.email')}
          rules={[{ required: true, type: 'email', message: t('publicity.required') }]}
        >
          <Input maxLength={200} style={{ maxWidth: 400 }} />
        </Form.Item>
        <Localized name={['postal', 'address']} label={t('publicity.channels.address')} />
        <Localized name={['postal', 'recipient']} label={t('publicity.channels.recipient')} />
        <Form.Item name={['postal', 'postCode']} label={t('publicity.channels.postCode')} rules={[{ required: true, pattern: /^\d{6}$/ }]}>
          <Input maxLength={6} style={{ width: 120 }} />
        </Form.Item>
      </Card>
      <Card size="small" title={t('publicity.channels.online')} style={{ marginBottom: 12 }}>
        <Localized name={['website', 'name']} label={t('publicity.channels.websiteName')} />
        <Form.Item name={['website', 'url']} label={t('publicity.channels.websiteUrl')} rules={[{ required: true, type: 'url' }]}>
          <Input maxLength={300} style={{ maxWidth: 400 }} />
        </Form.Item>
        <Localized name={['app', 'name']} label={t('publicity.channels.appName')} />
        <Localized name={['wechat', 'name']} label={t('publicity.channels.wechatName')} />
        <Form.Item
          name={['wechat', 'account']}
          label={t('publicity.channels.wechatAccount')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={60} style={{ maxWidth: 300 }} />
        </Form.Item>
      </Card>
      <Card size="small" title={t('publicity.channels.branches')} style={{ marginBottom: 12 }}>
        <Form.List name="branches">
          {(items, { add, remove }) => (
            <>
              {items.map((item) => (
                <div key={item.key} style={{ borderBottom: '1px dashed #f0f0f0', marginBottom: 8 }}>
                  <Localized name={[item.name, 'name']} label={t('publicity.channels.branchName')} />
                  <Localized name={[item.name, 'address']} label={t('publicity.channels.address')} />
                  <Localized name={[item.name, 'hours']} label={t('publicity.channels.hours')} />
                  <Space align="start">
                    <Form.Item
                      name={[item.name, 'phone']}
                      label={t('publicity.channels.branchPhone')}
                      rules={[{ required: true, whitespace: true, message: t('publicity.required') }]}
                    >
                      <Input maxLength={30} style={{ width: 200 }} />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} onClick={() => remove(item.name)} style={{ marginTop: 30 }}>
                      {t('publicity.channels.remove')}
                    </Button>
                  </Space>
                </div>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ name: { zh: '', en: '' }, address: { zh: '', en: '' }, hours: { zh: '', en: '' }, phone: '' })}
              >
                {t('publicity.channels.addBranch')}
              </Button>
            </>
          )}
        </Form.List>
      </Card>
      {formError && <Alert type="error" showIcon message={formError} style={{ marginBottom: 12 }} data-testid="channels-error" />}
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="channels-save">
        {t('publicity.channels.save')}
      </Button>
    </Form>
  );
}
