/**
 * Training sessions (#15 item 1, R-G1): when and where (or the online link), the trainer (a user),
 * materials (uploaded files, stored as evidence files are), the assessment (maximum score and pass
 * mark), attendance (present / absent / excused) and scores, pass or fail against the pass mark.
 */
import { randomUUID } from 'node:crypto';
import { can, type Principal } from '../../domain/access/permissions.js';
import { DomainError } from '../../domain/errors.js';
import { scoreFits, type AttendanceStatus, type SessionStatus } from '../../domain/training/training.js';
import { findMaterial, insertMaterial, listMaterials, type MaterialRow } from '../../db/repositories/training-material.repository.js';
import {
  findTrainingPlan,
  findTrainingSession,
  insertTrainingSession,
  listAttendance,
  listEnrolments,
  listSessionCases,
  publishedCaseIds,
  replaceSessionCases,
  updateTrainingSession,
  upsertAttendance,
} from '../../db/repositories/training.repository.js';
import { activeUsersByUsername } from '../../db/repositories/user.repository.js';
import type { StagedEvidenceFile } from '../workflow/handlers/evidence.handlers.js';
import { audit } from '../administration/audit.service.js';
import type { RequestMeta, ServiceContext } from '../context.js';
import { requireTraining } from './training-access.js';
import { attendanceView, sessionView, type AttendanceView, type SessionView } from './training-views.js';

export interface SessionInput {
  title: string;
  startsAt: Date;
  endsAt: Date;
  trainer: string;
  place: string | null;
  onlineUrl: string | null;
  maxScore: number | null;
  passMark: number | null;
}

export interface MaterialView {
  id: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: Date;
  createdBy: string;
}

export interface SessionDetail extends SessionView {
  planTitle: string;
  planStatus: string;
  attendance: AttendanceView[];
  materials: MaterialView[];
  /** teaching cases of the case library used in the session (案例分析) */
  cases: Array<{ id: string; title: string; status: string }>;
}

export interface AttendanceInput {
  username: string;
  status: AttendanceStatus;
  score: number | null;
}

const materialView = (m: MaterialRow): MaterialView => ({
  id: m.id,
  name: m.name,
  contentType: m.content_type,
  size: Number(m.size),
  sha256: m.sha256,
  createdAt: m.created_at,
  createdBy: m.created_by,
});

function checkAssessment(input: Pick<SessionInput, 'maxScore' | 'passMark' | 'startsAt' | 'endsAt'>): void {
  if (input.endsAt <= input.startsAt) throw new DomainError('range_inverted', {}, 'endsAt');
  if (input.passMark !== null && (input.maxScore === null || input.passMark > input.maxScore)) {
    throw new DomainError('training_score_out_of_range', { max: input.maxScore }, 'passMark');
  }
}

export async function getSession(ctx: ServiceContext, p: Principal, id: string): Promise<SessionDetail> {
  requireTraining(p, 'training.manage');
  const s = await findTrainingSession(ctx.db, id);
  if (!s) throw new DomainError('training_session_not_found', {}, 'id');
  const [plan, enrolled, marks, materials, cases] = await Promise.all([
    findTrainingPlan(ctx.db, s.plan_id),
    listEnrolments(ctx.db, s.plan_id),
    listAttendance(ctx.db, [id]),
    listMaterials(ctx.db, id),
    listSessionCases(ctx.db, id),
  ]);
  const byUser = new Map(marks.map((m) => [m.username, m]));
  return {
    ...sessionView(s),
    planTitle: plan?.title ?? '',
    planStatus: plan?.status ?? '',
    attendance: enrolled.map((e) => attendanceView(s, e, byUser.get(e.username))),
    materials: materials.map(materialView),
    cases,
  };
}

