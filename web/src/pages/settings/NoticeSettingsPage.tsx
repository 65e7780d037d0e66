import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, Row, Select, Space, Spin, Typography, type FormRule } from 'antd';
import { useState } from 'react';
import { client, ok } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { applyServerErrors } from '../admin/admin-api';
import { changedGroups, GROUPS, type Channels, type NoticeSettings } from './notice-channels';
import { NoticeChannelsGrid } from './NoticeChannelsGrid';
import { QuietHoursInput, type QuietHours } from './QuietHoursInput';

const KEY = ['me', 'notice-settings'] as const;
const FIELDS = ['email', 'mobile', 'locale', 'channels', 'quietHours'] as const;

interface FormValues {
  email: string;
  mobile: string;
  locale: NoticeSettings['locale'];
  channels: Channels;
  quietHours: QuietHours | null;
}

/**
 * /settings/notifications (#11 item 6): the signed-in user's e-mail address, mobile phone and language
 * for outside messages, how they are told of each kind of notice, and their quiet hours.
 */
export function NoticeSettingsPage() {
  const { t } = useI18n();
  const settings = useQuery({ queryKey: KEY, queryFn: () => ok(client.GET('/api/me/notice-settings')) });
  return (
    <Card title={t('settings.notices.title')} style={{ maxWidth: 960 }} data-testid="notice-settings">
      {settings.error && <Alert type="error" showIcon message={settings.error.message} />}
      {settings.isPending && <Spin />}
      {/* a fresh form for each answer read or saved: what it shows is what the server holds */}
      {settings.data && <NoticeSettingsForm key={settings.dataUpdatedAt} settings={settings.data} />}
    </Card>
  );
}

/** "already chosen by some group" warnings: the choice is kept, the field says what it needs. */
function needed(channel: 'sms' | 'email', message: string): FormRule {
  return ({ getFieldValue }) => ({
    warningOnly: true,
    validator: async (_rule, value: string | undefined) => {
      const channels = getFieldValue('channels') as Channels | undefined;
      const wanted = GROUPS.some((g) => channels?.[g].includes(channel) || (channel === 'email' && channels?.[g].includes('digest')));
      if (wanted && !value?.trim()) throw new Error(message);
    },
  });
}

function NoticeSettingsForm({ settings }: { settings: NoticeSettings }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [formError, setFormError] = useState<string | null>(null);

  const save = useMutation({
    mutationFn: (v: FormValues) => {
      const channels = changedGroups(settings.channels, v.channels);
      return ok(
        client.PUT('/api/me/notice-settings', {
          body: {
            email: v.email.trim() || null,
            mobile: v.mobile.trim() || null,
            locale: v.locale,
            ...(Object.keys(channels).length > 0 ? { channels } : {}),
            quietHours: v.quietHours,
          },
        }),
      );
    },
    onSuccess: (answer) => {
      setFormError(null);
      void message.success(t('settings.notices.saved'));
      queries.setQueryData(KEY, answer);
    },
    onError: (e) => setFormError(applyServerErrors(form, e, FIELDS)),
  });

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      onFinish={(v) => save.mutate(v)}
      initialValues={{
        email: settings.email ?? '',
        mobile: settings.mobile ?? '',
        locale: settings.locale,
        channels: settings.channels,
        quietHours: settings.quietHours,
      }}
    >
      {formError && <Alert type="error" showIcon message={formError} style={{ marginBottom: 16 }} data-testid="notice-settings-error" />}
      <Typography.Title level={5}>{t('settings.notices.contact')}</Typography.Title>
      <Row gutter={16}>
        <Col xs={24} md={9}>
          <Form.Item
            name="email"
            label={t('settings.notices.email')}
            dependencies={['channels']}
            rules={[needed('email', t('settings.notices.needEmail'))]}
          >
            <Input type="email" autoComplete="email" maxLength={200} data-testid="notice-email" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="mobile"
            label={t('settings.notices.mobile')}
            extra={t('settings.notices.mobileHint')}
            dependencies={['channels']}
            rules={[needed('sms', t('settings.notices.needMobile'))]}
          >
            <Input type="tel" autoComplete="tel" maxLength={20} data-testid="notice-mobile" />
          </Form.Item>
        </Col>
        <Col xs={24} md={7}>
          <Form.Item name="locale" label={t('settings.notices.locale')}>
            <Select
              options={(['zh-CN', 'en-US'] as const).map((l) => ({ value: l, label: label('settings.notices.locale', l) }))}
              data-testid="notice-locale"
            />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Title level={5}>{t('settings.notices.channels')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('settings.notices.channelsHint')}</Typography.Paragraph>
      <Form.Item name="channels">
        <NoticeChannelsGrid urgent={settings.urgent} defaults={settings.defaults} />
      </Form.Item>
      <Typography.Title level={5}>{t('settings.notices.quiet')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('settings.notices.quietHint')}</Typography.Paragraph>
      <Form.Item name="quietHours">
        <QuietHoursInput />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="notice-save">
          {t('settings.notices.save')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            setFormError(null);
          }}
        >
          {t('settings.notices.reset')}
        </Button>
      </Space>
    </Form>
  );
}
