import { Result, Tabs, Typography } from 'antd';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import type { MessageKey } from '../../i18n/dictionary';
import { useI18n } from '../../i18n/i18n';
import { can, useMe, type Permission } from '../../session';
import { ChecklistsView } from './ChecklistsView';
import { MyInspectionsView } from './MyInspectionsView';
import { PlanView } from './PlanView';
import { PlansView } from './PlansView';
import { RequestsView } from './RequestsView';

const TABS: ReadonlyArray<{ path: string; label: MessageKey; anyOf: readonly Permission[] }> = [
  { path: 'plans', label: 'sup.tab.plans', anyOf: ['inspection.manage', 'inspection.read'] },
  { path: 'requests', label: 'sup.tab.requests', anyOf: ['inspection.manage', 'inspection.read'] },
  { path: 'checklists', label: 'sup.tab.checklists', anyOf: ['inspection.manage', 'inspection.read'] },
  { path: 'my', label: 'sup.tab.my', anyOf: ['inspection.respond'] },
];

/** 监督检查 (#14 item 1, R-E4): plans and samples for the inspectors, "my findings" for the inspected. */
export function SupervisionPage() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const tabs = TABS.filter((x) => x.anyOf.some((p) => can(me.data, p)));
  if (tabs.length === 0) return <Result status="403" title={t('sup.noPermission')} />;
  const active = tabs.find((x) => location.pathname.startsWith(`/supervision/${x.path}`))?.path ?? tabs[0]!.path;
  return (
    <>
      <Typography.Title level={3}>{t('sup.title')}</Typography.Title>
      <Tabs
        activeKey={active}
        onChange={(k) => void navigate(`/supervision/${k}`)}
        items={tabs.map((x) => ({ key: x.path, label: t(x.label) }))}
      />
      <Routes>
        <Route index element={<Navigate to={tabs[0]!.path} replace />} />
        <Route path="plans" element={<PlansView />} />
        <Route path="plans/:id" element={<PlanView />} />
        <Route path="requests" element={<RequestsView />} />
        <Route path="checklists" element={<ChecklistsView />} />
        <Route path="my" element={<MyInspectionsView />} />
      </Routes>
    </>
  );
}
