/**
 * The retention page (系统管理 → 数据保留, #15 item 4, R-H6): the periods in force, how many closed
 * complaints expire in the next 30 and 90 days, are past their period, are held or anonymised, the
 * holds not released, the sweep's runs; the preview of what the sweep would anonymise now; and
 * queueing the sweep (`retention.manage`).
 */
import { can, type Principal } from '../../domain/access/permissions.js';
import { DomainError } from '../../domain/errors.js';
import { closedBeforeForExpiry, retentionExpiry } from '../../domain/retention/retention.js';
import { localDate } from '../../domain/time/zoned.js';
import {
  countAnonymised,
  countClosedInWindows,
  listRetentionRuns,
  type ClosureWindow,
  type RetentionRunRow,
} from '../../db/repositories/legal-hold-overview.repository.js';
import { countHoldsInForce, listUnreleasedHolds } from '../../db/repositories/legal-hold.repository.js';
import { enqueueJobs } from '../../db/repositories/job.repository.js';
import { currentPolicy } from '../administration/policy.service.js';
import { audit } from '../administration/audit.service.js';
import type { RequestMeta, ServiceContext } from '../context.js';
import { previewRetention } from './retention.service.js';
import { holdView, type HoldView } from './legal-hold.service.js';

const DAY_MS = 86_400_000;
const PREVIEW_LIMIT = 200;
const PREVIEW_SCAN = 10_000;

export interface RetentionOverview {
  today: string;
  policyVersion: number;
  periods: Array<{ businessLine: string; years: number }>;
  auditRetentionYears: number | null;
  counts: { expiringIn30: number; expiringIn90: number; expired: number; held: number; anonymised: number };
  holds: Array<HoldView & { complaintId: string; number: string; status: string; businessLine: string }>;
  runs: Array<ReturnType<typeof runView>>;
  canManage: boolean;
}

function runView(r: RetentionRunRow) {
  return {
    id: r.id,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    status: r.status,
    triggeredBy: r.triggered_by,
    anonymised: r.anonymised.length,
    held: r.held.length,
    errors: r.errors.length,
    counts: r.counts,
  };
}

/** Per business line, the closures that have expired by `at` (before) and, with `since`, not by `since`. */
function windows(
  periods: ReadonlyArray<{ businessLine: string; years: number }>,
  at: Date,
  timeZone: string,
  since?: Date,
): ClosureWindow[] {
  return periods.map((p) => ({
    businessLine: p.businessLine,
    before: closedBeforeForExpiry(at, p.years, timeZone),
    from: since ? closedBeforeForExpiry(since, p.years, timeZone) : null,
  }));
}

function mustRead(p: Principal): void {
  if (!can(p, 'retention.read')) throw new DomainError('forbidden', { action: 'retention.read' });
}

async function periodsInForce(ctx: ServiceContext) {
  const { version, policy } = await currentPolicy(ctx.db);
  const periods = Object.entries(policy.retention)
    .map(([businessLine, years]) => ({ businessLine, years }))
    .sort((a, b) => a.businessLine.localeCompare(b.businessLine));
  return { version, policy, periods };
}

export async function retentionOverview(ctx: ServiceContext, p: Principal): Promise<RetentionOverview> {
  mustRead(p);
  const now = ctx.now();
  const tz = ctx.timeZone;
  const today = localDate(now, tz);
  const { version, policy, periods } = await periodsInForce(ctx);
  const expired = windows(periods, now, tz);
  // expiring in the next N days: not expired today, expired N days from now (the sweep runs the day after the last day)
  const in30 = windows(periods, new Date(now.getTime() + 31 * DAY_MS), tz, now);
  const in90 = windows(periods, new Date(now.getTime() + 91 * DAY_MS), tz, now);
  const [expiringIn30, expiringIn90, expiredCount, held, anonymised, holds, runs] = await Promise.all([
    countClosedInWindows(ctx.db, in30, today, false),
    countClosedInWindows(ctx.db, in90, today, false),
    countClosedInWindows(ctx.db, expired, today, false),
    countHoldsInForce(ctx.db, today),
    countAnonymised(ctx.db),
    listUnreleasedHolds(ctx.db),
    listRetentionRuns(ctx.db),
  ]);
  return {
    today,
    policyVersion: version,
    periods,
    auditRetentionYears: policy.auditRetentionYears ?? null,
    counts: { expiringIn30, expiringIn90, expired: expiredCount, held, anonymised },
    holds: holds.map((h) => ({
      ...holdView(h, today),
      complaintId: h.complaint_id,
      number: h.number,
      status: h.status,
      businessLine: h.business_line,
    })),
    runs: runs.map(runView),
    canManage: can(p, 'retention.manage'),
  };
}

export interface SweepPreview {
  today: string;
  total: number;
  heldExcluded: number;
  items: Array<{ complaintId: string; number: string; businessLine: string; closedOn: string | null; expiresOn: string }>;
}

/** What the sweep would anonymise now (the engine's own selection, retention.service.ts previewRetention): the first 200. */
export async function sweepPreview(ctx: ServiceContext, p: Principal): Promise<SweepPreview> {
  if (!can(p, 'retention.manage')) throw new DomainError('forbidden', { action: 'retention.manage' });
  const now = ctx.now();
  const tz = ctx.timeZone;
  const today = localDate(now, tz);
  const [{ policy }, due] = await Promise.all([currentPolicy(ctx.db), previewRetention(ctx, now, PREVIEW_SCAN)]);
  const free = due.filter((d) => !d.held);
  return {
    today,
    total: free.length,
    heldExcluded: due.length - free.length,
    items: free.slice(0, PREVIEW_LIMIT).map((r) => ({
      complaintId: r.id,
      number: r.number,
      businessLine: r.businessLine,
      closedOn: localDate(r.closedAt, tz),
      expiresOn: retentionExpiry({ businessLine: r.businessLine, status: 'closed', closedAt: r.closedAt }, policy, tz) ?? today,
    })),
  };
}

/**
 * POST /api/retention/sweep: queues the job `retention.sweep` now (at most one such request a
 * minute); audited with who asked, since the run itself records the job as its trigger.
 */
export async function queueSweep(ctx: ServiceContext, meta: RequestMeta, p: Principal): Promise<{ queued: boolean; jobId: string | null }> {
  if (!can(p, 'retention.manage')) throw new DomainError('forbidden', { action: 'retention.manage' });
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await enqueueJobs(trx, [{ name: 'retention.sweep', data: {}, singletonKey: 'manual', singletonSeconds: 60 }]);
    await audit(trx, meta, { at: now, actor: p.username, action: 'retention.sweep_queued', outcome: 'success', targetType: 'retention' });
  });
  return { queued: true, jobId: null };
}
