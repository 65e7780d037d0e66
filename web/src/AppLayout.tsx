import {
  AuditOutlined,
  BarChartOutlined,
  BellOutlined,
  BookOutlined,
  DashboardOutlined,
  DownOutlined,
  FileAddOutlined,
  FileTextOutlined,
  HomeOutlined,
  LogoutOutlined,
  ReadOutlined,
  SettingOutlined,
  TrophyOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { Button, Dropdown, Layout, Menu, Space, Spin, Typography, type MenuProps } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useI18n } from './i18n/i18n';
import type { MessageKey } from './i18n/dictionary';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from './NotificationBell';
import { pageFor, preloadAllWhenIdle } from './pages/lazy-pages';
import { can, useMe, useSignOut, type Permission } from './session';

interface NavEntry {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** the page is shown to users holding any of these permissions; none: every signed-in user */
  anyOf?: readonly Permission[];
}

/** The pages of the app; the menu shows those the user's permissions allow. */
export const NAV: readonly NavEntry[] = [
  { path: '/', label: 'nav.home', icon: <HomeOutlined /> },
  { path: '/complaints', label: 'nav.ledger', icon: <UnorderedListOutlined />, anyOf: ['complaint.read'] },
  { path: '/complaints/new', label: 'nav.newComplaint', icon: <FileAddOutlined />, anyOf: ['complaint.create'] },
  { path: '/board', label: 'nav.board', icon: <DashboardOutlined />, anyOf: ['board.read'] },
  { path: '/statistics', label: 'nav.statistics', icon: <BarChartOutlined />, anyOf: ['statistics.read'] },
  { path: '/reports', label: 'nav.reports', icon: <FileTextOutlined />, anyOf: ['report.read'] },
  { path: '/assessment', label: 'nav.assessment', icon: <TrophyOutlined />, anyOf: ['kpi.read'] },
  {
    path: '/supervision',
    label: 'nav.supervision',
    icon: <AuditOutlined />,
    anyOf: ['inspection.manage', 'inspection.read', 'inspection.respond'],
  },
  { path: '/cases', label: 'nav.cases', icon: <BookOutlined />, anyOf: ['case.read'] },
  { path: '/training', label: 'nav.training', icon: <ReadOutlined />, anyOf: ['training.read', 'training.manage'] },
  {
    path: '/admin',
    label: 'nav.admin',
    icon: <SettingOutlined />,
    anyOf: ['org.write', 'user.write', 'policy.write', 'calendar.write', 'audit.read', 'message.read', 'mailbox.manage', 'retention.read'],
  },
];

export function mayOpen(me: Parameters<typeof can>[0], entry: NavEntry): boolean {
  return !entry.anyOf || entry.anyOf.some((p) => can(me, p));
}

/** Signed-in pages: header with language and sign-out, side menu, the page. */
export function AppLayout() {
  const { t } = useI18n();
  const me = useMe();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();
  const signedIn = Boolean(me.data && !me.data.mustChangePassword);
  // signed in: every page's code loads while the browser is idle, so moving between pages never waits
  useEffect(() => {
    if (signedIn) preloadAllWhenIdle();
  }, [signedIn]);

  if (me.isPending) return <Spin fullscreen />;
  if (!me.data || me.data.mustChangePassword) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;

  const allowed = NAV.filter((n) => mayOpen(me.data, n));
  const items: MenuProps['items'] = allowed.map((n) => ({ key: n.path, icon: n.icon, label: t(n.label) }));
  const selected = [...allowed].reverse().find((n) => (n.path === '/' ? location.pathname === '/' : location.pathname.startsWith(n.path)));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', background: '#001529', paddingInline: 24 }}
      >
        <Typography.Text strong style={{ color: '#fff', fontSize: 16 }}>
          {t('app.title')}
        </Typography.Text>
        <Space>
          {/* the user's own settings (#11: how they are told of notices) */}
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                {
                  key: '/settings/notifications',
                  icon: <BellOutlined />,
                  label: <span data-testid="user-menu-notice-settings">{t('nav.noticeSettings')}</span>,
                },
              ],
              onClick: ({ key }) => void navigate(key),
            }}
          >
            <Button type="text" style={{ color: 'rgba(255,255,255,0.85)' }} data-testid="user-menu">
              <span data-testid="current-user">{me.data.user.displayName}</span>
              <DownOutlined style={{ fontSize: 10 }} />
            </Button>
          </Dropdown>
          <NotificationBell />
          <LanguageSwitch dark />
          <Button
            type="text"
            style={{ color: 'rgba(255,255,255,0.85)' }}
            icon={<LogoutOutlined />}
            onClick={() => void signOut().then(() => navigate('/login'))}
          >
            {t('nav.signOut')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={200} theme="light" breakpoint="xl" collapsedWidth={56} data-testid="sider">
          <Menu
            mode="inline"
            items={items}
            selectedKeys={selected ? [selected.path] : []}
            onClick={({ key }) => void (pageFor(key)?.preload() ?? Promise.resolve()).finally(() => navigate(key))}
            style={{ height: '100%' }}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
