import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { can, type Principal } from '../../domain/access/permissions.js';
import { decide, type PolicyLimits } from '../../domain/workflow/decide.js';
import { TRANSITIONS } from '../../domain/workflow/transitions.js';
import type { Status, WorkflowAction, WorkflowState } from '../../domain/workflow/workflow.types.js';
import type { Level } from '../../domain/grading/grading.js';
import type { Policy } from '../../domain/policy/policy.schema.js';
import { DomainError } from '../../domain/errors.js';
import type { Database } from '../../db/database.js';
import type { ComplaintRecord } from '../../db/repositories/complaint.repository.js';
import { appendEvents } from '../../db/repositories/event.repository.js';
import { insertRecord, listRecords } from '../../db/repositories/record.repository.js';
import { loadWorkingCalendar } from '../calendar.service.js';
import { complaintInScope } from '../complaint-access.js';
import type { RequestMeta, ServiceContext } from '../context.js';
import { currentPolicy } from '../policy.service.js';
import { raiseException } from './exceptions.service.js';
import { cancelOpenClocks, meetClocks, openClockKinds, startClocks } from './clock-effects.js';
import { notify } from './notify.service.js';
import type { HandlerContext, WorkflowHandler } from './workflow-handler.js';

export function limitsOf(policy: Policy): PolicyLimits {
  return {
    investigationMaxDays: policy.clocks.investigation_max.amount,
    regulatoryExtendedDays: policy.regulatory.extendedDays,
    regulatoryMaxDays: policy.regulatory.maxDays,
    formalReviewFromRound: policy.reopen.formalReviewFromRound,
  };
}

/** The rules' view of a complaint, read inside the action's transaction. */
export async function workflowState(db: Database, c: ComplaintRecord): Promise<WorkflowState> {
  const surveys = (await listRecords(db, c.id, 'survey')).filter((r) => r.round === c.round);
  const last = surveys[surveys.length - 1];
  return {
    status: c.status as Status,
    level: c.level as Level,
    round: c.round,
    survey: last ? { satisfied: last.data.satisfied === true } : null,
    openClocks: await openClockKinds(db, c.id),
    regulatoryDays: c.regulatory_days,
    investigationDays: c.investigation_days,
  };
}

/**
 * Performs one workflow action (issue #4): load the complaint in scope and lock it, ask the
 * transition table, let the action's handler validate and write its record, apply the clock
 * effects, update the complaint, append the event, notify the people the step names, all in one
 * transaction. A forbidden step is a 409 naming the reason; nothing is written.
 */
export async function performAction(
  ctx: ServiceContext,
  meta: RequestMeta,
  p: Principal,
  idOrNumber: string,
  h: WorkflowHandler,
  body: unknown,
): Promise<string> {
  const rule = TRANSITIONS[h.action];
  if (!can(p, rule.permission)) throw new DomainError('forbidden', { action: rule.permission });
  const now = ctx.now();
  const { version: policyVersion, policy } = await currentPolicy(ctx.db);
  const calendar = await loadWorkingCalendar(ctx.db);
  return ctx.db.transaction().execute(async (trx) => {
    const c = await complaintInScope(trx, p, idOrNumber, true);
    const hc: HandlerContext = { trx, ctx, meta, p, complaint: c, now, policy, policyVersion, calendar, recordId: randomUUID() };
    const state = await workflowState(trx, c);
    const facts = h.facts ? await h.facts(hc, body) : {};
    const decision = decide(h.action, state, facts, limitsOf(policy));
    const result = await h.apply(hc, body, decision);
    if (result.record) {
      await insertRecord(trx, { id: hc.recordId, complaintId: c.id, kind: result.record.kind, round: decision.round, status: result.record.status ?? null, data: result.record.data, at: now, by: p.username });
    }
    const env = { policy, calendar, timeZone: ctx.timeZone };
    const cancelled = decision.cancelsAll ? await cancelOpenClocks(trx, c.id, now) : [];
    const met = await meetClocks(trx, c.id, decision.stops, now);
    const started = await startClocks(trx, c.id, decision.starts, env, { at: now, round: decision.round, policyVersion, extra: result.clocks });
    const after = result.afterClocks ? await result.afterClocks() : undefined;
    const patch = result.patch ?? {};
    await trx
      .updateTable('complaints')
      .set({ ...patch, status: decision.status, round: decision.round, updated_at: now, row_version: sql`row_version + 1` })
      .where('id', '=', c.id)
      .execute();
    const payload = {
      ...result.payload,
      ...(result.record ? { recordId: hc.recordId } : {}),
      ...(decision.status !== c.status ? { fromStatus: c.status, toStatus: decision.status } : {}),
      ...(decision.round !== c.round ? { round: decision.round } : {}),
      clocks: { met, cancelled, started: started.map((k) => ({ kind: k.kind, dueAt: k.dueAt, label: k.label ?? null })), ...(after ?? {}) },
    };
    await appendEvents(trx, c.id, [{ type: h.action, actor: p.username, occurredAt: now, reason: result.reason ?? null, payload }]);
    const target = {
      id: c.id,
      number: c.number,
      departmentIds: patch.department_ids ?? c.department_ids,
      branchId: c.branch_id,
      assignee: patch.assignee ?? c.assignee,
      tracker: patch.tracker ?? c.tracker,
    };
    if (decision.exception) {
      await raiseException(trx, { complaintId: c.id, kind: decision.exception, clockId: null, sourceKey: `exception:${decision.exception}:${hc.recordId}`, details: { round: decision.round, by: p.username }, at: now });
    }
    await notify(trx, target, decision.notify, { kind: h.action, sourceKey: `action:${hc.recordId}`, title: `${c.number} ${rule.zh}`, body: { action: h.action, en: `${c.number} ${rule.en}`, by: p.username }, exclude: p.username }, now);
    return c.id;
  });
}
