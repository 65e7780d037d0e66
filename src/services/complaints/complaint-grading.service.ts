import { LEVEL_CLOCKS, planClock } from '../../domain/clocks/clock-plan.js';
import type { Level } from '../../domain/grading/grading.js';
import { ValidationError } from '../../domain/validation.js';
import { cancelClocks, insertClocks, listClocks } from '../../db/repositories/clock.repository.js';
import { updateComplaintLevel } from '../../db/repositories/complaint.repository.js';
import type { Principal } from '../../domain/access/permissions.js';
import { complaintInScope } from './complaint-access.js';
import { notify } from '../workflow/notify.service.js';
import { DomainError } from '../../domain/errors.js';
import { OPEN_STATUSES } from '../../domain/workflow/workflow.types.js';
import { appendEvents, type NewEvent } from '../../db/repositories/event.repository.js';
import { enqueueOutbox } from '../../db/repositories/outbox.repository.js';
import { loadWorkingCalendar } from '../administration/calendar.service.js';
import { clockPayload } from './complaint-intake.service.js';
import type { ServiceContext } from '../context.js';
import { currentPolicy } from '../administration/policy.service.js';

export interface GradeInput {
  level: Level;
  reason?: string | null;
}

/**
 * Confirms the proposed level or overrides it (R-C2). A change of level needs a reason, cancels
 * the old level's open clocks and plans the new level's from receipt, all recorded as events.
 */
export async function gradeComplaint(ctx: ServiceContext, p: Principal, idOrNumber: string, input: GradeInput): Promise<string> {
  const now = ctx.now();
  const actor = { id: p.username };
  const { version: policyVersion, policy } = await currentPolicy(ctx.db);
  const calendar = await loadWorkingCalendar(ctx.db);
  return ctx.db.transaction().execute(async (trx) => {
    const c = await complaintInScope(trx, p, idOrNumber, true);
    // a finished complaint keeps the level it was handled at
    if (!(OPEN_STATUSES as readonly string[]).includes(c.status)) {
      throw new DomainError('invalid_transition', { action: 'grade', status: c.status, reason: 'status' });
    }
    const from = c.level as Level;
    const changed = input.level !== from;
    const reason = input.reason?.trim() || null;
    if (changed && !reason) throw new ValidationError([{ field: 'reason', code: 'reason_required' }]);

    const events: NewEvent[] = [
      {
        type: changed ? 'regraded' : 'grading_confirmed',
        actor: actor.id,
        occurredAt: now,
        reason,
        payload: { from, to: input.level, proposedLevel: c.proposed_level, overridesProposal: input.level !== c.proposed_level },
      },
    ];
    if (changed) {
      const open = (await listClocks(trx, [c.id])).filter(
        (k) => (k.status === 'running' || k.status === 'paused') && (LEVEL_CLOCKS[from] as readonly string[]).includes(k.kind),
      );
      await cancelClocks(
        trx,
        open.map((k) => k.id),
        now,
      );
      const planned = LEVEL_CLOCKS[input.level].map((kind) => planClock(kind, c.received_at, { policy, calendar, timeZone: ctx.timeZone }));
      await insertClocks(trx, c.id, planned, policyVersion, now);
      events.push({
        type: 'clocks_replanned',
        actor: 'system',
        occurredAt: now,
        reason: 'level_changed',
        payload: { policyVersion, cancelled: open.map((k) => ({ kind: k.kind, dueAt: k.dueAt })), planned: planned.map(clockPayload) },
      });
    }
    await updateComplaintLevel(trx, c.id, {
      level: input.level,
      levelConfirmed: true,
      updatedAt: now,
      policyVersion: changed ? policyVersion : c.policy_version,
    });
    await appendEvents(trx, c.id, events);
    if (changed && input.level === 1) {
      await notify(
        trx,
        { id: c.id, number: c.number, departmentIds: c.department_ids, branchId: c.branch_id, assignee: c.assignee, tracker: c.tracker },
        ['supervisors', 'tracker'],
        {
          kind: 'level1_regraded',
          sourceKey: `regraded:${c.id}:${now.getTime()}`,
          message: { template: 'complaint.level1_regraded', params: { number: c.number, by: p.username } },
          exclude: p.username,
        },
        now,
      );
    }
    if (changed) {
      await enqueueOutbox(
        trx,
        [
          {
            topic: 'complaint.regraded',
            payload: { complaintId: c.id, from, to: input.level },
            idempotencyKey: `complaint.regraded:${c.id}:${now.getTime()}`,
          },
        ],
        now,
      );
    }
    return c.id;
  });
}
