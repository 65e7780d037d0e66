/**
 * The regulators' quarterly statistics (#13 item 6) through HTTP on real PostgreSQL: complaints
 * registered through the intake in 2026 Q3 (and one in Q4 that must not count), decisions recorded
 * on the regulatory clock at chosen days; the JSON figures, their drill-down into the ledger, the
 * xlsx and CSV files read back, the audit rows, and bad input.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import type { ComplaintDetailAnswer } from '../schemas/complaint.responses.js';
import type { RegulatorStatisticsAnswer } from '../schemas/regulator-statistics.schemas.js';

let t: TestApp;

interface Seed {
  businessLine: string;
  category: string;
  channel: string;
  receivedAt: string;
  /** days after receipt the decision was told (regulatory clock met); undefined: undecided */
  decidedAfterDays?: number;
}

const SEEDS: Seed[] = [
  {
    businessLine: 'property_casualty',
    category: 'claims_dispute',
    channel: 'hotline',
    receivedAt: '2026-07-01T00:30:00+08:00',
    decidedAfterDays: 3,
  },
  {
    businessLine: 'property_casualty',
    category: 'claims_dispute',
    channel: 'web',
    receivedAt: '2026-07-15T10:00:00+08:00',
    decidedAfterDays: 15,
  },
  {
    businessLine: 'property_casualty',
    category: 'underwriting',
    channel: 'app',
    receivedAt: '2026-08-02T10:00:00+08:00',
    decidedAfterDays: 16,
  },
  { businessLine: 'life', category: 'surrender_refund', channel: 'hotline', receivedAt: '2026-08-20T10:00:00+08:00', decidedAfterDays: 45 },
  { businessLine: 'life', category: 'product_sales', channel: 'hotline', receivedAt: '2026-09-01T10:00:00+08:00' },
  { businessLine: 'health', category: 'personal_data', channel: 'web', receivedAt: '2026-09-30T23:30:00+08:00' },
  {
    businessLine: 'brokerage',
    category: 'securities_trading',
    channel: 'app',
    receivedAt: '2026-09-10T10:00:00+08:00',
    decidedAfterDays: 61,
  },
  // 2026-10-01 00:10 in Shanghai is Q4, though still 30 September in UTC
  { businessLine: 'life', category: 'claims_dispute', channel: 'hotline', receivedAt: '2026-10-01T00:10:00+08:00' },
];

beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z');
  for (const s of SEEDS) {
    t.setNow(new Date(new Date(s.receivedAt).getTime() + 60_000));
    const res = await t.inject({
      method: 'POST',
      url: '/api/complaints',
      payload: complaintBody({
        businessLine: s.businessLine,
        category: s.category,
        channel: s.channel,
        receivedAt: new Date(s.receivedAt).toISOString(),
        amount: null,
        description: '测试投诉：监管报送统计。',
      }),
    });
    expect(res.statusCode, res.body).toBe(201);
    if (s.decidedAfterDays !== undefined) {
      const id = (res.json() as ComplaintDetailAnswer).id;
      // the decision told to the customer: the regulatory clock met (the facts refresh at commit)
      await t.db
        .updateTable('complaint_clocks')
        .set({ status: 'met', met_at: new Date(new Date(s.receivedAt).getTime() + s.decidedAfterDays * 86_400_000) })
        .where('complaint_id', '=', id)
        .where('kind', '=', 'regulatory')
        .execute();
    }
  }
  t.setNow('2026-11-25T02:00:00Z');
}, 60_000);
afterAll(async () => t.close());

const get = async (url: string, as = 'leader', headers: Record<string, string> = {}) => t.inject({ method: 'GET', url, headers }, as);

async function figures(): Promise<RegulatorStatisticsAnswer> {
  const res = await get('/api/statistics/regulator?year=2026&quarter=3');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as RegulatorStatisticsAnswer;
}

const cell = (s: RegulatorStatisticsAnswer, table: string, row: string, column: string) => {
  const tb = s.tables.find((x) => x.key === table)!;
  return (row === 'total' ? tb.total : tb.rows.find((r) => r.code === row)!).cells.find((c) => c.column === column)!;
};

