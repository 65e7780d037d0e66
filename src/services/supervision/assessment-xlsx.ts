/**
 * An assessment as an xlsx workbook (#14 item 5, R-E6): a summary sheet (period, subject, status,
 * the sign-off and every subject's score), one sheet of every line (figure, target, weight, score
 * share, the complaints behind it) with numbers as numbers, and one listing the complaint numbers
 * behind each figure, so the workbook can be checked against the ledger.
 *
 * Streamed (#16 item 5): the last sheet grows with the complaints of the period (every line lists
 * its own), so the workbook is written as it is made, that sheet a page of numbers at a time.
 */
import type { Writable } from 'node:stream';
import { KPI_LABELS, kpiFormat } from '../../domain/supervision/kpi-labels.js';
import { reportDateTime } from '../../domain/reports/report-texts.js';
import { drained, streamingWorkbook } from '../xlsx-stream.js';
import type { AssessmentDetail } from './assessment-read.service.js';

export const ASSESSMENT_SHEETS = { summary: '考核概况', lines: '指标明细', complaints: '指标对应投诉' } as const;

const FORMAT = { rate: '0.0%', days: '0.0', count: '#,##0', score: '0.0' } as const;

/** A page of one line's complaint numbers (a line may come in several pages, in number order). */
export interface LineNumbers {
  seq: number;
  code: string;
  numbers: Array<{ number: string; counted: boolean }>;
}

export async function renderAssessmentXlsx(
  a: AssessmentDetail,
  numbers: AsyncIterable<LineNumbers>,
  timeZone: string,
  out: Writable,
): Promise<void> {
  const book = streamingWorkbook(out, new Date(a.computedAt));
  book.title = `绩效考核 ${a.period}`;
  const summary = book.addWorksheet(ASSESSMENT_SHEETS.summary);
  summary.columns = [
    { header: '项目', key: 'k', width: 22 },
    { header: '内容', key: 'v', width: 48 },
  ];
  summary.getRow(1).font = { bold: true };
  const status = a.status === 'signed' ? '已签署' : '已冻结，待签署';
  for (const [k, v] of [
    ['考核期间', `${a.period}（${a.from} 至 ${a.to}）`],
    ['考核范围', a.department ? a.department.name.zh : '全公司'],
    ['状态', status],
    ['制度版本', `v${a.policyVersion}`],
    ['数据截止', reportDateTime(a.computedAt, timeZone)],
    ['发起人', a.createdByName ?? a.createdBy],
    ['签署人', a.signedBy ? (a.signedByName ?? a.signedBy) : ''],
    ['签署时间', a.signedAt ? reportDateTime(a.signedAt, timeZone) : ''],
    ['签署意见', a.signComment ?? ''],
  ] as const)
    summary.addRow([k, v]);
  summary.addRow([]);
  const head = summary.addRow(['考核对象', '得分']);
  head.font = { bold: true };
  for (const s of a.subjects) summary.addRow([`${s.kind === 'department' ? '部门' : '人员'}：${s.name.zh}`, s.score]);
  summary.commit();

  const lines = book.addWorksheet(ASSESSMENT_SHEETS.lines, { views: [{ state: 'frozen', ySplit: 1 }] });
  lines.columns = [
    { header: '考核对象', key: 'subject', width: 22 },
    { header: '类型', key: 'kind', width: 8 },
    { header: '指标', key: 'kpi', width: 28 },
    { header: '数值', key: 'value', width: 12 },
    { header: '分子', key: 'num', width: 8 },
    { header: '分母', key: 'den', width: 8 },
    { header: '目标', key: 'target', width: 12 },
    { header: '权重', key: 'weight', width: 8 },
    { header: '达成度', key: 'achieved', width: 10 },
    { header: '是否达标', key: 'met', width: 10 },
    { header: '对应投诉数', key: 'complaints', width: 12 },
    { header: '对象得分', key: 'score', width: 10 },
  ];
  lines.getRow(1).font = { bold: true };
  for (const s of a.subjects)
    for (const l of s.lines) {
      const row = lines.addRow([
        s.name.zh,
        s.kind === 'department' ? '部门' : '人员',
        KPI_LABELS[l.code].zh,
        l.value,
        l.numerator,
        l.denominator,
        l.target,
        l.weight,
        l.achieved,
        l.met === null ? '' : l.met ? '是' : '否',
        l.complaints,
        s.score,
      ]);
      const fmt = FORMAT[kpiFormat(l.code)];
      row.getCell(4).numFmt = fmt;
      row.getCell(7).numFmt = fmt;
      row.getCell(9).numFmt = '0.0%';
    }
  lines.commit();

  const behind = book.addWorksheet(ASSESSMENT_SHEETS.complaints, { views: [{ state: 'frozen', ySplit: 1 }] });
  behind.columns = [
    { header: '考核对象', key: 'subject', width: 22 },
    { header: '指标', key: 'kpi', width: 28 },
    { header: '投诉编号', key: 'number', width: 18 },
    { header: '计入分子', key: 'counted', width: 10 },
  ];
  behind.getRow(1).font = { bold: true };
  const bySeq = new Map(a.subjects.map((s) => [s.seq, s]));
  for await (const n of numbers) {
    if (out.destroyed) return;
    const s = bySeq.get(n.seq);
    if (!s) continue;
    const code = n.code as keyof typeof KPI_LABELS;
    for (const c of n.numbers) behind.addRow([s.name.zh, KPI_LABELS[code].zh, c.number, c.counted ? '是' : '']).commit();
    await drained(out);
  }
  if (out.destroyed) return;
  behind.commit();
  await book.commit();
}
