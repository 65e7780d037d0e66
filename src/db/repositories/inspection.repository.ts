/** Checklists, plans, sampling runs and sampled complaints (#14 item 1, R-E4; migration 0021). */
import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../schema.js';
import type {
  InspectionChecklistsTable,
  InspectionChecklistVersionsTable,
  InspectionItemsTable,
  InspectionPlansTable,
  InspectionSamplingRunsTable,
  StoredChecklistItem,
} from '../schema-inspections.js';

export type ChecklistRow = Selectable<InspectionChecklistsTable>;
export type ChecklistVersionRow = Selectable<InspectionChecklistVersionsTable>;
export type PlanRow = Selectable<InspectionPlansTable>;
export type SamplingRunRow = Selectable<InspectionSamplingRunsTable>;
export type ItemRow = Selectable<InspectionItemsTable>;
export type ItemWithComplaint = ItemRow & { complaint_number: string; complaint_status: string; complaint_level: number };

const json = (v: unknown) => JSON.stringify(v);

// checklists ------------------------------------------------------------------------------------

export async function listChecklists(db: Kysely<DB>): Promise<Array<ChecklistRow & { items: StoredChecklistItem[]; frozen: boolean }>> {
  const rows = await db
    .selectFrom('inspection_checklists as c')
    .innerJoin('inspection_checklist_versions as v', (j) =>
      j.onRef('v.checklist_id', '=', 'c.id').onRef('v.version', '=', 'c.current_version'),
    )
    .selectAll('c')
    .select(['v.items', 'v.frozen_at'])
    .orderBy('c.created_at', 'desc')
    .execute();
  return rows.map(({ frozen_at, ...r }) => ({ ...r, frozen: frozen_at !== null }));
}

