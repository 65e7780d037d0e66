/** Training plans, sessions, enrolments and attendance (#15 item 1, R-G1; migration 0026). */
import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { DB } from '../schema.js';
import type { TrainingAttendanceTable, TrainingEnrolmentsTable, TrainingPlansTable, TrainingSessionsTable } from '../schema-training.js';

export type TrainingPlanRow = Selectable<TrainingPlansTable>;
export type TrainingSessionRow = Selectable<TrainingSessionsTable>;
export type EnrolmentRow = Selectable<TrainingEnrolmentsTable> & { display_name: string | null };
export type AttendanceRow = Selectable<TrainingAttendanceTable>;

// plans ------------------------------------------------------------------------------------------

export async function insertTrainingPlan(db: Kysely<DB>, row: Insertable<TrainingPlansTable>): Promise<void> {
  await db.insertInto('training_plans').values(row).execute();
}

export async function updateTrainingPlan(db: Kysely<DB>, id: string, patch: Updateable<TrainingPlansTable>): Promise<void> {
  await db.updateTable('training_plans').set(patch).where('id', '=', id).execute();
}

export async function findTrainingPlan(db: Kysely<DB>, id: string, lock = false): Promise<TrainingPlanRow | undefined> {
  let q = db.selectFrom('training_plans').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function listTrainingPlans(
  db: Kysely<DB>,
): Promise<Array<TrainingPlanRow & { sessions: number; enrolled: number; next_session_at: Date | null }>> {
  const rows = await db
    .selectFrom('training_plans as p')
    .selectAll('p')
    .select((eb) => [
      eb
        .selectFrom('training_sessions as s')
        .whereRef('s.plan_id', '=', 'p.id')
        .where('s.status', '=', 'scheduled')
        .select(eb.fn.countAll<string>().as('n'))
        .as('sessions'),
      eb.selectFrom('training_enrolments as e').whereRef('e.plan_id', '=', 'p.id').select(eb.fn.countAll<string>().as('n')).as('enrolled'),
      sql<Date | null>`(SELECT min(s.starts_at) FROM training_sessions s WHERE s.plan_id = p.id AND s.status = 'scheduled' AND s.starts_at > now())`.as(
        'next_session_at',
      ),
    ])
    .orderBy('p.period_from', 'desc')
    .orderBy('p.created_at', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, sessions: Number(r.sessions ?? 0), enrolled: Number(r.enrolled ?? 0) }));
}

