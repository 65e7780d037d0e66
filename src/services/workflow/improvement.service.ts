/**
 * Improvement actions (R-D3, issue #4 item 6). Created by the workflow step
 * `create_improvement_action`; they live beyond the complaint: an owner, a department, a deadline
 * clock, the root causes they address, and the status open -> done -> verified (or back to open
 * with a new deadline when the verifier finds the action not effective).
 *
 * Every change locks the originating complaint first (as every writer does), appends an event to
 * its history and notifies the owner, in one transaction. Visibility: the complaint's data scope,
 * plus the action's owner and the members of the action's department (department-scoped roles).
 */
import { randomUUID } from 'node:crypto';
import type { Updateable } from 'kysely';
import { can, inScope, scopeFilter, type Principal } from '../../domain/access/permissions.js';
import { planClock, type ClockEnvironment, type PlannedClock } from '../../domain/clocks/clock-plan.js';
import { warningTimes } from '../../domain/clocks/deadline.js';
import { DomainError, type TransitionReason } from '../../domain/errors.js';
import { ValidationError } from '../../domain/validation.js';
import type { Database } from '../../db/database.js';
import { cancelSubjectClocks, insertClocks, meetSubjectClocks } from '../../db/repositories/clock.repository.js';
import { findComplaint, type ComplaintRecord } from '../../db/repositories/complaint.repository.js';
import { appendEvents } from '../../db/repositories/event.repository.js';
import {
  improvementEvent,
  type ImprovementChange,
  type ImprovementChangePayloads,
  type ImprovementClockFacts,
} from '../../domain/events/event-types.js';
import {
  findImprovementAction,
  listImprovementActions as listRows,
  updateImprovementAction as updateRow,
  type ImprovementActionRow,
  type ImprovementScope,
} from '../../db/repositories/improvement.repository.js';
import { activeUsersByUsername } from '../../db/repositories/user.repository.js';
import type { ImprovementActionsTable } from '../../db/schema.js';
import type { Recipient } from '../../domain/workflow/workflow.types.js';
import { loadWorkingCalendar } from '../administration/calendar.service.js';
import { scopeFacts } from '../complaints/complaint-access.js';
import type { ServiceContext } from '../context.js';
import { currentPolicy } from '../administration/policy.service.js';
import { decodeKeyset, encodeKeyset, isUuid } from './sweep/keyset-cursor.js';
import { notify } from './notify.service.js';

export type ImprovementStatus = 'open' | 'done' | 'verified';

export interface ImprovementActionView {
  id: string;
  complaint: { id: string; number: string; status: string; level: number };
  title: string;
  description: string;
  owner: string;
  departmentId: string | null;
  causeCodes: string[];
  status: ImprovementStatus;
  dueAt: Date;
  overdue: boolean;
  createdAt: Date;
  createdBy: string;
  doneAt: Date | null;
  doneBy: string | null;
  doneNote: string | null;
  verifiedAt: Date | null;
  verifiedBy: string | null;
  verifiedNote: string | null;
  updatedAt: Date;
}

export interface ImprovementQuery {
  status?: ImprovementStatus;
  owner?: string;
  departmentId?: string;
  complaintId?: string;
  overdue?: boolean;
  limit: number;
  cursor?: string;
}

export interface ImprovementPatch {
  owner?: string;
  dueAt?: string;
  description?: string | null;
}

/**
 * The deadline clock of an action: the policy's default duration (improvement_action, 20 working
 * days) from `start`, or the due time people set (kept as set: not re-planned by calendar or policy
 * changes, as its clock has a subject).
 */
export function improvementActionClock(start: Date, env: ClockEnvironment, dueAt?: Date | null): PlannedClock {
  if (!dueAt) return planClock('improvement_action', start, env);
  const minutes = Math.max(1, Math.ceil((dueAt.getTime() - start.getTime()) / 60_000));
  return {
    kind: 'improvement_action',
    amount: minutes,
    unit: 'minutes',
    startedAt: start,
    dueAt,
    warnAt: warningTimes(start, dueAt, env.policy.warningFractions),
    calendarConfirmed: true,
  };
}

/** A due time set by people must lie ahead. */
export function checkDueAt(dueAt: string | null | undefined, now: Date, field = 'dueAt'): Date | null {
  if (!dueAt) return null;
  const d = new Date(dueAt);
  if (d.getTime() <= now.getTime()) throw new ValidationError([{ field, code: 'due_at_not_in_future' }]);
  return d;
}

function scopeOf(p: Principal): ImprovementScope {
  const s = scopeFilter(p);
  return { ...s, owner: can(p, 'complaint.read') ? p.username : '' };
}

function visible(p: Principal, complaint: ComplaintRecord, a: Pick<ImprovementActionRow, 'owner' | 'department_id'>): boolean {
  if (inScope(p, scopeFacts(complaint))) return true;
  const s = scopeOf(p);
  return s.owner === a.owner || (a.department_id !== null && s.departmentIds.includes(a.department_id));
}

