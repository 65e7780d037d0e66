import { Button, Empty, Flex, Typography } from 'antd';
import type { ComponentType } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import type { MessageKey } from '../../i18n/dictionary';
import { useI18n } from '../../i18n/i18n';
import { can, useMe, type Permission } from '../../session';
import { lazyPage } from '../lazy-pages';

type Group = 'people' | 'policy' | 'channels' | 'data';
const GROUPS: readonly Group[] = ['people', 'policy', 'channels', 'data'];

interface Section {
  path: string;
  label: MessageKey;
  group: Group;
  /** shown to users holding any of these permissions */
  anyOf: readonly Permission[];
  page: ComponentType;
}

/** The administration sections, each in its own chunk (rendered without suspending once loaded); the tabs show those the user may open. */
const SECTIONS: readonly Section[] = [
  {
    path: 'org',
    label: 'admin.nav.org',
    group: 'people',
    anyOf: ['org.read'],
    page: lazyPage(() => import('./OrgUnitsPage'), 'OrgUnitsPage').Page,
  },
  {
    path: 'users',
    label: 'admin.nav.users',
    group: 'people',
    anyOf: ['user.read'],
    page: lazyPage(() => import('./UsersPage'), 'UsersPage').Page,
  },
  {
    path: 'roles',
    label: 'admin.nav.roles',
    group: 'people',
    anyOf: ['user.read', 'user.write'],
    page: lazyPage(() => import('./RolesPage'), 'RolesPage').Page,
  },
  {
    path: 'policy',
    label: 'admin.nav.policy',
    group: 'policy',
    anyOf: ['policy.read'],
    page: lazyPage(() => import('./PolicyPage'), 'PolicyPage').Page,
  },
  {
    path: 'history',
    label: 'admin.nav.history',
    group: 'policy',
    anyOf: ['policy.read'],
    page: lazyPage(() => import('./PolicyHistoryPage'), 'PolicyHistoryPage').Page,
  },
  {
    path: 'calendar',
    label: 'admin.nav.calendar',
    group: 'policy',
    anyOf: ['calendar.read'],
    page: lazyPage(() => import('./CalendarPage'), 'CalendarPage').Page,
  },
  {
    path: 'taxonomies',
    label: 'admin.nav.taxonomies',
    group: 'policy',
    anyOf: ['policy.read'],
    page: lazyPage(() => import('./TaxonomiesPage'), 'TaxonomiesPage').Page,
  },
  {
    path: 'templates',
    label: 'admin.nav.templates',
    group: 'channels',
    anyOf: ['message.manage'],
    page: lazyPage(() => import('./templates/MessageTemplatesPage'), 'MessageTemplatesPage').Page,
  },
  {
    path: 'webhooks',
    label: 'admin.nav.webhooks',
    group: 'channels',
    anyOf: ['message.read', 'message.manage'],
    page: lazyPage(() => import('./WebhooksPage'), 'WebhooksPage').Page,
  },
  {
    path: 'messages',
    label: 'admin.nav.messages',
    group: 'channels',
    anyOf: ['message.read'],
    page: lazyPage(() => import('./messages/MessagesPage'), 'MessagesPage').Page,
  },
  {
    path: 'mailboxes',
    label: 'admin.nav.mailboxes',
    group: 'channels',
    anyOf: ['mailbox.manage'],
    page: lazyPage(() => import('./mailboxes/MailboxesPage'), 'MailboxesPage').Page,
  },
  {
    path: 'inbound-mail',
    label: 'admin.nav.inboundMail',
    group: 'channels',
    anyOf: ['message.read'],
    page: lazyPage(() => import('./mailboxes/InboundMailPage'), 'InboundMailPage').Page,
  },
  {
    path: 'imports',
    label: 'admin.nav.imports',
    group: 'channels',
    anyOf: ['complaint.import'],
    page: lazyPage(() => import('./imports/ImportsPage'), 'ImportsPage').Page,
  },
  {
    path: 'publicity',
    label: 'admin.nav.publicity',
    group: 'data',
    anyOf: ['publicity.manage'],
    page: lazyPage(() => import('./publicity/PublicityPage'), 'PublicityPage').Page,
  },
  {
    path: 'retention',
    label: 'admin.nav.retention',
    group: 'data',
    anyOf: ['retention.read'],
    page: lazyPage(() => import('./retention/RetentionPage'), 'RetentionPage').Page,
  },
  {
    path: 'personal-data',
    label: 'admin.nav.personalData',
    group: 'data',
    anyOf: ['personal_data.export'],
    page: lazyPage(() => import('./retention/PersonalDataPage'), 'PersonalDataPage').Page,
  },
  {
    path: 'audit',
    label: 'admin.nav.audit',
    group: 'data',
    anyOf: ['audit.read'],
    page: lazyPage(() => import('./AuditPage'), 'AuditPage').Page,
  },
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
      {/* every section in sight, grouped, wrapping on narrow screens (a tab bar hid the later ones behind "…") */}
      <nav aria-label={t('nav.admin')} style={{ marginBottom: 12 }}>
        <Flex wrap gap="small" align="center">
          {GROUPS.map((g) => {
            const items = allowed.filter((s) => s.group === g);
            if (items.length === 0) return null;
            return (
              <Flex key={g} wrap gap={2} align="center" style={{ marginRight: 12 }}>
                <Typography.Text type="secondary" style={{ fontSize: 12, marginRight: 4 }}>
                  {t(`admin.group.${g}`)}
                </Typography.Text>
                {items.map((s) => (
                  <Button
                    key={s.path}
                    size="small"
                    type={s.path === current ? 'primary' : 'text'}
                    aria-current={s.path === current ? 'page' : undefined}
                    data-testid={`admin-tab-${s.path}`}
                    onClick={() => void navigate(`/admin/${s.path}`)}
                  >
                    {t(s.label)}
                  </Button>
                ))}
              </Flex>
            );
          })}
        </Flex>
      </nav>
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
