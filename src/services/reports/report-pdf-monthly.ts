/**
 * The monthly report as PDF (#13 item 4, R-F4): a summary in words, then each section with its
 * chart and table: volumes and mix, timeliness of both clocks, level-1 cases, causes (Pareto),
 * the 13-month trend, compensation, improvement actions, the comparison with the previous month and
 * the same month last year, and the leaders' commentary.
 */
import type { StatisticsMeasure } from '../../domain/codes.js';
import type { FigureRow, MonthlyFigures } from '../../domain/reports/report-figures.js';
import { formatChange, formatMeasure, IMPROVEMENT_STATUS_LABELS, MEASURE_LABELS } from '../../domain/reports/report-labels.js';
import { monthTitle } from '../../domain/reports/report-period.js';
import { barChart, lineChart, PALETTE, stackedBars } from './report-pdf-charts.js';
import { heading, paragraph, startReportPdf, subheading, table } from './report-pdf.js';
import { COMPLAINT_STATUS_ZH, reportDateTime, type ReportTexts } from '../../domain/reports/report-texts.js';

type Doc = PDFKit.PDFDocument;

const v = (row: FigureRow, m: StatisticsMeasure) => row.values[m] ?? 0;

/** The summary paragraph: the month's main figures and their changes, in words. */
export function monthlySummary(f: MonthlyFigures): string {
  const c = (m: StatisticsMeasure) => f.comparisons.find((x) => x.measure === m);
  const received = c('received');
  const parts = [
    `${monthTitle(f.month)}共受理投诉 ${formatMeasure('received', received?.current)} 件，环比 ${formatChange(received?.mom ?? null)}，同比 ${formatChange(received?.yoy ?? null)}`,
    `办结 ${formatMeasure('closed', c('closed')?.current)} 件，期末未办结 ${formatMeasure('open_at_end', c('open_at_end')?.current)} 件`,
    `制度时限内办结 ${formatMeasure('policy_on_time', c('policy_on_time')?.current)} 件、超时 ${formatMeasure('policy_late', c('policy_late')?.current)} 件、超时未结 ${formatMeasure('policy_open_overdue', c('policy_open_overdue')?.current)} 件`,
    `监管时限内答复 ${formatMeasure('regulatory_on_time', c('regulatory_on_time')?.current)} 件、超时 ${formatMeasure('regulatory_late', c('regulatory_late')?.current)} 件`,
    `一级投诉 ${f.level1.length} 件`,
    `已赔付 ${formatMeasure('compensation_paid', c('compensation_paid')?.current)} 元`,
    `整改措施在办 ${f.improvements.open} 项（逾期 ${f.improvements.overdue} 项）`,
  ];
  return `${parts.join('；')}。`;
}

function comparisonSection(doc: Doc, f: MonthlyFigures): void {
  heading(doc, '一、本月概况与同比环比');
  paragraph(doc, monthlySummary(f));
  table(
    doc,
    [
      { header: '指标', width: 3 },
      { header: `本月（${monthTitle(f.month)}）`, width: 2, align: 'right' },
      { header: `上月（${monthTitle(f.previous.month)}）`, width: 2, align: 'right' },
      { header: '环比', width: 1.3, align: 'right' },
      { header: `去年同期（${monthTitle(f.lastYear.month)}）`, width: 2, align: 'right' },
      { header: '同比', width: 1.3, align: 'right' },
    ],
    f.comparisons.map((c) => [
      MEASURE_LABELS[c.measure].zh,
      formatMeasure(c.measure, c.current),
      formatMeasure(c.measure, c.previous),
      formatChange(c.mom),
      formatMeasure(c.measure, c.lastYear),
      formatChange(c.yoy),
    ]),
  );
}

function mixSection(doc: Doc, f: MonthlyFigures): void {
  heading(doc, '二、受理量与结构');
  const mix = (title: string, rows: FigureRow[]) =>
    barChart(doc, {
      title,
      categories: rows.map((r) => r.label.zh),
      series: [
        { name: '受理', color: PALETTE[0] ?? '#1677ff', values: rows.map((r) => v(r, 'received')) },
        { name: '办结', color: PALETTE[1] ?? '#52c41a', values: rows.map((r) => v(r, 'closed')) },
      ],
      height: 170,
    });
  mix('按投诉等级', f.mix.level);
  mix('按受理渠道', f.mix.channel);
  mix('按业务条线', f.mix.businessLine);
  mix('按投诉类别', f.mix.category);
}

