/**
 * The clock sweeper (R-E3): for every clock whose next check has come, raises the warnings at the
 * policy's fractions, marks the breach at the due time, runs the escalation chain after it, raises
 * the tracked exception, and tells the people each step names, all in one transaction with a
 * hash-chained event on the complaint.
 *
 * Safe with several instances: a batch of due clocks is taken with `FOR UPDATE … SKIP LOCKED` on
 * the clock and its complaint together, so each clock is swept by exactly one instance at a time,
 * and a sweeper never waits for a lock (no deadlock with actions, which lock the complaint first).
 * Notification and exception keys name the fact (clock:<id>:warn:<i>, …), so the same fact is
 * never written twice even if a clock were swept again.
 */
import { sweepClock, type SweepEffect } from '../../domain/clocks/clock-sweep.js';
import type { Escalation } from '../../domain/policy/policy.schema.js';
import type { Recipient } from '../../domain/workflow/workflow.types.js';
import type { Database } from '../../db/database.js';
import { saveSweptClock, takeDueClocks, type SweptClock } from '../../db/repositories/clock-sweep.repository.js';
import { findComplaintNotifyFields } from '../../db/repositories/complaint.repository.js';
import { appendEvents, type NewEvent } from '../../db/repositories/event.repository.js';
import { releaseSavepoint, rollbackToSavepoint, savepoint } from '../../db/repositories/savepoint.repository.js';
import type { ServiceContext } from '../context.js';
import { policyVersion } from '../administration/policy.service.js';
import type { Message } from '../../domain/messages/message-templates.js';
import { raiseException } from './exceptions.service.js';
import { notify, type NotifyTarget } from './notify.service.js';

export interface SweepCounts {
  /** clocks looked at */
  checked: number;
  warnings: number;
  breaches: number;
  escalations: number;
  /** clocks whose sweep failed (left as they were, retried by the next sweep) */
  failed: number;
}

export interface SweepOptions {
  /** clocks per transaction (default 50) */
  batch?: number;
  /** told about a clock whose sweep failed; the other clocks go on */
  onError?: (err: unknown, clockId: string) => void;
}

/** The actor of the sweeper's events. */
export const SWEEPER_ACTOR = 'system';

const STALLED_KIND = 'progress_report';

/** Sweeps every clock due at ctx.now(), batch after batch, until none is left that this instance can take. */
export async function sweepClocks(ctx: ServiceContext, opts: SweepOptions = {}): Promise<SweepCounts> {
  const now = ctx.now();
  const batch = opts.batch ?? 50;
  const counts: SweepCounts = { checked: 0, warnings: 0, breaches: 0, escalations: 0, failed: 0 };
  const escalations = new Map<number, Escalation>();
  const escalationOf = async (version: number): Promise<Escalation> => {
    const cached = escalations.get(version) ?? (await policyVersion(ctx.db, version)).policy.escalation;
    escalations.set(version, cached);
    return cached;
  };
  // a clock that failed stays due; it is not taken again in this run
  const failed = new Set<string>();
  for (;;) {
    const taken = await ctx.db.transaction().execute(async (trx) => {
      const due = await takeDueClocks(trx, now, batch, [...failed]);
      for (const k of due) {
        await savepoint(trx, 'sweep_clock');
        try {
          const r = await sweepOne(trx, k, now, await escalationOf(k.policy_version));
          await releaseSavepoint(trx, 'sweep_clock');
          counts.checked += 1;
          counts.warnings += r.warnings;
          counts.breaches += r.breaches;
          counts.escalations += r.escalations;
        } catch (err) {
          await rollbackToSavepoint(trx, 'sweep_clock');
          failed.add(k.id);
          counts.failed += 1;
          opts.onError?.(err, k.id);
        }
      }
      return due.length;
    });
    if (taken === 0) return counts;
  }
}

async function notifyTarget(trx: Database, complaintId: string): Promise<NotifyTarget> {
  const c = await findComplaintNotifyFields(trx, complaintId);
  return { id: c.id, number: c.number, departmentIds: c.department_ids, branchId: c.branch_id, assignee: c.assignee, tracker: c.tracker };
}

