import { Typography } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../../i18n/i18n';
import { EChart } from '../../board/EChart';
import type { ChartOption } from '../../board/echarts-setup';
import { STATUS_COLOUR, STATUSES, type MessagePage, type MessageStatus } from './message-kit';

interface StatusChartProps {
  counts: MessagePage['counts'] | undefined;
  /** the statuses the log is filtered by (none: all) */
  selected: readonly MessageStatus[];
  onPick(status: MessageStatus): void;
}

/**
 * The messages per status as one small bar chart (numbers people compare); a click on a bar filters
 * the log by that status (again: the filter is lifted). Bars outside the filter fade. Drawn by the
 * board's EChart (its sizing and clean-up).
 */
export function StatusChart({ counts, selected, onPick }: StatusChartProps) {
  const { t, label } = useI18n();

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

  const total = STATUSES.reduce((n, s) => n + (counts?.[s] ?? 0), 0);
  return (
    <div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('messages.counts')} · {t('messages.countsHint')}
      </Typography.Text>
      <EChart
        option={option}
        height={150}
        label={`${t('messages.counts')}: ${STATUSES.map((s) => `${label('messages.status', s)} ${counts?.[s] ?? 0}`).join(', ')}`}
        testId="message-counts"
        data={{ 'data-total': total }}
        onItemClick={(index) => {
          const status = STATUSES[index];
          if (status) onPick(status);
        }}
      />
    </div>
  );
}