describe('GET /api/statistics/regulator (#13 item 6, R-F2)', () => {
  it('counts the complaints received in the quarter by local date, split as the regulators publish', async () => {
    const s = await figures();
    expect(s).toMatchObject({ year: 2026, quarter: 3, from: '2026-07-01', to: '2026-09-30' });
    expect(s.totals).toEqual({ property: 3, personal: 3, securities: 1, insurance: 6, total: 7 });
    expect(cell(s, 'insurance_categories', 'claims', 'property').count).toBe(2);
    expect(cell(s, 'insurance_categories', 'sales', 'property').count).toBe(1);
    expect(cell(s, 'insurance_categories', 'sales', 'personal').count).toBe(1);
    expect(cell(s, 'insurance_categories', 'surrender', 'personal').count).toBe(1);
    expect(cell(s, 'insurance_categories', 'other', 'personal').count).toBe(1);
    expect(cell(s, 'insurance_categories', 'claims', 'property').share).toBeCloseTo(2 / 3);
    expect(cell(s, 'securities_business_types', 'brokerage', 'securities').count).toBe(1);
    expect(cell(s, 'channels', 'hotline', 'total').count).toBe(3);
    expect(cell(s, 'channels', 'app', 'securities').count).toBe(1);
  });

  it('bands the days from receipt to decision: within 15, 16-30, 31-60, over 60, undecided', async () => {
    const s = await figures();
    const d = s.tables.find((x) => x.key === 'decision_time')!;
    expect(d.rows.map((r) => [r.code, r.cells.find((c) => c.column === 'total')!.count])).toEqual([
      ['within_15', 2],
      ['within_30', 1],
      ['within_60', 1],
      ['over_60', 1],
      ['undecided', 2],
    ]);
  });

  it('each figure with a drill string opens the ledger of exactly those complaints', async () => {
    const s = await figures();
    const checked: string[] = [];
    for (const table of s.tables) {
      for (const row of [...table.rows, table.total]) {
        for (const c of row.cells) {
          if (c.drill === null) continue;
          const res = await get(`/api/complaints?${c.drill}&total=true&limit=1`);
          expect(res.statusCode, res.body).toBe(200);
          expect((res.json() as { total: number }).total, `${table.key}/${row.code}/${c.column}`).toBe(c.count);
          checked.push(`${table.key}/${row.code}/${c.column}`);
        }
      }
    }
    expect(checked.length).toBeGreaterThan(40);
  });

  it('is refused with a 400 naming the field for a quarter outside 1..4 or no year', async () => {
    const bad = await get('/api/statistics/regulator?year=2026&quarter=5');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('quarter');
    const missing = await get('/api/statistics/regulator?quarter=1');
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('year');
  });

  it('is recorded in the audit log', async () => {
    await figures();
    const row = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'statistics.read')
      .where('target_id', '=', 'regulator:2026Q3')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(row.actor).toBe('leader');
  });
});

describe('GET /api/statistics/regulator.xlsx and .csv (#13 item 6, R-F2)', () => {
  it('the workbook holds the summary and one sheet per table with the same figures', async () => {
    const res = await get('/api/statistics/regulator.xlsx?year=2026&quarter=3');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain('2026Q3.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      '概况',
      '保险投诉（按纠纷类型）',
      '证券投诉（按业务类型）',
      '投诉渠道',
      '处理决定时限',
    ]);
    const summary = book.getWorksheet('概况')!;
    const values = new Map<string, unknown>();
    summary.eachRow((r) => values.set(String(r.getCell(1).value), r.getCell(2).value));
    expect(values.get('合计')).toBe(7);
    expect(values.get('财产保险')).toBe(3);
    const categories = book.getWorksheet('保险投诉（按纠纷类型）')!;
    const claims = categories.getRows(1, categories.rowCount)!.find((r) => r.getCell(1).value === '理赔纠纷')!;
    expect(claims.getCell(2).value).toBe(2); // property: count
    expect(claims.getCell(3).value).toBeCloseTo(66.67); // property: share %
  });

  it('the CSV lists one figure a line in the shape of the published tables, in English on request', async () => {
    const res = await get('/api/statistics/regulator.csv?year=2026&quarter=3', 'leader', { 'accept-language': 'en-US' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const lines = res.body.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('period,table,table_label,segment,segment_label,category,category_label,complaints,pct_of_segment');
    expect(lines).toContain(
      '2026Q3,insurance_categories,Insurance complaints by dispute type,property,Property insurance,claims,Claims disputes,2,66.67',
    );
    expect(lines).toContain('2026Q3,decision_time,Time to decision,total,Total,undecided,Not decided yet,2,28.57');
    const audit = await t.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'statistics.export')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ report: 'regulator', format: 'csv', complaints: 7 });
  });
});
