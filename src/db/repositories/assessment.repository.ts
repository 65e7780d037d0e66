/**
 * Periodic assessments (#14 item 5, R-E6; migration 0024): the frozen snapshot (the assessment, its
 * subjects and their KPI lines with the complaint ids behind each figure), its sign-off, and the
 * complaints of a line as the reader may see them.
 */
import { sql, type Insertable, type Selectable } from 'kysely';
import type { ScopeFilter } from '../../domain/access/permissions.js';
import type { Database } from '../database.js';
import type { AssessmentLinesTable, AssessmentSubjectsTable, AssessmentsTable } from '../schema-assessments.js';
import { scopeSql } from './complaint-scope.js';

export type AssessmentRow = Selectable<AssessmentsTable>;
export type AssessmentSubjectRow = Selectable<AssessmentSubjectsTable>;
export type AssessmentLineRow = Selectable<AssessmentLinesTable>;

export async function insertAssessment(
  db: Database,
  a: Insertable<AssessmentsTable>,
  subjects: ReadonlyArray<Insertable<AssessmentSubjectsTable>>,
  lines: ReadonlyArray<Insertable<AssessmentLinesTable>>,
): Promise<void> {
  await db.insertInto('assessments').values(a).execute();
  if (subjects.length > 0)
    await db
      .insertInto('assessment_subjects')
      .values([...subjects])
      .execute();
  // in batches: a company-wide assessment has a line per KPI for every department and person
  for (let i = 0; i < lines.length; i += 500)
    await db
      .insertInto('assessment_lines')
      .values(lines.slice(i, i + 500))
      .execute();
}

export async function findAssessmentFor(db: Database, period: string, departmentId: string | null): Promise<AssessmentRow | undefined> {
  return db
    .selectFrom('assessments')
    .selectAll()
    .where('period', '=', period)
    .where((eb) => (departmentId === null ? eb('department_id', 'is', null) : eb('department_id', '=', departmentId)))
    .executeTakeFirst();
}

export async function findAssessment(db: Database, id: string, forUpdate = false): Promise<AssessmentRow | undefined> {
  const q = db.selectFrom('assessments').selectAll().where('id', '=', id);
  return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
}

export interface AssessmentListRow extends AssessmentRow {
  subjects: number;
  /** the department subject's score, or null */
  score: string | null;
}

/**
 * The assessments, newest period first. A reader who does not see everything gets those of their
 * departments, the company-wide ones, and those naming them.
 */
export async function listAssessments(
  db: Database,
  visible: 'all' | { departmentIds: readonly string[]; username: string },
  limit = 200,
): Promise<AssessmentListRow[]> {
  let q = db
    .selectFrom('assessments as a')
    .selectAll('a')
    .select((eb) => [
      eb
        .selectFrom('assessment_subjects as s')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('s.assessment_id', '=', 'a.id')
        .as('subjects'),
      eb
        .selectFrom('assessment_subjects as s')
        .select('s.score')
        .whereRef('s.assessment_id', '=', 'a.id')
        .where('s.kind', '=', 'department')
        .whereRef(sql`s.subject_id`, '=', sql`a.department_id::text`)
        .as('score'),
    ])
    .orderBy('a.period_to', 'desc')
    .orderBy('a.created_at', 'desc')
    .limit(limit);
  if (visible !== 'all') {
    const v = visible;
    q = q.where((eb) =>
      eb.or([
        eb('a.department_id', 'is', null),
        ...(v.departmentIds.length > 0 ? [eb('a.department_id', 'in', [...v.departmentIds])] : []),
        eb.exists(
          eb
            .selectFrom('assessment_subjects as s')
            .select('s.seq')
            .whereRef('s.assessment_id', '=', 'a.id')
            .where('s.kind', '=', 'person')
            .where('s.subject_id', '=', v.username),
        ),
      ]),
    );
  }
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, subjects: Number(r.subjects ?? 0), score: r.score ?? null }));
}

export async function assessmentSubjects(db: Database, id: string): Promise<AssessmentSubjectRow[]> {
  return db.selectFrom('assessment_subjects').selectAll().where('assessment_id', '=', id).orderBy('seq').execute();
}

/** The lines of some subjects, without the id lists (their sizes instead). */
export async function assessmentLines(
  db: Database,
  id: string,
  seqs: readonly number[],
): Promise<Array<Omit<AssessmentLineRow, 'base_ids' | 'hit_ids'> & { base_count: number; hit_count: number }>> {
  if (seqs.length === 0) return [];
  return db
    .selectFrom('assessment_lines')
    .select([
      'assessment_id',
      'subject_seq',
      'code',
      'value',
      'numerator',
      'denominator',
      'target',
      'weight',
      'achieved',
      'met',
      sql<number>`cardinality(base_ids)`.as('base_count'),
      sql<number>`cardinality(hit_ids)`.as('hit_count'),
    ])
    .where('assessment_id', '=', id)
    .where('subject_seq', 'in', [...seqs])
    .orderBy('subject_seq')
    .execute();
}

export async function findAssessmentLine(db: Database, id: string, seq: number, code: string): Promise<AssessmentLineRow | undefined> {
  return db
    .selectFrom('assessment_lines')
    .selectAll()
    .where('assessment_id', '=', id)
    .where('subject_seq', '=', seq)
    .where('code', '=', code)
    .executeTakeFirst();
}

/** Records the sign-off of a frozen assessment; false when it was not frozen. */
export async function markSigned(db: Database, id: string, by: string, at: Date, comment: string | null): Promise<boolean> {
  const r = await db
    .updateTable('assessments')
    .set({ status: 'signed', signed_by: by, signed_at: at, sign_comment: comment })
    .where('id', '=', id)
    .where('status', '=', 'frozen')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface LineComplaintRow {
  id: string;
  number: string;
  status: string;
  level: number;
  received_at: Date;
  closed_at: Date | null;
  assignee: string | null;
}

/** The complaints of these ids the reader's scope holds, in number order. */
export async function complaintsInScope(db: Database, ids: readonly string[], scope: ScopeFilter): Promise<LineComplaintRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<LineComplaintRow>`
    SELECT c.id, c.number, c.status, c.level, c.received_at, c.closed_at, c.assignee
    FROM complaints c
    WHERE c.id = ANY(${sql.val([...ids])}::uuid[]) AND ${scopeSql(scope, 'c')}
    ORDER BY c.number`.execute(db);
  return rows;
}

/** Serialises the opening of assessments of one period (one per period and subject). */
export async function lockAssessmentPeriod(db: Database, period: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`assessment:${period}`}))`.execute(db);
}