export async function createSession(
  ctx: ServiceContext,
  p: Principal,
  planId: string,
  input: SessionInput,
  meta: RequestMeta | null = null,
): Promise<SessionDetail> {
  requireTraining(p, 'training.manage');
  checkAssessment(input);
  const id = randomUUID();
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const plan = await findTrainingPlan(trx, planId, true);
    if (!plan) throw new DomainError('training_plan_not_found', {}, 'id');
    if (plan.status === 'completed' || plan.status === 'cancelled') throw new DomainError('training_plan_closed', { status: plan.status });
    if ((await activeUsersByUsername(trx, [input.trainer])).length === 0) {
      throw new DomainError('training_attendee_unknown', { value: input.trainer }, 'trainer');
    }
    await insertTrainingSession(trx, {
      id,
      plan_id: planId,
      title: input.title,
      starts_at: input.startsAt,
      ends_at: input.endsAt,
      trainer: input.trainer,
      place: input.place,
      online_url: input.onlineUrl,
      max_score: input.maxScore,
      pass_mark: input.passMark,
      status: 'scheduled',
      created_at: now,
      created_by: p.username,
      updated_at: now,
    });
    await audit(trx, meta, {
      at: now,
      actor: p.username,
      action: 'training.session.create',
      outcome: 'success',
      targetType: 'training_session',
      targetId: id,
    });
  });
  return getSession(ctx, p, id);
}

export async function changeSession(
  ctx: ServiceContext,
  p: Principal,
  id: string,
  patch: Partial<SessionInput> & { status?: SessionStatus },
  meta: RequestMeta | null = null,
): Promise<SessionDetail> {
  requireTraining(p, 'training.manage');
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const s = await findTrainingSession(trx, id, true);
    if (!s) throw new DomainError('training_session_not_found', {}, 'id');
    const merged = {
      startsAt: patch.startsAt ?? s.starts_at,
      endsAt: patch.endsAt ?? s.ends_at,
      maxScore: patch.maxScore !== undefined ? patch.maxScore : s.max_score === null ? null : Number(s.max_score),
      passMark: patch.passMark !== undefined ? patch.passMark : s.pass_mark === null ? null : Number(s.pass_mark),
    };
    checkAssessment(merged);
    if (patch.trainer && (await activeUsersByUsername(trx, [patch.trainer])).length === 0) {
      throw new DomainError('training_attendee_unknown', { value: patch.trainer }, 'trainer');
    }
    // a session moved to another day is reminded again the day before it
    const moved = patch.startsAt !== undefined && patch.startsAt.getTime() !== s.starts_at.getTime();
    await updateTrainingSession(trx, id, {
      title: patch.title,
      starts_at: patch.startsAt,
      ends_at: patch.endsAt,
      trainer: patch.trainer,
      place: patch.place,
      online_url: patch.onlineUrl,
      max_score: patch.maxScore,
      pass_mark: patch.passMark,
      status: patch.status,
      ...(moved ? { reminded_at: null } : {}),
      updated_at: now,
    });
    await audit(trx, meta, {
      at: now,
      actor: p.username,
      action: 'training.session.change',
      outcome: 'success',
      targetType: 'training_session',
      targetId: id,
      details: { status: patch.status ?? null },
    });
  });
  return getSession(ctx, p, id);
}

