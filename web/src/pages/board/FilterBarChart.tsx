import { Typography } from 'antd';
import { useMemo } from 'react';
import { EChart } from './EChart';
import type { ChartOption } from './echarts-setup';

interface FilterBarChartProps<K extends string> {
  /** the bars, top to bottom */
  keys: readonly K[];
  counts: Partial<Record<K, number>> | undefined;
  labelOf(key: K): string;
  colourOf(key: K): string;
  /** whether a bar is inside the list's filter (the others fade) */
  isSelected(key: K): boolean;
  onPick(key: K): void;
  title: string;
  hint: string;
  testId: string;
  /** extra data-* attributes for tests */
  data?: Record<string, string | number>;
}

/**
 * Counts per kind as one small horizontal bar chart that filters a list (numbers people compare): a
 * click on a bar filters by it, bars outside the filter fade. The message log (per status) and the
 * inbound mail list (per outcome) draw theirs with it; the board's EChart does sizing and clean-up.
 */
export function FilterBarChart<K extends string>(p: FilterBarChartProps<K>) {
  const { keys, counts, labelOf, colourOf, isSelected } = p;
  const count = (k: K): number => counts?.[k] ?? 0;
  const option = useMemo<ChartOption>(
    () => ({
      animation: false,
      grid: { left: 8, right: 48, top: 4, bottom: 4, containLabel: true },
      tooltip: { trigger: 'item' },
      xAxis: { type: 'value', show: false },
      yAxis: { type: 'category', inverse: true, data: keys.map(labelOf), axisTick: { show: false } },
      series: [
        {
          type: 'bar',
          barMaxWidth: 16,
          cursor: 'pointer',
          label: { show: true, position: 'right' },
          data: keys.map((k) => ({ value: counts?.[k] ?? 0, itemStyle: { color: colourOf(k), opacity: isSelected(k) ? 1 : 0.3 } })),
        },
      ],
    }),
    [keys, counts, labelOf, colourOf, isSelected],
  );
  const total = keys.reduce((n, k) => n + count(k), 0);
  return (
    <div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {p.title} · {p.hint}
      </Typography.Text>
      <EChart
        option={option}
        height={150}
        label={`${p.title}: ${keys.map((k) => `${labelOf(k)} ${count(k)}`).join(', ')}`}
        testId={p.testId}
        data={{ 'data-total': total, ...p.data }}
        onItemClick={(index) => {
          const key = keys[index];
          if (key) p.onPick(key);
        }}
      />
    </div>
  );
}
