/**
 * Major complaints (#14 item 4, migration 0023): the marking on the complaint row, the emergency
 * plan and its items, the reports to the regulator, and the board's list of open major complaints.
 */
import { sql, type Selectable } from 'kysely';
import type { ScopeFilter } from '../../domain/access/permissions.js';
import { OPEN_STATUSES } from '../../domain/workflow/workflow.types.js';
import type { Database } from '../database.js';
import type { MajorPlanItemsTable, MajorPlansTable, MajorRegulatorReportsTable } from '../schema.js';
import { scopeSql } from './complaint-scope.js';

export type MajorPlanRow = Selectable<MajorPlansTable>;
export type MajorPlanItemRow = Selectable<MajorPlanItemsTable>;
export type MajorRegulatorReportRow = Selectable<MajorRegulatorReportsTable>;

export interface MajorMarking {
  major: boolean;
  source: 'rules' | 'leader' | null;
  rules: string[];
  reason: string | null;
  markedAt: Date | null;
  markedBy: string | null;
}

/** The complaint's major flag and how it came to be (the ledger's `major` filter reads `major`). */
export async function setComplaintMajor(db: Database, complaintId: string, m: MajorMarking, at: Date): Promise<void> {
  await db
    .updateTable('complaints')
    .set({
      major: m.major,
      major_source: m.source,
      major_rules: m.rules,
      major_reason: m.reason,
      major_marked_at: m.markedAt,
      major_marked_by: m.markedBy,
      updated_at: at,
    })
    .where('id', '=', complaintId)
    .execute();
}

export async function findMajorPlan(db: Database, complaintId: string): Promise<MajorPlanRow | undefined> {
  return db.selectFrom('major_plans').selectAll().where('complaint_id', '=', complaintId).executeTakeFirst();
}

/** Creates or replaces the plan's summary and owners; returns whether it was created. */
export async function saveMajorPlan(
  db: Database,
  complaintId: string,
  p: { summary: string; owners: string[] },
  by: string,
  at: Date,
): Promise<boolean> {
  const r = await db
    .insertInto('major_plans')
    .values({
      complaint_id: complaintId,
      summary: p.summary,
      owners: p.owners,
      created_at: at,
      created_by: by,
      updated_at: at,
      updated_by: by,
    })
    .onConflict((oc) => oc.column('complaint_id').doUpdateSet({ summary: p.summary, owners: p.owners, updated_at: at, updated_by: by }))
    .returning(sql<boolean>`(xmax = 0)`.as('created'))
    .executeTakeFirstOrThrow();
  return r.created;
}

export async function insertPlanItem(db: Database, row: Omit<MajorPlanItemRow, 'done_at' | 'done_by' | 'done_note'>): Promise<void> {
  await db.insertInto('major_plan_items').values(row).execute();
}

export async function listPlanItems(db: Database, complaintIds: readonly string[]): Promise<MajorPlanItemRow[]> {
  if (complaintIds.length === 0) return [];
  return db
    .selectFrom('major_plan_items')
    .selectAll()
    .where('complaint_id', 'in', complaintIds)
    .orderBy(sql`due_at NULLS LAST`)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findPlanItem(db: Database, id: string, forUpdate = false): Promise<MajorPlanItemRow | undefined> {
  let q = db.selectFrom('major_plan_items').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function markPlanItemDone(db: Database, id: string, by: string, note: string, at: Date): Promise<void> {
  await db
    .updateTable('major_plan_items')
    .set({ status: 'done', done_at: at, done_by: by, done_note: note })
    .where('id', '=', id)
    .execute();
}

export async function insertRegulatorReport(db: Database, row: MajorRegulatorReportRow): Promise<void> {
  await db.insertInto('major_regulator_reports').values(row).execute();
}

export async function listRegulatorReports(db: Database, complaintIds: readonly string[]): Promise<MajorRegulatorReportRow[]> {
  if (complaintIds.length === 0) return [];
  return db
    .selectFrom('major_regulator_reports')
    .selectAll()
    .where('complaint_id', 'in', complaintIds)
    .orderBy('reported_at')
    .orderBy('id')
    .execute();
}

export interface OpenMajorRow {
  id: string;
  number: string;
  status: string;
  level: number;
  category: string;
  businessLine: string;
  source: 'rules' | 'leader' | null;
  markedAt: Date | null;
  reportDueAt: Date | null;
  reportStatus: string | null;
  reportedAt: Date | null;
  total: number;
}

/** Open major complaints the reader may see, marked first first, with their report-to-the-regulator clock. */
export async function listOpenMajor(db: Database, scope: ScopeFilter, limit: number): Promise<OpenMajorRow[]> {
  // the open major complaints first (few, complaints_open_major_idx), then the scope: a plan that
  // does not depend on statistics (#16)
  const r = await sql<OpenMajorRow>`
    WITH c AS MATERIALIZED (
      SELECT c.id, c.number, c.status, c.level, c.category, c.business_line, c.major_source, c.major_marked_at, c.received_at,
             c.created_by, c.assignee, c.tracker, c.branch_id, c.department_ids
      FROM complaints c WHERE c.major AND c.status IN (${sql.join(OPEN_STATUSES.map((s) => sql.lit(s)))})
    )
    SELECT c.id, c.number, c.status, c.level, c.category, c.business_line AS "businessLine", c.major_source AS source,
           c.major_marked_at AS "markedAt", k.due_at AS "reportDueAt", k.status AS "reportStatus",
           (SELECT min(r.reported_at) FROM major_regulator_reports r WHERE r.complaint_id = c.id) AS "reportedAt",
           (count(*) OVER ())::int AS total
    FROM c
    LEFT JOIN LATERAL (
      SELECT due_at, status FROM complaint_clocks
      WHERE complaint_id = c.id AND kind = 'major_regulator_report' AND status <> 'cancelled'
      ORDER BY created_at DESC LIMIT 1
    ) k ON true
    WHERE ${scopeSql(scope, 'c')}
    ORDER BY c.major_marked_at NULLS LAST, c.received_at, c.id
    LIMIT ${limit}`.execute(db);
  return r.rows;
}
