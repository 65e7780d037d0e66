/**
 * Rectification requests (#14 item 1, R-E4): issued by an inspector to a department or a person
 * (from a finding, a sampled complaint, an inspection as a whole, or a complaint about handling),
 * with a deadline `workingDays` working days ahead (the policy's supervision.rectification, the one
 * deadline function); open -> answered (the addressee or a member of the addressed department)
 * -> verified (the inspector; the request closes), or back to open with a new deadline when the
 * inspector rejects the answer. The clock is swept by rectification-sweep.service.ts.
 * Each change: the row, an event (rectification_events) and the notices, in one transaction.
 */
import { randomUUID } from 'node:crypto';
import { can, type Principal } from '../../domain/access/permissions.js';
import { nextCheck } from '../../domain/clocks/clock-sweep.js';
import { DomainError } from '../../domain/errors.js';
import { isAddressedTo, planRectificationClock, stepAllowed, type RectificationStep } from '../../domain/supervision/rectification.js';
import type { Policy } from '../../domain/policy/policy.schema.js';
import type { WorkingCalendar } from '../../domain/calendar/calendar.js';
import type { Database } from '../../db/database.js';
import {
  appendRectificationEvent,
  findFinding,
  findRequest,
  insertRequest,
  listRectificationEvents,
  listRequests,
  updateRequest,
  type RequestRow,
} from '../../db/repositories/inspection-rectification.repository.js';
import { findPlan } from '../../db/repositories/inspection.repository.js';
import { findOrgUnitsByIds } from '../../db/repositories/org.repository.js';
import { existingUsernames } from '../../db/repositories/user.repository.js';
import { findComplaintForSample } from '../../db/repositories/inspection.repository.js';
import { loadWorkingCalendar } from '../administration/calendar.service.js';
import { currentPolicy } from '../administration/policy.service.js';
import type { ServiceContext } from '../context.js';
import { requireInspectionRead, requirePermission } from './inspection-access.js';
import { requestView, type RequestView } from './inspection-views.js';
import { notifyRectification } from './rectification-notify.js';

export interface RectificationInput {
  planId?: string | null;
  findingId?: string | null;
  /** the complaint it is about (a sampled complaint, or a complaint about handling: #14 item 2) */
  complaintId?: string | null;
  departmentId?: string | null;
  addressee?: string | null;
  text: string;
  /** working days to the deadline; default the policy's supervision.rectification.workingDays */
  workingDays?: number;
}

export interface RectificationEnvironment {
  policy: Policy;
  policyVersion: number;
  calendar: WorkingCalendar;
  timeZone: string;
}

export async function rectificationEnvironment(ctx: ServiceContext): Promise<RectificationEnvironment> {
  const [{ version, policy }, calendar] = await Promise.all([currentPolicy(ctx.db), loadWorkingCalendar(ctx.db)]);
  return { policy, policyVersion: version, calendar, timeZone: ctx.timeZone };
}

function clockOf(start: Date, workingDays: number, env: RectificationEnvironment) {
  const clock = planRectificationClock(start, workingDays, {
    calendar: env.calendar,
    timeZone: env.timeZone,
    workingHours: env.policy.workingHours,
    warningFractions: env.policy.warningFractions,
  });
  const state = {
    status: 'running' as const,
    dueAt: clock.dueAt,
    warnAt: clock.warnAt,
    warningsSent: 0,
    escalationStep: 0,
    breachedAt: null,
  };
  return { ...clock, nextCheckAt: nextCheck(state, env.policy.supervision.rectification.steps) };
}

/**
 * Writes a request in the caller's transaction (for other use cases too: a complaint about
 * handling raises one with its complaint id). Checks the addressee exists; no permission check.
 */
