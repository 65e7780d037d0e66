import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, setCsrfToken } from '../api';
import { client, ok } from '../api/client';
import { useI18n } from '../i18n/i18n';
import type { SignedIn } from '../types';
import { bare } from './complaint/actions/server-errors';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

const FIELDS = ['currentPassword', 'newPassword'] as const;

/** Every message the server gave for a field (`newPassword` or `body.newPassword`), without the field's name. */
export function fieldMessages(err: ApiError, name: string): string[] {
  return err.fields.filter((f) => f.field === name || f.field === `body.${name}`).map((f) => bare(f.field, f.message));
}

/**
 * The forced password change: the rules stated before typing (password-policy.ts: 12+ characters,
 * three character classes, not the username, not a common password), and each of the server's
 * reasons on its field rather than only "请求参数有误".
 */
export function PasswordChangeForm({ session, onChanged }: { session: SignedIn; onChanged: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<PasswordForm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (values: PasswordForm) => {
    setBusy(true);
    setError(null);
    try {
      setCsrfToken(session.csrfToken);
      await ok(client.POST('/api/auth/password', { body: { currentPassword: values.currentPassword, newPassword: values.newPassword } }));
      onChanged();
    } catch (e) {
      if (e instanceof ApiError) {
        const placed = FIELDS.map((name) => ({ name, errors: fieldMessages(e, name) }));
        form.setFields(placed);
        const onFields = placed.some((p) => p.errors.length > 0);
        // the reasons sit on the fields: the alert only points there
        setError(onFields ? t('password.fixFields') : e.message);
      } else setError(e instanceof Error ? e.message : t('common.error'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<PasswordForm> form={form} layout="vertical" onFinish={submit} requiredMark={false} data-testid="password-change">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('login.changeTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('login.changeHint')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
      <Form.Item name="currentPassword" label={t('login.currentPassword')} rules={[{ required: true, message: t('common.required') }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Alert
        type="info"
        style={{ marginBottom: 12 }}
        data-testid="password-rules"
        message={t('password.rulesTitle')}
        description={
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            <li>{t('password.ruleLength')}</li>
            <li>{t('password.ruleClasses')}</li>
            <li>{t('password.ruleUsername')}</li>
            <li>{t('password.ruleCommon')}</li>
          </ul>
        }
      />
      <Form.Item name="newPassword" label={t('login.newPassword')} rules={[{ required: true, message: t('common.required') }]}>
        <Input.Password autoComplete="new-password" data-testid="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('login.confirmPassword')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('common.required') },
          ({ getFieldValue }) => ({
            validator: (_rule, value: string | undefined) =>
              !value || getFieldValue('newPassword') === value ? Promise.resolve() : Promise.reject(new Error(t('login.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy}>
        {t('login.changeSubmit')}
      </Button>
    </Form>
  );
}
