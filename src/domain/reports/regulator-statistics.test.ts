import { describe, expect, it } from 'vitest';
import { defaultTaxonomies } from '../policy/policy.taxonomies.js';
import { decisionBucketOf, previousQuarter, quarterDates, regulatorCategoryOf, segmentOf } from './regulator-categories.js';
import { foldRegulatorStatistics, type RegulatorCountRow, type RegulatorTable } from './regulator-statistics.js';

const row = (r: Partial<RegulatorCountRow> & Pick<RegulatorCountRow, 'count'>): RegulatorCountRow => ({
  businessLine: 'life',
  sector: 'insurance',
  category: 'claims_dispute',
  channel: 'hotline',
  bucket: 'within_15',
  ...r,
});

function fold(rows: RegulatorCountRow[]) {
  return foldRegulatorStatistics({
    year: 2026,
    quarter: 3,
    from: '2026-07-01',
    to: '2026-09-30',
    receivedFrom: new Date('2026-06-30T16:00:00Z'),
    receivedTo: new Date('2026-09-30T16:00:00Z'),
    asOf: new Date('2026-10-08T02:00:00Z'),
    channels: defaultTaxonomies.channels,
    categories: defaultTaxonomies.categories,
    businessLines: defaultTaxonomies.businessLines,
    rows,
  });
}

const tableOf = (s: ReturnType<typeof fold>, key: RegulatorTable['key']) => s.tables.find((t) => t.key === key)!;
const cell = (t: RegulatorTable, rowCode: string, column: string) =>
  (rowCode === 'total' ? t.total : t.rows.find((r) => r.code === rowCode))!.cells.find((c) => c.column === column)!;

