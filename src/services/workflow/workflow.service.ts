import { randomUUID } from 'node:crypto';
import { can, type Principal } from '../../domain/access/permissions.js';
import { decide, type PolicyLimits } from '../../domain/workflow/decide.js';
import { TRANSITIONS } from '../../domain/workflow/transitions.js';
import type { Status, WorkflowState } from '../../domain/workflow/workflow.types.js';
import type { Level } from '../../domain/grading/grading.js';
import type { Policy } from '../../domain/policy/policy.schema.js';
import { DomainError } from '../../domain/errors.js';
import type { Database } from '../../db/database.js';
import { listOpenClockStatuses, OPEN_CLOCK, type ClockRow } from '../../db/repositories/clock.repository.js';
import { lockComplaintsInIdOrder, updateComplaint, type ComplaintRecord } from '../../db/repositories/complaint.repository.js';
import { appendEvents } from '../../db/repositories/event.repository.js';
import { stepEvent, type StepFacts } from '../../domain/events/event-types.js';
import { enqueueOutbox } from '../../db/repositories/outbox.repository.js';
import { insertRecord, listRecords, type RecordRow } from '../../db/repositories/record.repository.js';
import { loadWorkingCalendar } from '../administration/calendar.service.js';
import { assertMayHandle, complaintInScope } from '../complaints/complaint-access.js';
import type { RequestMeta, ServiceContext } from '../context.js';
import { currentPolicy } from '../administration/policy.service.js';
import { raiseException, resolveOpenExceptions } from './exceptions.service.js';
import { cancelOpenClocks, meetClocks, startClocks } from './clock-effects.js';
import { notify } from './notify.service.js';
import type { HandlerContext, WorkflowHandler } from './workflow-handler.js';

export function limitsOf(policy: Policy): PolicyLimits {
  return {
    investigationMaxDays: policy.clocks.investigation_max.amount,
    regulatoryExtendedDays: policy.regulatory.extendedDays,
    regulatoryMaxDays: policy.regulatory.maxDays,
    formalReviewFromRound: policy.reopen.formalReviewFromRound,
    formalReviewBy: policy.reopen.formalReviewBy,
  };
}

/** The rules' view of a complaint, read inside the action's transaction (and for the actions offered). */
export async function workflowState(
  db: Database,
  c: ComplaintRecord,
  policy: Pick<Policy, 'handling' | 'reopen'>,
  /** what the caller has already read (the detail view reads every clock and record anyway) */
  loaded: { records?: RecordRow[]; clocks?: ReadonlyArray<Pick<ClockRow, 'kind' | 'status'>> } = {},
): Promise<WorkflowState> {
  const open = (k: Pick<ClockRow, 'status'>) => (OPEN_CLOCK as readonly string[]).includes(k.status);
  const [records, clocks] = await Promise.all([
    loaded.records ?? listRecords(db, c.id),
    loaded.clocks ? loaded.clocks.filter(open) : listOpenClockStatuses(db, c.id),
  ]);
  const surveys = records.filter((r) => r.kind === 'survey' && r.round === c.round);
  const last = surveys[surveys.length - 1];
  const compensations = records.filter((r) => r.kind === 'compensation');
  const by = (r: RecordRow, key: string) => (typeof r.data[key] === 'string' ? (r.data[key] as string) : '');
  return {
    status: c.status as Status,
    level: c.level as Level,
    round: c.round,
    survey: last ? { satisfied: last.data.satisfied === true } : null,
    openClocks: clocks.map((k) => k.kind),
    regulatoryDays: c.regulatory_days,
    investigationDays: c.investigation_days,
    levelConfirmed: c.level_confirmed,
    paused: clocks.some((k) => k.status === 'paused'),
    unpaidCompensations: compensations.filter(
      (r) => r.status === 'approved' && (r.data.payment as { status?: unknown } | undefined)?.status !== 'paid',
    ).length,
    pendingCompensationsBy: compensations.filter((r) => r.status === 'proposed').map((r) => by(r, 'proposedBy')),
    pendingExtensionsBy: records.filter((r) => r.kind === 'extension_request' && r.status === 'pending').map((r) => by(r, 'requestedBy')),
    fourEyes: policy.handling.fourEyes,
    // from the formal-review round (#14 item 3); a complaint reopened into it before the reviewer was recorded: the leadership group
    review:
      c.round >= policy.reopen.formalReviewFromRound
        ? { by: c.review_by ?? 'leadership', reviewer: c.review_by ? c.reviewer : null }
        : null,
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
    const related = h.related?.(body);
    // the complaints a step changes are locked in one stable order (by id), so two steps on the same
    // pair (merges in opposite directions) wait for each other instead of deadlocking; the second
    // then sees the first one's result (e.g. its target merged: 409)
    if (related) await lockComplaintsInIdOrder(trx, [idOrNumber, related]);
    return performActionIn({ trx, ctx, meta, p, now, policy, policyVersion, calendar }, idOrNumber, h, body);
  });
}

/** What a step runs in: the transaction and what was loaded before it (the policy, the calendar, now). */
export type StepEnvironment = Omit<HandlerContext, 'complaint' | 'recordId'>;

