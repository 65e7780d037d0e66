import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.js';
import { toDates, type ClockRow } from './clock.repository.js';

/** The clock the sweeper reads, locked. */
export interface SweptClock {
  id: string;
  complaint_id: string;
  kind: string;
  label: string | null;
  status: ClockRow['status'];
  due_at: Date | null;
  warn_at: Date[];
  warnings_sent: number;
  escalation_step: number;
  breached_at: Date | null;
  policy_version: number;
}

/**
 * Due clocks with their complaints, both locked; rows another transaction holds are skipped (the
 * other sweeper sweeps them, or the action that holds the complaint finishes and the next sweep
 * looks again). The complaint is locked with the clock: appending to its chain requires it.
 */
export async function takeDueClocks(db: Kysely<DB>, now: Date, batch: number, exclude: readonly string[]): Promise<SweptClock[]> {
  const excluded = exclude.length > 0 ? sql`AND k.id <> ALL(${sql.val(exclude)}::uuid[])` : sql``;
  const r = await sql<SweptClock>`
    SELECT k.id, k.complaint_id, k.kind, k.label, k.status, k.due_at, k.warn_at, k.warnings_sent,
           k.escalation_step, k.breached_at, k.policy_version
      FROM complaint_clocks k
      JOIN complaints c ON c.id = k.complaint_id
     WHERE k.next_check_at <= ${now} ${excluded}
     ORDER BY k.next_check_at, k.id
     LIMIT ${batch}
       FOR UPDATE OF c, k SKIP LOCKED`.execute(db);
  return r.rows.map((k) => ({ ...k, warn_at: toDates(k.warn_at) }));
}

/** A swept clock's new state: its status, the warnings and escalation steps done, its next check. */
export async function saveSweptClock(
  db: Kysely<DB>,
  id: string,
  s: {
    status: ClockRow['status'];
    warningsSent: number;
    escalationStep: number;
    breachedAt: Date | null;
    nextCheckAt: Date | null;
  },
): Promise<void> {
  await db
    .updateTable('complaint_clocks')
    .set({
      status: s.status,
      warnings_sent: s.warningsSent,
      escalation_step: s.escalationStep,
      breached_at: s.breachedAt,
      next_check_at: s.nextCheckAt,
    })
    .where('id', '=', id)
    .execute();
}

/** Every swept clock of a batch saved in one UPDATE (#16: the sweeper's batches). */
export async function saveSweptClocks(
  db: Kysely<DB>,
  rows: ReadonlyArray<{
    id: string;
    status: ClockRow['status'];
    warningsSent: number;
    escalationStep: number;
    breachedAt: Date | null;
    nextCheckAt: Date | null;
  }>,
): Promise<void> {
  if (rows.length === 0) return;
  const values = sql.join(
    rows.map(
      (r) =>
        sql`(${r.id}::uuid, ${r.status}::text, ${r.warningsSent}::int, ${r.escalationStep}::int, ${r.breachedAt}::timestamptz, ${r.nextCheckAt}::timestamptz)`,
    ),
  );
  await sql`
    UPDATE complaint_clocks k
       SET status = v.status, warnings_sent = v.warnings_sent, escalation_step = v.escalation_step,
           breached_at = v.breached_at, next_check_at = v.next_check_at
      FROM (VALUES ${values}) AS v(id, status, warnings_sent, escalation_step, breached_at, next_check_at)
     WHERE k.id = v.id`.execute(db);
}

/** What notices about these complaints are resolved against, one read for a batch. */
export async function findNotifyTargets(db: Kysely<DB>, complaintIds: readonly string[]) {
  if (complaintIds.length === 0) return [];
  return db
    .selectFrom('complaints')
    .select(['id', 'number', 'department_ids', 'branch_id', 'assignee', 'tracker'])
    .where('id', 'in', complaintIds)
    .execute();
}
