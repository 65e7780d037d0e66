import { Button, Result, Space, Tabs, Typography } from 'antd';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { can, useMe } from '../../session';
import { companyToday, periodParams, readPeriod } from '../statistics/period';
import { AssessmentDetailView } from './AssessmentDetailView';
import { AssessmentsList } from './AssessmentsList';
import { KpiView, type KpiSelection } from './KpiView';

type Tab = 'kpi' | 'assessments';

function NoPermission() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title={t('kpi.noPermission.title')}
      subTitle={t('kpi.noPermission.text')}
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          {t('board.noPermission.home')}
        </Button>
      }
      data-testid="kpi-no-permission"
    />
  );
}

/**
 * 绩效考核 (#14 item 5, R-E6): KPIs of a department or a person over a period, charted against the
 * targets, and the periodic assessments (frozen, signed off, exported). The tab, period and choice
 * live in the address; /assessment/:id opens one assessment.
 */
export function AssessmentPage() {
  const { t } = useI18n();
  const me = useMe();
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const today = companyToday();
  if (!can(me.data, 'kpi.read')) return <NoPermission />;
  if (id) return <AssessmentDetailView id={id} />;

  const tab: Tab = params.get('tab') === 'assessments' ? 'assessments' : 'kpi';
  const selection: KpiSelection = {
    period: readPeriod(params, today),
    department: params.get('department') ?? undefined,
    person: params.get('person') ?? undefined,
  };
  const go = (next: { tab?: Tab; selection?: KpiSelection }) => {
    const s = next.selection ?? selection;
    const q: Record<string, string> = { tab: next.tab ?? tab, ...periodParams(s.period) };
    if (s.department) q.department = s.department;
    if (s.person) q.person = s.person;
    setParams(q, { replace: true });
  };

  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }} data-testid="assessment-page">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('kpi.title')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(k) => go({ tab: k as Tab })}
        destroyOnHidden
        items={[
          {
            key: 'kpi',
            label: <span data-testid="kpi-tab-kpi">{t('kpi.tab.kpi')}</span>,
            children: <KpiView selection={selection} today={today} onChange={(s) => go({ selection: s })} />,
          },
          {
            key: 'assessments',
            label: <span data-testid="kpi-tab-assessments">{t('kpi.tab.assessments')}</span>,
            children: <AssessmentsList today={today} />,
          },
        ]}
      />
    </Space>
  );
}
