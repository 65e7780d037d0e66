/**
 * A special report's figures (#13 item 5, R-F5): for one (major) complaint its facts, its timeline
 * of events, the analysis recorded (findings, conclusion, causes, impact), similar complaints and
 * its improvement actions; for a filtered set of complaints over a period the same sections from
 * statistics: the set's totals, mix by category, causes, the monthly course and the analysis in
 * words. The recommendations are the leaders' editable text, stored with the report.
 */
import type { StatisticsFilter } from '../../domain/reports/statistics-types.js';
import { paretoRows, type ImprovementItem, type SpecialFigures, type TimelineEntry } from '../../domain/reports/report-figures.js';
import { formatChange, formatMeasure, IMPROVEMENT_STATUS_LABELS } from '../../domain/reports/report-labels.js';
import { monthOf, shiftMonth } from '../../domain/reports/report-period.js';
import { COMPLAINT_STATUS_ZH, reportDateTime } from '../../domain/reports/report-texts.js';
import { RISK_FLAG_ZH, timelineText } from '../../domain/reports/report-timeline.js';
import { addDays, localDate } from '../../domain/time/zoned.js';
import { listEvents } from '../../db/repositories/event.repository.js';
import { listRecords } from '../../db/repositories/record.repository.js';
import { complaintFactsRow, improvementItems } from '../../db/repositories/report.repository.js';
import { currentPolicy } from '../administration/policy.service.js';
import { readerOf, type ServiceContext } from '../context.js';
import { causeRows, figureRows, periodInstants, statisticsRows, trendPoints, type ProgressFn } from './monthly-report.js';

export type SpecialParameters =
  | { subject: 'complaint'; complaintId: string; number: string }
  | { subject: 'set'; from: string; to: string; filter: StatisticsFilter; description: string };

const LEVEL_ZH: Record<number, string> = { 1: '一级（重大）', 2: '二级（较大）', 3: '三级（一般）' };
const yuan = (v: string | number | null) => (v === null ? '—' : `${formatMeasure('compensation_paid', Number(v))} 元`);

function label(list: ReadonlyArray<{ code: string; zh: string }>, code: string | null): string {
  if (code === null) return '—';
  return list.find((x) => x.code === code)?.zh ?? code;
}

function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = monthOf(from); m <= monthOf(to) && months.length < 36; m = shiftMonth(m, 1)) months.push(m);
  return months;
}

function items(rows: Awaited<ReturnType<typeof improvementItems>>): ImprovementItem[] {
  return rows.map((i) => ({
    title: i.title,
    complaintNumber: i.complaint_number,
    owner: i.owner,
    dueOn: i.due_at.toISOString(),
    status: i.status,
    overdue: false,
  }));
}

