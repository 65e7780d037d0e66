/**
 * Reading periodic assessments (#14 item 5, R-E6): the list, one assessment with the subjects the
 * reader may see (domain/supervision/kpi-scope.ts), and the complaints behind one figure, so every
 * figure can be traced. Reads are recorded in the audit log, as KPI reads are.
 */
import { can, scopeFilter, type Principal } from '../../domain/access/permissions.js';
import { DomainError } from '../../domain/errors.js';
import { KPI_CODES, type KpiCode } from '../../domain/supervision/kpi.js';
import { kpiScope, seesDepartment, seesPerson, type KpiScope } from '../../domain/supervision/kpi-scope.js';
import {
  assessmentLines,
  assessmentSubjects,
  complaintsInScope,
  findAssessment,
  findAssessmentLine,
  listAssessments,
  type AssessmentRow,
  type AssessmentSubjectRow,
} from '../../db/repositories/assessment.repository.js';
import { findOrgUnitsByIds } from '../../db/repositories/org.repository.js';
import { userNames } from '../../db/repositories/board-plans.repository.js';
import { audit } from '../administration/audit.service.js';
import type { RequestMeta, ServiceContext } from '../context.js';

export interface Named {
  zh: string;
  en: string;
}

export interface AssessmentHeader {
  id: string;
  periodKind: 'month' | 'quarter';
  period: string;
  from: string;
  to: string;
  department: { id: string; name: Named } | null;
  status: 'frozen' | 'signed';
  policyVersion: number;
  computedAt: Date;
  createdBy: string;
  createdByName: string | null;
  createdAt: Date;
  signedBy: string | null;
  signedByName: string | null;
  signedAt: Date | null;
  signComment: string | null;
}

export interface AssessmentLineView {
  code: KpiCode;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  target: number | null;
  weight: number;
  achieved: number | null;
  met: boolean | null;
  /** how many complaints are behind the figure, and in its numerator */
  complaints: number;
  counted: number;
}

export interface AssessmentSubjectView {
  seq: number;
  kind: 'department' | 'person';
  id: string;
  name: Named;
  score: number | null;
  lines: AssessmentLineView[];
}

export interface AssessmentDetail extends AssessmentHeader {
  subjects: AssessmentSubjectView[];
  canSign: boolean;
}

const num = (v: string | null) => (v === null ? null : Number(v));

function scopeOf(p: Principal): KpiScope {
  const s = kpiScope(p);
  if (!s) throw new DomainError('forbidden');
  return s;
}

function visibleSubject(s: KpiScope, subject: AssessmentSubjectRow): boolean {
  return subject.kind === 'department' ? seesDepartment(s, subject.subject_id) : seesPerson(s, subject.subject_id, subject.department_ids);
}

async function headersOf(ctx: ServiceContext, rows: readonly AssessmentRow[]): Promise<AssessmentHeader[]> {
  const unitIds = [...new Set(rows.flatMap((r) => (r.department_id ? [r.department_id] : [])))];
  const people = [...new Set(rows.flatMap((r) => [r.created_by, ...(r.signed_by ? [r.signed_by] : [])]))];
  const [units, names] = await Promise.all([
    unitIds.length ? findOrgUnitsByIds(ctx.db, unitIds) : Promise.resolve([]),
    people.length ? userNames(ctx.db, people) : Promise.resolve(new Map<string, string>()),
  ]);
  const unit = new Map(units.map((u) => [u.id, { zh: u.name_zh, en: u.name_en }]));
  return rows.map((r) => ({
    id: r.id,
    periodKind: r.period_kind,
    period: r.period,
    from: r.period_from,
    to: r.period_to,
    department: r.department_id
      ? { id: r.department_id, name: unit.get(r.department_id) ?? { zh: r.department_id, en: r.department_id } }
      : null,
    status: r.status,
    policyVersion: r.policy_version,
    computedAt: r.computed_at,
    createdBy: r.created_by,
    createdByName: names.get(r.created_by) ?? null,
    createdAt: r.created_at,
    signedBy: r.signed_by,
    signedByName: r.signed_by ? (names.get(r.signed_by) ?? null) : null,
    signedAt: r.signed_at,
    signComment: r.sign_comment,
  }));
}

/** GET /api/assessments: newest period first. */
export async function assessmentList(
  ctx: ServiceContext,
  p: Principal,
): Promise<Array<AssessmentHeader & { subjects: number; score: number | null }>> {
  const s = scopeOf(p);
  const rows = await listAssessments(
    ctx.db,
    s.kind === 'all' ? 'all' : { departmentIds: s.kind === 'department' ? s.departmentIds : [], username: p.username },
  );
  const headers = await headersOf(ctx, rows);
  return headers.map((h, i) => ({ ...h, subjects: rows[i]!.subjects, score: num(rows[i]!.score) }));
}

