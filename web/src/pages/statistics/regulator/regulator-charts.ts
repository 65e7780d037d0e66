/**
 * The regulator statistics' charts (#13 item 6): one bar chart per table, categories along the axis
 * and one bar per column (property, personal, securities…), the counts from GET
 * /api/statistics/regulator. Pure: the option and the drill string behind each bar.
 */
import type { Answer } from '../../../api/client';
import type { ChartOption } from '../../board/echarts-setup';

export type RegulatorAnswer = Answer<'/api/statistics/regulator', 'get'>;
export type RegulatorTable = RegulatorAnswer['tables'][number];
export type Lang = 'zh' | 'en';

const COLOURS: Record<string, string> = {
  property: '#1677ff',
  personal: '#52c41a',
  securities: '#fa8c16',
  insurance: '#722ed1',
  total: '#8c8c8c',
};

/** The columns drawn as bars: the subtotal columns (insurance, total) only when a table has nothing else. */
export function drawnColumns(table: RegulatorTable): RegulatorTable['columns'] {
  const parts = table.columns.filter((c) => c !== 'insurance' && c !== 'total');
  return parts.length > 0 ? parts : table.columns;
}

/** The drill string of bar (row index, column), or null when the ledger cannot list it. */
export function drillOf(table: RegulatorTable, rowIndex: number, column: string): string | null {
  return table.rows[rowIndex]?.cells.find((c) => c.column === column)?.drill ?? null;
}

export function regulatorChartOption(table: RegulatorTable, columnLabel: (c: string) => string, lang: Lang): ChartOption {
  const columns = drawnColumns(table);
  const horizontal = table.rows.length > 6;
  const categoryAxis = {
    type: 'category' as const,
    data: table.rows.map((r) => r.label[lang]),
    axisLabel: { interval: 0, hideOverlap: !horizontal },
  };
  const valueAxis = { type: 'value' as const, minInterval: 1 };
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { show: columns.length > 1, top: 0 },
    grid: { left: 8, right: 16, top: columns.length > 1 ? 32 : 12, bottom: 8, containLabel: true },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
    series: columns.map((column) => ({
      type: 'bar' as const,
      name: columnLabel(column),
      itemStyle: { color: COLOURS[column] ?? '#1677ff' },
      barMaxWidth: 28,
      data: table.rows.map((r) => r.cells.find((c) => c.column === column)?.count ?? 0),
    })),
  };
}
