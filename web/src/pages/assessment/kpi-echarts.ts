/** ECharts for 绩效考核: the board's bar and line charts plus the radar (registered once, tree-shaken). */
import { RadarChart, type BarSeriesOption, type LineSeriesOption, type RadarSeriesOption } from 'echarts/charts';
import {
  RadarComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type RadarComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { echarts } from '../board/echarts-setup';

echarts.use([RadarChart, RadarComponent]);

export type KpiChartOption = echarts.ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | RadarSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | RadarComponentOption
>;

export { echarts };
