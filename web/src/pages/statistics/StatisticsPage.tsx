import { Button, Card, Result, Space, Tabs, Typography } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { can, useMe } from '../../session';
import { CausesTab } from './CausesTab';
import { ImpactTab } from './ImpactTab';
import { OrgTab } from './OrgTab';
import { OverviewTab } from './OverviewTab';
import { companyToday, periodLabel, type Period } from './period';
import { PeriodPicker } from './PeriodPicker';
import { RegulatorStatistics } from './regulator/RegulatorStatistics';
import { StatisticsFilters } from './StatisticsFilters';
import { readStats, statsParams, TABS, type StatsFilters, type Tab } from './stats-params';
import type { TabProps } from './tab-props';
import { TimelinessTab } from './TimelinessTab';
import { TrendTab } from './TrendTab';

function NoPermission() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <div data-testid="stats-no-permission">
      <Result
        status="403"
        title={t('stats.noPermission.title')}
        subTitle={t('stats.noPermission.text')}
        extra={
          <Button type="primary" onClick={() => void navigate('/')}>
            {t('board.noPermission.home')}
          </Button>
        }
      />
    </div>
  );
}

const PANES: Record<Tab, (p: TabProps) => ReactNode> = {
  overview: (p) => <OverviewTab {...p} />,
  trend: (p) => <TrendTab {...p} />,
  causes: (p) => <CausesTab {...p} />,
  timeliness: (p) => <TimelinessTab {...p} />,
  org: (p) => <OrgTab {...p} />,
  impact: (p) => <ImpactTab {...p} />,
  regulator: (p) => <RegulatorStatistics period={p.period} />,
};

/**
 * 统计分析 (#13 item 3, R-F1..R-F3): charts for the leadership over a chosen period and filters;
 * any bar or point opens the ledger of its complaints, each chart exports its data. The state
 * (tab, period, filters) lives in the address.
 */
export function StatisticsPage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const today = companyToday();
  const state = readStats(params, today);
  const { tab, period, filters } = state;
  const periodName = periodLabel(period, locale);
  const lang = locale === 'zh-CN' ? 'zh' : 'en';
  const props = useMemo<TabProps>(() => ({ period, filters, periodName, lang }), [period, filters, periodName, lang]);

  if (!can(me.data, 'statistics.read')) return <NoPermission />;

  const go = (next: { tab?: Tab; period?: Period; filters?: StatsFilters }) =>
    setParams(statsParams({ ...state, ...next }), { replace: true });

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="statistics">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space align="baseline" wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('stats.title')}
          </Typography.Title>
          <Typography.Text strong data-testid="stats-period-label">
            {periodName}
          </Typography.Text>
          <Typography.Text type="secondary">{t('stats.scopeHint')}</Typography.Text>
        </Space>
        <PeriodPicker period={period} today={today} onChange={(p) => go({ period: p })} />
      </Space>
      <Card size="small">
        <StatisticsFilters filters={filters} onChange={(f) => go({ filters: f })} />
      </Card>
      <Tabs
        activeKey={tab}
        onChange={(k) => go({ tab: k as Tab })}
        destroyOnHidden
        items={TABS.map((k) => ({
          key: k,
          label: <span data-testid={`stats-tab-${k}`}>{t(`stats.tab.${k}`)}</span>,
          children: PANES[k](props),
        }))}
      />
    </Space>
  );
}