export async function createRectificationRequest(
  trx: Database,
  env: RectificationEnvironment,
  input: RectificationInput,
  actor: string,
  now: Date,
): Promise<string> {
  const departmentId = input.departmentId ?? null;
  const addressee = input.addressee ?? null;
  if (!departmentId && !addressee) throw new DomainError('inspection_addressee_required', {}, 'departmentId');
  if (departmentId && (await findOrgUnitsByIds(trx, [departmentId])).length === 0)
    throw new DomainError('unknown_org_unit', { value: departmentId }, 'departmentId');
  if (addressee && (await existingUsernames(trx, [addressee])).length === 0)
    throw new DomainError('unknown_user', { value: addressee }, 'addressee');
  if (input.planId && !(await findPlan(trx, input.planId))) throw new DomainError('inspection_plan_not_found', {}, 'planId');
  if (input.findingId && !(await findFinding(trx, input.findingId))) throw new DomainError('inspection_finding_not_found', {}, 'findingId');
  if (input.complaintId && !(await findComplaintForSample(trx, input.complaintId)))
    throw new DomainError('complaint_not_found', {}, 'complaintId');
  const workingDays = input.workingDays ?? env.policy.supervision.rectification.workingDays;
  const clock = clockOf(now, workingDays, env);
  const id = randomUUID();
  await insertRequest(trx, {
    id,
    plan_id: input.planId ?? null,
    finding_id: input.findingId ?? null,
    complaint_id: input.complaintId ?? null,
    department_id: departmentId,
    addressee,
    text: input.text,
    status: 'open',
    working_days: workingDays,
    started_at: now,
    first_due_at: clock.dueAt,
    clock_status: 'running',
    due_at: clock.dueAt,
    warn_at: clock.warnAt,
    warnings_sent: 0,
    escalation_step: 0,
    rounds: 1,
    next_check_at: clock.nextCheckAt,
    policy_version: env.policyVersion,
    created_at: now,
    created_by: actor,
    updated_at: now,
  });
  await appendRectificationEvent(trx, { requestId: id, type: 'issued', actor, at: now, details: { dueAt: clock.dueAt, workingDays } });
  const row = await findRequest(trx, id);
  await notifyRectification(
    trx,
    row!,
    ['addressee', 'department_supervisors'],
    { event: 'issued', sourceKey: `rect:${id}:issued`, exclude: actor },
    now,
  );
  return id;
}

export async function issueRectification(ctx: ServiceContext, p: Principal, input: RectificationInput): Promise<RectificationDetail> {
  requirePermission(p, 'inspection.manage');
  const env = await rectificationEnvironment(ctx);
  const now = ctx.now();
  const id = await ctx.db.transaction().execute((trx) => createRectificationRequest(trx, env, input, p.username, now));
  return getRectification(ctx, p, id);
}

function canSee(p: Principal, r: RequestRow): boolean {
  if (can(p, 'inspection.manage') || can(p, 'inspection.read')) return true;
  return (
    can(p, 'inspection.respond') &&
    isAddressedTo({ departmentId: r.department_id, addressee: r.addressee }, { username: p.username, unitIds: p.departmentIds })
  );
}

export interface RectificationDetail extends RequestView {
  events: Array<{ type: string; actor: string; occurredAt: Date; details: Record<string, unknown> }>;
}

export async function getRectification(ctx: ServiceContext, p: Principal, id: string): Promise<RectificationDetail> {
  const r = await findRequest(ctx.db, id);
  if (!r || !canSee(p, r)) throw new DomainError('rectification_not_found');
  const events = await listRectificationEvents(ctx.db, id);
  return {
    ...requestView(r, ctx.now()),
    events: events.map((e) => ({ type: e.type, actor: e.actor, occurredAt: e.occurred_at, details: e.details })),
  };
}

/** Every request (inspectors and readers), optionally by status. */
export async function listRectifications(ctx: ServiceContext, p: Principal, status?: RequestRow['status']): Promise<RequestView[]> {
  requireInspectionRead(p);
  const now = ctx.now();
  return (await listRequests(ctx.db, status ? { status } : {})).map((r) => requestView(r, now));
}

/** The requests addressed to me or my departments. */
export async function listMyRectifications(ctx: ServiceContext, p: Principal): Promise<RequestView[]> {
  requirePermission(p, 'inspection.respond');
  const now = ctx.now();
  return (await listRequests(ctx.db, { addressedTo: { username: p.username, departmentIds: p.departmentIds } })).map((r) =>
    requestView(r, now),
  );
}

