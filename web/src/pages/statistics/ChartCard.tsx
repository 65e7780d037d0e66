import { DownloadOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Skeleton, Space, Tooltip, Typography } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { EChart } from '../board/EChart';
import type { echarts } from '../board/echarts-setup';
import type { ChartData } from './chart-data';
import { chartOption, formatValue, probeOf } from './chart-options';
import { chartCsv, csvFileName, downloadCsv } from './csv';
import { ledgerHref } from './stats-params';

interface ChartCardProps {
  title: string;
  /** undefined while loading */
  chart: ChartData | undefined;
  testId: string;
  height?: number;
  help?: string;
  /** the period as it reads, for the exported file's name */
  periodName: string;
  extra?: ReactNode;
  /** the chart's data could not be loaded */
  failed?: boolean;
}

const hasData = (chart: ChartData) => chart.categories.length > 0 && chart.series.some((s) => s.values.some((v) => v !== null && v !== 0));

/** Writes where the probe bar is drawn onto the chart's box (data-probe-*), for a script to click it. */
function markProbe(chart: ChartData, instance: echarts.ECharts) {
  const probe = probeOf(chart);
  const dom = instance.getDom();
  if (!probe) return;
  const [x, y] = instance.convertToPixel({ seriesIndex: probe.series }, probe.coord);
  dom.dataset.probeX = String(Math.round(x ?? 0));
  dom.dataset.probeY = String(Math.round(y ?? 0));
  dom.dataset.probeValue = String(probe.value);
}

/**
 * One dashboard chart in a card: the chart, a click on any bar or point opens the ledger of the
 * complaints behind it, and "导出数据" saves the chart's rows as CSV.
 */
export function ChartCard({ title, chart, testId, height = 280, help, periodName, extra, failed }: ChartCardProps) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const option = useMemo(() => (chart ? chartOption(chart, locale) : undefined), [chart, locale]);
  const drillable = chart?.series.some((s) => s.drills.some(Boolean)) ?? false;
  const summary =
    chart &&
    `${title}: ${chart.categories
      .slice(0, 12)
      .map((c, i) => `${c} ${chart.series.map((s) => formatValue(s.values[i], s.format, locale)).join('/')}`)
      .join(', ')}`;

  return (
    <Card
      size="small"
      data-testid={`${testId}-card`}
      title={
        <Space size={6}>
          <span>{title}</span>
          {help && (
            <Tooltip title={help}>
              <QuestionCircleOutlined style={{ color: '#8c8c8c', cursor: 'help' }} />
            </Tooltip>
          )}
        </Space>
      }
      extra={
        <Space size={4}>
          {extra}
          <Button
            size="small"
            type="text"
            icon={<DownloadOutlined />}
            disabled={!chart || !hasData(chart)}
            onClick={() =>
              chart &&
              downloadCsv(
                chartCsv(chart, { rate: t('stats.unit.rate'), money: t('stats.unit.money'), days: t('stats.unit.days') }),
                csvFileName(title, periodName),
              )
            }
            data-testid={`${testId}-export`}
          >
            {t('stats.export')}
          </Button>
        </Space>
      }
    >
      {failed && !chart ? (
        <Alert type="error" showIcon message={t('stats.loadError')} style={{ height: height - 40 }} data-testid={`${testId}-error`} />
      ) : !chart || !option ? (
        <Skeleton active paragraph={{ rows: 5 }} />
      ) : !hasData(chart) ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('stats.empty')}
          style={{ height: height - 40 }}
          data-testid={`${testId}-empty`}
        />
      ) : (
        <>
          <EChart
            option={option}
            height={height}
            label={summary ?? title}
            testId={testId}
            data={{ 'data-categories': chart.categories.length }}
            onRendered={(instance) => markProbe(chart, instance)}
            onItemClick={(index, seriesIndex) => {
              const drill = chart.series[seriesIndex]?.drills[index];
              if (drill) void navigate(ledgerHref(drill));
            }}
          />
          {drillable && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('stats.drillHint')}
            </Typography.Text>
          )}
        </>
      )}
    </Card>
  );
}