/** One complaint's facts, timeline and records from the primary (it may be new); its similar complaints from statistics. */
async function complaintFigures(ctx: ServiceContext, complaintId: string, progress: ProgressFn): Promise<SpecialFigures> {
  await progress(10, 'facts');
  const f = await complaintFactsRow(ctx.db, complaintId);
  if (!f) throw new Error(`complaint ${complaintId} has no statistics facts`);
  const { policy } = await currentPolicy(ctx.db);
  const t = policy.taxonomies;
  const tz = ctx.timeZone;
  const clockState = (due: Date | null, met: Date | null, breached: boolean | null) =>
    due === null
      ? '—'
      : met
        ? `${breached || met > due ? '超时' : '按时'}（期限 ${reportDateTime(due, tz)}）`
        : `${breached ? '已超时' : '进行中'}（期限 ${reportDateTime(due, tz)}）`;
  const facts: Array<[string, string]> = [
    ['投诉编号', f.number],
    ['受理时间', reportDateTime(f.received_at, tz)],
    ['受理渠道', label(t.channels, f.channel)],
    ['业务条线', label(t.businessLines, f.business_line)],
    ['投诉类别', label(t.categories, f.category)],
    ['产品', f.product ?? '—'],
    ['投诉等级', `${LEVEL_ZH[f.level] ?? f.level}${f.major ? '，重大投诉' : ''}${f.urgent ? '，紧急' : ''}`],
    ['风险标识', f.risk_flags.map((x) => RISK_FLAG_ZH[x] ?? x).join('、') || '—'],
    ['涉及金额', yuan(f.amount)],
    ['机构 / 责任部门', `${f.branch_name ?? '—'} / ${f.department_names.join('、') || '—'}`],
    ['当前状态', `${COMPLAINT_STATUS_ZH[f.status] ?? f.status}${f.closed_at ? `（办结 ${reportDateTime(f.closed_at, tz)}）` : ''}`],
    ['处理结论', label(t.outcomes, f.outcome)],
    ['拟赔付 / 已赔付', `${yuan(f.compensation_proposed)} / ${yuan(f.compensation_paid)}`],
    ['制度时限', clockState(f.policy_due_at, f.policy_met_at, f.policy_breached)],
    ['监管时限', clockState(f.regulatory_due_at, f.regulatory_met_at, f.regulatory_breached)],
    ['重新处理次数', String(f.reopen_count)],
  ];

  await progress(30, 'timeline');
  const timeline: TimelineEntry[] = [];
  for (const e of await listEvents(ctx.db, complaintId)) {
    const text = timelineText(e.type);
    if (text !== null) timeline.push({ at: new Date(e.occurredAt).toISOString(), text, actor: e.actor });
  }

  await progress(50, 'causes');
  const [findings, analyses] = await Promise.all([
    listRecords(ctx.db, complaintId, 'findings'),
    listRecords(ctx.db, complaintId, 'analysis'),
  ]);
  const analysis: string[] = [];
  const lastFindings = findings.at(-1)?.data;
  if (lastFindings && typeof lastFindings.findings === 'string') analysis.push(`调查结论：${lastFindings.findings}`);
  const lastAnalysis = analyses.at(-1)?.data;
  if (lastAnalysis) {
    const impact = lastAnalysis.impact as Record<string, unknown> | undefined;
    if (impact) {
      analysis.push(
        `影响评估：业务影响 ${String(impact.business ?? '—')}，声誉影响 ${String(impact.reputation ?? '—')}，财务影响 ${String(impact.financial ?? '—')}。${typeof impact.note === 'string' ? impact.note : ''}`,
      );
    }
    if (typeof lastAnalysis.strategy === 'string') analysis.push(`应对策略：${lastAnalysis.strategy}`);
  }
  const causes = paretoRows(f.causes.map((code) => ({ key: code, label: { zh: label(t.causes, code), en: code }, count: 1 })));
  if (causes.length > 0) analysis.push(`原因：${causes.map((c) => c.label.zh).join('、')}。`);

  // similar complaints: the same category (and product) received in the 90 days up to this one
  const to = localDate(f.received_at, tz);
  const from = addDays(to, -90);
  const similarFilter: StatisticsFilter = { category: [f.category], ...(f.product ? { product: [f.product] } : {}) };
  const similar = await statisticsRows(ctx, { from, to, groupBy: [], measures: ['received'], filter: similarFilter });
  const others = Math.max(0, (similar.totals.values.received ?? 0) - 1);
  analysis.push(`此前 90 天内同类${f.product ? '同产品' : ''}投诉 ${others} 件。`);

  await progress(60, 'improvements');
  const far = new Date(ctx.now().getTime() + 1000);
  const improvements = items(await improvementItems(ctx.db, { start: new Date(0), end: far, complaintIds: [complaintId], limit: 50 }));
  const received = localDate(f.received_at, tz);
  return {
    kind: 'special',
    subject: 'complaint',
    from: received,
    to: f.closed_at ? localDate(f.closed_at, tz) : localDate(ctx.now(), tz),
    generatedAt: ctx.now().toISOString(),
    facts,
    timeline,
    totals: { received: 1, compensation_proposed: Number(f.compensation_proposed), compensation_paid: Number(f.compensation_paid) },
    byCategory: [],
    causes,
    trend: [],
    analysis,
    improvements,
  };
}

