import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { client, ok } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { LanguageSwitch } from '../LanguageSwitch';
import { PasswordChangeForm } from './PasswordChangeForm';
import { useMe, useSignedIn } from '../session';
import type { SignedIn } from '../types';

interface LoginForm {
  username: string;
  password: string;
}

/** Sign-in, then the forced password change when the account must set a new one. */
export function LoginPage() {
  const { t } = useI18n();
  const me = useMe();
  const signedIn = useSignedIn();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<SignedIn | null>(null);

  const mustChange = pending ?? (me.data?.mustChangePassword ? me.data : null);
  if (me.data && !me.data.mustChangePassword && !pending) return <Navigate to={from} replace />;

  const login = async (values: LoginForm) => {
    setBusy(true);
    setError(null);
    try {
      const answer = await ok(client.POST('/api/auth/login', { body: values }));
      const session: SignedIn = { user: answer.user, csrfToken: answer.csrfToken, mustChangePassword: answer.mustChangePassword };
      if (answer.mustChangePassword) setPending(session);
      else {
        signedIn(session);
        void navigate(from, { replace: true });
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : t('common.error'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f0f2f5' }}>
      <Card style={{ width: 380 }} extra={<LanguageSwitch />} title={t('app.title')}>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
        {mustChange ? (
          <PasswordChangeForm
            session={mustChange}
            onChanged={() => {
              setPending(null);
              signedIn({ ...mustChange, mustChangePassword: false, user: { ...mustChange.user, mustChangePassword: false } });
              void navigate(from, { replace: true });
            }}
          />
        ) : (
          <Form<LoginForm> layout="vertical" onFinish={login} requiredMark={false}>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {t('login.title')}
            </Typography.Title>
            <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('common.required') }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('common.required') }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('login.submit')}
            </Button>
          </Form>
        )}
        {/* the portal is another entry point (portal.html): a full page load, not a route of this app */}
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
          <a href="/portal" data-testid="portal-link">
            {t('login.portalLink')}
          </a>
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