/** One assessment with the subjects the reader may see; 404 when there is none. */
export async function assessmentSnapshot(ctx: ServiceContext, p: Principal, id: string): Promise<AssessmentDetail> {
  const s = scopeOf(p);
  const a = await findAssessment(ctx.db, id);
  if (!a) throw new DomainError('assessment_not_found');
  const subjects = (await assessmentSubjects(ctx.db, id)).filter((x) => visibleSubject(s, x));
  if (subjects.length === 0) throw new DomainError('assessment_not_found');
  const lines = await assessmentLines(
    ctx.db,
    id,
    subjects.map((x) => x.seq),
  );
  const order = (code: string) => KPI_CODES.indexOf(code as KpiCode);
  const [header] = await headersOf(ctx, [a]);
  return {
    ...header!,
    subjects: subjects.map((x) => ({
      seq: x.seq,
      kind: x.kind,
      id: x.subject_id,
      name: { zh: x.name_zh, en: x.name_en },
      score: num(x.score),
      lines: lines
        .filter((l) => l.subject_seq === x.seq)
        .sort((l, m) => order(l.code) - order(m.code))
        .map((l) => ({
          code: l.code as KpiCode,
          value: num(l.value),
          numerator: l.numerator,
          denominator: l.denominator,
          target: num(l.target),
          weight: Number(l.weight),
          achieved: num(l.achieved),
          met: l.met,
          complaints: Number(l.base_count),
          counted: Number(l.hit_count),
        })),
    })),
    canSign: a.status === 'frozen' && can(p, 'assessment.sign'),
  };
}

/** GET /api/assessments/:id: the snapshot, the read audited (`assessment.read`). */
export async function readAssessment(ctx: ServiceContext, meta: RequestMeta, p: Principal, id: string): Promise<AssessmentDetail> {
  const detail = await assessmentSnapshot(ctx, p, id);
  await audit(ctx.db, meta, {
    at: ctx.now(),
    actor: p.username,
    action: 'assessment.read',
    outcome: 'success',
    targetType: 'assessment',
    targetId: id,
    details: { period: detail.period, subjects: detail.subjects.length },
  });
  return detail;
}

export interface LineComplaints {
  subject: { seq: number; kind: 'department' | 'person'; id: string; name: Named };
  code: KpiCode;
  value: number | null;
  /** every complaint behind the figure, counted = in its numerator */
  items: Array<{
    id: string;
    number: string;
    status: string;
    level: number;
    receivedAt: Date;
    closedAt: Date | null;
    assignee: string | null;
    assigneeName: string | null;
    counted: boolean;
  }>;
  /** complaints behind the figure outside the reader's complaint scope (not listed) */
  hidden: number;
}

/** GET /api/assessments/:id/subjects/:seq/lines/:code/complaints: exactly the complaints behind one figure. */
export async function assessmentLineComplaints(
  ctx: ServiceContext,
  meta: RequestMeta,
  p: Principal,
  id: string,
  seq: number,
  code: KpiCode,
): Promise<LineComplaints> {
  const s = scopeOf(p);
  const subject = (await assessmentSubjects(ctx.db, id)).find((x) => x.seq === seq);
  if (!subject || !visibleSubject(s, subject)) throw new DomainError('assessment_line_not_found');
  const line = await findAssessmentLine(ctx.db, id, seq, code);
  if (!line) throw new DomainError('assessment_line_not_found');
  const ids = [...new Set([...line.base_ids, ...line.hit_ids])];
  const hits = new Set(line.hit_ids);
  const rows = await complaintsInScope(ctx.db, ids, scopeFilter(p));
  const handlers = [...new Set(rows.flatMap((r) => (r.assignee ? [r.assignee] : [])))];
  const names = handlers.length ? await userNames(ctx.db, handlers) : new Map<string, string>();
  await audit(ctx.db, meta, {
    at: ctx.now(),
    actor: p.username,
    action: 'assessment.read',
    outcome: 'success',
    targetType: 'assessment',
    targetId: id,
    details: { seq, code, complaints: rows.length },
  });
  return {
    subject: { seq, kind: subject.kind, id: subject.subject_id, name: { zh: subject.name_zh, en: subject.name_en } },
    code,
    value: num(line.value),
    items: rows.map((r) => ({
      id: r.id,
      number: r.number,
      status: r.status,
      level: r.level,
      receivedAt: r.received_at,
      closedAt: r.closed_at,
      assignee: r.assignee,
      assigneeName: r.assignee ? (names.get(r.assignee) ?? null) : null,
      counted: hits.has(r.id),
    })),
    hidden: ids.length - rows.length,
  };
}
