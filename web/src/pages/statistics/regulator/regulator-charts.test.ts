import { describe, expect, it } from 'vitest';
import { drawnColumns, drillOf, regulatorChartOption, type RegulatorTable } from './regulator-charts';

const table: RegulatorTable = {
  key: 'insurance_categories',
  label: { zh: '保险投诉（按纠纷类型）', en: 'Insurance complaints by dispute type' },
  columns: ['property', 'personal', 'insurance'],
  rows: [
    {
      code: 'claims',
      label: { zh: '理赔纠纷', en: 'Claims disputes' },
      cells: [
        { column: 'property', count: 7, share: 0.7, drill: 'receivedFrom=a&businessLine=property_casualty&category=claims_dispute' },
        { column: 'personal', count: 1, share: 0.5, drill: 'x' },
        { column: 'insurance', count: 8, share: 0.66, drill: 'y' },
      ],
    },
    {
      code: 'sales',
      label: { zh: '销售纠纷', en: 'Sales disputes' },
      cells: [
        { column: 'property', count: 3, share: 0.3, drill: null },
        { column: 'personal', count: 1, share: 0.5, drill: 'z' },
        { column: 'insurance', count: 4, share: 0.33, drill: 'w' },
      ],
    },
  ],
  total: { code: 'total', label: { zh: '合计', en: 'Total' }, cells: [] },
};

describe('regulator charts (#13 item 6)', () => {
  it('draws the segments, not their subtotal, one bar series each with the counts', () => {
    expect(drawnColumns(table)).toEqual(['property', 'personal']);
    const option = regulatorChartOption(table, (c) => c.toUpperCase(), 'zh');
    const series = option.series as Array<{ name: string; data: number[] }>;
    expect(series.map((s) => [s.name, s.data])).toEqual([
      ['PROPERTY', [7, 3]],
      ['PERSONAL', [1, 1]],
    ]);
  });

  it('a bar opens its drill string; none where the ledger cannot list it', () => {
    expect(drillOf(table, 0, 'property')).toContain('category=claims_dispute');
    expect(drillOf(table, 1, 'property')).toBeNull();
    expect(drillOf(table, 5, 'property')).toBeNull();
  });
});