export async function findChecklist(db: Kysely<DB>, id: string, lock = false): Promise<ChecklistRow | undefined> {
  let q = db.selectFrom('inspection_checklists').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function findChecklistVersion(db: Kysely<DB>, id: string, version: number): Promise<ChecklistVersionRow | undefined> {
  return db
    .selectFrom('inspection_checklist_versions')
    .selectAll()
    .where('checklist_id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
}

export async function insertChecklist(
  db: Kysely<DB>,
  row: Insertable<InspectionChecklistsTable>,
  items: StoredChecklistItem[],
): Promise<void> {
  await db.insertInto('inspection_checklists').values(row).execute();
  await insertChecklistVersion(db, row.id, 1, items, row.created_at, row.created_by);
}

export async function insertChecklistVersion(
  db: Kysely<DB>,
  checklistId: string,
  version: number,
  items: StoredChecklistItem[],
  at: Date | string,
  by: string,
): Promise<void> {
  await db
    .insertInto('inspection_checklist_versions')
    .values({ checklist_id: checklistId, version, items: json(items), created_at: at, created_by: by })
    .execute();
}

export async function updateChecklistVersionItems(
  db: Kysely<DB>,
  checklistId: string,
  version: number,
  items: StoredChecklistItem[],
): Promise<void> {
  await db
    .updateTable('inspection_checklist_versions')
    .set({ items: json(items) })
    .where('checklist_id', '=', checklistId)
    .where('version', '=', version)
    .where('frozen_at', 'is', null)
    .execute();
}

export async function updateChecklist(
  db: Kysely<DB>,
  id: string,
  patch: { name?: string; description?: string; active?: boolean; current_version?: number; updated_at: Date; updated_by: string },
): Promise<void> {
  await db.updateTable('inspection_checklists').set(patch).where('id', '=', id).execute();
}

export async function freezeChecklistVersion(db: Kysely<DB>, checklistId: string, version: number, at: Date): Promise<void> {
  await db
    .updateTable('inspection_checklist_versions')
    .set({ frozen_at: at })
    .where('checklist_id', '=', checklistId)
    .where('version', '=', version)
    .where('frozen_at', 'is', null)
    .execute();
}

// plans -----------------------------------------------------------------------------------------

export async function insertPlan(db: Kysely<DB>, row: Insertable<InspectionPlansTable>): Promise<void> {
  await db.insertInto('inspection_plans').values(row).execute();
}

export async function findPlan(db: Kysely<DB>, id: string, lock = false): Promise<PlanRow | undefined> {
  let q = db.selectFrom('inspection_plans').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function listPlans(db: Kysely<DB>): Promise<Array<PlanRow & { items: number; scored: number; requests: number }>> {
  return db
    .selectFrom('inspection_plans as p')
    .selectAll('p')
    .select((eb) => [
      eb
        .selectFrom('inspection_items as i')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('i.plan_id', '=', 'p.id')
        .where('i.removed_at', 'is', null)
        .as('items'),
      eb
        .selectFrom('inspection_items as i')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('i.plan_id', '=', 'p.id')
        .where('i.removed_at', 'is', null)
        .where('i.scored_at', 'is not', null)
        .as('scored'),
      eb
        .selectFrom('rectification_requests as r')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('r.plan_id', '=', 'p.id')
        .as('requests'),
    ])
    .orderBy('p.period_from', 'desc')
    .orderBy('p.created_at', 'desc')
    .limit(500)
    .execute() as Promise<Array<PlanRow & { items: number; scored: number; requests: number }>>;
}

export async function updatePlan(
  db: Kysely<DB>,
  id: string,
  patch: Partial<Pick<PlanRow, 'status' | 'summary' | 'completed_at' | 'completed_by'>> & { updated_at: Date },
): Promise<void> {
  await db.updateTable('inspection_plans').set(patch).where('id', '=', id).execute();
}

// sampling --------------------------------------------------------------------------------------

export interface PopulationRow {
  id: string;
  number: string;
  level: number;
  department_ids: string[];
  assignee: string | null;
  round: number;
  closed_month: string | null;
}

/**
 * The plan's population: complaints of the scope (departments; none: all) received or closed in
 * the period (local dates in `timeZone`), merged ones left out; `closed_month` is set for those
 * closed within the period.
 */
export async function selectPopulation(
  db: Kysely<DB>,
  q: { from: string; to: string; departmentIds: readonly string[]; timeZone: string },
): Promise<PopulationRow[]> {
  const scope = q.departmentIds.length ? sql`AND c.department_ids && ${sql.val(q.departmentIds)}::uuid[]` : sql``;
  const closedIn = sql`(c.status = 'closed' AND (c.closed_at AT TIME ZONE ${q.timeZone})::date BETWEEN ${q.from}::date AND ${q.to}::date)`;
  const r = await sql<PopulationRow>`
    SELECT c.id, c.number, c.level, c.department_ids, c.assignee, c.round,
           CASE WHEN ${closedIn} THEN to_char(c.closed_at AT TIME ZONE ${q.timeZone}, 'YYYY-MM') END AS closed_month
      FROM complaints c
     WHERE c.status <> 'merged' ${scope}
       AND (${closedIn} OR (c.received_at AT TIME ZONE ${q.timeZone})::date BETWEEN ${q.from}::date AND ${q.to}::date)
     ORDER BY c.number`.execute(db);
  return r.rows;
}

export async function nextRunSeq(db: Kysely<DB>, planId: string): Promise<number> {
  const r = await db
    .selectFrom('inspection_sampling_runs')
    .select(sql<number>`coalesce(max(seq), 0)::int`.as('seq'))
    .where('plan_id', '=', planId)
    .executeTakeFirstOrThrow();
  return r.seq + 1;
}

export async function insertRun(db: Kysely<DB>, row: Insertable<InspectionSamplingRunsTable>): Promise<void> {
  await db.insertInto('inspection_sampling_runs').values(row).execute();
}

export async function listRuns(db: Kysely<DB>, planId: string): Promise<SamplingRunRow[]> {
  return db.selectFrom('inspection_sampling_runs').selectAll().where('plan_id', '=', planId).orderBy('seq', 'desc').execute();
}

export async function findRun(db: Kysely<DB>, id: string): Promise<SamplingRunRow | undefined> {
  return db.selectFrom('inspection_sampling_runs').selectAll().where('id', '=', id).executeTakeFirst();
}

// sampled complaints ----------------------------------------------------------------------------

export async function insertItems(db: Kysely<DB>, rows: Insertable<InspectionItemsTable>[]): Promise<void> {
  if (rows.length) await db.insertInto('inspection_items').values(rows).execute();
}

/** Takes the drawn (unscored) items of earlier runs out of the sample when a redraw replaces them. */
export async function removeUnscoredDrawnItems(db: Kysely<DB>, planId: string, at: Date, by: string, reason: string): Promise<string[]> {
  const r = await db
    .updateTable('inspection_items')
    .set({ removed_at: at, removed_by: by, removed_reason: reason })
    .where('plan_id', '=', planId)
    .where('source', '=', 'drawn')
    .where('removed_at', 'is', null)
    .where('scored_at', 'is', null)
    .returning('complaint_id')
    .execute();
  return r.map((x) => x.complaint_id);
}

export async function currentItemComplaintIds(db: Kysely<DB>, planId: string): Promise<string[]> {
  const r = await db
    .selectFrom('inspection_items')
    .select('complaint_id')
    .where('plan_id', '=', planId)
    .where('removed_at', 'is', null)
    .execute();
  return r.map((x) => x.complaint_id);
}

export async function listItems(db: Kysely<DB>, planId: string, includeRemoved = true): Promise<ItemWithComplaint[]> {
  let q = db
    .selectFrom('inspection_items as i')
    .innerJoin('complaints as c', 'c.id', 'i.complaint_id')
    .selectAll('i')
    .select(['c.number as complaint_number', 'c.status as complaint_status', 'c.level as complaint_level'])
    .where('i.plan_id', '=', planId);
  if (!includeRemoved) q = q.where('i.removed_at', 'is', null);
  return q.orderBy('c.number').execute();
}

export async function findItem(db: Kysely<DB>, id: string, lock = false): Promise<ItemRow | undefined> {
  let q = db.selectFrom('inspection_items').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function saveItemScore(
  db: Kysely<DB>,
  id: string,
  s: { answers: unknown[]; score: number | null; at: Date; by: string },
): Promise<void> {
  await db
    .updateTable('inspection_items')
    .set({ answers: json(s.answers), score: s.score, scored_at: s.at, scored_by: s.by })
    .where('id', '=', id)
    .execute();
}

export async function removeItem(db: Kysely<DB>, id: string, s: { at: Date; by: string; reason: string }): Promise<void> {
  await db
    .updateTable('inspection_items')
    .set({ removed_at: s.at, removed_by: s.by, removed_reason: s.reason })
    .where('id', '=', id)
    .execute();
}

export async function findComplaintForSample(
  db: Kysely<DB>,
  id: string,
): Promise<{ id: string; number: string; department_ids: string[]; assignee: string | null } | undefined> {
  return db.selectFrom('complaints').select(['id', 'number', 'department_ids', 'assignee']).where('id', '=', id).executeTakeFirst();
}
