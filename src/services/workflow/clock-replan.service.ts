import { computePlanned, durationOf, type PlannedClock } from '../../domain/clocks/clock-plan.js';
import type { ReplannedClockFacts } from '../../domain/events/event-types.js';
import { policySchema, type ClockKind, type DurationUnit, type Policy } from '../../domain/policy/policy.schema.js';
import { findPolicyVersion } from '../../db/repositories/policy.repository.js';
import { findComplaint } from '../../db/repositories/complaint.repository.js';
import { listClocks, listOpenClocks, updateClockPlan, type ClockRow } from '../../db/repositories/clock.repository.js';
import { appendEvents } from '../../db/repositories/event.repository.js';
import type { Actor, ServiceContext } from '../context.js';
import { loadWorkingCalendar } from '../administration/calendar.service.js';

/** Why open clocks are computed again. */
export type ReplanCause = { kind: 'calendar_changed' } | { kind: 'policy_changed'; version: number; policy: Policy };

const isOpen = (c: ClockRow) => c.status === 'running' || c.status === 'paused';

function changed(k: ClockRow, next: PlannedClock): boolean {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return (
    iso(k.dueAt) !== iso(next.dueAt) ||
    k.calendarConfirmed !== next.calendarConfirmed ||
    k.amount !== next.amount ||
    k.unit !== next.unit ||
    k.warnAt.map(iso).join() !== next.warnAt.map(iso).join()
  );
}

/**
 * After the calendar or the policy changed, every open clock is computed again from its own start
 * and pauses ("a later change re-plans only open clocks, and says so in the complaint's history").
 * Met, breached and cancelled clocks keep what they were. One transaction per complaint, one
 * `clocks_replanned` event listing what moved; clocks whose plan is unchanged are left alone.
 */
export async function replanOpenClocks(ctx: ServiceContext, actor: Actor, cause: ReplanCause): Promise<{ replanned: number }> {
  const calendar = await loadWorkingCalendar(ctx.db);
  const policies = new Map<number, Policy>();
  const policyOf = async (version: number) => {
    const cached = policies.get(version) ?? policySchema.parse((await findPolicyVersion(ctx.db, version))?.document);
    policies.set(version, cached);
    return cached;
  };
  const plan = async (k: ClockRow): Promise<{ next: PlannedClock; version: number }> => {
    const pauses = k.pauses.map((p) => ({ from: new Date(p.from), to: p.to ? new Date(p.to) : null }));
    const kind = k.kind as ClockKind;
    if (cause.kind === 'policy_changed') {
      // the investigation and regulatory clocks carry per-complaint decisions (approved extensions,
      // 30/60 days): a new policy keeps their amount and only brings its calendar and warnings
      const keepsAmount = kind === 'investigation' || kind === 'regulatory';
      const { amount, unit } = keepsAmount ? { amount: k.amount, unit: k.unit as DurationUnit } : durationOf(kind, cause.policy);
      const next = computePlanned(kind, amount, unit, k.startedAt, { policy: cause.policy, calendar, timeZone: ctx.timeZone }, pauses);
      return { next, version: cause.version };
    }
    const policy = await policyOf(k.policyVersion);
    const next = computePlanned(kind, k.amount, k.unit as DurationUnit, k.startedAt, { policy, calendar, timeZone: ctx.timeZone }, pauses);
    return { next, version: k.policyVersion };
  };

  const byComplaint = new Map<string, ClockRow[]>();
  // milestones and improvement actions keep the due time people set; everything else is re-planned
  const replannable = (k: ClockRow) => k.kind !== 'milestone' && k.subjectId === null;
  for (const k of (await listOpenClocks(ctx.db)).filter(replannable)) {
    const { next } = await plan(k);
    if (changed(k, next)) byComplaint.set(k.complaintId, [...(byComplaint.get(k.complaintId) ?? []), k]);
  }

  let replanned = 0;
  for (const [complaintId, candidates] of byComplaint) {
    replanned += await ctx.db.transaction().execute(async (trx) => {
      await findComplaint(trx, complaintId, true);
      // re-read under the lock: a clock may have been met, cancelled or re-planned meanwhile
      const fresh = new Map((await listClocks(trx, [complaintId])).map((c) => [c.id, c]));
      const moved: ReplannedClockFacts[] = [];
      for (const candidate of candidates) {
        const k = fresh.get(candidate.id);
        if (!k || !isOpen(k) || !replannable(k)) continue;
        const { next, version } = await plan(k);
        if (!changed(k, next)) continue;
        await updateClockPlan(trx, k.id, {
          ...next,
          policyVersion: version,
          nextCheckAt: k.status === 'running' ? (next.warnAt[k.warningsSent] ?? next.dueAt) : null,
        });
        moved.push({
          kind: k.kind,
          fromDueAt: k.dueAt,
          toDueAt: next.dueAt,
          amount: next.amount,
          unit: next.unit,
          calendarConfirmed: next.calendarConfirmed,
        });
      }
      if (moved.length === 0) return 0;
      await appendEvents(trx, complaintId, [
        {
          type: 'clocks_replanned',
          actor: actor.id,
          occurredAt: ctx.now(),
          reason: cause.kind,
          payload: { ...(cause.kind === 'policy_changed' ? { policyVersion: cause.version } : {}), clocks: moved },
        },
      ]);
      return moved.length;
    });
  }
  return { replanned };
}