async function step(
  ctx: ServiceContext,
  p: Principal,
  id: string,
  kind: RectificationStep,
  apply: (trx: Database, r: RequestRow, now: Date) => Promise<void>,
): Promise<RectificationDetail> {
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const r = await findRequest(trx, id, true);
    if (!r) throw new DomainError('rectification_not_found');
    if (kind === 'answer') {
      if (!isAddressedTo({ departmentId: r.department_id, addressee: r.addressee }, { username: p.username, unitIds: p.departmentIds }))
        throw new DomainError('rectification_not_addressed');
    } else if (!canSee(p, r)) throw new DomainError('rectification_not_found');
    if (!stepAllowed(kind, r.status)) throw new DomainError('rectification_step_refused', { step: kind, status: r.status });
    await apply(trx, r, now);
  });
  return getRectification(ctx, p, id);
}

/** The addressee's (or the department's) answer: the request waits for the inspector; its clock stops. */
export async function answerRectification(ctx: ServiceContext, p: Principal, id: string, answer: string): Promise<RectificationDetail> {
  requirePermission(p, 'inspection.respond');
  return step(ctx, p, id, 'answer', async (trx, r, now) => {
    await updateRequest(trx, id, {
      status: 'answered',
      answer,
      answered_at: r.answered_at ?? now,
      answered_by: p.username,
      last_answered_at: now,
      clock_status: r.clock_status === 'running' ? 'met' : r.clock_status,
      next_check_at: null,
      updated_at: now,
    });
    await appendRectificationEvent(trx, {
      requestId: id,
      type: 'answered',
      actor: p.username,
      at: now,
      details: { answer, late: r.clock_status === 'breached' },
    });
    await notifyRectification(trx, r, ['supervision'], { event: 'answered', sourceKey: `rect:${id}:answered:${r.rounds}` }, now);
  });
}

/**
 * The inspector's verdict on an answer: accepted closes the request (verified); rejected sends it
 * back to open with a new deadline from now (`workingDays`, default the request's own).
 */
export async function verifyRectification(
  ctx: ServiceContext,
  p: Principal,
  id: string,
  v: { accepted: boolean; note: string; workingDays?: number },
): Promise<RectificationDetail> {
  requirePermission(p, 'inspection.manage');
  const env = v.accepted ? null : await rectificationEnvironment(ctx);
  return step(ctx, p, id, v.accepted ? 'verify' : 'reject', async (trx, r, now) => {
    if (v.accepted) {
      await updateRequest(trx, id, {
        status: 'verified',
        verified_at: now,
        verified_by: p.username,
        verdict_note: v.note,
        next_check_at: null,
        updated_at: now,
      });
      await appendRectificationEvent(trx, { requestId: id, type: 'verified', actor: p.username, at: now, details: { note: v.note } });
      await notifyRectification(trx, r, ['addressee'], { event: 'verified', sourceKey: `rect:${id}:verified` }, now);
      return;
    }
    const workingDays = v.workingDays ?? r.working_days;
    const clock = clockOf(now, workingDays, { ...env!, policyVersion: r.policy_version });
    await updateRequest(trx, id, {
      status: 'open',
      verdict_note: v.note,
      working_days: workingDays,
      started_at: now,
      due_at: clock.dueAt,
      warn_at: clock.warnAt,
      warnings_sent: 0,
      escalation_step: 0,
      breached_at: null,
      clock_status: 'running',
      next_check_at: clock.nextCheckAt,
      rounds: r.rounds + 1,
      updated_at: now,
    });
    await appendRectificationEvent(trx, {
      requestId: id,
      type: 'rejected',
      actor: p.username,
      at: now,
      details: { note: v.note, dueAt: clock.dueAt, round: r.rounds + 1 },
    });
    await notifyRectification(
      trx,
      { ...r, due_at: clock.dueAt },
      ['addressee', 'department_supervisors'],
      { event: 'rejected', sourceKey: `rect:${id}:rejected:${r.rounds}` },
      now,
    );
  });
}
