/**
 * Reports as the users meet them (#13 items 4 and 5, R-F4, R-F5): list and open them, ask for a
 * monthly report (any begun month) or a special one (one complaint in the asker's scope, or a
 * filtered set over a period), build a new version of a report, follow its progress, write the
 * commentary and recommendations while it is a draft (the files are drawn again from the stored
 * figures, so the text is in them), make it final, and download the PDF or workbook (audited).
 */
import type { Principal } from '../../domain/access/permissions.js';
import { DomainError } from '../../domain/errors.js';
import type { Comparison, ReportFigures, TrendPoint } from '../../domain/reports/report-figures.js';
import { isReportMonth, monthOf, monthPeriod } from '../../domain/reports/report-period.js';
import type { StatisticsFilter } from '../../domain/reports/statistics-types.js';
import { localDate } from '../../domain/time/zoned.js';
import {
  findReport,
  latestOfSeries,
  listReports as listRows,
  markFinal,
  reportFile,
  updateReportTexts,
  type ReportRow,
} from '../../db/repositories/report.repository.js';
import { audit } from '../administration/audit.service.js';
import { complaintInScope } from '../complaints/complaint-access.js';
import type { RequestMeta, ServiceContext } from '../context.js';
import { decodeKeyset, encodeKeyset, isUuid } from '../workflow/sweep/keyset-cursor.js';
import { monthlySeries, monthlyTitle, queueReport, renderReportFiles, reportTexts } from './report-build.js';
import type { SpecialParameters } from './special-report.js';

export const MAX_SPECIAL_MONTHS = 36;

export type ReportSummary = ReturnType<typeof summary>;

function summary(r: Omit<ReportRow, 'figures'>) {
  return {
    id: r.id,
    kind: r.kind,
    series: r.series,
    version: r.version,
    title: r.title,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    status: r.status,
    progress: r.progress,
    step: r.step,
    error: r.error,
    automatic: r.automatic,
    requestedBy: r.requested_by,
    createdAt: r.created_at,
    builtAt: r.built_at,
    finalisedAt: r.finalised_at,
    finalisedBy: r.finalised_by,
    pdfBytes: r.pdf_bytes,
    xlsxBytes: r.xlsx_bytes,
  };
}

/** What the web page draws of a report without opening its PDF. */
export interface ReportHighlights {
  comparisons: Comparison[];
  trend: TrendPoint[];
  causes: Array<{ label: { zh: string; en: string }; count: number; share: number }>;
  facts: Array<[string, string]>;
  level1Count: number | null;
}

function highlights(figures: ReportFigures | null): ReportHighlights | null {
  if (!figures) return null;
  if (figures.kind === 'monthly') {
    return {
      comparisons: figures.comparisons,
      trend: figures.trend.points,
      causes: figures.causes.rows.slice(0, 10).map((c) => ({ label: c.label, count: c.count, share: c.share })),
      facts: [],
      level1Count: figures.level1.length,
    };
  }
  return {
    comparisons: [],
    trend: figures.trend,
    causes: figures.causes.slice(0, 10).map((c) => ({ label: c.label, count: c.count, share: c.share })),
    facts: figures.facts,
    level1Count: null,
  };
}

export interface ReportListQuery {
  kind?: 'monthly' | 'special';
  limit: number;
  cursor?: string;
}

