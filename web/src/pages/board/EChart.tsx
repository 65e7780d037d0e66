import { useEffect, useRef } from 'react';
import { echarts, type ChartOption } from './echarts-setup';

interface EChartProps {
  option: ChartOption;
  height?: number;
  /** what the chart shows, for screen readers */
  label: string;
  testId?: string;
  /** a click on a data item (a bar, a point): its index in the series, and the series' index */
  onItemClick?: (dataIndex: number, seriesIndex: number) => void;
  /** after each render (also after a resize): what the chart drew, e.g. to read positions */
  onRendered?: (chart: echarts.ECharts) => void;
  /** data-* attributes for the chart's box (what a test or a script reads) */
  data?: Record<`data-${string}`, string | number>;
}

/** One ECharts chart that follows its container's size (window resize, menu collapse). */
export function EChart({ option, height = 260, label, testId, onItemClick, onRendered, data }: EChartProps) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onItemClick);
  click.current = onItemClick;
  const rendered = useRef(onRendered);
  rendered.current = onRendered;

  useEffect(() => {
    const node = el.current;
    if (!node) return;
    const c = echarts.init(node, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => click.current?.(p.dataIndex, p.seriesIndex ?? 0));
    c.on('finished', () => rendered.current?.(c));
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
