/**
 * Training plans (#15 item 1, R-G1; policy §7.1-7.2): periodic, new-staff onboarding and special-topic
 * plans over the four content areas, with their sessions and enrolled persons. Attendees are chosen by
 * department, role or person and expanded to persons when enrolled (each row keeps how it was chosen),
 * so a later move to another department does not change who was trained. A special-topic plan may be
 * started from a statistics spike or an inspection finding; the plan names it and both sides link.
 */
import { randomUUID } from 'node:crypto';
import type { Principal } from '../../domain/access/permissions.js';
import { ROLES } from '../../domain/access/permissions.js';
import { DomainError } from '../../domain/errors.js';
import type { ContentArea, OriginKind, PlanStatus, TrainingKind } from '../../domain/training/training.js';
import type { Database } from '../../db/database.js';
import { findOrgUnitsByIds } from '../../db/repositories/org.repository.js';
import {
  currentOnboardingPlan,
  findOrigin,
  findTrainingPlan,
  insertEnrolments,
  insertTrainingPlan,
  listEnrolments,
  listTrainingPlans,
  listTrainingSessions,
  plansFromOrigin,
  updateTrainingPlan,
  usernamesInUnits,
} from '../../db/repositories/training.repository.js';
import { activeUsersByUsername, usersWithRole } from '../../db/repositories/user.repository.js';
import { audit } from '../administration/audit.service.js';
import type { RequestMeta, ServiceContext } from '../context.js';
import { requireTraining } from './training-access.js';
import {
  attendeeView,
  planSummaryView,
  sessionView,
  type AttendeeView,
  type OriginView,
  type PlanSummaryView,
  type SessionView,
} from './training-views.js';

export interface PlanInput {
  kind: TrainingKind;
  title: string;
  contentAreas: ContentArea[];
  periodFrom: string;
  periodTo: string;
  description: string;
  origin?: { kind: OriginKind; id: string } | null;
}

export interface PlanListItem extends PlanSummaryView {
  sessions: number;
  enrolled: number;
  nextSessionAt: Date | null;
}

export interface PlanDetail extends PlanSummaryView {
  origin: OriginView | null;
  sessions: SessionView[];
  attendees: AttendeeView[];
}

export interface EnrolInput {
  usernames: string[];
  departmentIds: string[];
  roles: string[];
}

export async function listPlans(ctx: ServiceContext, p: Principal): Promise<PlanListItem[]> {
  requireTraining(p, 'training.manage');
  return (await listTrainingPlans(ctx.db)).map((r) => ({
    ...planSummaryView(r),
    sessions: r.sessions,
    enrolled: r.enrolled,
    nextSessionAt: r.next_session_at,
  }));
}

function originLink(kind: OriginKind, planId: string | null): string {
  if (kind === 'spike') return '/board';
  return planId ? `/supervision/plans/${planId}` : '/supervision';
}

async function originView(db: Database, kind: OriginKind | null, id: string | null): Promise<OriginView | null> {
  if (!kind || !id) return null;
  const o = await findOrigin(db, kind, id);
  return { kind, id, text: o?.text ?? '', link: originLink(kind, o?.planId ?? null) };
}

export async function getPlan(ctx: ServiceContext, p: Principal, id: string): Promise<PlanDetail> {
  requireTraining(p, 'training.manage');
  const plan = await findTrainingPlan(ctx.db, id);
  if (!plan) throw new DomainError('training_plan_not_found', {}, 'id');
  const [sessions, attendees, origin] = await Promise.all([
    listTrainingSessions(ctx.db, [id]),
    listEnrolments(ctx.db, id),
    originView(ctx.db, plan.origin_kind as OriginKind | null, plan.origin_id),
  ]);
  return { ...planSummaryView(plan), origin, sessions: sessions.map(sessionView), attendees: attendees.map(attendeeView) };
}

export async function createPlan(
  ctx: ServiceContext,
  p: Principal,
  input: PlanInput,
  meta: RequestMeta | null = null,
): Promise<PlanDetail> {
  requireTraining(p, 'training.manage');
  if (input.periodTo < input.periodFrom) throw new DomainError('range_inverted', {}, 'periodTo');
  // a plan started from a spike or finding is a special-topic plan
  const origin = input.origin ?? null;
  if (origin && input.kind !== 'special') throw new DomainError('invalid_value', { values: ['special'] }, 'kind');
  const id = randomUUID();
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (origin && !(await findOrigin(trx, origin.kind, origin.id))) throw new DomainError('training_origin_not_found', {}, 'origin.id');
    await insertTrainingPlan(trx, {
      id,
      kind: input.kind,
      title: input.title,
      content_areas: [...new Set(input.contentAreas)],
      period_from: input.periodFrom,
      period_to: input.periodTo,
      description: input.description,
      status: 'active',
      origin_kind: origin?.kind ?? null,
      origin_id: origin?.id ?? null,
      created_at: now,
      created_by: p.username,
      updated_at: now,
      updated_by: p.username,
    });
    await audit(trx, meta, {
      at: now,
      actor: p.username,
      action: 'training.plan.create',
      outcome: 'success',
      targetType: 'training_plan',
      targetId: id,
      details: { kind: input.kind, origin },
    });
  });
  return getPlan(ctx, p, id);
}