function timelinessSection(doc: Doc, f: MonthlyFigures): void {
  heading(doc, '三、办理时效（制度时限与监管时限）');
  const parts = [
    { name: '按时', color: '#52c41a' },
    { name: '超时办结', color: '#faad14' },
    { name: '超时未结', color: '#f5222d' },
  ];
  for (const [clock, title] of [
    ['policy', '制度时限（按等级的办结时限）'],
    ['regulatory', '监管时限（答复时限）'],
  ] as const) {
    stackedBars(doc, {
      title,
      parts,
      rows: f.timelinessByLevel.map((r) => ({
        label: r.label.zh,
        parts: [v(r, `${clock}_on_time`), v(r, `${clock}_late`), v(r, `${clock}_open_overdue`)],
      })),
    });
  }
  const measures: StatisticsMeasure[] = [
    'policy_on_time',
    'policy_late',
    'policy_open_overdue',
    'regulatory_on_time',
    'regulatory_late',
    'regulatory_open_overdue',
  ];
  table(
    doc,
    [{ header: '等级', width: 1.4 }, ...measures.map((m) => ({ header: MEASURE_LABELS[m].zh, width: 1, align: 'right' as const }))],
    f.timelinessByLevel.map((r) => [r.label.zh, ...measures.map((m) => formatMeasure(m, r.values[m]))]),
  );
}

function level1Section(doc: Doc, f: MonthlyFigures): void {
  heading(doc, '四、一级投诉');
  paragraph(doc, `本月受理或在办的一级投诉共 ${f.level1.length} 件，其中重大投诉 ${f.level1.filter((c) => c.major).length} 件。`);
  table(
    doc,
    [
      { header: '编号', width: 2.2 },
      { header: '受理日期', width: 1.4 },
      { header: '业务条线', width: 1.4 },
      { header: '类别', width: 1.6 },
      { header: '状态', width: 1 },
      { header: '结论', width: 1.2 },
      { header: '时效', width: 1.2 },
      { header: '已赔付（元）', width: 1.3, align: 'right' },
    ],
    f.level1.map((c) => [
      c.number,
      c.receivedOn,
      c.businessLine.zh,
      c.category.zh,
      COMPLAINT_STATUS_ZH[c.status] ?? c.status,
      c.outcome?.zh ?? '—',
      c.policyBreached || c.regulatoryBreached ? '超时' : '按时',
      formatMeasure('compensation_paid', c.compensationPaid),
    ]),
  );
}

function causesSection(doc: Doc, f: MonthlyFigures): void {
  heading(doc, '五、投诉原因分析');
  const rows = f.causes.rows.slice(0, 12);
  if (rows.length === 0) {
    paragraph(doc, '本月受理的投诉尚无原因分析记录。', { muted: true });
    return;
  }
  const top = rows.filter((r) => r.cumulative <= 0.8 + 1e-9);
  paragraph(
    doc,
    `按原因排序（帕累托），前 ${Math.max(1, top.length)} 项原因占全部原因记录的 ${((top.at(-1)?.cumulative ?? rows[0]?.share ?? 0) * 100).toFixed(1)}%。`,
  );
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
      { header: '累计占比', width: 1, align: 'right' },
    ],
    f.causes.rows.map((r) => [
      r.label.zh,
      String(r.count),
      formatChange(r.share).replace('+', ''),
      formatChange(r.cumulative).replace('+', ''),
    ]),
  );
}

function trendSection(doc: Doc, f: MonthlyFigures): void {
  heading(doc, '六、趋势（近13个月）');
  lineChart(doc, {
    title: '每月受理量与办结量',
    categories: f.trend.points.map((p) => p.month.slice(2).replace('-', '/')),
    series: [
      { name: '受理', color: PALETTE[0] ?? '#1677ff', values: f.trend.points.map((p) => p.received) },
      { name: '办结', color: PALETTE[1] ?? '#52c41a', values: f.trend.points.map((p) => p.closed) },
    ],
  });
}

