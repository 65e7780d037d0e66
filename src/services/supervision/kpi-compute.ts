/**
 * The KPIs of several subjects over one period (#14 item 5, R-E6), read once for all of them: the
 * complaint facts, inspection scores and rectification requests of the period, narrowed per subject
 * and scored against the policy's targets. Shared by the KPI pages and the assessment snapshot.
 */
import { assessKpis, type KpiLine } from '../../domain/supervision/kpi.js';
import { figuresOf, kpiMeasures, sourcesOf, type KpiMeasures, type KpiSources, type Period } from '../../domain/supervision/kpi-figures.js';
import type { AssessmentPolicy } from '../../domain/policy/policy.assessment.js';
import { inspectionScoreRows, kpiFactRows, rectificationRows, type KpiRowsFor } from '../../db/repositories/kpi.repository.js';
import { completionRows } from '../../db/repositories/training.repository.js';
import { sessionResult, type AttendanceStatus } from '../../domain/training/training.js';
import { readerOf, type ServiceContext } from '../context.js';

/** A subject: a department, a person (handler), or the company as a whole. */
export type KpiSubjectRef = { kind: 'department'; id: string } | { kind: 'person'; username: string } | { kind: 'company' };

export interface KpiComputed {
  subject: KpiSubjectRef;
  score: number | null;
  lines: Array<KpiLine & { numerator: number | null; denominator: number | null }>;
  measures: KpiMeasures;
}

/** Whose rows the subjects need (the union of their departments and people). */
function rowsFor(subjects: readonly KpiSubjectRef[]): KpiRowsFor {
  if (subjects.some((s) => s.kind === 'company')) return 'all';
  return {
    departmentIds: subjects.flatMap((s) => (s.kind === 'department' ? [s.id] : [])),
    usernames: subjects.flatMap((s) => (s.kind === 'person' ? [s.username] : [])),
  };
}

/**
 * The period's rows: from the replica when there is one (the KPI pages, #16 item 6), from the
 * transaction when `ctx.db` is one (the assessment's frozen snapshot reads the primary: `readerOf`).
 */
export async function loadKpiSources(ctx: ServiceContext, period: Period, subjects: readonly KpiSubjectRef[]): Promise<KpiSources> {
  const w = { ...period, timeZone: ctx.timeZone };
  const who = rowsFor(subjects);
  const db = readerOf(ctx);
  const [facts, inspections, rectifications, trainingRows] = await Promise.all([
    kpiFactRows(db, w, who),
    inspectionScoreRows(db, w, who),
    rectificationRows(db, w, who),
    completionRows(db, w),
  ]);
  // training_completion (#15 item 1): each enrolled person's sessions that ended in the period
  const num = (v: string | null) => (v === null ? null : Number(v));
  const training = trainingRows.map((r) => ({
    username: r.username,
    unitIds: r.unit_ids,
    sessionId: r.session_id,
    endedOn: r.ended_on,
    passed:
      sessionResult(
        { maxScore: num(r.max_score), passMark: num(r.pass_mark) },
        r.status === null ? null : { status: r.status as AttendanceStatus, score: num(r.score) },
      ) === 'passed',
  }));
  return { facts, inspections, rectifications, training };
}

export function scoreSubject(
  src: KpiSources,
  subject: KpiSubjectRef,
  period: Period,
  now: Date,
  assessment: AssessmentPolicy,
): KpiComputed {
  const mine = subject.kind === 'company' ? src : sourcesOf(src, subject);
  const measures = kpiMeasures(mine, period, now);
  const { score, lines } = assessKpis(figuresOf(measures), assessment.targets);
  return {
    subject,
    score,
    lines: lines.map((l) => ({ ...l, numerator: measures[l.code].numerator, denominator: measures[l.code].denominator })),
    measures,
  };
}

/** Every subject's KPIs, from one read of the period. */
export async function computeKpis(
  ctx: ServiceContext,
  period: Period,
  subjects: readonly KpiSubjectRef[],
  assessment: AssessmentPolicy,
  now: Date,
): Promise<KpiComputed[]> {
  if (subjects.length === 0) return [];
  const src = await loadKpiSources(ctx, period, subjects);
  return subjects.map((s) => scoreSubject(src, s, period, now, assessment));
}
