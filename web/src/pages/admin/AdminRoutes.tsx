import { Empty, Tabs } from 'antd';
import type { ComponentType } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import type { MessageKey } from '../../i18n/dictionary';
import { useI18n } from '../../i18n/i18n';
import { can, useMe, type Permission } from '../../session';
import { lazyPage } from '../lazy-pages';

interface Section {
  path: string;
  label: MessageKey;
  /** shown to users holding any of these permissions */
  anyOf: readonly Permission[];
  page: ComponentType;
}

/** The administration sections, each in its own chunk (rendered without suspending once loaded); the tabs show those the user may open. */
const SECTIONS: readonly Section[] = [
  { path: 'org', label: 'admin.nav.org', anyOf: ['org.read'], page: lazyPage(() => import('./OrgUnitsPage'), 'OrgUnitsPage').Page },
  { path: 'users', label: 'admin.nav.users', anyOf: ['user.read'], page: lazyPage(() => import('./UsersPage'), 'UsersPage').Page },
  {
    path: 'roles',
    label: 'admin.nav.roles',
    anyOf: ['user.read', 'user.write'],
    page: lazyPage(() => import('./RolesPage'), 'RolesPage').Page,
  },
  { path: 'policy', label: 'admin.nav.policy', anyOf: ['policy.read'], page: lazyPage(() => import('./PolicyPage'), 'PolicyPage').Page },
  {
    path: 'history',
    label: 'admin.nav.history',
    anyOf: ['policy.read'],
    page: lazyPage(() => import('./PolicyHistoryPage'), 'PolicyHistoryPage').Page,
  },
  {
    path: 'calendar',
    label: 'admin.nav.calendar',
    anyOf: ['calendar.read'],
    page: lazyPage(() => import('./CalendarPage'), 'CalendarPage').Page,
  },
  {
    path: 'taxonomies',
    label: 'admin.nav.taxonomies',
    anyOf: ['policy.read'],
    page: lazyPage(() => import('./TaxonomiesPage'), 'TaxonomiesPage').Page,
  },
  {
    path: 'templates',
    label: 'admin.nav.templates',
    anyOf: ['message.manage'],
    page: lazyPage(() => import('./templates/MessageTemplatesPage'), 'MessageTemplatesPage').Page,
  },
  {
    path: 'webhooks',
    label: 'admin.nav.webhooks',
    anyOf: ['message.read', 'message.manage'],
    page: lazyPage(() => import('./WebhooksPage'), 'WebhooksPage').Page,
  },
  {
    path: 'messages',
    label: 'admin.nav.messages',
    anyOf: ['message.read'],
    page: lazyPage(() => import('./messages/MessagesPage'), 'MessagesPage').Page,
  },
  {
    path: 'mailboxes',
    label: 'admin.nav.mailboxes',
    anyOf: ['mailbox.manage'],
    page: lazyPage(() => import('./mailboxes/MailboxesPage'), 'MailboxesPage').Page,
  },
  {
    path: 'inbound-mail',
    label: 'admin.nav.inboundMail',
    anyOf: ['message.read'],
    page: lazyPage(() => import('./mailboxes/InboundMailPage'), 'InboundMailPage').Page,
  },
  {
    path: 'imports',
    label: 'admin.nav.imports',
    anyOf: ['complaint.import'],
    page: lazyPage(() => import('./imports/ImportsPage'), 'ImportsPage').Page,
  },
  {
    path: 'publicity',
    label: 'admin.nav.publicity',
    anyOf: ['publicity.manage'],
    page: lazyPage(() => import('./publicity/PublicityPage'), 'PublicityPage').Page,
  },
  {
    path: 'retention',
    label: 'admin.nav.retention',
    anyOf: ['retention.read'],
    page: lazyPage(() => import('./retention/RetentionPage'), 'RetentionPage').Page,
  },
  {
    path: 'personal-data',
    label: 'admin.nav.personalData',
    anyOf: ['personal_data.export'],
    page: lazyPage(() => import('./retention/PersonalDataPage'), 'PersonalDataPage').Page,
  },
  { path: 'audit', label: 'admin.nav.audit', anyOf: ['audit.read'], page: lazyPage(() => import('./AuditPage'), 'AuditPage').Page },
];

/** /admin/*: organisation, users, roles, policy and its history, calendar, taxonomies, the audit log. */
export function AdminRoutes() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const allowed = SECTIONS.filter((s) => s.anyOf.some((p) => can(me.data, p)));
  const current = location.pathname.replace(/^\/admin\/?/, '').split('/')[0] ?? '';
  const first = allowed[0];

  if (!first) return <Empty description={t('admin.noSections')} />;
  return (
    <>
      <Tabs
        activeKey={current}
        onChange={(key) => navigate(`/admin/${key}`)}
        items={allowed.map((s) => ({ key: s.path, label: <span data-testid={`admin-tab-${s.path}`}>{t(s.label)}</span> }))}
        style={{ marginBottom: 8 }}
      />
      <Routes>
        <Route index element={<Navigate to={first.path} replace />} />
        {allowed.map((s) => (
          <Route key={s.path} path={`${s.path}/*`} element={<s.page />} />
        ))}
        <Route path="*" element={<Navigate to={`/admin/${first.path}`} replace />} />
      </Routes>
    </>
  );
}
