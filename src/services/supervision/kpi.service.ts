/**
 * KPIs per department and per person over any period (#14 item 5, R-E6): the figures, their targets
 * and weights from the current policy, the score, and a comparison (a department's people, or every
 * department), within what the reader may see (domain/supervision/kpi-scope.ts). Every read is
 * recorded in the audit log (`kpi.read`), as statistics reads are.
 */
import type { Principal } from '../../domain/access/permissions.js';
import { DomainError } from '../../domain/errors.js';
import { kpiScope, seesDepartment, seesPerson, type KpiScope } from '../../domain/supervision/kpi-scope.js';
import { assertNoIssues } from '../../domain/validation.js';
import { kpiDepartments, kpiPeople, type KpiDepartmentRow, type KpiPersonRow } from '../../db/repositories/kpi.repository.js';
import { audit } from '../administration/audit.service.js';
import { currentPolicy } from '../administration/policy.service.js';
import type { RequestMeta, ServiceContext } from '../context.js';
import { computeKpis, type KpiComputed, type KpiSubjectRef } from './kpi-compute.js';

export interface KpiQuery {
  /** local dates, inclusive */
  from: string;
  to: string;
  department?: string;
  person?: string;
}

export interface Named {
  zh: string;
  en: string;
}

export interface KpiSubjectView {
  kind: 'department' | 'person' | 'company';
  id: string | null;
  name: Named;
  score: number | null;
  lines: KpiComputed['lines'];
}

export interface KpiAnswer {
  from: string;
  to: string;
  policyVersion: number;
  subject: KpiSubjectView;
  /** the comparison: a department's people, or every department (company), none for a person */
  rows: KpiSubjectView[];
}

export interface KpiChoices {
  scope: KpiScope['kind'];
  departments: Array<{ id: string; code: string; name: Named }>;
  people: Array<{ username: string; name: string; departmentIds: string[] }>;
}

const COMPANY: Named = { zh: '全公司', en: 'Whole company' };

function scopeOf(p: Principal): KpiScope {
  const s = kpiScope(p);
  if (!s) throw new DomainError('forbidden');
  return s;
}

/** The departments and people the reader may ask KPIs for (the page's selectors). */
export async function kpiChoices(ctx: ServiceContext, p: Principal): Promise<KpiChoices> {
  const s = scopeOf(p);
  const departments = (await kpiDepartments(ctx.db)).filter((d) => seesDepartment(s, d.id));
  const people = (await kpiPeople(ctx.db, s.kind === 'all' ? 'all' : s.kind === 'department' ? s.departmentIds : [], [p.username])).filter(
    (u) => seesPerson(s, u.username, u.department_ids),
  );
  return {
    scope: s.kind,
    departments: departments.map((d) => ({ id: d.id, code: d.code, name: { zh: d.name_zh, en: d.name_en } })),
    people: people.map((u) => ({ username: u.username, name: u.display_name, departmentIds: u.department_ids })),
  };
}

interface Plan {
  subject: KpiSubjectRef;
  name: Named;
  rows: Array<{ ref: KpiSubjectRef; name: Named }>;
}

const personRef = (u: KpiPersonRow) => ({
  ref: { kind: 'person', username: u.username } as const,
  name: { zh: u.display_name, en: u.display_name },
});
const departmentRef = (d: KpiDepartmentRow) => ({ ref: { kind: 'department', id: d.id } as const, name: { zh: d.name_zh, en: d.name_en } });

/** What one query asks for: its subject and the comparison rows, or 404 when out of the reader's sight. */
async function planOf(ctx: ServiceContext, p: Principal, s: KpiScope, q: KpiQuery): Promise<Plan> {
  const departmentId = q.department ?? (q.person === undefined && s.kind === 'department' ? s.departmentIds[0] : undefined);
  if (departmentId !== undefined) {
    const d = (await kpiDepartments(ctx.db)).find((u) => u.id === departmentId);
    if (!d || !seesDepartment(s, d.id)) throw new DomainError('kpi_subject_not_found', {}, 'department');
    const people = await kpiPeople(ctx.db, [d.id]);
    return {
      ...departmentRef(d),
      subject: { kind: 'department', id: d.id },
      rows: people.filter((u) => seesPerson(s, u.username, u.department_ids)).map(personRef),
    };
  }
  const username = q.person ?? (s.kind === 'own' ? p.username : undefined);
  if (username !== undefined) {
    const [u] = await kpiPeople(ctx.db, [], [username]);
    if (!u || !seesPerson(s, u.username, u.department_ids)) throw new DomainError('kpi_subject_not_found', {}, 'person');
    return { subject: { kind: 'person', username: u.username }, name: personRef(u).name, rows: [] };
  }
  const departments = await kpiDepartments(ctx.db);
  return { subject: { kind: 'company' }, name: COMPANY, rows: departments.map(departmentRef) };
}

const view = (c: KpiComputed, name: Named): KpiSubjectView => ({
  kind: c.subject.kind,
  id: c.subject.kind === 'department' ? c.subject.id : c.subject.kind === 'person' ? c.subject.username : null,
  name,
  score: c.score,
  lines: c.lines,
});

/** GET /api/kpis: the figures and scores, recorded in the audit log (`kpi.read`). */
export async function readKpis(ctx: ServiceContext, meta: RequestMeta, p: Principal, q: KpiQuery): Promise<KpiAnswer> {
  assertNoIssues(q.from > q.to ? [{ field: 'querystring.to', code: 'range_inverted' }] : []);
  const s = scopeOf(p);
  const plan = await planOf(ctx, p, s, q);
  const { policy, version } = await currentPolicy(ctx.db);
  const now = ctx.now();
  const [main, ...rows] = await computeKpis(ctx, q, [plan.subject, ...plan.rows.map((r) => r.ref)], policy.assessment, now);
  const answer: KpiAnswer = {
    from: q.from,
    to: q.to,
    policyVersion: version,
    subject: view(main!, plan.name),
    rows: rows.map((r, i) => view(r, plan.rows[i]!.name)),
  };
  await audit(ctx.db, meta, {
    at: now,
    actor: p.username,
    action: 'kpi.read',
    outcome: 'success',
    targetType: 'kpi',
    targetId: answer.subject.id ?? 'company',
    details: { from: q.from, to: q.to, subject: answer.subject.kind, id: answer.subject.id, rows: answer.rows.length },
  });
  return answer;
}
