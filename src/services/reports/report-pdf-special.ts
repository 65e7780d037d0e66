/**
 * A special report as PDF (#13 item 5, R-F5): facts, timeline, analysis (with the cause chart and,
 * for a set, the monthly course and the mix by category), the recommendations (the leaders'
 * editable text), improvement actions and the commentary.
 */
import type { SpecialFigures } from '../../domain/reports/report-figures.js';
import { formatChange, IMPROVEMENT_STATUS_LABELS } from '../../domain/reports/report-labels.js';
import { reportDateTime, type ReportTexts } from '../../domain/reports/report-texts.js';
import { barChart, lineChart, PALETTE } from './report-pdf-charts.js';
import { heading, paragraph, startReportPdf, table } from './report-pdf.js';

type Doc = PDFKit.PDFDocument;

function texts(doc: Doc, text: string | null, empty: string): void {
  const parts = (text ?? '').split(/\n+/).filter((s) => s.trim());
  if (parts.length === 0) paragraph(doc, empty, { muted: true, indent: false });
  for (const p of parts) paragraph(doc, p.trim());
}

export async function renderSpecialPdf(f: SpecialFigures, t: ReportTexts): Promise<Buffer> {
  const pdf = await startReportPdf({
    companyName: t.companyName,
    title: t.title,
    subtitle: `${f.subject === 'complaint' ? '单件投诉专项报告' : '专项统计报告'}    ${f.from} 至 ${f.to}    第 ${t.version} 版`,
    final: t.finalisedAt !== null,
    lines: [
      `生成时间 ${reportDateTime(f.generatedAt, t.timeZone)}`,
      ...(t.finalisedAt ? [`定稿 ${reportDateTime(t.finalisedAt, t.timeZone)} ${t.finalisedBy ?? ''}`] : []),
    ],
  });
  const doc = pdf.doc;

  heading(doc, '一、基本情况');
  table(
    doc,
    [
      { header: '项目', width: 1.3 },
      { header: '内容', width: 4 },
    ],
    f.facts,
  );

  heading(doc, f.subject === 'complaint' ? '二、处理经过' : '二、时间分布');
  if (f.subject === 'set' && f.trend.length > 1) {
    lineChart(doc, {
      title: '每月受理量与办结量',
      categories: f.trend.map((p) => p.month.slice(2).replace('-', '/')),
      series: [
        { name: '受理', color: PALETTE[0] ?? '#1677ff', values: f.trend.map((p) => p.received) },
        { name: '办结', color: PALETTE[1] ?? '#52c41a', values: f.trend.map((p) => p.closed) },
      ],
    });
  }
  table(
    doc,
    [
      { header: f.subject === 'complaint' ? '时间' : '月份', width: 1.4 },
      { header: '事项', width: 3 },
      ...(f.subject === 'complaint' ? [{ header: '经办人', width: 1 }] : []),
    ],
    f.timeline.map((e) =>
      f.subject === 'complaint'
        ? [reportDateTime(e.at, t.timeZone), e.text, e.actor === 'system' ? '系统' : e.actor]
        : [e.at.slice(0, 7), e.text],
    ),
  );

  heading(doc, '三、原因与影响分析');
  for (const line of f.analysis) paragraph(doc, line);
  if (f.subject === 'set' && f.byCategory.length > 0) {
    barChart(doc, {
      title: '按投诉类别',
      categories: f.byCategory.map((r) => r.label.zh),
      series: [
        { name: '受理', color: PALETTE[0] ?? '#1677ff', values: f.byCategory.map((r) => r.values.received ?? 0) },
        { name: '办结', color: PALETTE[1] ?? '#52c41a', values: f.byCategory.map((r) => r.values.closed ?? 0) },
      ],
      height: 170,
    });
  }
  if (f.subject === 'set' && f.causes.length > 0) {
    const rows = f.causes.slice(0, 12);
    barChart(doc, {
      title: '原因分布（柱：件数；线：累计占比）',
      categories: rows.map((r) => r.label.zh),
      series: [{ name: '件数', color: PALETTE[0] ?? '#1677ff', values: rows.map((r) => r.count) }],
      line: { name: '累计占比', color: PALETTE[3] ?? '#f5222d', values: rows.map((r) => r.cumulative) },
    });
    table(
      doc,
      [
        { header: '原因', width: 3 },
        { header: '件数', width: 1, align: 'right' },
        { header: '占比', width: 1, align: 'right' },
      ],
      f.causes.map((r) => [r.label.zh, String(r.count), formatChange(r.share).replace('+', '')]),
    );
  }

  heading(doc, '四、建议');
  texts(doc, t.recommendations, '（尚未填写建议）');

  heading(doc, f.subject === 'complaint' ? '五、整改措施' : '五、期间整改措施（全公司）');
  table(
    doc,
    [
      { header: '措施', width: 3 },
      { header: '来源投诉', width: 2 },
      { header: '责任人', width: 1.2 },
      { header: '期限', width: 1.2 },
      { header: '状态', width: 1.3 },
    ],
    f.improvements.map((i) => [i.title, i.complaintNumber, i.owner, i.dueOn.slice(0, 10), IMPROVEMENT_STATUS_LABELS[i.status].zh]),
  );

  heading(doc, '六、领导批注');
  texts(doc, t.commentary, '（尚无批注）');
  return pdf.finish();
}