function toView(r: ImprovementActionRow, now: Date): ImprovementActionView {
  return {
    id: r.id,
    complaint: { id: r.complaint_id, number: r.complaint_number, status: r.complaint_status, level: r.complaint_level },
    title: r.title,
    description: r.description,
    owner: r.owner,
    departmentId: r.department_id,
    causeCodes: r.cause_codes,
    status: r.status,
    dueAt: r.due_at,
    overdue: r.status === 'open' && r.due_at.getTime() < now.getTime(),
    createdAt: r.created_at,
    createdBy: r.created_by,
    doneAt: r.done_at,
    doneBy: r.done_by,
    doneNote: r.done_note,
    verifiedAt: r.verified_at,
    verifiedBy: r.verified_by,
    verifiedNote: r.verified_note,
    updatedAt: r.updated_at,
  };
}

export async function listImprovementActions(
  ctx: ServiceContext,
  p: Principal,
  q: ImprovementQuery,
): Promise<{ items: ImprovementActionView[]; nextCursor: string | null }> {
  const now = ctx.now();
  if (q.departmentId && !isUuid(q.departmentId))
    throw new ValidationError([{ field: 'departmentId', code: 'invalid_format', params: { format: 'uuid' } }]);
  if (q.complaintId && !isUuid(q.complaintId))
    throw new ValidationError([{ field: 'complaintId', code: 'invalid_format', params: { format: 'uuid' } }]);
  const after = q.cursor ? decodeKeyset(q.cursor, 'cursor') : undefined;
  const rows = await listRows(ctx.db, { ...q, owner: q.owner?.toLowerCase(), scope: scopeOf(p), now, after, limit: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => toView(r, now)),
    nextCursor: rows.length > q.limit && last ? encodeKeyset({ at: last.due_at, id: last.id }) : null,
  };
}

export async function getImprovementAction(ctx: ServiceContext, p: Principal, id: string): Promise<ImprovementActionView> {
  const notFound = new DomainError('not_found', {}, 'id');
  if (!isUuid(id)) throw notFound;
  const row = await findImprovementAction(ctx.db, id);
  const complaint = row ? await findComplaint(ctx.db, row.complaint_id) : undefined;
  if (!row || !complaint || !visible(p, complaint, row)) throw notFound;
  return toView(row, ctx.now());
}

interface Change {
  patch: Updateable<ImprovementActionsTable>;
  event: ImprovementChange & { reason?: string | null };
  /** who besides the owner is told (supervisors, when it is done and awaits verification) */
  notify?: Recipient[];
  /** the notice's message (the action's title and the complaint number are its parameters) */
  template: 'improvement.done' | 'improvement.verified' | 'improvement.reopened' | 'improvement.updated';
  /** clock work after the row is written */
  clocks?: (trx: Database, a: ImprovementActionRow, complaint: ComplaintRecord) => Promise<ImprovementClockFacts>;
}

const refuse = (action: string, status: string, reason: TransitionReason) =>
  new DomainError('invalid_transition', { action, status, reason });

/** One change of one action: complaint locked, action locked, row updated, event appended, owner told. */
async function change(
  ctx: ServiceContext,
  p: Principal,
  id: string,
  decideChange: (a: ImprovementActionRow, now: Date, trx: Database) => Change | Promise<Change>,
): Promise<ImprovementActionView> {
  const notFound = new DomainError('not_found', {}, 'id');
  if (!isUuid(id)) throw notFound;
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const seen = await findImprovementAction(trx, id);
    if (!seen) throw notFound;
    const complaint = await findComplaint(trx, seen.complaint_id, true);
    if (!complaint || !visible(p, complaint, seen)) throw notFound;
    const a = await findImprovementAction(trx, id, true);
    if (!a) throw notFound;
    const c = await decideChange(a, now, trx);
    await updateRow(trx, id, { ...c.patch, updated_at: now });
    const clocks = c.clocks ? await c.clocks(trx, a, complaint) : {};
    const owner = typeof c.patch.owner === 'string' ? c.patch.owner : a.owner;
    await appendEvents(trx, complaint.id, [
      {
        ...improvementEvent({ improvementActionId: id, title: a.title }, c.event, clocks),
        actor: p.username,
        occurredAt: now,
        reason: c.event.reason ?? null,
      },
    ]);
    // the owner is told as the "assignee" of this notice; supervisors: the action's and the complaint's departments'
    const target = {
      id: complaint.id,
      number: complaint.number,
      departmentIds: [...new Set([...complaint.department_ids, ...(a.department_id ? [a.department_id] : [])])],
      branchId: complaint.branch_id,
      assignee: owner,
      tracker: complaint.tracker,
    };
    await notify(
      trx,
      target,
      ['assignee', ...(c.notify ?? [])],
      {
        kind: c.event.type,
        sourceKey: `improvement:${id}:${randomUUID()}`,
        message: { template: c.template, params: { number: complaint.number, improvementActionId: id, title: a.title, by: p.username } },
        exclude: p.username,
      },
      now,
    );
    const fresh = await findImprovementAction(trx, id);
    if (!fresh) throw notFound;
    return toView(fresh, now);
  });
}