describe("the regulators' categories (#13 item 6, R-F2, R-A2)", () => {
  it('maps our categories to the dispute types of the NFRA notices; unknown ones are 其他', () => {
    expect(regulatorCategoryOf('claims_dispute')).toBe('claims');
    expect(regulatorCategoryOf('product_sales')).toBe('sales');
    expect(regulatorCategoryOf('surrender_refund')).toBe('surrender');
    expect(regulatorCategoryOf('policy_account_service')).toBe('policy_service');
    expect(regulatorCategoryOf('personal_data')).toBe('other');
    expect(regulatorCategoryOf('a_new_category')).toBe('other');
  });

  it('splits insurance into property and personal insurers, securities apart', () => {
    expect(segmentOf('insurance', 'property_casualty')).toBe('property');
    expect(segmentOf('insurance', 'life')).toBe('personal');
    expect(segmentOf('insurance', 'health')).toBe('personal');
    expect(segmentOf('securities', 'brokerage')).toBe('securities');
  });

  it('bands days to decision at 15, 30 and 60 days inclusive', () => {
    expect([0, 15, 16, 30, 31, 60, 61, 400, null].map(decisionBucketOf)).toEqual([
      'within_15',
      'within_15',
      'within_30',
      'within_30',
      'within_60',
      'within_60',
      'over_60',
      'over_60',
      'undecided',
    ]);
  });

  it('knows the quarters', () => {
    expect(quarterDates(2026, 1)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(quarterDates(2024, 2)).toEqual({ from: '2024-04-01', to: '2024-06-30' });
    expect(quarterDates(2026, 4)).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(previousQuarter('2026-01-05')).toEqual({ year: 2025, quarter: 4 });
    expect(previousQuarter('2026-08-31')).toEqual({ year: 2026, quarter: 2 });
    expect(() => quarterDates(2026, 5)).toThrow(RangeError);
  });
});

describe('folding the counts into the tables (#13 item 6, R-F2)', () => {
  const s = fold([
    row({ businessLine: 'property_casualty', category: 'claims_dispute', count: 7 }),
    row({ businessLine: 'property_casualty', category: 'underwriting', channel: 'web', bucket: 'over_60', count: 3 }),
    row({ businessLine: 'life', category: 'surrender_refund', channel: 'regulator_referral', bucket: 'undecided', count: 5 }),
    row({ businessLine: 'health', category: 'personal_data', bucket: 'within_30', count: 5 }),
    row({ businessLine: 'brokerage', sector: 'securities', category: 'securities_trading', count: 4 }),
    row({ businessLine: 'margin_financing', sector: 'securities', category: 'other', channel: 'app', bucket: 'within_60', count: 1 }),
  ]);

  it('totals: property, personal, securities, insurance and all add up', () => {
    expect(s.totals).toEqual({ property: 10, personal: 10, securities: 5, insurance: 20, total: 25 });
  });

  it('insurance by dispute type per segment, with shares of the column', () => {
    const t = tableOf(s, 'insurance_categories');
    expect(t.columns).toEqual(['property', 'personal', 'insurance']);
    expect(t.rows.map((r) => r.label.zh)).toEqual(['理赔纠纷', '销售纠纷', '退保纠纷', '保单服务', '其他']);
    expect(cell(t, 'claims', 'property')).toMatchObject({ count: 7, share: 0.7 });
    expect(cell(t, 'sales', 'property')).toMatchObject({ count: 3, share: 0.3 });
    expect(cell(t, 'surrender', 'personal')).toMatchObject({ count: 5, share: 0.5 });
    expect(cell(t, 'other', 'insurance')).toMatchObject({ count: 5, share: 0.25 });
    expect(cell(t, 'total', 'insurance').count).toBe(20);
    // the securities complaints are not in the insurance table
    expect(t.rows.reduce((n, r) => n + r.cells[2]!.count, 0)).toBe(20);
  });

  it('drill strings name the quarter, the lines of the segment and the categories of the dispute type', () => {
    const d = new URLSearchParams(cell(tableOf(s, 'insurance_categories'), 'sales', 'property').drill!);
    expect(d.get('receivedFrom')).toBe('2026-06-30T16:00:00.000Z');
    expect(d.get('receivedTo')).toBe('2026-09-30T16:00:00.000Z');
    expect(d.get('businessLine')).toBe('property_casualty');
    expect(d.get('category')?.split(',').sort()).toEqual(['marketing_harassment', 'product_sales', 'underwriting']);
    const personal = new URLSearchParams(cell(tableOf(s, 'insurance_categories'), 'claims', 'personal').drill!);
    expect(personal.get('businessLine')?.split(',').sort()).toEqual(['health', 'life']);
  });

  it('securities by business type, every securities line of the policy listed', () => {
    const t = tableOf(s, 'securities_business_types');
    expect(t.rows.map((r) => r.code)).toEqual(['brokerage', 'investment_advisory', 'margin_financing', 'asset_management']);
    expect(cell(t, 'brokerage', 'securities')).toMatchObject({ count: 4, share: 0.8 });
    expect(cell(t, 'investment_advisory', 'securities')).toMatchObject({ count: 0, share: 0 });
    expect(new URLSearchParams(cell(t, 'margin_financing', 'securities').drill!).get('businessLine')).toBe('margin_financing');
  });

  it('channels and time to decision per segment; decision bands have no drill', () => {
    const c = tableOf(s, 'channels');
    expect(c.rows.map((r) => r.code)).toEqual(defaultTaxonomies.channels.map((x) => x.code));
    expect(cell(c, 'hotline', 'total').count).toBe(16);
    expect(cell(c, 'regulator_referral', 'personal').count).toBe(5);
    expect(new URLSearchParams(cell(c, 'web', 'total').drill!).get('channel')).toBe('web');
    expect(new URLSearchParams(cell(c, 'web', 'total').drill!).has('businessLine')).toBe(false);
    const d = tableOf(s, 'decision_time');
    expect(d.rows.map((r) => [r.code, cell(d, r.code, 'total').count])).toEqual([
      ['within_15', 11],
      ['within_30', 5],
      ['within_60', 1],
      ['over_60', 3],
      ['undecided', 5],
    ]);
    expect(cell(d, 'within_15', 'total').drill).toBeNull();
  });

  it('empty quarter: zero counts and null shares', () => {
    const e = fold([]);
    expect(e.totals.total).toBe(0);
    expect(cell(tableOf(e, 'channels'), 'hotline', 'total')).toMatchObject({ count: 0, share: null });
  });
});
