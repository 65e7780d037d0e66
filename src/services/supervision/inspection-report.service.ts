/**
 * The inspection report (#14 item 1, R-E4) of one plan, as PDF (the report helpers of
 * reports/report-pdf.ts) and as an xlsx workbook: the plan, its sampling runs with their seeds, the
 * sampled complaints with their scores, the findings and the rectification requests. Built on
 * request from the plan as it stands; each download is recorded in the audit log.
 */
import ExcelJS from 'exceljs';
import type { Principal } from '../../domain/access/permissions.js';
import { reportDateTime } from '../../domain/reports/report-texts.js';
import { audit } from '../administration/audit.service.js';
import { channelsOf } from '../channels/channel-settings.js';
import type { RequestMeta, ServiceContext } from '../context.js';
import { heading, paragraph, startReportPdf, table } from '../reports/report-pdf.js';
import { getPlan, type PlanDetail } from './inspection-plans.service.js';

const RESULT_ZH = { pass: '符合', partial: '部分符合', fail: '不符合', not_applicable: '不适用' } as const;
const STATUS_ZH = { open: '待整改', answered: '已答复待验证', verified: '已验证关闭', cancelled: '已撤销' } as const;
const SEVERITY_ZH = { minor: '一般', major: '较重', critical: '严重' } as const;
const PLAN_STATUS_ZH = { planned: '待抽样', in_progress: '检查中', completed: '已完成' } as const;

function ruleText(r: PlanDetail['rules'][number]): string {
  if (r.kind === 'share')
    return `${r.per === 'department' ? '每个部门' : '每个部门每月'}抽取已办结投诉的 ${r.percent}%（向上取整，至少 ${r.minimum} 件）`;
  return r.population === 'level1' ? '全部一级投诉' : '全部重新处理的投诉';
}

interface Sections {
  items: string[][];
  findings: string[][];
  requests: string[][];
}

function sections(plan: PlanDetail, tz: string): Sections {
  const current = plan.items.filter((i) => i.removedAt === null);
  return {
    items: current.map((i) => [
      i.complaint.number,
      i.source === 'manual' ? `人工添加：${i.manualReason ?? ''}` : '随机抽取',
      i.handler ?? '—',
      i.score === null ? '未评分' : String(i.score),
      i.answers.map((a) => `${a.code} ${RESULT_ZH[a.result]}${a.comment ? `（${a.comment}）` : ''}`).join('；'),
    ]),
    findings: plan.findings.map((f) => [f.complaint?.number ?? '整体', SEVERITY_ZH[f.severity], f.text, f.answer ?? '—']),
    requests: plan.requests.map((r) => [
      r.text,
      r.addressee ?? '—',
      r.dueAt ? reportDateTime(r.dueAt, tz) : '—',
      `${STATUS_ZH[r.status]}${r.overdue ? '（已超期）' : ''}`,
      r.answer ?? '—',
    ]),
  };
}

async function pdf(ctx: ServiceContext, plan: PlanDetail): Promise<Buffer> {
  const tz = ctx.timeZone;
  const s = sections(plan, tz);
  const r = await startReportPdf({
    companyName: channelsOf(ctx).companyName,
    title: `监督检查报告：${plan.title}`,
    subtitle: `检查期间 ${plan.periodFrom} 至 ${plan.periodTo}`,
    final: plan.status === 'completed',
    lines: [`生成时间 ${reportDateTime(ctx.now(), tz)}`, `状态 ${PLAN_STATUS_ZH[plan.status]}`],
  });
  const { doc } = r;
  heading(doc, '一、检查计划');
  paragraph(doc, `检查清单：${plan.checklist.name}（第 ${plan.checklistVersion} 版）`);
  for (const rule of plan.rules) paragraph(doc, `抽样规则：${ruleText(rule)}`, { indent: true });
  for (const run of plan.runs)
    paragraph(
      doc,
      `第 ${run.seq} 次抽样：随机种子 ${run.seed}，总体 ${run.populationSize} 件，抽中 ${run.drawnComplaintIds.length} 件（${run.drawnBy}，${reportDateTime(run.drawnAt, tz)}）`,
    );
  paragraph(doc, `平均得分：${plan.averageScore ?? '—'}`);
  if (plan.summary) paragraph(doc, `检查总结：${plan.summary}`);
  heading(doc, '二、抽样投诉与评分');
  table(
    doc,
    [
      { header: '投诉编号', width: 2 },
      { header: '来源', width: 2 },
      { header: '处理人', width: 1.2 },
      { header: '得分', width: 1, align: 'right' },
      { header: '检查项结果', width: 4 },
    ],
    s.items,
  );
  heading(doc, '三、检查发现');
  table(
    doc,
    [
      { header: '涉及投诉', width: 2 },
      { header: '严重程度', width: 1 },
      { header: '发现内容', width: 4 },
      { header: '答复', width: 3 },
    ],
    s.findings,
  );
  heading(doc, '四、整改要求');
  table(
    doc,
    [
      { header: '整改要求', width: 4 },
      { header: '整改对象', width: 1.5 },
      { header: '期限', width: 2 },
      { header: '状态', width: 1.5 },
      { header: '答复', width: 3 },
    ],
    s.requests,
  );
  return r.finish();
}

async function xlsx(ctx: ServiceContext, plan: PlanDetail): Promise<Buffer> {
  const s = sections(plan, ctx.timeZone);
  const book = new ExcelJS.Workbook();
  book.title = `监督检查报告：${plan.title}`;
  const add = (name: string, headers: string[], rows: string[][]) => {
    const ws = book.addWorksheet(name);
    ws.columns = headers.map((h) => ({ header: h, width: 24 }));
    ws.getRow(1).font = { bold: true };
    for (const row of rows) ws.addRow(row);
  };
  add(
    '检查计划',
    ['项目', '内容'],
    [
      ['计划名称', plan.title],
      ['检查期间', `${plan.periodFrom} 至 ${plan.periodTo}`],
      ['检查清单', `${plan.checklist.name}（第 ${plan.checklistVersion} 版）`],
      ...plan.rules.map((r) => ['抽样规则', ruleText(r)]),
      ...plan.runs.map((r) => [
        `第 ${r.seq} 次抽样`,
        `随机种子 ${r.seed}，总体 ${r.populationSize} 件，抽中 ${r.drawnComplaintIds.length} 件`,
      ]),
      ['平均得分', plan.averageScore === null ? '—' : String(plan.averageScore)],
    ],
  );
  add('抽样投诉', ['投诉编号', '来源', '处理人', '得分', '检查项结果'], s.items);
  add('检查发现', ['涉及投诉', '严重程度', '发现内容', '答复'], s.findings);
  add('整改要求', ['整改要求', '整改对象', '期限', '状态', '答复'], s.requests);
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function inspectionReport(
  ctx: ServiceContext,
  p: Principal,
  planId: string,
  format: 'pdf' | 'xlsx',
  meta: RequestMeta | null,
): Promise<{ fileName: string; bytes: Buffer }> {
  const plan = await getPlan(ctx, p, planId);
  const bytes = format === 'pdf' ? await pdf(ctx, plan) : await xlsx(ctx, plan);
  await audit(ctx.db, meta, {
    at: ctx.now(),
    actor: p.username,
    action: 'inspection.report.download',
    outcome: 'success',
    targetType: 'inspection_plan',
    targetId: planId,
    details: { format },
  });
  return { fileName: `监督检查报告-${plan.periodFrom}-${plan.periodTo}.${format}`, bytes };
}
