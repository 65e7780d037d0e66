import { useEffect, useRef } from 'react';
import { echarts, type ChartOption } from './echarts-setup';

interface EChartProps {
  option: ChartOption;
  height?: number;
  /** what the chart shows, for screen readers */
  label: string;
  testId?: string;
  /** a click on a data item (a bar, a point): its index in the series */
  onItemClick?: (dataIndex: number) => void;
  /** data-* attributes for the chart's box (what a test or a script reads) */
  data?: Record<`data-${string}`, string | number>;
}

/** One ECharts chart that follows its container's size (window resize, menu collapse). */
export function EChart({ option, height = 260, label, testId, onItemClick, data }: EChartProps) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onItemClick);
  click.current = onItemClick;

  useEffect(() => {
    const node = el.current;
    if (!node) return;
    const c = echarts.init(node, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => click.current?.(p.dataIndex));
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

  return <div ref={el} role="img" aria-label={label} data-testid={testId} {...data} style={{ width: '100%', height }} />;
}
