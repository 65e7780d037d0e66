/**
 * The monthly report as an xlsx workbook (#13 item 4): one sheet per section, numbers as numbers
 * (rates as percentages, money with two decimals), so the figures can be reused without retyping.
 * The same snapshot as the PDF.
 */
import ExcelJS from 'exceljs';
import type { StatisticsMeasure } from '../../domain/codes.js';
import type { FigureRow, MonthlyFigures } from '../../domain/reports/report-figures.js';
import { IMPROVEMENT_STATUS_LABELS, MEASURE_LABELS, measureFormat } from '../../domain/reports/report-labels.js';
import { monthTitle } from '../../domain/reports/report-period.js';
import { COMPLAINT_STATUS_ZH, reportDateTime, type ReportTexts } from '../../domain/reports/report-texts.js';

/** The sheets' names, in order (the tests and users find sections by them). */
export const MONTHLY_SHEETS = {
  summary: '概况与同比环比',
  mix: '受理结构',
  timeliness: '办理时效',
  level1: '一级投诉',
  causes: '原因分析',
  trend: '趋势',
  compensation: '赔付与金额',
  improvements: '整改措施',
  commentary: '领导批注',
} as const;

function numFmt(m: StatisticsMeasure): string | undefined {
  switch (measureFormat(m)) {
    case 'rate':
      return '0.0%';
    case 'days':
      return '0.0';
    case 'money':
      return '#,##0.00';
    case 'count':
      return '#,##0';
  }
}

function sheet(
  book: ExcelJS.Workbook,
  name: string,
  columns: Array<{ header: string; width: number; numFmt?: string }>,
): ExcelJS.Worksheet {
  const ws = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  ws.getRow(1).font = { bold: true };
  return ws;
}

const val = (x: number | null | undefined) => (x === null || x === undefined ? null : x);

function measureRows(ws: ExcelJS.Worksheet, dimension: string, rows: readonly FigureRow[], measures: readonly StatisticsMeasure[]): void {
  for (const r of rows) ws.addRow([dimension, r.label.zh, ...measures.map((m) => val(r.values[m]))]);
}

