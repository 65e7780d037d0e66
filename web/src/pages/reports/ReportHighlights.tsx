import { Card, Col, Descriptions, Row, Statistic, Typography } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../i18n/i18n';
import { EChart } from '../board/EChart';
import type { ChartOption } from '../board/echarts-setup';
import type { ReportDetail } from './report-queries';

type Highlights = NonNullable<ReportDetail['highlights']>;
type Measure = Highlights['comparisons'][number]['measure'];

const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v > 0 ? '+' : ''}${(v * 100).toFixed(1)}%`);

/** The report's figures the page draws: headline tiles with MoM/YoY, the 13-month trend, the main causes; a special report's facts. */
export function ReportHighlights({ h }: { h: Highlights }) {
  const { t, locale } = useI18n();
  const compare = (m: Measure) => h.comparisons.find((c) => c.measure === m);

  const trend = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 32, bottom: 28 },
      xAxis: { type: 'category', data: h.trend.map((p) => p.month) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('reports.series.received'), type: 'line', data: h.trend.map((p) => p.received), label: { show: true } },
        { name: t('reports.series.closed'), type: 'line', data: h.trend.map((p) => p.closed) },
      ],
    }),
    [h.trend, t],
  );
  const causes = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 140, right: 24, top: 8, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: h.causes.map((c) => (locale === 'zh-CN' ? c.label.zh : c.label.en)) },
      series: [
        { name: t('reports.series.count'), type: 'bar', data: h.causes.map((c) => c.count), label: { show: true, position: 'right' } },
      ],
    }),
    [h.causes, locale, t],
  );

  const tile = (title: string, m: Measure) => {
    const c = compare(m);
    return (
      <Col xs={12} md={6} key={m}>
        <Card size="small">
          <Statistic title={title} value={c?.current ?? '—'} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('reports.mom', { v: pct(c?.mom) })} · {t('reports.yoy', { v: pct(c?.yoy) })}
          </Typography.Text>
        </Card>
      </Col>
    );
  };

  return (
    <Card title={h.comparisons.length > 0 ? t('reports.highlights') : t('reports.facts')} data-testid="report-highlights">
      {h.comparisons.length > 0 && (
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
          {tile(t('reports.tile.received'), 'received')}
          {tile(t('reports.tile.closed'), 'closed')}
          {tile(t('reports.tile.openAtEnd'), 'open_at_end')}
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title={t('reports.tile.level1')} value={h.level1Count ?? '—'} />
            </Card>
          </Col>
        </Row>
      )}
      {h.facts.length > 0 && (
        <Descriptions size="small" bordered column={1} style={{ marginBottom: 16 }}>
          {h.facts.map(([k, v]) => (
            <Descriptions.Item key={k} label={k}>
              {v}
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
      <Row gutter={[16, 16]}>
        {h.trend.length > 1 && (
          <Col xs={24} lg={14}>
            <Typography.Text strong>{t('reports.trend')}</Typography.Text>
            <EChart option={trend} height={260} label={t('reports.trend')} testId="report-trend-chart" />
          </Col>
        )}
        {h.causes.length > 0 && (
          <Col xs={24} lg={10}>
            <Typography.Text strong>{t('reports.causes')}</Typography.Text>
            <EChart
              option={causes}
              height={Math.max(160, 28 * h.causes.length + 40)}
              label={t('reports.causes')}
              testId="report-causes-chart"
            />
          </Col>
        )}
      </Row>
    </Card>
  );
}