/** Marks attendance and scores of enrolled persons; a score must fit the session's assessment. */
export async function recordAttendance(
  ctx: ServiceContext,
  p: Principal,
  sessionId: string,
  marks: readonly AttendanceInput[],
  meta: RequestMeta | null = null,
): Promise<SessionDetail> {
  requireTraining(p, 'training.manage');
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const s = await findTrainingSession(trx, sessionId, true);
    if (!s) throw new DomainError('training_session_not_found', {}, 'id');
    const enrolled = new Set((await listEnrolments(trx, s.plan_id)).map((e) => e.username));
    const assessment = { maxScore: s.max_score === null ? null : Number(s.max_score), passMark: null };
    for (const [i, m] of marks.entries()) {
      if (!enrolled.has(m.username)) throw new DomainError('training_not_enrolled', { username: m.username }, `marks.${i}.username`);
      const score = m.status === 'present' ? m.score : null;
      if (m.status !== 'present' && m.score !== null)
        throw new DomainError('training_score_out_of_range', { max: assessment.maxScore }, `marks.${i}.score`);
      if (!scoreFits(assessment, score))
        throw new DomainError('training_score_out_of_range', { max: assessment.maxScore }, `marks.${i}.score`);
      await upsertAttendance(trx, {
        session_id: sessionId,
        username: m.username,
        status: m.status,
        score,
        recorded_at: now,
        recorded_by: p.username,
      });
    }
    await audit(trx, meta, {
      at: now,
      actor: p.username,
      action: 'training.attendance',
      outcome: 'success',
      targetType: 'training_session',
      targetId: sessionId,
      details: { marks: marks.map((m) => ({ username: m.username, status: m.status, score: m.score })) },
    });
  });
  return getSession(ctx, p, sessionId);
}

/** Stores an uploaded material (already staged and checked against the evidence limits). */
export async function addMaterial(
  ctx: ServiceContext,
  p: Principal,
  sessionId: string,
  file: StagedEvidenceFile,
  meta: RequestMeta | null = null,
): Promise<SessionDetail> {
  requireTraining(p, 'training.manage');
  const now = ctx.now();
  const id = randomUUID();
  await ctx.db.transaction().execute(async (trx) => {
    const s = await findTrainingSession(trx, sessionId, true);
    if (!s) throw new DomainError('training_session_not_found', {}, 'id');
    await insertMaterial(trx, { id, sessionId, ...file, at: now, by: p.username });
    await audit(trx, meta, {
      at: now,
      actor: p.username,
      action: 'training.material.add',
      outcome: 'success',
      targetType: 'training_session',
      targetId: sessionId,
      details: { materialId: id, name: file.name, sha256: file.sha256 },
    });
  });
  return getSession(ctx, p, sessionId);
}

/** A material's record, for the download: the trainers, and everyone enrolled in the session's plan. */
export async function readMaterial(ctx: ServiceContext, p: Principal, sessionId: string, id: string): Promise<MaterialRow> {
  requireTraining(p, 'training.read');
  const s = await findTrainingSession(ctx.db, sessionId);
  const m = s && (await findMaterial(ctx.db, sessionId, id));
  if (!s || !m) throw new DomainError('training_material_not_found', {}, 'id');
  if (!can(p, 'training.manage')) {
    const enrolled = (await listEnrolments(ctx.db, s.plan_id)).some((e) => e.username === p.username);
    if (!enrolled && s.trainer !== p.username) throw new DomainError('training_material_not_found', {}, 'id');
  }
  return m;
}

/** The teaching cases a session uses become exactly these; each must be a published case. */
export async function setSessionCases(
  ctx: ServiceContext,
  p: Principal,
  sessionId: string,
  caseIds: readonly string[],
  meta: RequestMeta | null = null,
): Promise<SessionDetail> {
  requireTraining(p, 'training.manage');
  const ids = [...new Set(caseIds)];
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const s = await findTrainingSession(trx, sessionId, true);
    if (!s) throw new DomainError('training_session_not_found', {}, 'id');
    const published = new Set(await publishedCaseIds(trx, ids));
    for (const [i, c] of ids.entries()) {
      if (!published.has(c)) throw new DomainError('training_case_not_published', { value: c }, `caseIds.${i}`);
    }
    await replaceSessionCases(trx, sessionId, ids, now, p.username);
    await audit(trx, meta, {
      at: now,
      actor: p.username,
      action: 'training.session.cases',
      outcome: 'success',
      targetType: 'training_session',
      targetId: sessionId,
      details: { caseIds: ids },
    });
  });
  return getSession(ctx, p, sessionId);
}