export async function listReports(ctx: ServiceContext, q: ReportListQuery) {
  const before = q.cursor ? decodeKeyset(q.cursor, 'cursor') : null;
  const rows = await listRows(ctx.db, {
    kind: q.kind,
    before: before ?? undefined,
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map(summary),
    nextCursor: rows.length > q.limit && last ? encodeKeyset({ at: last.created_at, id: last.id }) : null,
  };
}

/** The stored snapshot (written by the build from ReportFigures). */
const figuresOf = (r: ReportRow): ReportFigures | null => r.figures as unknown as ReportFigures | null;

async function load(ctx: ServiceContext, id: string, forUpdate = false): Promise<ReportRow> {
  const row = isUuid(id) ? await findReport(ctx.db, id, forUpdate) : undefined;
  if (!row) throw new DomainError('report_not_found');
  return row;
}

export async function getReport(ctx: ServiceContext, id: string) {
  const row = await load(ctx, id);
  const versions = await listRows(ctx.db, { series: row.series, limit: 100 });
  return {
    ...summary(row),
    parameters: row.parameters,
    commentary: row.commentary,
    recommendations: row.recommendations,
    commentaryBy: row.commentary_by,
    commentaryAt: row.commentary_at,
    versions: versions
      .map((v) => ({ id: v.id, version: v.version, status: v.status, createdAt: v.created_at }))
      .sort((a, b) => b.version - a.version),
    highlights: highlights(figuresOf(row)),
  };
}

export async function reportProgress(ctx: ServiceContext, id: string) {
  const r = await load(ctx, id);
  return { id: r.id, status: r.status, progress: r.progress, step: r.step, error: r.error, updatedAt: r.updated_at };
}

async function audited(
  ctx: ServiceContext,
  meta: RequestMeta,
  p: Principal,
  action: string,
  r: ReportRow,
  details: Record<string, unknown> = {},
) {
  await audit(ctx.db, meta, {
    at: ctx.now(),
    actor: p.username,
    action,
    outcome: 'success',
    targetType: 'report',
    targetId: r.id,
    details: { kind: r.kind, title: r.title, version: r.version, ...details },
  });
}

/** The carried-over texts of a series' latest version, so a rebuilt version keeps what leaders wrote. */
async function carried(ctx: ServiceContext, series: string) {
  const last = await latestOfSeries(ctx.db, series);
  return { commentary: last?.commentary ?? null, recommendations: last?.recommendations ?? null };
}

export async function createMonthlyReport(ctx: ServiceContext, meta: RequestMeta, p: Principal, month: string) {
  if (!isReportMonth(month)) throw new DomainError('validation', { value: month }, 'month');
  if (month > monthOf(localDate(ctx.now(), ctx.timeZone))) throw new DomainError('report_month_in_future', {}, 'month');
  const period = monthPeriod(month);
  const series = monthlySeries(month);
  const queued = await queueReport(ctx.db, {
    kind: 'monthly',
    series,
    title: monthlyTitle(month),
    periodFrom: period.from,
    periodTo: period.to,
    parameters: { month },
    automatic: false,
    requestedBy: p.username,
    ...(await carried(ctx, series)),
    at: ctx.now(),
  });
  const row = await load(ctx, queued?.id ?? '');
  await audited(ctx, meta, p, 'report.create', row);
  return getReport(ctx, row.id);
}

export type SpecialRequest =
  | { subject: 'complaint'; complaint: string; title?: string | null; recommendations?: string | null }
  | {
      subject: 'set';
      from: string;
      to: string;
      filter: StatisticsFilter;
      description?: string | null;
      title?: string | null;
      recommendations?: string | null;
    };

function monthsSpanned(from: string, to: string): number {
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
}

export async function createSpecialReport(ctx: ServiceContext, meta: RequestMeta, p: Principal, req: SpecialRequest) {
  let parameters: SpecialParameters;
  let title: string;
  let series: string | undefined;
  let from: string;
  let to: string;
  const today = localDate(ctx.now(), ctx.timeZone);
  if (req.subject === 'complaint') {
    const c = await complaintInScope(ctx.db, p, req.complaint);
    parameters = { subject: 'complaint', complaintId: c.id, number: c.number };
    title = req.title || `投诉 ${c.number} 专项报告`;
    series = `special:complaint:${c.id}`;
    from = localDate(c.received_at, ctx.timeZone);
    to = today < from ? from : today;
  } else {
    if (req.from > req.to) throw new DomainError('range_inverted', {}, 'to');
    if (monthsSpanned(req.from, req.to) > MAX_SPECIAL_MONTHS)
      throw new DomainError('report_period_too_long', { maxMonths: MAX_SPECIAL_MONTHS }, 'from');
    parameters = { subject: 'set', from: req.from, to: req.to, filter: req.filter, description: req.description ?? '' };
    title = req.title || `专项报告：${req.description || `${req.from} 至 ${req.to}`}`;
    from = req.from;
    to = req.to;
  }
  const prior = series ? await carried(ctx, series) : { commentary: null, recommendations: null };
  const queued = await queueReport(ctx.db, {
    kind: 'special',
    series,
    title,
    periodFrom: from,
    periodTo: to,
    parameters: parameters as unknown as Record<string, unknown>,
    automatic: false,
    requestedBy: p.username,
    commentary: prior.commentary,
    recommendations: req.recommendations ?? prior.recommendations,
    at: ctx.now(),
  });
  const row = await load(ctx, queued?.id ?? '');
  await audited(ctx, meta, p, 'report.create', row);
  return getReport(ctx, row.id);
}

/** A new version of a report: the same kind, subject and period, built again from today's data. */
export async function rebuildReport(ctx: ServiceContext, meta: RequestMeta, p: Principal, id: string) {
  const r = await load(ctx, id);
  const queued = await queueReport(ctx.db, {
    kind: r.kind,
    series: r.series,
    title: r.title,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    parameters: r.parameters,
    automatic: false,
    requestedBy: p.username,
    ...(await carried(ctx, r.series)),
    at: ctx.now(),
  });
  const row = await load(ctx, queued?.id ?? '');
  await audited(ctx, meta, p, 'report.create', row, { rebuiltFrom: r.version });
  return getReport(ctx, row.id);
}

/** The commentary and/or recommendations of a draft; its files are drawn again with them. */
export async function updateReportText(
  ctx: ServiceContext,
  meta: RequestMeta,
  p: Principal,
  id: string,
  change: { commentary?: string | null; recommendations?: string | null },
) {
  await ctx.db.transaction().execute(async (trx) => {
    const tctx = { ...ctx, db: trx };
    const r = await load(tctx, id, true);
    const figures = figuresOf(r);
    if (r.status !== 'draft' || !figures) throw new DomainError('report_not_editable', { status: r.status });
    const files = await renderReportFiles(figures, reportTexts(ctx, r, change));
    await updateReportTexts(trx, id, { ...change, by: p.username, at: ctx.now(), ...files });
    await audited(tctx, meta, p, 'report.comment', r, { fields: Object.keys(change) });
  });
  return getReport(ctx, id);
}

export async function finaliseReport(ctx: ServiceContext, meta: RequestMeta, p: Principal, id: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const tctx = { ...ctx, db: trx };
    const r = await load(tctx, id, true);
    const figures = figuresOf(r);
    if (r.status !== 'draft' || !figures) throw new DomainError('report_not_editable', { status: r.status });
    const at = ctx.now();
    const files = await renderReportFiles(figures, reportTexts(ctx, r, { finalisedAt: at.toISOString(), finalisedBy: p.username }));
    await markFinal(trx, id, { by: p.username, at, ...files });
    await audited(tctx, meta, p, 'report.finalise', r);
  });
  return getReport(ctx, id);
}

/** A report's file; every download is recorded in the audit log. */
export async function downloadReport(ctx: ServiceContext, meta: RequestMeta, p: Principal, id: string, format: 'pdf' | 'xlsx') {
  const r = await load(ctx, id);
  if (r.status !== 'draft' && r.status !== 'final') throw new DomainError('report_not_ready', { status: r.status });
  const bytes = await reportFile(ctx.db, id, format);
  if (!bytes) throw new DomainError('report_file_unavailable', { format });
  await audited(ctx, meta, p, 'report.download', r, { format, status: r.status });
  const stem = `${r.title}-v${r.version}${r.status === 'final' ? '' : '-草稿'}`;
  return { bytes, fileName: `${stem}.${format}` };
}
