import { useEffect, useRef } from 'react';
import { echarts, type ChartOption } from './echarts-setup';

interface EChartProps {
  option: ChartOption;
  height?: number;
  /** what the chart shows, for screen readers */
  label: string;
  testId?: string;
}

/** One ECharts chart that follows its container's size (window resize, menu collapse). */
export function EChart({ option, height = 260, label, testId }: EChartProps) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const node = el.current;
    if (!node) return;
    const c = echarts.init(node, undefined, { renderer: 'canvas' });
    chart.current = c;
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

  return <div ref={el} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />;
}
