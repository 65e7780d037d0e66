/**
 * The monthly report on real PostgreSQL (#13 item 4, R-F4): complaints made through the API in
 * October 2026, September 2026 and October 2025; the schedule queues October's report on Monday
 * 2 November (the first working day) and only once; the build records its progress, stores the
 * figures, PDF and workbook, and tells the leadership. The workbook is read back with exceljs and
 * the PDF's text extracted with pdf.js: the figures are those the test made, and those
 * computeStatistics answers for the same months.
 */
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../../test/pdf-text.js';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import type { ComplaintDetailAnswer } from '../../http/schemas/complaint.responses.js';
import { buildReport, runMonthlySchedule } from './report-build.js';
import { MONTHLY_SHEETS } from './report-xlsx.js';
import { statisticsRows } from './monthly-report.js';

let t: TestApp;
let claimsId: string;
let phone = 13600000000;
let level1: ComplaintDetailAnswer;
let reportId: string;

const sh = (local: string) => new Date(`${local}+08:00`).toISOString();

async function register(receivedAt: string, overrides: Record<string, unknown> = {}): Promise<ComplaintDetailAnswer> {
  phone += 1;
  const res = await t.inject(
    {
      method: 'POST',
      url: '/api/complaints',
      payload: complaintBody({ receivedAt: sh(receivedAt), complainant: { name: '月报', phone: String(phone) }, ...overrides }),
    },
    'agent',
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json<ComplaintDetailAnswer>();
}

async function act(id: string, action: string, payload: Record<string, unknown>, as = 'agent') {
  const res = await t.inject({ method: 'POST', url: `/api/complaints/${id}/${action}`, payload }, as);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
}

async function workbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

/** The row of a sheet whose first cell is `first`, as plain values (index 1 = column A). */
function rowOf(book: ExcelJS.Workbook, sheet: string, first: string): unknown[] {
  const ws = book.getWorksheet(sheet);
  let found: unknown[] = [];
  ws?.eachRow((row) => {
    if (row.getCell(1).value === first) found = row.values as unknown[];
  });
  return found;
}

beforeAll(async () => {
  t = await createTestApp('2026-10-20T02:00:00Z'); // Tue 20 October 2026, 10:00 Shanghai
  claimsId = (await t.db.selectFrom('org_units').select('id').where('code', '=', 'CLAIMS').executeTakeFirstOrThrow()).id;
  // October 2025 (same month last year): 1; September 2026 (previous month): 2; October 2026: 4, one of level 1
  await register('2025-10-15T10:00:00');
  await register('2026-09-10T10:00:00');
  await register('2026-09-11T10:00:00');
  level1 = await register('2026-10-09T09:00:00', { amount: '150000', description: '重大事故理赔被拒，损失15万元' });
  expect(level1.level).toBe(1);
  await register('2026-10-12T10:00:00');
  await register('2026-10-13T10:00:00', { channel: 'letter', category: 'product_sales' });
  const worked = await register('2026-10-14T10:00:00');
  // one handled as far as analysis, compensation and an improvement action
  await act(worked.id, 'assign', { departmentIds: [claimsId] }, 'supervisor');
  await act(worked.id, 'start-investigation', {});
  await act(worked.id, 'record-findings', { findings: '定损流程缺少复核', conclusion: 'upheld' });
  await act(worked.id, 'record-analysis', {
    causes: ['business_process', 'staff_service'],
    impact: { business: 'medium', reputation: 'low', financial: 'low' },
    strategy: '复核定损，主动沟通',
  });
  await act(worked.id, 'propose-compensation', { amount: '1200.00', basis: '按维修发票差额赔付', payee: '月报' });
  await act(worked.id, 'create-improvement-action', {
    title: '定损复核流程',
    description: '定损金额超过 5,000 元须二人复核',
    owner: 'handler',
    departmentId: claimsId,
    causeCodes: ['business_process'],
  });
});
afterAll(async () => t.close());

describe('the monthly schedule (R-F4)', () => {
  it('waits for the first working day: nothing on Sunday 1 November, October queued on Monday the 2nd, once', async () => {
    t.setNow(sh('2026-11-01T07:30:00'));
    expect(await runMonthlySchedule(t.ctx)).toBeNull();
    t.setNow(sh('2026-11-02T07:30:00'));
    const queued = await runMonthlySchedule(t.ctx);
    expect(queued).not.toBeNull();
    reportId = queued?.id ?? '';
    expect(await runMonthlySchedule(t.ctx)).toBeNull();
    const rows = await t.db.selectFrom('reports').select(['series', 'automatic', 'status', 'version']).execute();
    expect(rows).toEqual([{ series: 'monthly:2026-10', automatic: true, status: 'queued', version: 1 }]);
    const jobs = await sql<{ data: { reportId: string } }>`SELECT data FROM pgboss.job WHERE name = 'report.build'`.execute(t.db);
    expect(jobs.rows.map((j) => j.data)).toEqual([{ reportId }]);
  });
});

describe('the build (R-F4)', () => {
  it('records progress step by step, stores a draft with its figures and files, and tells the leadership', async () => {
    const seen: string[] = [];
    const watch = setInterval(() => {
      void t.db
        .selectFrom('reports')
        .select(['progress', 'step'])
        .where('id', '=', reportId)
        .executeTakeFirst()
        .then((r) => r && seen.push(`${r.progress}:${r.step}`));
    }, 5);
    await buildReport(t.ctx, reportId);
    clearInterval(watch);
    const row = await t.db.selectFrom('reports').selectAll().where('id', '=', reportId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'draft', progress: 100, step: 'done', title: '2026年10月投诉管理月度报告' });
    expect(row.pdf?.subarray(0, 5).toString()).toBe('%PDF-');
    expect(seen.some((s) => /^\d+:(volumes|timeliness|causes|pdf)$/.test(s))).toBe(true);

    const told = await t.db
      .selectFrom('notifications')
      .innerJoin('users', 'users.id', 'notifications.user_id')
      .select(['users.username', 'notifications.template', 'notifications.kind'])
      .where('notifications.kind', '=', 'report_ready')
      .execute();
    expect(told.map((n) => n.username)).toEqual(expect.arrayContaining(['leader', 'senior']));
    expect(told.every((n) => n.template === 'report.ready')).toBe(true);
    // building again does nothing (a repeated job)
    await buildReport(t.ctx, reportId);
    expect((await t.db.selectFrom('notifications').select('id').where('kind', '=', 'report_ready').execute()).length).toBe(told.length);
  });

  it('the workbook holds the figures: received this month, last month and a year ago; level-1; trend; compensation; actions', async () => {
    const row = await t.db.selectFrom('reports').select(['xlsx']).where('id', '=', reportId).executeTakeFirstOrThrow();
    const book = await workbook(row.xlsx ?? Buffer.alloc(0));
    expect(book.worksheets.map((w) => w.name)).toEqual(Object.values(MONTHLY_SHEETS));
    expect(rowOf(book, MONTHLY_SHEETS.summary, '受理量').slice(1, 7)).toEqual(['受理量', 4, 2, 1, 1, 3]);
    // the other measures: what statistics answer for the same month, company-wide
    const oct = (await statisticsRows(t.ctx, { from: '2026-10-01', to: '2026-10-31', groupBy: [] })).totals.values;
    expect(rowOf(book, MONTHLY_SHEETS.summary, '办结量')[2]).toBe(oct.closed ?? null);
    expect(rowOf(book, MONTHLY_SHEETS.summary, '期末未办结')[2]).toBe(oct.open_at_end ?? null);
    expect(rowOf(book, MONTHLY_SHEETS.summary, '拟赔付金额（元）')[2]).toBe(1200);
    expect(rowOf(book, MONTHLY_SHEETS.level1, level1.number)[1]).toBe(level1.number);
    expect(rowOf(book, MONTHLY_SHEETS.trend, '2026-10').slice(1, 3)).toEqual(['2026-10', 4]);
    expect(rowOf(book, MONTHLY_SHEETS.trend, '2026-09')[2]).toBe(2);
    expect(rowOf(book, MONTHLY_SHEETS.trend, '2025-10')[2]).toBe(1);
    expect(rowOf(book, MONTHLY_SHEETS.causes, '业务流程与规则').slice(2, 3)).toEqual([1]);
    expect(rowOf(book, MONTHLY_SHEETS.improvements, '定损复核流程').slice(1, 6)).toEqual([
      '定损复核流程',
      expect.any(String),
      'handler',
      expect.any(String),
      '整改中',
    ]);
    expect(rowOf(book, MONTHLY_SHEETS.improvements, '本月新增')[2]).toBe(1);
    const byLevel = new Map<unknown, unknown>();
    book.getWorksheet(MONTHLY_SHEETS.mix)?.eachRow((r) => {
      if (r.getCell(1).value === '投诉等级') byLevel.set(r.getCell(2).value, r.getCell(3).value);
    });
    expect([...byLevel.values()].reduce((s: number, v) => s + Number(v), 0)).toBe(4);
  });

  it("the PDF's text: title, summary figures with changes, sections, the level-1 case, the cause and the action", async () => {
    const row = await t.db.selectFrom('reports').select(['pdf']).where('id', '=', reportId).executeTakeFirstOrThrow();
    const text = await pdfText(row.pdf ?? Buffer.alloc(0));
    expect(text).toContain('2026年10月投诉管理月度报告');
    expect(text).toContain('2026年10月共受理投诉 4 件，环比 +100.0%，同比 +300.0%');
    for (const section of [
      '一、本月概况与同比环比',
      '二、受理量与结构',
      '三、办理时效',
      '四、一级投诉',
      '五、投诉原因分析',
      '六、趋势',
      '七、赔付与涉及金额',
      '八、整改措施及落实情况',
      '九、领导批注',
    ]) {
      expect(text).toContain(section);
    }
    expect(text).toContain(level1.number);
    expect(text).toContain('业务流程与规则');
    expect(text).toContain('定损复核流程');
    expect(text).toContain('草稿');
  });
});
