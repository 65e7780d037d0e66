/**
 * Periodic assessments (#14 item 5, R-E6): opening one for a month or a quarter and a department (or
 * everyone) freezes a snapshot of every subject's KPI figures, targets, weights, scores and the ids
 * of the complaints behind each figure; a leader signs it off (signer, time, comment), after which it
 * never changes (migration 0024 refuses any other change). Each write is one transaction with its
 * audit row.
 */
import { randomUUID } from 'node:crypto';
import type { Principal } from '../../domain/access/permissions.js';
import { DomainError } from '../../domain/errors.js';
import { assessmentPeriod, periodEnded, type AssessmentPeriodKind } from '../../domain/supervision/assessment-period.js';
import { localDate } from '../../domain/time/zoned.js';
import {
  findAssessment,
  findAssessmentFor,
  insertAssessment,
  lockAssessmentPeriod,
  markSigned,
} from '../../db/repositories/assessment.repository.js';
import { kpiDepartments, kpiPeople } from '../../db/repositories/kpi.repository.js';
import { audit } from '../administration/audit.service.js';
import { currentPolicy } from '../administration/policy.service.js';
import type { RequestMeta, ServiceContext } from '../context.js';
import { computeKpis, type KpiSubjectRef } from './kpi-compute.js';

export interface OpenAssessment {
  periodKind: AssessmentPeriodKind;
  period: string;
  /** null or absent: everyone */
  departmentId?: string | null;
}

interface SubjectPlan {
  ref: KpiSubjectRef;
  kind: 'department' | 'person';
  subjectId: string;
  nameZh: string;
  nameEn: string;
  departmentIds: string[];
}

/** The subjects: the department and its people, or every department and every person in one. */
async function subjectsOf(ctx: ServiceContext, departmentId: string | null): Promise<SubjectPlan[]> {
  const all = await kpiDepartments(ctx.db);
  const departments = departmentId === null ? all : all.filter((d) => d.id === departmentId);
  if (departmentId !== null && departments.length === 0) throw new DomainError('kpi_subject_not_found', {}, 'departmentId');
  const people = await kpiPeople(ctx.db, departmentId === null ? 'all' : [departmentId]);
  return [
    ...departments.map((d): SubjectPlan => ({
      ref: { kind: 'department', id: d.id },
      kind: 'department',
      subjectId: d.id,
      nameZh: d.name_zh,
      nameEn: d.name_en,
      departmentIds: [d.id],
    })),
    ...people.map((u): SubjectPlan => ({
      ref: { kind: 'person', username: u.username },
      kind: 'person',
      subjectId: u.username,
      nameZh: u.display_name,
      nameEn: u.display_name,
      departmentIds: u.department_ids,
    })),
  ];
}

/** POST /api/assessments (`assessment.manage`): freezes the snapshot; returns the new assessment's id. */
export async function openAssessment(ctx: ServiceContext, meta: RequestMeta, p: Principal, body: OpenAssessment): Promise<string> {
  const period = assessmentPeriod(body.periodKind, body.period);
  if (!period) throw new DomainError('assessment_period_invalid', { value: body.period }, 'period');
  const now = ctx.now();
  if (!periodEnded(period, localDate(now, ctx.timeZone)))
    throw new DomainError('assessment_period_not_ended', { period: period.key }, 'period');
  const departmentId = body.departmentId ?? null;
  const subjects = await subjectsOf(ctx, departmentId);
  const { policy, version } = await currentPolicy(ctx.db);
  const id = randomUUID();
  await ctx.db.transaction().execute(async (trx) => {
    await lockAssessmentPeriod(trx, period.key);
    if (await findAssessmentFor(trx, period.key, departmentId)) throw new DomainError('assessment_exists', { period: period.key });
    // computed inside the transaction, so the snapshot is of one moment, and on the primary, never a
    // replica (readerOf answers the transaction: #16 item 6)
    const computed = await computeKpis(
      { ...ctx, db: trx },
      period,
      subjects.map((s) => s.ref),
      policy.assessment,
      now,
    );
    await insertAssessment(
      trx,
      {
        id,
        period_kind: period.kind,
        period: period.key,
        period_from: period.from,
        period_to: period.to,
        department_id: departmentId,
        status: 'frozen',
        policy_version: version,
        computed_at: now,
        created_by: p.username,
        created_at: now,
      },
      subjects.map((s, i) => ({
        assessment_id: id,
        seq: i + 1,
        kind: s.kind,
        subject_id: s.subjectId,
        name_zh: s.nameZh,
        name_en: s.nameEn,
        department_ids: s.departmentIds,
        score: computed[i]!.score,
      })),
      computed.flatMap((c, i) =>
        c.lines.map((l) => ({
          assessment_id: id,
          subject_seq: i + 1,
          code: l.code,
          value: l.value,
          numerator: l.numerator,
          denominator: l.denominator,
          target: l.target,
          weight: l.weight,
          achieved: l.achieved,
          met: l.met,
          base_ids: c.measures[l.code].baseIds,
          hit_ids: c.measures[l.code].hitIds,
        })),
      ),
    );
    await audit(trx, meta, {
      at: now,
      actor: p.username,
      action: 'assessment.open',
      outcome: 'success',
      targetType: 'assessment',
      targetId: id,
      details: { period: period.key, departmentId, subjects: subjects.length, policyVersion: version },
    });
  });
  return id;
}

/** POST /api/assessments/:id/sign (`assessment.sign`): once; a signed assessment is immutable. */
export async function signAssessment(
  ctx: ServiceContext,
  meta: RequestMeta,
  p: Principal,
  id: string,
  comment: string | null,
): Promise<void> {
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const a = await findAssessment(trx, id, true);
    if (!a) throw new DomainError('assessment_not_found');
    if (a.status === 'signed' || !(await markSigned(trx, id, p.username, now, comment)))
      throw new DomainError('assessment_signed', { signedBy: a.signed_by ?? '' });
    await audit(trx, meta, {
      at: now,
      actor: p.username,
      action: 'assessment.sign',
      outcome: 'success',
      targetType: 'assessment',
      targetId: id,
      details: { period: a.period, departmentId: a.department_id, comment },
    });
  });
}
