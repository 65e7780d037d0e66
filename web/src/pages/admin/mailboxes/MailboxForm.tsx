import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Col, Drawer, Form, Input, InputNumber, Radio, Row, Select, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { client, ok } from '../../../api/client';
import { useI18n } from '../../../i18n/i18n';
import { useTaxonomy } from '../../../taxonomy';
import { applyServerErrors } from '../admin-api';
import { DEFAULT_PORT, KINDS, TLS_MODES, type Mailbox } from './mailbox-kit';
import { bodyOf, FIELDS, initialValues, type Values } from './mailbox-form-values';

/** Create a mailbox or change one, in a drawer: the kind chosen first shows the fields it needs (#12 item 2). */
export function MailboxForm({ target, onClose, onSaved }: { target: Mailbox | 'new'; onClose: () => void; onSaved: () => void }) {
  const i18n = useI18n();
  const { t, label, locale } = i18n;
  const taxonomy = useTaxonomy();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form) ?? initialValues(target).kind;
  const line = Form.useWatch('defaultBusinessLine', form) ?? undefined;
  const isNew = target === 'new';
  const hasPassword = !isNew && target.hasPassword;

  const save = useMutation({
    mutationFn: (v: Values): Promise<Mailbox> => {
      const body = bodyOf(v, target);
      if (isNew) return ok(client.POST('/api/admin/mailboxes', { body }));
      return ok(client.PUT('/api/admin/mailboxes/{id}', { params: { path: { id: target.id } }, body }));
    },
    onSuccess: onSaved,
    onError: (e) => setFormError(applyServerErrors(form, e, FIELDS[kind])),
  });

  const entryLabel = (e: { zh: string; en: string }) => (locale === 'zh-CN' ? e.zh : e.en);
  const lines = taxonomy.entries('businessLines').map((e) => ({ value: e.code, label: entryLabel(e) }));
  const categories = taxonomy
    .entries('categories')
    .filter((e) => taxonomy.fitsLine(e.code, line))
    .map((e) => ({ value: e.code, label: entryLabel(e) }));
  const required = { required: true, message: t('common.required') };

  return (
    <Drawer
      open
      width={560}
      title={isNew ? t('mailboxes.new') : t('mailboxes.edit', { name: target.name })}
      onClose={onClose}
      footer={
        <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
          <Button onClick={onClose}>{t('mailboxes.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="mailbox-save">
            {t('admin.save')}
          </Button>
        </Space>
      }
      data-testid="mailbox-form"
    >
      {formError && <Alert type="error" showIcon message={formError} style={{ marginBottom: 16 }} data-testid="mailbox-form-error" />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues(target)}
        onFinish={(v) => {
          setFormError(null);
          save.mutate(v);
        }}
        onValuesChange={(changed: Partial<Values>) => {
          // a port left at the other mode's usual one follows the encryption chosen
          if (changed.tls && Object.values(DEFAULT_PORT).includes(form.getFieldValue('port') as number)) {
            form.setFieldValue('port', DEFAULT_PORT[changed.tls]);
          }
          if (changed.defaultBusinessLine !== undefined) {
            const category = form.getFieldValue('defaultCategory') as string | null | undefined;
            if (category && !taxonomy.fitsLine(category, changed.defaultBusinessLine ?? undefined))
              form.setFieldValue('defaultCategory', null);
          }
        }}
      >
        <Form.Item name="name" label={t('mailboxes.name')} extra={t('mailboxes.nameHint')} rules={[{ ...required, whitespace: true }]}>
          <Input maxLength={100} data-testid="mailbox-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('mailboxes.kind')} rules={[required]}>
          <Radio.Group optionType="button" buttonStyle="solid" data-testid="mailbox-kind">
            {KINDS.map((k) => (
              <Radio.Button key={k} value={k} data-testid={`mailbox-kind-${k}`}>
                {label('mailboxes.kind', k)}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>
          {label('mailboxes.kindHint', kind)}
        </Typography.Paragraph>

        <Form.Item
          name="address"
          label={t('mailboxes.address')}
          extra={label('mailboxes.addressHint', kind)}
          rules={[...(kind === 'smtp' ? [required] : []), { type: 'email', message: t('mailboxes.addressInvalid') }]}
        >
          <Input maxLength={254} placeholder="complaints@example.com" autoComplete="off" data-testid="mailbox-address" />
        </Form.Item>
        {kind === 'imap' && (
          <>
            <Row gutter={12}>
              <Col span={16}>
                <Form.Item name="host" label={t('mailboxes.host')} rules={[{ ...required, whitespace: true }]}>
                  <Input maxLength={253} placeholder="imap.example.com" autoComplete="off" data-testid="mailbox-host" />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="port" label={t('mailboxes.port')} rules={[required]}>
                  <InputNumber min={1} max={65535} precision={0} style={{ width: '100%' }} data-testid="mailbox-port" />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="tls" label={t('mailboxes.tls')} rules={[required]}>
              <Select
                options={TLS_MODES.map((m) => ({ value: m, label: label('mailboxes.tls', m) }))}
                data-testid="mailbox-tls"
                virtual={false}
              />
            </Form.Item>
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item name="username" label={t('mailboxes.username')} rules={[{ ...required, whitespace: true }]}>
                  <Input maxLength={254} autoComplete="off" data-testid="mailbox-username" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item
                  name="password"
                  label={t('mailboxes.password')}
                  extra={hasPassword ? t('mailboxes.passwordKept') : t('mailboxes.passwordHint')}
                  rules={hasPassword ? [] : [required]}
                >
                  <Input.Password
                    maxLength={500}
                    autoComplete="new-password"
                    placeholder={hasPassword ? t('mailboxes.passwordKept') : undefined}
                    data-testid="mailbox-password"
                  />
                </Form.Item>
              </Col>
            </Row>
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item
                  name="folder"
                  label={t('mailboxes.folder')}
                  extra={t('mailboxes.folderHint')}
                  rules={[{ ...required, whitespace: true }]}
                >
                  <Input maxLength={200} data-testid="mailbox-folder" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="intervalSeconds" label={t('mailboxes.intervalSeconds')} rules={[required]}>
                  <InputNumber
                    min={60}
                    max={86_400}
                    precision={0}
                    addonAfter={t('mailboxes.seconds')}
                    style={{ width: '100%' }}
                    data-testid="mailbox-interval"
                  />
                </Form.Item>
              </Col>
            </Row>
          </>
        )}

        <Form.Item name="stallMinutes" label={t('mailboxes.stallMinutes')} extra={label('mailboxes.stallHint', kind)} rules={[required]}>
          <InputNumber
            min={5}
            max={10_080}
            precision={0}
            addonAfter={t('mailboxes.minutes')}
            style={{ width: 200 }}
            data-testid="mailbox-stall"
          />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="defaultBusinessLine" label={t('mailboxes.defaultBusinessLine')}>
              <Select allowClear options={lines} placeholder={t('mailboxes.noDefault')} data-testid="mailbox-line" virtual={false} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="defaultCategory" label={t('mailboxes.defaultCategory')}>
              <Select
                allowClear
                options={categories}
                placeholder={t('mailboxes.noDefault')}
                data-testid="mailbox-category"
                virtual={false}
              />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>
          {t('mailboxes.defaultsHint')}
        </Typography.Paragraph>
        <Form.Item name="enabled" label={t('mailboxes.enabled')} valuePropName="checked">
          <Switch data-testid="mailbox-enabled" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