function compensationSection(doc: Doc, f: MonthlyFigures): void {
  heading(doc, '七、赔付与涉及金额');
  const rows = f.compensationByLine;
  if (rows.length > 0) {
    barChart(doc, {
      title: '按业务条线（元）',
      categories: rows.map((r) => r.label.zh),
      series: [
        { name: '拟赔付', color: PALETTE[2] ?? '#faad14', values: rows.map((r) => v(r, 'compensation_proposed')) },
        { name: '已赔付', color: PALETTE[3] ?? '#f5222d', values: rows.map((r) => v(r, 'compensation_paid')) },
      ],
      format: (x) => (x >= 10_000 ? `${(x / 10_000).toFixed(x >= 100_000 ? 0 : 1)}万` : String(Math.round(x))),
      height: 170,
    });
  }
  const measures: StatisticsMeasure[] = ['compensation_proposed', 'compensation_paid', 'amount_involved'];
  table(
    doc,
    [{ header: '业务条线', width: 2 }, ...measures.map((m) => ({ header: MEASURE_LABELS[m].zh, width: 1.5, align: 'right' as const }))],
    [
      ...rows.map((r) => [r.label.zh, ...measures.map((m) => formatMeasure(m, r.values[m]))]),
      ['合计', ...measures.map((m) => formatMeasure(m, f.headline.current[m]))],
    ],
  );
}

function improvementSection(doc: Doc, f: MonthlyFigures): void {
  heading(doc, '八、整改措施及落实情况');
  const i = f.improvements;
  paragraph(
    doc,
    `本月新增整改措施 ${i.createdInPeriod} 项，完成 ${i.completedInPeriod} 项。截至月末：整改中 ${i.open} 项（其中逾期 ${i.overdue} 项），已完成待验证 ${i.done} 项，已验证有效 ${i.verified} 项。`,
  );
  table(
    doc,
    [
      { header: '措施', width: 3 },
      { header: '来源投诉', width: 2 },
      { header: '责任人', width: 1.2 },
      { header: '期限', width: 1.3 },
      { header: '状态', width: 1.4 },
    ],
    i.items.map((x) => [
      x.title,
      x.complaintNumber,
      x.owner,
      x.dueOn.slice(0, 10),
      `${IMPROVEMENT_STATUS_LABELS[x.status].zh}${x.overdue ? '（逾期）' : ''}`,
    ]),
  );
}

function commentarySection(doc: Doc, commentary: string | null, title: string): void {
  heading(doc, title);
  if (!commentary) paragraph(doc, '（尚无批注）', { muted: true, indent: false });
  else for (const p of commentary.split(/\n+/).filter((s) => s.trim())) paragraph(doc, p.trim());
}

export async function renderMonthlyPdf(f: MonthlyFigures, t: ReportTexts): Promise<Buffer> {
  const pdf = await startReportPdf({
    companyName: t.companyName,
    title: t.title,
    subtitle: `统计期间 ${f.from} 至 ${f.to}    第 ${t.version} 版`,
    final: t.finalisedAt !== null,
    lines: [
      `生成时间 ${reportDateTime(f.generatedAt, t.timeZone)}`,
      ...(t.finalisedAt ? [`定稿 ${reportDateTime(t.finalisedAt, t.timeZone)} ${t.finalisedBy ?? ''}`] : []),
    ],
  });
  const doc = pdf.doc;
  comparisonSection(doc, f);
  mixSection(doc, f);
  timelinessSection(doc, f);
  level1Section(doc, f);
  causesSection(doc, f);
  trendSection(doc, f);
  compensationSection(doc, f);
  improvementSection(doc, f);
  commentarySection(doc, t.commentary, '九、领导批注');
  subheading(doc, '说明');
  paragraph(
    doc,
    '本报告数据取自投诉统计（complaint_facts），统计口径：受理类指标按受理日期、办结类指标按办结日期计入当月；“超时未结”按报告生成时判断。每个数字可在系统“统计分析”中打开对应的投诉台账核对。',
    { muted: true },
  );
  return pdf.finish();
}