async function setFigures(
  ctx: ServiceContext,
  p: Extract<SpecialParameters, { subject: 'set' }>,
  progress: ProgressFn,
): Promise<SpecialFigures> {
  await progress(10, 'facts');
  const totals = (await statisticsRows(ctx, { from: p.from, to: p.to, groupBy: [], filter: p.filter })).totals.values;
  const byCategory = figureRows(
    await statisticsRows(ctx, { from: p.from, to: p.to, groupBy: ['category'], measures: ['received', 'closed'], filter: p.filter }),
  );
  await progress(35, 'causes');
  const causes = await causeRows(ctx, p.from, p.to, p.filter);
  await progress(50, 'trend');
  const trend = await trendPoints(ctx, monthsBetween(p.from, p.to), p.filter);
  const level1 = (
    await statisticsRows(ctx, { from: p.from, to: p.to, groupBy: [], measures: ['received'], filter: { ...p.filter, level: [1] } })
  ).totals.values.received;
  const n = (m: Parameters<typeof formatMeasure>[0]) => formatMeasure(m, totals[m]);
  const facts: Array<[string, string]> = [
    ['统计期间', `${p.from} 至 ${p.to}`],
    ['范围', p.description || '全部投诉'],
    ['受理量', `${n('received')} 件（其中一级 ${formatMeasure('received', level1)} 件）`],
    ['办结量 / 期末未办结', `${n('closed')} / ${n('open_at_end')} 件`],
    ['制度时限：按时 / 超时 / 超时未结', `${n('policy_on_time')} / ${n('policy_late')} / ${n('policy_open_overdue')}`],
    ['监管时限：按时 / 超时 / 超时未结', `${n('regulatory_on_time')} / ${n('regulatory_late')} / ${n('regulatory_open_overdue')}`],
    ['办理天数（中位数 / 90分位）', `${n('handling_days_p50')} / ${n('handling_days_p90')}`],
    ['满意率 / 重新处理率', `${n('satisfaction_rate')} / ${n('reopen_rate')}`],
    ['涉及金额', `${n('amount_involved')} 元`],
    ['拟赔付 / 已赔付', `${n('compensation_proposed')} / ${n('compensation_paid')} 元`],
  ];
  const timeline: TimelineEntry[] = trend.map((pt) => ({
    at: `${pt.month}-01T00:00:00.000Z`,
    text: `${pt.month}：受理 ${pt.received} 件，办结 ${pt.closed} 件`,
    actor: '',
  }));
  const analysis: string[] = [];
  const top = causes.slice(0, 3);
  if (top.length > 0) {
    analysis.push(
      `主要原因：${top.map((c) => `${c.label.zh}（${c.count} 件，${formatChange(c.share).replace('+', '')}）`).join('、')}；前 ${top.length} 项合计占 ${formatChange(top.at(-1)?.cumulative ?? 0).replace('+', '')}。`,
    );
  } else analysis.push('所选投诉尚无原因分析记录。');
  const busiest = [...byCategory].sort((a, b) => (b.values.received ?? 0) - (a.values.received ?? 0))[0];
  if (busiest) analysis.push(`受理最多的类别为“${busiest.label.zh}”，${busiest.values.received ?? 0} 件。`);
  const late = (totals.policy_late ?? 0) + (totals.policy_open_overdue ?? 0);
  analysis.push(`制度时限超时（含超时未结）${late} 件；已赔付 ${n('compensation_paid')} 元。`);

  await progress(60, 'improvements');
  const { start, end } = periodInstants(ctx, p.from, p.to);
  const improvements = items(await improvementItems(readerOf(ctx), { start, end, limit: 50 }));
  return {
    kind: 'special',
    subject: 'set',
    from: p.from,
    to: p.to,
    generatedAt: ctx.now().toISOString(),
    facts,
    timeline,
    totals,
    byCategory,
    causes,
    trend,
    analysis,
    improvements,
  };
}

export async function specialFigures(ctx: ServiceContext, p: SpecialParameters, progress: ProgressFn): Promise<SpecialFigures> {
  return p.subject === 'complaint' ? complaintFigures(ctx, p.complaintId, progress) : setFigures(ctx, p, progress);
}

export const improvementStatusZh = (i: ImprovementItem) => IMPROVEMENT_STATUS_LABELS[i.status].zh;
