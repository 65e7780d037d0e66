/**
 * The retention sweep (#15 item 4, R-H6): `runRetention(ctx, now)` anonymises every ended complaint
 * past its business line's period (policy `retention`, years after closure) that has no legal hold
 * in force, one transaction per complaint claimed with FOR UPDATE SKIP LOCKED (several instances
 * never take the same one), then deletes audit and access log rows past the logs period (policy
 * `auditRetentionYears`). Each run is a `retention_runs` row and a `retention.run` audit entry.
 * `now` is injected (the job passes the clock; tests pass a time past the period).
 */
import { randomUUID } from 'node:crypto';
import { insertAudit } from '../../db/repositories/audit.repository.js';
import {
  allowRetentionRedaction,
  claimNextDue,
  deleteLogsBefore,
  finishRetentionRun,
  insertRetentionRun,
  listDue,
  type DueComplaint,
  type ExpiryBounds,
} from '../../db/repositories/retention.repository.js';
import type { Policy } from '../../domain/policy/policy.schema.js';
import { closedBeforeForExpiry, logsCutoff } from '../../domain/retention/retention.js';
import { localDate } from '../../domain/time/zoned.js';
import { currentPolicy } from '../administration/policy.service.js';
import type { ServiceContext } from '../context.js';
import { anonymiseComplaint, RETENTION_ACTOR } from './retention-complaint.js';

export interface RetentionRunSummary {
  runId: string;
  status: 'done' | 'failed';
  counts: Record<string, number>;
  anonymised: string[];
  held: string[];
  errors: Array<{ complaintId: string | null; message: string }>;
}

export interface RetentionOptions {
  /** who asked: the job ('system') or an administrator's username */
  triggeredBy?: string;
  /** stop after this many complaints (the rest are taken by the next run) */
  maxComplaints?: number;
}

function expiryBounds(policy: Policy, now: Date, timeZone: string): ExpiryBounds {
  return Object.entries(policy.retention).map(([businessLine, years]) => ({
    businessLine,
    closedBefore: closedBeforeForExpiry(now, years, timeZone),
  }));
}

/** What a run at `now` would anonymise (held ones marked, not anonymised): the dry-run preview. */
export async function previewRetention(ctx: ServiceContext, now: Date, limit = 1000): Promise<DueComplaint[]> {
  const { policy } = await currentPolicy(ctx.db);
  return listDue(ctx.db, expiryBounds(policy, now, ctx.timeZone), localDate(now, ctx.timeZone), limit);
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export async function runRetention(ctx: ServiceContext, now: Date, opts: RetentionOptions = {}): Promise<RetentionRunSummary> {
  const { policy } = await currentPolicy(ctx.db);
  const today = localDate(now, ctx.timeZone);
  const bounds = expiryBounds(policy, now, ctx.timeZone);
  const runId = randomUUID();
  const triggeredBy = opts.triggeredBy ?? RETENTION_ACTOR;
  await insertRetentionRun(ctx.db, { id: runId, startedAt: ctx.now(), nowUsed: now, triggeredBy });

  const counts: Record<string, number> = {};
  const anonymised: string[] = [];
  const errors: RetentionRunSummary['errors'] = [];
  const summary = (status: 'done' | 'failed', held: string[]): RetentionRunSummary => ({ runId, status, counts, anonymised, held, errors });
  let held: string[] = [];
  try {
    held = (await listDue(ctx.db, bounds, today, 10_000)).filter((d) => d.held).map((d) => d.id);
    await anonymiseDue(
      ctx,
      policy,
      { runId, now, today, bounds, max: opts.maxComplaints ?? Number.POSITIVE_INFINITY },
      counts,
      anonymised,
      errors,
    );
    counts['logRowsDeleted'] = await ctx.db.transaction().execute(async (trx) => {
      await allowRetentionRedaction(trx);
      return deleteLogsBefore(trx, logsCutoff(now, policy, ctx.timeZone));
    });
  } catch (err) {
    errors.push({ complaintId: null, message: message(err) });
    await finish(ctx, triggeredBy, now, summary('failed', held));
    throw err;
  }
  return finish(ctx, triggeredBy, now, summary('done', held));
}

interface Sweep {
  runId: string;
  now: Date;
  today: string;
  bounds: ExpiryBounds;
  max: number;
}

/** One transaction per complaint, until none is due (or `max`); a complaint that fails is rolled back, reported and not retried in this run. */
async function anonymiseDue(
  ctx: ServiceContext,
  policy: Policy,
  sweep: Sweep,
  counts: Record<string, number>,
  anonymised: string[],
  errors: RetentionRunSummary['errors'],
): Promise<void> {
  const failed: string[] = [];
  while (anonymised.length < sweep.max) {
    let claimed: string | null = null;
    try {
      claimed = await ctx.db.transaction().execute(async (trx) => {
        await allowRetentionRedaction(trx);
        const id = await claimNextDue(trx, sweep.bounds, sweep.today, failed);
        if (id === null) return null;
        claimed = id;
        const done = await anonymiseComplaint(ctx, trx, policy, id, sweep.runId, sweep.now);
        for (const [kind, n] of Object.entries(done)) counts[kind] = (counts[kind] ?? 0) + n;
        return id;
      });
    } catch (err) {
      if (claimed === null) throw err;
      failed.push(claimed);
      errors.push({ complaintId: claimed, message: message(err) });
      continue;
    }
    if (claimed === null) return;
    anonymised.push(claimed);
  }
}

async function finish(ctx: ServiceContext, triggeredBy: string, now: Date, summary: RetentionRunSummary): Promise<RetentionRunSummary> {
  await ctx.db.transaction().execute(async (trx) => {
    await finishRetentionRun(trx, summary.runId, { ...summary, finishedAt: ctx.now() });
    await insertAudit(trx, {
      at: ctx.now(),
      actor: triggeredBy,
      action: 'retention.run',
      outcome: summary.status === 'done' && summary.errors.length === 0 ? 'success' : 'failure',
      targetType: 'retention_run',
      targetId: summary.runId,
      details: {
        now: now.toISOString(),
        counts: summary.counts,
        anonymised: summary.anonymised.length,
        held: summary.held.length,
        errors: summary.errors.length,
      },
    });
  });
  return summary;
}

/** The daily job: the run at the clock's time. */
export async function runRetentionSweep(ctx: ServiceContext): Promise<RetentionRunSummary> {
  return runRetention(ctx, ctx.now());
}