/**
 * One workflow step inside a transaction already open: performAction's, or another step's that
 * changes a second complaint too (a complaint about handling whose findings reopen the original,
 * R-E5). The caller checked nothing about this step: its permission is checked here.
 */
export async function performActionIn(
  env0: StepEnvironment,
  idOrNumber: string,
  h: WorkflowHandler,
  body: unknown,
  /** false for a step another complaint's step causes (a finding of the supervision department reopening the original) */
  ownStep = true,
): Promise<string> {
  const { trx, ctx, p, now, policy, policyVersion, calendar } = env0;
  const rule = TRANSITIONS[h.action];
  if (!can(p, rule.permission)) throw new DomainError('forbidden', { action: rule.permission });
  const c = await complaintInScope(trx, p, idOrNumber, true);
  if (ownStep) await assertMayHandle(trx, p, rule.permission, c);
  const hc: HandlerContext = { ...env0, complaint: c, recordId: randomUUID() };
  const state = await workflowState(trx, c, policy);
  const facts = { ...(h.facts ? await h.facts(hc, body) : {}), actor: p.username, actorRoles: p.roles };
  const decision = decide(h.action, state, facts, limitsOf(policy));
  const result = await h.apply(hc, body, decision);
  if (result.record) {
    await insertRecord(trx, {
      id: hc.recordId,
      complaintId: c.id,
      kind: result.record.kind,
      round: decision.round,
      status: result.record.status ?? null,
      data: result.record.data,
      at: now,
      by: p.username,
    });
  }
  const env = { policy, calendar, timeZone: ctx.timeZone };
  // the clocks the step meets first (the conclusion meets the formal review), then the rest end
  const met = await meetClocks(trx, c.id, decision.stops, now);
  const cancelled = decision.cancelsAll ? await cancelOpenClocks(trx, c.id, now) : [];
  const started = await startClocks(trx, c.id, decision.starts, env, {
    at: now,
    round: decision.round,
    policyVersion,
    extra: result.clocks,
  });
  const after = result.afterClocks ? await result.afterClocks() : undefined;
  // a handling step moved the complaint (decide.ts isProgress): one rule, not each handler's
  const patch = { ...(result.patch ?? {}), ...(decision.progress ? { last_progress_at: now } : {}) };
  // leaving the workflow resolves its tracked exceptions: nobody follows up a finished complaint
  const exceptionsResolved = decision.cancelsAll
    ? await resolveOpenExceptions(trx, c.id, { at: now, by: p.username, resolution: `${rule.zh} / ${rule.en}` })
    : [];
  await updateComplaint(trx, c.id, { ...patch, status: decision.status, round: decision.round, updated_at: now });
  const stepFacts: StepFacts = {
    ...(result.record ? { recordId: hc.recordId } : {}),
    ...(decision.status !== c.status ? { fromStatus: c.status as Status, toStatus: decision.status } : {}),
    ...(decision.round !== c.round ? { round: decision.round } : {}),
    clocks: { met, cancelled, started: started.map((k) => ({ kind: k.kind, dueAt: k.dueAt, label: k.label ?? null })), ...(after ?? {}) },
    ...(exceptionsResolved.length > 0 ? { exceptionsResolved } : {}),
  };
  const event = stepEvent(h.action, result.payload, stepFacts);
  await appendEvents(trx, c.id, [{ ...event, actor: p.username, occurredAt: now, reason: result.reason ?? null }]);
  // messages to the outside with the step (#11): the handler's, and the final notice of a concluded complaint
  const outgoing = [
    ...(result.outbox ?? []),
    ...(decision.status === 'closed' && c.status !== 'closed'
      ? [{ topic: 'complaint.concluded', payload: { complaintId: c.id, number: c.number, round: decision.round } }]
      : []),
  ];
  await enqueueOutbox(
    trx,
    outgoing.map((o, i) => ({ ...o, idempotencyKey: `${o.topic}:${hc.recordId}:${i}` })),
    now,
  );
  const target = {
    id: c.id,
    number: c.number,
    departmentIds: patch.department_ids ?? c.department_ids,
    branchId: c.branch_id,
    assignee: patch.assignee ?? c.assignee,
    tracker: patch.tracker ?? c.tracker,
    reviewer: patch.reviewer !== undefined ? patch.reviewer : c.reviewer,
    reviewBy: patch.review_by !== undefined ? patch.review_by : c.review_by,
  };
  if (decision.exception) {
    await raiseException(trx, {
      complaintId: c.id,
      kind: decision.exception,
      clockId: null,
      sourceKey: `exception:${decision.exception}:${hc.recordId}`,
      details: { round: decision.round, by: p.username },
      at: now,
    });
  }
  await notify(
    trx,
    target,
    decision.notify,
    {
      kind: h.action,
      sourceKey: `action:${hc.recordId}`,
      message: { template: 'complaint.action', params: { number: c.number, action: h.action, by: p.username } },
      exclude: p.username,
    },
    now,
  );
  return c.id;
}
