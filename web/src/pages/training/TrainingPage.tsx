import { Result, Tabs, Typography } from 'antd';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { can, useMe } from '../../session';
import { MyTrainingView, PersonRecordView } from './MyTrainingView';
import { PlanView } from './PlanView';
import { PlansView } from './PlansView';
import { SessionView } from './SessionView';

/** 培训 (#15 item 1, R-G1): plans and sessions for those who run training, 我的培训 for everyone. */
export function TrainingPage() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const manage = can(me.data, 'training.manage');
  if (!can(me.data, 'training.read') && !manage) return <Result status="403" title={t('training.noPermission')} />;
  const tabs = [...(manage ? [{ key: 'plans', label: t('training.tab.plans') }] : []), { key: 'my', label: t('training.tab.my') }];
  const active = location.pathname.startsWith('/training/my') ? 'my' : manage ? 'plans' : 'my';
  return (
    <>
      <Typography.Title level={3}>{t('training.title')}</Typography.Title>
      <Tabs activeKey={active} onChange={(k) => void navigate(`/training/${k}`)} items={tabs} />
      <Routes>
        <Route index element={<Navigate to={manage ? 'plans' : 'my'} replace />} />
        {manage && <Route path="plans" element={<PlansView />} />}
        {manage && <Route path="plans/:id" element={<PlanView />} />}
        {manage && <Route path="sessions/:id" element={<SessionView />} />}
        {manage && <Route path="records/:username" element={<PersonRecordView />} />}
        <Route path="my" element={<MyTrainingView />} />
        <Route path="*" element={<Navigate to="/training" replace />} />
      </Routes>
    </>
  );
}
