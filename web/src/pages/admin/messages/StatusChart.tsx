import { Typography } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useI18n } from '../../../i18n/i18n';
import { echarts, type ChartOption } from '../../board/echarts-setup';
import { STATUS_COLOUR, STATUSES, type MessagePage, type MessageStatus } from './message-kit';

interface StatusChartProps {
  counts: MessagePage['counts'] | undefined;
  /** the statuses the log is filtered by (none: all) */
  selected: readonly MessageStatus[];
  onPick(status: MessageStatus): void;
}

/**
 * The messages per status as one small bar chart (numbers people compare); a click on a bar filters
 * the log by that status (again: the filter is lifted). Bars outside the filter fade.
 */
export function StatusChart({ counts, selected, onPick }: StatusChartProps) {
  const { t, label } = useI18n();
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  const option = useMemo<ChartOption>(
    () => ({
      animation: false,
      grid: { left: 8, right: 48, top: 4, bottom: 4, containLabel: true },
      tooltip: { trigger: 'item' },
      xAxis: { type: 'value', show: false },
      yAxis: { type: 'category', inverse: true, data: STATUSES.map((s) => label('messages.status', s)), axisTick: { show: false } },
      series: [
        {
          type: 'bar',
          barMaxWidth: 16,
          cursor: 'pointer',
          label: { show: true, position: 'right' },
          data: STATUSES.map((s) => ({
            value: counts?.[s] ?? 0,
            itemStyle: { color: STATUS_COLOUR[s], opacity: selected.length === 0 || selected.includes(s) ? 1 : 0.3 },
          })),
        },
      ],
    }),
    [counts, selected, label],
  );

  useEffect(() => {
    const node = el.current;
    if (!node) return;
    const c = echarts.init(node, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => {
      const status = STATUSES[p.dataIndex];
      if (status) pick.current(status);
    });
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(node);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  const total = STATUSES.reduce((n, s) => n + (counts?.[s] ?? 0), 0);
  return (
    <div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('messages.counts')} · {t('messages.countsHint')}
      </Typography.Text>
      <div
        ref={el}
        role="img"
        aria-label={`${t('messages.counts')}: ${STATUSES.map((s) => `${label('messages.status', s)} ${counts?.[s] ?? 0}`).join(', ')}`}
        data-testid="message-counts"
        data-total={total}
        style={{ width: '100%', height: 150 }}
      />
    </div>
  );
}
