import { useEffect, useRef } from 'react';
import { echarts, type KpiChartOption } from './kpi-echarts';

interface Props {
  option: KpiChartOption;
  height?: number;
  /** what the chart shows, for screen readers */
  label: string;
  testId?: string;
  onItemClick?: (dataIndex: number) => void;
}

/** One chart of 绩效考核 that follows its container's size. */
export function KpiChart({ option, height = 280, label, testId, onItemClick }: Props) {
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

  return <div ref={el} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />;
}