export async function changePlan(
  ctx: ServiceContext,
  p: Principal,
  id: string,
  patch: Partial<Omit<PlanInput, 'origin' | 'kind'>> & { status?: PlanStatus },
  meta: RequestMeta | null = null,
): Promise<PlanDetail> {
  requireTraining(p, 'training.manage');
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const plan = await findTrainingPlan(trx, id, true);
    if (!plan) throw new DomainError('training_plan_not_found', {}, 'id');
    if (plan.status === 'completed' || plan.status === 'cancelled') throw new DomainError('training_plan_closed', { status: plan.status });
    const from = patch.periodFrom ?? plan.period_from;
    const to = patch.periodTo ?? plan.period_to;
    if (to < from) throw new DomainError('range_inverted', {}, 'periodTo');
    await updateTrainingPlan(trx, id, {
      title: patch.title,
      content_areas: patch.contentAreas && [...new Set(patch.contentAreas)],
      period_from: patch.periodFrom,
      period_to: patch.periodTo,
      description: patch.description,
      status: patch.status,
      updated_at: now,
      updated_by: p.username,
    });
    await audit(trx, meta, {
      at: now,
      actor: p.username,
      action: 'training.plan.change',
      outcome: 'success',
      targetType: 'training_plan',
      targetId: id,
      details: { status: patch.status ?? null },
    });
  });
  return getPlan(ctx, p, id);
}

/**
 * Enrols persons, the active members of departments and the active holders of roles, each expanded
 * to persons now and stored with how they were chosen (a person named and also in a department is
 * stored once, as first chosen). Returns the plan.
 */
export async function enrolAttendees(
  ctx: ServiceContext,
  p: Principal,
  planId: string,
  input: EnrolInput,
  meta: RequestMeta | null = null,
): Promise<PlanDetail & { added: string[] }> {
  requireTraining(p, 'training.manage');
  const now = ctx.now();
  const added = await ctx.db.transaction().execute(async (trx) => {
    const plan = await findTrainingPlan(trx, planId, true);
    if (!plan) throw new DomainError('training_plan_not_found', {}, 'id');
    if (plan.status === 'completed' || plan.status === 'cancelled') throw new DomainError('training_plan_closed', { status: plan.status });
    const rows = new Map<string, { source: 'person' | 'department' | 'role'; ref: string | null }>();
    const persons = await activeUsersByUsername(trx, input.usernames);
    for (const [i, u] of input.usernames.entries()) {
      if (!persons.some((x) => x.username === u)) throw new DomainError('training_attendee_unknown', { value: u }, `usernames.${i}`);
    }
    for (const u of persons) if (!rows.has(u.username)) rows.set(u.username, { source: 'person', ref: null });
    const units = await findOrgUnitsByIds(trx, input.departmentIds);
    for (const [i, d] of input.departmentIds.entries()) {
      if (!units.some((x) => x.id === d)) throw new DomainError('training_attendee_unknown', { value: d }, `departmentIds.${i}`);
      for (const u of await usernamesInUnits(trx, [d])) if (!rows.has(u)) rows.set(u, { source: 'department', ref: d });
    }
    for (const [i, r] of input.roles.entries()) {
      if (!(ROLES as readonly string[]).includes(r)) throw new DomainError('training_attendee_unknown', { value: r }, `roles.${i}`);
      for (const u of await usersWithRole(trx, r)) if (!rows.has(u.username)) rows.set(u.username, { source: 'role', ref: r });
    }
    const done = await insertEnrolments(
      trx,
      [...rows].map(([username, s]) => ({
        plan_id: planId,
        username,
        source: s.source,
        source_ref: s.ref,
        enrolled_at: now,
        enrolled_by: p.username,
      })),
    );
    await audit(trx, meta, {
      at: now,
      actor: p.username,
      action: 'training.enrol',
      outcome: 'success',
      targetType: 'training_plan',
      targetId: planId,
      details: { ...input, added: done },
    });
    return done;
  });
  return { ...(await getPlan(ctx, p, planId)), added };
}

/**
 * A new staff member joins the current onboarding plan (the active one running today, the latest
 * started), in the transaction that creates the account (user.service createUser). Nothing happens
 * without one.
 */
export async function enrolNewStaff(db: Database, username: string, at: Date, by: string, timeZone: string): Promise<string | null> {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
  const plan = await currentOnboardingPlan(db, today);
  if (!plan) return null;
  await insertEnrolments(db, [{ plan_id: plan.id, username, source: 'onboarding', source_ref: null, enrolled_at: at, enrolled_by: by }]);
  return plan.id;
}

/** The special-topic plans started from these spikes or findings, for their pages' "培训" links. */
export async function plansStartedFrom(
  ctx: ServiceContext,
  p: Principal,
  kind: OriginKind,
  ids: readonly string[],
): Promise<Array<{ id: string; title: string; status: PlanStatus; originId: string }>> {
  requireTraining(p, 'training.read');
  return (await plansFromOrigin(ctx.db, kind, ids)).map((r) => ({
    id: r.id,
    title: r.title,
    status: r.status as PlanStatus,
    originId: r.origin_id ?? '',
  }));
}
