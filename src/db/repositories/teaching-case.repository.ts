/** Teaching cases (#15 item 2, R-G2; migration 0025): typed queries, no rules. */
import { sql, type Insertable, type Kysely, type Selectable, type SqlBool, type Updateable } from 'kysely';
import { likePattern } from '../../domain/complaint/ledger-query.js';
import type { DB } from '../schema.js';
import type { TeachingCaseStatus, TeachingCasesTable } from '../schema-cases.js';

export type TeachingCaseRow = Selectable<TeachingCasesTable> & { complaint_number: string };

export interface CaseFilter {
  statuses: readonly TeachingCaseStatus[];
  /** only these proposers' cases outside `openStatuses` (null: anyone's) */
  proposedBy?: string | null;
  /** statuses everyone with case.read sees (published); the rest are limited by proposedBy */
  openStatuses: readonly TeachingCaseStatus[];
  businessLine?: string;
  category?: string;
  cause?: string;
  tag?: string;
  q?: string;
  limit: number;
  offset: number;
}

function select(db: Kysely<DB>) {
  return db
    .selectFrom('teaching_cases')
    .innerJoin('complaints', 'complaints.id', 'teaching_cases.complaint_id')
    .selectAll('teaching_cases')
    .select('complaints.number as complaint_number');
}

export async function insertTeachingCase(db: Kysely<DB>, row: Insertable<TeachingCasesTable>): Promise<void> {
  await db.insertInto('teaching_cases').values(row).execute();
}

export async function findTeachingCase(db: Kysely<DB>, id: string, forUpdate = false): Promise<TeachingCaseRow | undefined> {
  let q = select(db).where('teaching_cases.id', '=', id);
  if (forUpdate) q = q.forUpdate(['teaching_cases']);
  return q.executeTakeFirst();
}

export async function updateTeachingCase(db: Kysely<DB>, id: string, patch: Updateable<TeachingCasesTable>): Promise<void> {
  await db.updateTable('teaching_cases').set(patch).where('id', '=', id).execute();
}

/** The complaint's case that is a draft, in review or published, if any. */
export async function findLiveCaseOf(db: Kysely<DB>, complaintId: string): Promise<{ id: string; status: string } | undefined> {
  return db
    .selectFrom('teaching_cases')
    .select(['id', 'status'])
    .where('complaint_id', '=', complaintId)
    .where('status', 'in', ['draft', 'in_review', 'published'])
    .executeTakeFirst();
}

export async function listTeachingCases(db: Kysely<DB>, f: CaseFilter): Promise<{ rows: TeachingCaseRow[]; total: number }> {
  let q = db.selectFrom('teaching_cases').where('teaching_cases.status', 'in', f.statuses.length ? [...f.statuses] : ['published']);
  if (f.proposedBy) {
    const mine = f.proposedBy;
    const open = [...f.openStatuses];
    q = q.where((eb) =>
      open.length
        ? eb.or([eb('teaching_cases.status', 'in', open), eb('teaching_cases.proposed_by', '=', mine)])
        : eb('teaching_cases.proposed_by', '=', mine),
    );
  }
  if (f.businessLine) q = q.where('teaching_cases.business_line', '=', f.businessLine);
  if (f.category) q = q.where('teaching_cases.category', '=', f.category);
  if (f.cause) q = q.where(sql<SqlBool>`${f.cause} = ANY(teaching_cases.cause_codes)`);
  if (f.tag) q = q.where(sql<SqlBool>`${f.tag} = ANY(teaching_cases.lesson_tags)`);
  if (f.q) q = q.where(sql<SqlBool>`teaching_cases.search_text LIKE ${likePattern(f.q)}`);
  const total = await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .innerJoin('complaints', 'complaints.id', 'teaching_cases.complaint_id')
    .selectAll('teaching_cases')
    .select('complaints.number as complaint_number')
    .orderBy(sql`coalesce(teaching_cases.published_at, teaching_cases.updated_at)`, 'desc')
    .orderBy('teaching_cases.id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { rows, total: Number(total.n) };
}

/** The lesson tags in use on published cases, most used first (for the filter). */
export async function publishedLessonTags(db: Kysely<DB>): Promise<{ tag: string; count: number }[]> {
  const rows = await sql<{ tag: string; count: string }>`
    SELECT tag, count(*) AS count FROM teaching_cases, unnest(lesson_tags) AS tag
    WHERE status = 'published' GROUP BY tag ORDER BY count(*) DESC, tag LIMIT 200`.execute(db);
  return rows.rows.map((r) => ({ tag: r.tag, count: Number(r.count) }));
}

/** What a draft is prefilled from: the complaint's handling records (texts) and its evidence files' names. */
export async function caseSourceMaterial(db: Kysely<DB>, complaintId: string) {
  const records = await db
    .selectFrom('complaint_records')
    .select(['kind', 'data', 'created_at'])
    .where('complaint_id', '=', complaintId)
    .where('kind', 'in', ['findings', 'analysis', 'feedback', 'closing', 'investigation', 'settlement'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const files = await db
    .selectFrom('evidence_files')
    .select('name')
    .where('complaint_id', '=', complaintId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return { records, fileNames: files.map((f) => f.name) };
}