/** open -> done, by the owner or a holder of improvement.manage; the deadline clock is met. */
export async function markImprovementDone(ctx: ServiceContext, p: Principal, id: string, note: string): Promise<ImprovementActionView> {
  return change(ctx, p, id, (a, now) => {
    if (a.owner !== p.username && !can(p, 'improvement.manage')) throw new DomainError('forbidden', { action: 'improvement.manage' });
    if (a.status !== 'open') throw refuse('improvement_done', a.status, 'improvement_not_open');
    return {
      patch: { status: 'done', done_at: now, done_by: p.username, done_note: note },
      event: { type: 'improvement_action_done', payload: { note, dueAt: a.due_at, late: now.getTime() > a.due_at.getTime() } },
      notify: ['supervisors'],
      template: 'improvement.done',
      clocks: async (trx) => ({ clockMet: (await meetSubjectClocks(trx, a.complaint_id, a.id, now)) > 0 }),
    };
  });
}

/**
 * done -> verified when effective; otherwise back to open with a new deadline (the policy's
 * default duration from now). The verifier holds improvement.manage and did not mark it done.
 */
export async function verifyImprovementAction(
  ctx: ServiceContext,
  p: Principal,
  id: string,
  v: { note: string; effective: boolean },
): Promise<ImprovementActionView> {
  if (!can(p, 'improvement.manage')) throw new DomainError('forbidden', { action: 'improvement.manage' });
  const [{ version, policy }, calendar] = await Promise.all([currentPolicy(ctx.db), loadWorkingCalendar(ctx.db)]);
  return change(ctx, p, id, (a, now) => {
    if (a.status !== 'done') throw refuse('improvement_verify', a.status, 'improvement_not_done');
    if (a.done_by === p.username)
      throw new DomainError('forbidden', { action: 'improvement.verify', reason: 'verifier_marked_done' }, 'id');
    if (v.effective) {
      return {
        patch: { status: 'verified', verified_at: now, verified_by: p.username, verified_note: v.note },
        event: { type: 'improvement_action_verified', payload: { note: v.note, effective: true } },
        template: 'improvement.verified',
      };
    }
    const clock = improvementActionClock(now, { policy, calendar, timeZone: ctx.timeZone });
    if (!clock.dueAt) throw new Error('an improvement action clock always has a due time');
    const dueAt = clock.dueAt;
    return {
      patch: { status: 'open', due_at: dueAt, done_at: null, done_by: null, done_note: null },
      event: {
        type: 'improvement_action_reopened',
        payload: { note: v.note, effective: false, previousDoneBy: a.done_by, dueAt },
        reason: v.note,
      },
      template: 'improvement.reopened',
      clocks: async (trx, _a, complaint) => {
        await insertClocks(trx, a.complaint_id, [{ ...clock, subjectId: a.id, label: a.title, round: complaint.round }], version, now);
        return { clockStarted: { dueAt } };
      },
    };
  });
}

/** Owner, due time or description; a verified action is final. A new due time restarts the open action's clock from now. */
export async function updateImprovementAction(
  ctx: ServiceContext,
  p: Principal,
  id: string,
  body: ImprovementPatch,
): Promise<ImprovementActionView> {
  if (!can(p, 'improvement.manage')) throw new DomainError('forbidden', { action: 'improvement.manage' });
  const [{ version, policy }, calendar] = await Promise.all([currentPolicy(ctx.db), loadWorkingCalendar(ctx.db)]);
  return change(ctx, p, id, async (a, now, trx) => {
    if (a.status === 'verified') throw refuse('improvement_update', a.status, 'improvement_verified');
    const dueAt = checkDueAt(body.dueAt, now);
    const owner = body.owner?.toLowerCase();
    if (owner && (await activeUsersByUsername(trx, [owner])).length === 0)
      throw new ValidationError([{ field: 'owner', code: 'unknown_user', params: { value: owner } }]);
    const patch: Updateable<ImprovementActionsTable> = {};
    const changed: ImprovementChangePayloads['improvement_action_updated']['changed'] = {};
    if (owner && owner !== a.owner) {
      patch.owner = owner;
      changed.owner = { from: a.owner, to: owner };
    }
    if (dueAt) {
      patch.due_at = dueAt;
      changed.dueAt = { from: a.due_at, to: dueAt };
    }
    if (body.description !== undefined) {
      patch.description = body.description ?? '';
      changed.description = true;
    }
    const clock = dueAt && a.status === 'open' ? improvementActionClock(now, { policy, calendar, timeZone: ctx.timeZone }, dueAt) : null;
    return {
      patch,
      event: { type: 'improvement_action_updated', payload: { changed } },
      template: 'improvement.updated',
      clocks: async (trx, _a, complaint) => {
        if (!clock) return {};
        await cancelSubjectClocks(trx, a.complaint_id, a.id, now);
        await insertClocks(trx, a.complaint_id, [{ ...clock, subjectId: a.id, label: a.title, round: complaint.round }], version, now);
        return { clockRestarted: { dueAt: clock.dueAt } };
      },
    };
  });
}
