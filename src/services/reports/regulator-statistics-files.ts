/**
 * The regulators' quarterly statistics as files (#13 item 6): an xlsx workbook with a summary sheet
 * and one sheet per table as the regulators lay them out (rows = categories, columns = segments,
 * counts with their share of the column), and a CSV in long form, one figure a line, in the shape of
 * the published NFRA tables (period, segment, category, complaints, percentage of the segment).
 */
import ExcelJS from 'exceljs';
import { columnLabel, type Label, type RegulatorStatistics } from '../../domain/reports/regulator-statistics.js';

const text = (l: Label, english: boolean) => (english ? l.en : l.zh);
const pct = (share: number | null) => (share === null ? null : Math.round(share * 10_000) / 100);

export async function regulatorWorkbook(s: RegulatorStatistics, english: boolean): Promise<Buffer> {
  const t = (zh: string, en: string) => (english ? en : zh);
  const book = new ExcelJS.Workbook();
  book.created = new Date(s.asOf);
  const period = `${s.year}Q${s.quarter}`;

  const summary = book.addWorksheet(t('概况', 'Summary'));
  summary.columns = [{ width: 28 }, { width: 40 }];
  summary.addRows([
    [t('监管投诉统计', 'Regulator complaint statistics'), period],
    [t('统计期间（受理日期）', 'Period (date received)'), `${s.from} – ${s.to}`],
    [t('统计时点', 'As of'), s.asOf],
    [t('口径', 'Basis'), t('统计期间内受理的投诉（数据范围内）', 'Complaints received in the period (within your data scope)')],
    [],
  ]);
  summary.getRow(1).font = { bold: true, size: 14 };
  for (const column of ['total', 'insurance', 'property', 'personal', 'securities'] as const) {
    summary.addRow([text(columnLabel(column), english), s.totals[column]]);
  }

  for (const table of s.tables) {
    const sheet = book.addWorksheet(text(table.label, english).slice(0, 31), { views: [{ state: 'frozen', ySplit: 2, xSplit: 1 }] });
    sheet.columns = [{ width: 30 }, ...table.columns.flatMap(() => [{ width: 12 }, { width: 10 }])];
    sheet.addRow([text(table.label, english), ...table.columns.flatMap((c) => [text(columnLabel(c), english), null])]);
    sheet.addRow([t('类别', 'Category'), ...table.columns.flatMap(() => [t('件数', 'Complaints'), t('占比%', 'Share %')])]);
    table.columns.forEach((_, i) => sheet.mergeCells(1, 2 + i * 2, 1, 3 + i * 2));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(2).font = { bold: true };
    for (const row of table.rows) sheet.addRow([text(row.label, english), ...row.cells.flatMap((cell) => [cell.count, pct(cell.share)])]);
    const total = sheet.addRow([text(table.total.label, english), ...table.total.cells.flatMap((cell) => [cell.count, pct(cell.share)])]);
    total.font = { bold: true };
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A field quoted when needed; text a spreadsheet would take for a formula (=, +, -, @ first) gets an apostrophe. */
function csvField(v: string | number | null): string {
  if (v === null) return '';
  const s = typeof v === 'number' ? String(v) : /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** One line per figure; UTF-8 with a byte order mark so spreadsheet programs read the Chinese labels. */
export function regulatorCsv(s: RegulatorStatistics, english: boolean): string {
  const header = [
    'period',
    'table',
    'table_label',
    'segment',
    'segment_label',
    'category',
    'category_label',
    'complaints',
    'pct_of_segment',
  ];
  const lines = [header.join(',')];
  for (const table of s.tables) {
    for (const row of [...table.rows, table.total]) {
      for (const cell of row.cells) {
        lines.push(
          [
            `${s.year}Q${s.quarter}`,
            table.key,
            text(table.label, english),
            cell.column,
            text(columnLabel(cell.column), english),
            row.code,
            text(row.label, english),
            cell.count,
            pct(cell.share),
          ]
            .map(csvField)
            .join(','),
        );
      }
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
