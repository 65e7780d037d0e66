/**
 * The rectification clocks' sweep (#14 item 1, R-E4), a pass of the clock sweeper's run
 * (jobs/clock-sweeper.job.ts): for every request whose next check has come, the pure sweepClock
 * gives the warnings at the policy's fractions, the breach at the due time and the escalation steps
 * after it (policy supervision.rectification: step 0 tells the addressee and the department's
 * supervisors, later steps the supervision department, then the leadership group). Batches are
 * taken FOR UPDATE SKIP LOCKED, so several sweepers never sweep one request twice; each notice's
 * key names its fact (rect:<id>:warn:<i>, rect:<id>:step:<k>).
 */
import { sweepClock, type SweepEffect } from '../../domain/clocks/clock-sweep.js';
import type { SupervisionPolicy } from '../../domain/supervision/supervision-policy.js';
import type { Database } from '../../db/database.js';
import {
  appendRectificationEvent,
  takeDueRequests,
  updateRequest,
  type RequestRow,
} from '../../db/repositories/inspection-rectification.repository.js';
import { releaseSavepoint, rollbackToSavepoint, savepoint } from '../../db/repositories/savepoint.repository.js';
import { policyVersion } from '../administration/policy.service.js';
import type { ServiceContext } from '../context.js';
import type { SweepCounts, SweepOptions } from '../workflow/sweeper.service.js';
import { notifyRectification } from './rectification-notify.js';

const SWEEPER = 'system';

export async function sweepRectifications(ctx: ServiceContext, opts: SweepOptions = {}): Promise<SweepCounts> {
  const now = ctx.now();
  const batch = opts.batch ?? 50;
  const counts: SweepCounts = { checked: 0, warnings: 0, breaches: 0, escalations: 0, failed: 0 };
  const policies = new Map<number, SupervisionPolicy['rectification']>();
  const rulesOf = async (version: number) => {
    const found = policies.get(version) ?? (await policyVersion(ctx.db, version)).policy.supervision.rectification;
    policies.set(version, found);
    return found;
  };
  const failed = new Set<string>();
  for (;;) {
    const taken = await ctx.db.transaction().execute(async (trx) => {
      const due = await takeDueRequests(trx, now, batch, [...failed]);
      for (const r of due) {
        await savepoint(trx, 'sweep_clock');
        try {
          await sweepOne(trx, r, now, await rulesOf(r.policy_version), counts);
          await releaseSavepoint(trx, 'sweep_clock');
          counts.checked += 1;
        } catch (err) {
          await rollbackToSavepoint(trx, 'sweep_clock');
          failed.add(r.id);
          counts.failed += 1;
          opts.onError?.(err, r.id);
        }
      }
      return due.length;
    });
    if (taken === 0) return counts;
  }
}

async function sweepOne(
  trx: Database,
  r: RequestRow,
  now: Date,
  rules: SupervisionPolicy['rectification'],
  counts: SweepCounts,
): Promise<void> {
  // an answered, verified or cancelled request has no clock left to sweep
  const outcome = sweepClock(
    {
      status: r.status === 'open' ? r.clock_status : 'met',
      dueAt: r.due_at,
      warnAt: r.warn_at,
      warningsSent: r.warnings_sent,
      escalationStep: r.escalation_step,
      breachedAt: r.breached_at,
    },
    now,
    rules.steps,
  );
  const clockStatus = outcome.status === 'paused' ? 'running' : outcome.status;
  await updateRequest(trx, r.id, {
    clock_status: r.status === 'open' ? clockStatus : r.clock_status,
    warnings_sent: outcome.warningsSent,
    escalation_step: outcome.escalationStep,
    breached_at: outcome.breachedAt,
    next_check_at: r.status === 'open' ? outcome.nextCheckAt : null,
  });
  for (const e of outcome.effects) await applyEffect(trx, r, e, rules, now, counts);
}

async function applyEffect(
  trx: Database,
  r: RequestRow,
  e: SweepEffect,
  rules: SupervisionPolicy['rectification'],
  now: Date,
  counts: SweepCounts,
): Promise<void> {
  if (e.type === 'warning') {
    counts.warnings += 1;
    const notified = await notifyRectification(
      trx,
      r,
      rules.warnNotify,
      { event: 'warning', sourceKey: `rect:${r.id}:${r.rounds}:warn:${e.index}` },
      now,
    );
    await appendRectificationEvent(trx, {
      requestId: r.id,
      type: 'warning',
      actor: SWEEPER,
      at: now,
      details: { index: e.index, warnAt: e.at, notified },
    });
    return;
  }
  if (e.type === 'breach') {
    counts.breaches += 1;
    await appendRectificationEvent(trx, { requestId: r.id, type: 'breached', actor: SWEEPER, at: now, details: { breachedAt: e.at } });
    return;
  }
  counts.escalations += 1;
  const recipients = rules.steps[e.step]?.notify ?? [];
  const notified = await notifyRectification(
    trx,
    r,
    recipients,
    { event: e.step === 0 ? 'breached' : 'escalated', step: e.step, sourceKey: `rect:${r.id}:${r.rounds}:step:${e.step}` },
    now,
  );
  await appendRectificationEvent(trx, {
    requestId: r.id,
    type: 'escalated',
    actor: SWEEPER,
    at: now,
    details: { step: e.step, stepAt: e.at, notify: recipients, notified },
  });
}
