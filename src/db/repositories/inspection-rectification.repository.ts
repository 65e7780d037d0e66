/** Findings, rectification requests, their events and their clocks (#14 item 1, R-E4; migration 0021). */
import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { DB } from '../schema.js';
import type { InspectionFindingsTable, RectificationEventsTable, RectificationRequestsTable } from '../schema-inspections.js';
import { toDates } from './clock.repository.js';

export type FindingRow = Selectable<InspectionFindingsTable> & { complaint_number: string | null };
export type RequestRow = Omit<Selectable<RectificationRequestsTable>, 'warn_at'> & { warn_at: Date[]; complaint_number: string | null };
export type RectificationEventRow = Selectable<RectificationEventsTable>;

/** Postgres array literal for timestamptz[]. */
export function tsArray(dates: readonly Date[]): string {
  return `{${dates.map((d) => `"${d.toISOString()}"`).join(',')}}`;
}

/** Whose findings and requests: those addressed to the person or to one of the departments. */
export interface AddressedTo {
  username: string;
  departmentIds: readonly string[];
}

// findings --------------------------------------------------------------------------------------

export async function insertFinding(db: Kysely<DB>, row: Insertable<InspectionFindingsTable>): Promise<void> {
  await db.insertInto('inspection_findings').values(row).execute();
}

function findings(db: Kysely<DB>) {
  return db
    .selectFrom('inspection_findings as f')
    .leftJoin('complaints as c', 'c.id', 'f.complaint_id')
    .selectAll('f')
    .select('c.number as complaint_number');
}

export async function findFinding(db: Kysely<DB>, id: string): Promise<FindingRow | undefined> {
  return findings(db).where('f.id', '=', id).executeTakeFirst();
}

export async function listFindings(db: Kysely<DB>, q: { planId?: string; addressedTo?: AddressedTo }): Promise<FindingRow[]> {
  let s = findings(db);
  if (q.planId) s = s.where('f.plan_id', '=', q.planId);
  const to = q.addressedTo;
  if (to)
    s = s.where((eb) =>
      eb.or([eb('f.person', '=', to.username), ...(to.departmentIds.length ? [eb('f.department_id', 'in', to.departmentIds)] : [])]),
    );
  return s.orderBy('f.created_at', 'desc').limit(500).execute();
}

export async function answerFinding(db: Kysely<DB>, id: string, a: { answer: string; at: Date; by: string }): Promise<void> {
  await db
    .updateTable('inspection_findings')
    .set({ answer: a.answer, answered_at: a.at, answered_by: a.by })
    .where('id', '=', id)
    .execute();
}

// requests --------------------------------------------------------------------------------------

export type NewRequest = Omit<Insertable<RectificationRequestsTable>, 'warn_at'> & { warn_at: Date[] };

export async function insertRequest(db: Kysely<DB>, row: NewRequest): Promise<void> {
  await db
    .insertInto('rectification_requests')
    .values({ ...row, warn_at: tsArray(row.warn_at) })
    .execute();
}

function requests(db: Kysely<DB>) {
  return db
    .selectFrom('rectification_requests as r')
    .leftJoin('complaints as c', 'c.id', 'r.complaint_id')
    .selectAll('r')
    .select('c.number as complaint_number');
}

const withDates = <T extends { warn_at: unknown }>(r: T) => ({ ...r, warn_at: toDates(r.warn_at) });

export async function findRequest(db: Kysely<DB>, id: string, lock = false): Promise<RequestRow | undefined> {
  if (lock) await db.selectFrom('rectification_requests').select('id').where('id', '=', id).forUpdate().execute();
  const r = await requests(db).where('r.id', '=', id).executeTakeFirst();
  return r ? withDates(r) : undefined;
}

export async function listRequests(
  db: Kysely<DB>,
  q: { planId?: string; addressedTo?: AddressedTo; status?: RequestRow['status'] },
): Promise<RequestRow[]> {
  let s = requests(db);
  if (q.planId) s = s.where('r.plan_id', '=', q.planId);
  if (q.status) s = s.where('r.status', '=', q.status);
  const to = q.addressedTo;
  if (to)
    s = s.where((eb) =>
      eb.or([eb('r.addressee', '=', to.username), ...(to.departmentIds.length ? [eb('r.department_id', 'in', to.departmentIds)] : [])]),
    );
  return (await s.orderBy('r.created_at', 'desc').limit(500).execute()).map(withDates);
}

export type RequestPatch = Omit<Updateable<RectificationRequestsTable>, 'warn_at' | 'id'> & { warn_at?: Date[] };

export async function updateRequest(db: Kysely<DB>, id: string, patch: RequestPatch): Promise<void> {
  const { warn_at, ...rest } = patch;
  await db
    .updateTable('rectification_requests')
    .set({ ...rest, ...(warn_at ? { warn_at: tsArray(warn_at) } : {}) })
    .where('id', '=', id)
    .execute();
}

export async function appendRectificationEvent(
  db: Kysely<DB>,
  e: { requestId: string; type: string; actor: string; at: Date; details?: Record<string, unknown> },
): Promise<void> {
  await db
    .insertInto('rectification_events')
    .values({ request_id: e.requestId, type: e.type, actor: e.actor, occurred_at: e.at, details: JSON.stringify(e.details ?? {}) })
    .execute();
}

export async function listRectificationEvents(db: Kysely<DB>, requestId: string): Promise<RectificationEventRow[]> {
  return db.selectFrom('rectification_events').selectAll().where('request_id', '=', requestId).orderBy('id').execute();
}

// the sweep -------------------------------------------------------------------------------------

/** A batch of requests whose clock's next check has come, locked; rows another sweeper holds are skipped. */
export async function takeDueRequests(db: Kysely<DB>, now: Date, batch: number, exclude: readonly string[]): Promise<RequestRow[]> {
  const excluded = exclude.length > 0 ? sql`AND r.id <> ALL(${sql.val(exclude)}::uuid[])` : sql``;
  const ids = await sql<{ id: string }>`
    SELECT r.id FROM rectification_requests r
     WHERE r.next_check_at <= ${now} ${excluded}
     ORDER BY r.next_check_at, r.id
     LIMIT ${batch}
       FOR UPDATE SKIP LOCKED`.execute(db);
  if (ids.rows.length === 0) return [];
  const rows = await requests(db)
    .where(
      'r.id',
      'in',
      ids.rows.map((r) => r.id),
    )
    .orderBy('r.next_check_at')
    .execute();
  return rows.map(withDates);
}