/** One clock: its effects, its new state, the events, the exception and the notifications. */
async function sweepOne(
  trx: Database,
  k: SweptClock,
  now: Date,
  escalation: Escalation,
): Promise<{ warnings: number; breaches: number; escalations: number }> {
  const outcome = sweepClock(
    {
      status: k.status,
      dueAt: k.due_at,
      warnAt: k.warn_at,
      warningsSent: k.warnings_sent,
      escalationStep: k.escalation_step,
      breachedAt: k.breached_at,
    },
    now,
    escalation.steps,
  );
  await saveSweptClock(trx, k.id, {
    status: outcome.status,
    warningsSent: outcome.warningsSent,
    escalationStep: outcome.escalationStep,
    breachedAt: outcome.breachedAt,
    nextCheckAt: outcome.nextCheckAt,
  });
  const counts = { warnings: 0, breaches: 0, escalations: 0 };
  if (outcome.effects.length === 0) return counts;

  const target = await notifyTarget(trx, k.complaint_id);
  const events: NewEvent[] = [];
  for (const e of outcome.effects) {
    events.push(await applyEffect(trx, k, target, e, escalation, now));
    if (e.type === 'warning') counts.warnings += 1;
    else if (e.type === 'breach') counts.breaches += 1;
    else counts.escalations += 1;
  }
  await appendEvents(trx, k.complaint_id, events);
  return counts;
}

/** Raises the exception and sends the notification of one effect; returns its event. */
async function applyEffect(
  trx: Database,
  k: SweptClock,
  target: NotifyTarget,
  e: SweepEffect,
  escalation: Escalation,
  now: Date,
): Promise<NewEvent> {
  const stalled = k.kind === STALLED_KIND;
  const common = { clockId: k.id, kind: k.kind, label: k.label, dueAt: k.due_at };
  // the notice names the clock; its text is rendered in each reader's language (message-templates.ts)
  const clock = { number: target.number, clockId: k.id, clockKind: k.kind, label: k.label, dueAt: k.due_at?.toISOString() ?? null };
  const send = (recipients: readonly Recipient[], kind: string, sourceKey: string, message: Message) =>
    notify(trx, target, recipients, { kind, sourceKey, message }, now);

  if (e.type === 'warning') {
    const notified = await send(escalation.warnNotify, 'clock_warning', `clock:${k.id}:warn:${e.index}`, {
      template: 'clock.warning',
      params: { ...clock, warning: e.index },
    });
    return {
      type: 'clock_warning',
      actor: SWEEPER_ACTOR,
      occurredAt: now,
      payload: { ...common, warning: e.index, warnAt: e.at, notified },
    };
  }
  if (e.type === 'breach') {
    const exception = stalled ? 'stalled' : 'breach';
    await raiseException(trx, {
      complaintId: k.complaint_id,
      kind: exception,
      clockId: k.id,
      sourceKey: `${exception}:${k.id}`,
      details: { ...common, number: target.number },
      at: now,
    });
    return { type: 'clock_breached', actor: SWEEPER_ACTOR, occurredAt: now, payload: { ...common, breachedAt: e.at, exception } };
  }
  const step = escalation.steps[e.step];
  const recipients = step?.notify ?? [];
  // step 0 is the notice of the breach itself; later steps tell more people after more time
  const notified =
    e.step === 0
      ? await send(recipients, stalled ? 'progress_stalled' : 'clock_breached', `clock:${k.id}:breach`, {
          template: stalled ? 'clock.stalled' : 'clock.breached',
          params: { ...clock, step: 0 },
        })
      : await send(recipients, 'clock_escalated', `clock:${k.id}:step:${e.step}`, {
          template: 'clock.escalated',
          params: { ...clock, step: e.step },
        });
  return {
    type: 'clock_escalated',
    actor: SWEEPER_ACTOR,
    occurredAt: now,
    payload: { ...common, step: e.step, stepAt: e.at, notify: recipients, notified },
  };
}
