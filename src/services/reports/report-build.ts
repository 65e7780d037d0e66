/**
 * Building a report (#13 items 4 and 5): the `report.build` job gathers the figures section by
 * section (each step's progress committed on its own, so the web page's bar moves), draws the PDF
 * and the workbook, and stores them with the figures snapshot as a draft; the leadership members and
 * senior managers are told (`report.ready`) in the same transaction. A failure marks the report
 * failed with the reason (and the job retries once). The `reports.monthly` schedule runs daily and
 * queues last month's report on the first working day of the month (or the first run after it),
 * once per month across instances (a unique index on automatic reports).
 */
import { randomUUID } from 'node:crypto';
import { permissionsOf, ROLES } from '../../domain/access/permissions.js';
import type { MonthlyFigures, ReportFigures, SpecialFigures } from '../../domain/reports/report-figures.js';
import type { ReportStep } from '../../domain/reports/report-labels.js';
import { monthDueForReport, monthPeriod, monthTitle } from '../../domain/reports/report-period.js';
import type { ReportTexts } from '../../domain/reports/report-texts.js';
import { localDate } from '../../domain/time/zoned.js';
import type { Database } from '../../db/database.js';
import { enqueueJobs } from '../../db/repositories/job.repository.js';
import {
  findReport,
  insertReport,
  markBuilding,
  markBuilt,
  markFailed,
  setProgress,
  type ReportRow,
} from '../../db/repositories/report.repository.js';
import { usersWithRole } from '../../db/repositories/user.repository.js';
import { loadWorkingCalendar } from '../administration/calendar.service.js';
import { channelsOf } from '../channels/channel-settings.js';
import { sendNotifications } from '../channels/notification.service.js';
import type { ServiceContext } from '../context.js';
import { monthlyFigures } from './monthly-report.js';
import { renderMonthlyPdf } from './report-pdf-monthly.js';
import { renderSpecialPdf } from './report-pdf-special.js';
import { renderMonthlyXlsx } from './report-xlsx.js';
import { specialFigures, type SpecialParameters } from './special-report.js';

export const REPORT_READY_KIND = 'report_ready';

export const monthlySeries = (month: string) => `monthly:${month}`;
export const monthlyTitle = (month: string) => `${monthTitle(month)}投诉管理月度报告`;
export const reportLink = (id: string) => `/reports/${id}`;

/** The texts a report's files print, from its row (and the changes about to be stored). */
export function reportTexts(ctx: ServiceContext, row: ReportRow, change: Partial<ReportTexts> = {}): ReportTexts {
  return {
    companyName: channelsOf(ctx).companyName,
    title: row.title,
    version: row.version,
    commentary: row.commentary,
    recommendations: row.recommendations,
    finalisedAt: row.finalised_at ? row.finalised_at.toISOString() : null,
    finalisedBy: row.finalised_by,
    timeZone: ctx.timeZone,
    ...change,
  };
}

/** The PDF (and for a monthly report the workbook) drawn from a figures snapshot. */
export async function renderReportFiles(figures: ReportFigures, texts: ReportTexts): Promise<{ pdf: Buffer; xlsx: Buffer | null }> {
  if (figures.kind === 'monthly') {
    const [pdf, xlsx] = await Promise.all([renderMonthlyPdf(figures, texts), renderMonthlyXlsx(figures, texts)]);
    return { pdf, xlsx };
  }
  return { pdf: await renderSpecialPdf(figures, texts), xlsx: null };
}

/** Users told when a report is ready: every active holder of report.manage's leadership roles. */
async function leadership(db: Database): Promise<string[]> {
  const ids = new Set<string>();
  for (const role of ROLES.filter((r) => r === 'leadership_member' || r === 'senior_manager')) {
    if (!permissionsOf([role]).includes('report.read')) continue;
    for (const u of await usersWithRole(db, role)) ids.add(u.id);
  }
  return [...ids];
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The report.build job: builds a queued report; does nothing for one built already. */
export async function buildReport(ctx: ServiceContext, reportId: string): Promise<void> {
  if (!(await markBuilding(ctx.db, reportId, ctx.now()))) return;
  const row = await findReport(ctx.db, reportId);
  if (!row) return;
  const progress = (percent: number, step: ReportStep) => setProgress(ctx.db, reportId, percent, step, ctx.now());
  try {
    let figures: MonthlyFigures | SpecialFigures;
    if (row.kind === 'monthly') figures = await monthlyFigures(ctx, String(row.parameters.month), progress);
    else figures = await specialFigures(ctx, row.parameters as unknown as SpecialParameters, progress);
    await progress(80, 'pdf');
    const { pdf, xlsx } = await renderReportFiles(figures, reportTexts(ctx, row));
    await progress(95, 'xlsx');
    await ctx.db.transaction().execute(async (trx) => {
      const at = ctx.now();
      if (!(await markBuilt(trx, reportId, { figures: figures as unknown as Record<string, unknown>, pdf, xlsx, at }))) return;
      await sendNotifications(
        trx,
        await leadership(trx),
        {
          complaintId: null,
          kind: REPORT_READY_KIND,
          sourceKey: `report:ready:${reportId}`,
          message: {
            template: 'report.ready',
            params: { title: row.title, version: row.version, automatic: row.automatic, link: reportLink(reportId) },
          },
        },
        at,
      );
    });
  } catch (err) {
    await markFailed(ctx.db, reportId, describe(err), ctx.now());
    throw err;
  }
}

export interface QueuedReport {
  id: string;
  version: number;
}

/** Writes a queued report and its build job in one transaction; null when an automatic report of the series exists. */
export async function queueReport(
  db: Database,
  r: {
    kind: 'monthly' | 'special';
    series?: string;
    title: string;
    periodFrom: string;
    periodTo: string;
    parameters: Record<string, unknown>;
    automatic: boolean;
    requestedBy: string;
    commentary?: string | null;
    recommendations?: string | null;
    at: Date;
  },
): Promise<QueuedReport | null> {
  const id = randomUUID();
  return db.transaction().execute(async (trx) => {
    const inserted = await insertReport(trx, {
      id,
      kind: r.kind,
      series: r.series ?? `special:${id}`,
      title: r.title,
      periodFrom: r.periodFrom,
      periodTo: r.periodTo,
      parameters: r.parameters,
      automatic: r.automatic,
      requestedBy: r.requestedBy,
      commentary: r.commentary ?? null,
      recommendations: r.recommendations ?? null,
      at: r.at,
    });
    if (!inserted) return null;
    await enqueueJobs(trx, [{ name: 'report.build', data: { reportId: inserted.id } }]);
    return inserted;
  });
}

/** The reports.monthly job: last month's report, once, from the first working day of the month on. */
export async function runMonthlySchedule(ctx: ServiceContext): Promise<QueuedReport | null> {
  const today = localDate(ctx.now(), ctx.timeZone);
  const month = monthDueForReport(await loadWorkingCalendar(ctx.db), today);
  if (month === null) return null;
  const period = monthPeriod(month);
  return queueReport(ctx.db, {
    kind: 'monthly',
    series: monthlySeries(month),
    title: monthlyTitle(month),
    periodFrom: period.from,
    periodTo: period.to,
    parameters: { month },
    automatic: true,
    requestedBy: 'system',
    at: ctx.now(),
  });
}
