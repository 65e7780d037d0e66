import { sql } from 'kysely';
import { planClock, type ClockEnvironment } from '../../domain/clocks/clock-plan.js';
import type { ClockKind } from '../../domain/policy/policy.schema.js';
import type { Database } from '../../db/database.js';
import { insertClocks, type NewClock } from '../../db/repositories/clock.repository.js';

const OPEN = ['running', 'paused', 'breached'] as const;

/** Clocks met by a step: their time is recorded; a breached one stays visibly late (met_at > due_at). */
export async function meetClocks(db: Database, complaintId: string, kinds: readonly string[], at: Date): Promise<string[]> {
  if (kinds.length === 0) return [];
  const rows = await db
    .updateTable('complaint_clocks')
    .set({ status: 'met', met_at: at, next_check_at: null })
    .where('complaint_id', '=', complaintId)
    .where('kind', 'in', kinds)
    .where('status', 'in', OPEN)
    .returning('kind')
    .execute();
  return rows.map((r) => r.kind);
}

/** The complaint leaves the workflow: its clocks end, except improvement actions, which live on (R-D3). */
export async function cancelOpenClocks(db: Database, complaintId: string, at: Date): Promise<string[]> {
  const rows = await db
    .updateTable('complaint_clocks')
    .set({ status: 'cancelled', cancelled_at: at, next_check_at: null })
    .where('complaint_id', '=', complaintId)
    .where('kind', '<>', 'improvement_action')
    .where('status', 'in', OPEN)
    .returning('kind')
    .execute();
  return rows.map((r) => r.kind);
}

/** Clocks started by a step, counted from now with the current policy (a restarted kind replaces its old run). */
export async function startClocks(
  db: Database,
  complaintId: string,
  kinds: readonly ClockKind[],
  env: ClockEnvironment,
  opts: { at: Date; round: number; policyVersion: number; extra?: readonly NewClock[] },
): Promise<NewClock[]> {
  if (kinds.length > 0) {
    await db
      .updateTable('complaint_clocks')
      .set({ status: 'cancelled', cancelled_at: opts.at, next_check_at: null })
      .where('complaint_id', '=', complaintId)
      .where('kind', 'in', kinds)
      .where('status', 'in', OPEN)
      .execute();
  }
  const planned: NewClock[] = [...kinds.map((k) => ({ ...planClock(k, opts.at, env), round: opts.round })), ...(opts.extra ?? [])];
  await insertClocks(db, complaintId, planned, opts.policyVersion, opts.at);
  return planned;
}

export async function openClockKinds(db: Database, complaintId: string): Promise<string[]> {
  const rows = await db.selectFrom('complaint_clocks').select('kind').where('complaint_id', '=', complaintId).where('status', 'in', OPEN).execute();
  return rows.map((r) => r.kind);
}

/** Marks the complaint as having moved (progress report or any handling step): the stalled-clock restarts. */
export async function touchProgress(db: Database, complaintId: string, at: Date): Promise<void> {
  await db.updateTable('complaints').set({ last_progress_at: at, row_version: sql`row_version + 1` }).where('id', '=', complaintId).execute();
}
