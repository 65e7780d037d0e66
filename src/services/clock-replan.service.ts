import { computePlanned } from '../domain/clocks/clock-plan.js';
import type { ClockKind, DurationUnit } from '../domain/policy/policy.schema.js';
import { findComplaint } from '../db/repositories/complaint.repository.js';
import { openUnconfirmedClocks, updateClockDue } from '../db/repositories/clock.repository.js';
import { appendEvents } from '../db/repositories/event.repository.js';
import type { Actor, ServiceContext } from './context.js';
import { loadWorkingCalendar } from './calendar.service.js';
import { policyVersion } from './policy.service.js';

/**
 * After a year is confirmed, open clocks computed on the weekend-only fallback are computed again
 * on the real calendar (policy-defaults "Unconfirmed calendar"), each change recorded on its complaint.
 */
export async function replanUnconfirmedClocks(ctx: ServiceContext, actor: Actor): Promise<{ replanned: number }> {
  const calendar = await loadWorkingCalendar(ctx.db);
  const clocks = await openUnconfirmedClocks(ctx.db);
  let replanned = 0;
  for (const k of clocks) {
    const { policy } = await policyVersion(ctx.db, k.policyVersion);
    const pauses = k.pauses.map((p) => ({ from: new Date(p.from), to: p.to ? new Date(p.to) : null }));
    const next = computePlanned(k.kind as ClockKind, k.amount, k.unit as DurationUnit, k.startedAt, { policy, calendar, timeZone: ctx.timeZone }, pauses);
    await ctx.db.transaction().execute(async (trx) => {
      await findComplaint(trx, k.complaintId, true);
      await updateClockDue(trx, k.id, next);
      await appendEvents(trx, k.complaintId, [
        {
          type: 'clock_replanned',
          actor: actor.id,
          occurredAt: ctx.now(),
          reason: 'calendar_confirmed',
          payload: { kind: k.kind, fromDueAt: k.dueAt, toDueAt: next.dueAt, calendarConfirmed: next.calendarConfirmed },
        },
      ]);
    });
    replanned += 1;
  }
  return { replanned };
}