export async function renderMonthlyXlsx(f: MonthlyFigures, t: ReportTexts): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.created = new Date(f.generatedAt);
  book.title = t.title;
  book.company = t.companyName;

  const summary = sheet(book, MONTHLY_SHEETS.summary, [
    { header: '指标', width: 26 },
    { header: `本月（${monthTitle(f.month)}）`, width: 16 },
    { header: `上月（${monthTitle(f.previous.month)}）`, width: 16 },
    { header: '环比', width: 10, numFmt: '+0.0%;-0.0%;0.0%' },
    { header: `去年同期（${monthTitle(f.lastYear.month)}）`, width: 18 },
    { header: '同比', width: 10, numFmt: '+0.0%;-0.0%;0.0%' },
  ]);
  for (const c of f.comparisons) {
    const row = summary.addRow([MEASURE_LABELS[c.measure].zh, val(c.current), val(c.previous), c.mom, val(c.lastYear), c.yoy]);
    const fmt = numFmt(c.measure);
    if (fmt) for (const col of [2, 3, 5]) row.getCell(col).numFmt = fmt;
  }
  summary.addRow([]);
  summary.addRow(['一级投诉（件）', f.level1.length]);
  summary.addRow(['报告', t.title, `第 ${t.version} 版`, null, `生成时间 ${reportDateTime(f.generatedAt, t.timeZone)}`]);

  const mixMeasures: StatisticsMeasure[] = ['received', 'closed'];
  const mix = sheet(book, MONTHLY_SHEETS.mix, [
    { header: '维度', width: 12 },
    { header: '项目', width: 22 },
    { header: '受理量', width: 10, numFmt: '#,##0' },
    { header: '办结量', width: 10, numFmt: '#,##0' },
  ]);
  measureRows(mix, '投诉等级', f.mix.level, mixMeasures);
  measureRows(mix, '受理渠道', f.mix.channel, mixMeasures);
  measureRows(mix, '业务条线', f.mix.businessLine, mixMeasures);
  measureRows(mix, '投诉类别', f.mix.category, mixMeasures);

  const timelinessMeasures: StatisticsMeasure[] = [
    'policy_on_time',
    'policy_late',
    'policy_open_overdue',
    'regulatory_on_time',
    'regulatory_late',
    'regulatory_open_overdue',
  ];
  const timeliness = sheet(book, MONTHLY_SHEETS.timeliness, [
    { header: '维度', width: 10 },
    { header: '等级', width: 14 },
    ...timelinessMeasures.map((m) => ({ header: MEASURE_LABELS[m].zh, width: 16, numFmt: '#,##0' })),
  ]);
  measureRows(timeliness, '投诉等级', f.timelinessByLevel, timelinessMeasures);

  const level1 = sheet(book, MONTHLY_SHEETS.level1, [
    { header: '编号', width: 20 },
    { header: '受理日期', width: 12 },
    { header: '办结日期', width: 12 },
    { header: '业务条线', width: 14 },
    { header: '类别', width: 16 },
    { header: '状态', width: 10 },
    { header: '结论', width: 12 },
    { header: '重大投诉', width: 9 },
    { header: '制度时限超时', width: 12 },
    { header: '监管时限超时', width: 12 },
    { header: '已赔付（元）', width: 14, numFmt: '#,##0.00' },
  ]);
  for (const c of f.level1) {
    level1.addRow([
      c.number,
      c.receivedOn,
      c.closedOn,
      c.businessLine.zh,
      c.category.zh,
      COMPLAINT_STATUS_ZH[c.status] ?? c.status,
      c.outcome?.zh ?? null,
      c.major ? '是' : '否',
      c.policyBreached ? '是' : '否',
      c.regulatoryBreached ? '是' : '否',
      c.compensationPaid,
    ]);
  }

  const causes = sheet(book, MONTHLY_SHEETS.causes, [
    { header: '原因', width: 24 },
    { header: '件数', width: 10, numFmt: '#,##0' },
    { header: '占比', width: 10, numFmt: '0.0%' },
    { header: '累计占比', width: 10, numFmt: '0.0%' },
  ]);
  for (const r of f.causes.rows) causes.addRow([r.label.zh, r.count, r.share, r.cumulative]);

  const trend = sheet(book, MONTHLY_SHEETS.trend, [
    { header: '月份', width: 10 },
    { header: '受理量', width: 10, numFmt: '#,##0' },
    { header: '办结量', width: 10, numFmt: '#,##0' },
  ]);
  for (const p of f.trend.points) trend.addRow([p.month, p.received, p.closed]);

  const moneyMeasures: StatisticsMeasure[] = ['compensation_proposed', 'compensation_paid', 'amount_involved'];
  const compensation = sheet(book, MONTHLY_SHEETS.compensation, [
    { header: '业务条线', width: 16 },
    ...moneyMeasures.map((m) => ({ header: MEASURE_LABELS[m].zh, width: 18, numFmt: '#,##0.00' })),
  ]);
  for (const r of f.compensationByLine) compensation.addRow([r.label.zh, ...moneyMeasures.map((m) => val(r.values[m]))]);
  compensation.addRow(['合计', ...moneyMeasures.map((m) => val(f.headline.current[m]))]).font = { bold: true };

  const i = f.improvements;
  const improvements = sheet(book, MONTHLY_SHEETS.improvements, [
    { header: '措施', width: 30 },
    { header: '来源投诉', width: 20 },
    { header: '责任人', width: 12 },
    { header: '期限', width: 12 },
    { header: '状态', width: 14 },
    { header: '逾期', width: 8 },
  ]);
  for (const x of i.items) {
    improvements.addRow([
      x.title,
      x.complaintNumber,
      x.owner,
      x.dueOn.slice(0, 10),
      IMPROVEMENT_STATUS_LABELS[x.status].zh,
      x.overdue ? '是' : '否',
    ]);
  }
  improvements.addRow([]);
  for (const [name, n] of [
    ['本月新增', i.createdInPeriod],
    ['本月完成', i.completedInPeriod],
    ['整改中', i.open],
    ['其中逾期', i.overdue],
    ['已完成待验证', i.done],
    ['已验证有效', i.verified],
  ] as const) {
    improvements.addRow([name, n]);
  }

  const commentary = sheet(book, MONTHLY_SHEETS.commentary, [{ header: '领导批注', width: 100 }]);
  commentary.addRow([t.commentary ?? '']).alignment = { wrapText: true, vertical: 'top' };

  return Buffer.from(await book.xlsx.writeBuffer());
}