/** The onboarding plan new staff join: the active one whose period runs on `today`, latest start first. */
export async function currentOnboardingPlan(db: Kysely<DB>, today: string): Promise<TrainingPlanRow | undefined> {
  return db
    .selectFrom('training_plans')
    .selectAll()
    .where('kind', '=', 'onboarding')
    .where('status', '=', 'active')
    .where('period_from', '<=', today)
    .where('period_to', '>=', today)
    .orderBy('period_from', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function plansFromOrigin(db: Kysely<DB>, kind: string, ids: readonly string[]): Promise<TrainingPlanRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('training_plans')
    .selectAll()
    .where('origin_kind', '=', kind)
    .where('origin_id', 'in', ids)
    .orderBy('created_at')
    .execute();
}

/** What a spike alert or an inspection finding says, for the "源于…" line; undefined when there is none. */
export async function findOrigin(
  db: Kysely<DB>,
  kind: 'spike' | 'finding',
  id: string,
): Promise<{ id: string; text: string; planId: string | null; at: Date } | undefined> {
  if (kind === 'finding') {
    const f = await db
      .selectFrom('inspection_findings')
      .select(['id', 'text', 'plan_id', 'created_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    return f && { id: f.id, text: f.text, planId: f.plan_id, at: f.created_at };
  }
  const e = await db
    .selectFrom('complaint_exceptions')
    .select(['id', 'details', 'raised_at'])
    .where('id', '=', id)
    .where('kind', '=', 'spike')
    .executeTakeFirst();
  if (!e) return undefined;
  const d = e.details as { label?: { zh?: string }; week?: string };
  return { id: e.id, text: `${d.label?.zh ?? ''} ${d.week ?? ''}`.trim(), planId: null, at: e.raised_at };
}

// sessions ---------------------------------------------------------------------------------------

export async function insertTrainingSession(db: Kysely<DB>, row: Insertable<TrainingSessionsTable>): Promise<void> {
  await db.insertInto('training_sessions').values(row).execute();
}

export async function updateTrainingSession(db: Kysely<DB>, id: string, patch: Updateable<TrainingSessionsTable>): Promise<void> {
  await db.updateTable('training_sessions').set(patch).where('id', '=', id).execute();
}

export async function findTrainingSession(db: Kysely<DB>, id: string, lock = false): Promise<TrainingSessionRow | undefined> {
  let q = db.selectFrom('training_sessions').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function listTrainingSessions(db: Kysely<DB>, planIds: readonly string[]): Promise<TrainingSessionRow[]> {
  if (planIds.length === 0) return [];
  return db.selectFrom('training_sessions').selectAll().where('plan_id', 'in', planIds).orderBy('starts_at').orderBy('id').execute();
}

// enrolments -------------------------------------------------------------------------------------

/** Enrols the persons not enrolled yet; returns those newly enrolled. */
export async function insertEnrolments(db: Kysely<DB>, rows: ReadonlyArray<Insertable<TrainingEnrolmentsTable>>): Promise<string[]> {
  if (rows.length === 0) return [];
  const done = await db
    .insertInto('training_enrolments')
    .values([...rows])
    .onConflict((oc) => oc.columns(['plan_id', 'username']).doNothing())
    .returning('username')
    .execute();
  return done.map((r) => r.username);
}

export async function listEnrolments(db: Kysely<DB>, planId: string): Promise<EnrolmentRow[]> {
  return db
    .selectFrom('training_enrolments as e')
    .leftJoin('users as u', 'u.username', 'e.username')
    .selectAll('e')
    .select('u.display_name')
    .where('e.plan_id', '=', planId)
    .orderBy('e.username')
    .execute();
}

export async function findEnrolment(db: Kysely<DB>, planId: string, username: string): Promise<EnrolmentRow | undefined> {
  return db
    .selectFrom('training_enrolments as e')
    .leftJoin('users as u', 'u.username', 'e.username')
    .selectAll('e')
    .select('u.display_name')
    .where('e.plan_id', '=', planId)
    .where('e.username', '=', username)
    .executeTakeFirst();
}

export async function enrolmentsOf(db: Kysely<DB>, username: string): Promise<EnrolmentRow[]> {
  return db
    .selectFrom('training_enrolments as e')
    .leftJoin('users as u', 'u.username', 'e.username')
    .selectAll('e')
    .select('u.display_name')
    .where('e.username', '=', username)
    .orderBy('e.enrolled_at', 'desc')
    .execute();
}

/** Active users in any of the org units. */
export async function usernamesInUnits(db: Kysely<DB>, unitIds: readonly string[]): Promise<string[]> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('user_org_units as m', 'm.user_id', 'u.id')
    .select('u.username')
    .distinct()
    .where('u.active', '=', true)
    .where('m.org_unit_id', 'in', unitIds)
    .orderBy('u.username')
    .execute();
  return rows.map((r) => r.username);
}

// attendance -------------------------------------------------------------------------------------

export async function upsertAttendance(db: Kysely<DB>, row: Insertable<TrainingAttendanceTable>): Promise<void> {
  await db
    .insertInto('training_attendance')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['session_id', 'username']).doUpdateSet({
        status: row.status,
        score: row.score ?? null,
        recorded_at: row.recorded_at,
        recorded_by: row.recorded_by,
      }),
    )
    .execute();
}

export async function listAttendance(db: Kysely<DB>, sessionIds: readonly string[], username?: string): Promise<AttendanceRow[]> {
  if (sessionIds.length === 0) return [];
  let q = db.selectFrom('training_attendance').selectAll().where('session_id', 'in', sessionIds);
  if (username !== undefined) q = q.where('username', '=', username);
  return q.orderBy('username').execute();
}

// reminders --------------------------------------------------------------------------------------

/** Scheduled sessions of active plans starting on a local date, with their enrolled active users. */
export async function sessionsStartingOn(
  db: Kysely<DB>,
  localDate: string,
  timeZone: string,
): Promise<Array<TrainingSessionRow & { plan_title: string; local_start: string; attendees: Array<{ id: string; username: string }> }>> {
  const { rows } = await sql<TrainingSessionRow & { plan_title: string; local_start: string }>`
    SELECT s.*, p.title AS plan_title, to_char(s.starts_at AT TIME ZONE ${timeZone}, 'YYYY-MM-DD HH24:MI') AS local_start
      FROM training_sessions s JOIN training_plans p ON p.id = s.plan_id
     WHERE s.status = 'scheduled' AND p.status = 'active'
       AND (s.starts_at AT TIME ZONE ${timeZone})::date = ${localDate}::date
     ORDER BY s.starts_at, s.id`.execute(db);
  const out = [];
  for (const r of rows) {
    const attendees = await db
      .selectFrom('training_enrolments as e')
      .innerJoin('users as u', 'u.username', 'e.username')
      .select(['u.id', 'u.username'])
      .where('e.plan_id', '=', r.plan_id)
      .where('u.active', '=', true)
      .orderBy('u.username')
      .execute();
    out.push({ ...r, attendees });
  }
  return out;
}

// KPI --------------------------------------------------------------------------------------------

/**
 * For training_completion: each enrolled person and each scheduled session of their plan that ended
 * (local date) in the window, with their attendance, and the person's org units.
 */
export async function completionRows(
  db: Kysely<DB>,
  w: { from: string; to: string; timeZone: string },
): Promise<
  Array<{
    username: string;
    unit_ids: string[];
    session_id: string;
    ended_on: string;
    max_score: string | null;
    pass_mark: string | null;
    status: string | null;
    score: string | null;
  }>
> {
  const { rows } = await sql<{
    username: string;
    unit_ids: string[];
    session_id: string;
    ended_on: string;
    max_score: string | null;
    pass_mark: string | null;
    status: string | null;
    score: string | null;
  }>`
    SELECT e.username,
           COALESCE((SELECT array_agg(m.org_unit_id) FROM user_org_units m JOIN users u ON u.id = m.user_id WHERE u.username = e.username), '{}') AS unit_ids,
           s.id AS session_id, (s.ends_at AT TIME ZONE ${w.timeZone})::date::text AS ended_on,
           s.max_score, s.pass_mark, a.status, a.score
      FROM training_sessions s
      JOIN training_enrolments e ON e.plan_id = s.plan_id
      LEFT JOIN training_attendance a ON a.session_id = s.id AND a.username = e.username
     WHERE s.status = 'scheduled'
       AND (s.ends_at AT TIME ZONE ${w.timeZone})::date BETWEEN ${w.from}::date AND ${w.to}::date
       AND e.enrolled_at <= s.ends_at
     ORDER BY e.username, s.ends_at, s.id`.execute(db);
  return rows;
}

// case studies -----------------------------------------------------------------------------------

export async function listSessionCases(db: Kysely<DB>, sessionId: string): Promise<Array<{ id: string; title: string; status: string }>> {
  return db
    .selectFrom('training_session_cases as l')
    .innerJoin('teaching_cases as c', 'c.id', 'l.case_id')
    .select(['c.id', 'c.title', 'c.status'])
    .where('l.session_id', '=', sessionId)
    .orderBy('l.added_at')
    .orderBy('c.title')
    .execute();
}

/** Which of the ids are published teaching cases. */
export async function publishedCaseIds(db: Kysely<DB>, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  return (await db.selectFrom('teaching_cases').select('id').where('id', 'in', ids).where('status', '=', 'published').execute()).map(
    (r) => r.id,
  );
}

/** The session's cases become exactly these (kept rows keep when they were added). */
export async function replaceSessionCases(db: Kysely<DB>, sessionId: string, ids: readonly string[], at: Date, by: string): Promise<void> {
  let del = db.deleteFrom('training_session_cases').where('session_id', '=', sessionId);
  if (ids.length > 0) del = del.where('case_id', 'not in', ids);
  await del.execute();
  if (ids.length === 0) return;
  await db
    .insertInto('training_session_cases')
    .values(ids.map((case_id) => ({ session_id: sessionId, case_id, added_at: at, added_by: by })))
    .onConflict((oc) => oc.columns(['session_id', 'case_id']).doNothing())
    .execute();
}
