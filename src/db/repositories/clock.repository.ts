import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PlannedClock } from '../../domain/clocks/clock-plan.js';
import type { DB } from '../schema.js';

export interface ClockRow {
  id: string;
  complaintId: string;
  kind: string;
  amount: number;
  unit: string;
  startedAt: Date;
  dueAt: Date | null;
  warnAt: Date[];
  status: 'running' | 'paused' | 'met' | 'breached' | 'cancelled';
  metAt: Date | null;
  breachedAt: Date | null;
  cancelledAt: Date | null;
  pauses: Array<{ from: string; to: string | null; reason?: string }>;
  calendarConfirmed: boolean;
  policyVersion: number;
  subjectId: string | null;
  label: string | null;
  round: number;
  warningsSent: number;
  escalationStep: number;
  nextCheckAt: Date | null;
}

/** pg returns timestamptz[] as Date[] (or as text on drivers without the parser): accept both. */
export function toDates(v: unknown): Date[] {
  if (Array.isArray(v)) return v.map((d) => (d instanceof Date ? d : new Date(String(d))));
  return [];
}

/** Postgres array literal for timestamptz[]. */
function tsArray(dates: readonly Date[]): string {
  return `{${dates.map((d) => `"${d.toISOString()}"`).join(',')}}`;
}

/** A planned clock with where it belongs: the handling round, and the milestone or action it times. */
export type NewClock = PlannedClock & { round?: number; subjectId?: string | null; label?: string | null };

export async function insertClocks(
  db: Kysely<DB>,
  complaintId: string,
  clocks: readonly NewClock[],
  policyVersion: number,
  at: Date,
): Promise<void> {
  if (clocks.length === 0) return;
  await db
    .insertInto('complaint_clocks')
    .values(
      clocks.map((c) => ({
        id: randomUUID(),
        complaint_id: complaintId,
        kind: c.kind,
        amount: c.amount,
        unit: c.unit,
        started_at: c.startedAt,
        due_at: c.dueAt,
        warn_at: tsArray(c.warnAt),
        status: 'running' as const,
        pauses: '[]',
        round: c.round ?? 1,
        subject_id: c.subjectId ?? null,
        label: c.label ?? null,
        next_check_at: c.warnAt[0] ?? c.dueAt,
        calendar_confirmed: c.calendarConfirmed,
        policy_version: policyVersion,
        created_at: at,
      })),
    )
    .execute();
}

type ClockSelect = Awaited<ReturnType<ReturnType<typeof selectClocks>['execute']>>[number];

function selectClocks(db: Kysely<DB>) {
  return db.selectFrom('complaint_clocks').selectAll();
}

function toClockRow(r: ClockSelect): ClockRow {
  return {
    id: r.id,
    complaintId: r.complaint_id,
    kind: r.kind,
    amount: Number(r.amount),
    unit: r.unit,
    startedAt: r.started_at,
    dueAt: r.due_at,
    warnAt: toDates(r.warn_at),
    status: r.status,
    metAt: r.met_at,
    breachedAt: r.breached_at,
    cancelledAt: r.cancelled_at,
    pauses: r.pauses,
    calendarConfirmed: r.calendar_confirmed,
    policyVersion: r.policy_version,
    subjectId: r.subject_id,
    label: r.label,
    round: r.round,
    warningsSent: r.warnings_sent,
    escalationStep: r.escalation_step,
    nextCheckAt: r.next_check_at,
  };
}

export async function listClocks(db: Kysely<DB>, complaintIds: readonly string[]): Promise<ClockRow[]> {
  if (complaintIds.length === 0) return [];
  const rows = await selectClocks(db).where('complaint_id', 'in', complaintIds).orderBy('created_at').orderBy('due_at').execute();
  return rows.map(toClockRow);
}

export async function cancelClocks(db: Kysely<DB>, ids: readonly string[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('complaint_clocks')
    .set({ status: 'cancelled', cancelled_at: at, next_check_at: null })
    .where('id', 'in', ids)
    .execute();
}

export async function updateClockPlan(
  db: Kysely<DB>,
  id: string,
  c: Pick<PlannedClock, 'dueAt' | 'warnAt' | 'calendarConfirmed' | 'amount' | 'unit'> & { policyVersion: number; nextCheckAt: Date | null },
): Promise<void> {
  await db
    .updateTable('complaint_clocks')
    .set({
      next_check_at: c.nextCheckAt,
      due_at: c.dueAt,
      warn_at: tsArray(c.warnAt),
      calendar_confirmed: c.calendarConfirmed,
      amount: c.amount,
      unit: c.unit,
      policy_version: c.policyVersion,
    })
    .where('id', '=', id)
    .execute();
}

/** Every running or paused clock (the ones a calendar or policy change may move). */
export async function listOpenClocks(db: Kysely<DB>): Promise<ClockRow[]> {
  const rows = await selectClocks(db).where('status', 'in', ['running', 'paused']).orderBy('complaint_id').orderBy('created_at').execute();
  return rows.map(toClockRow);
}

/** the statuses of a clock that still runs or is late and not yet met */
export const OPEN_CLOCK = ['running', 'paused', 'breached'] as const;

/** Ends the open clocks of one milestone or improvement action, as met or as cancelled; returns how many. */
async function endSubjectClocks(
  db: Kysely<DB>,
  complaintId: string,
  subjectId: string,
  end: 'met' | 'cancelled',
  at: Date,
): Promise<number> {
  const r = await db
    .updateTable('complaint_clocks')
    .set(
      end === 'met' ? { status: 'met', met_at: at, next_check_at: null } : { status: 'cancelled', cancelled_at: at, next_check_at: null },
    )
    .where('complaint_id', '=', complaintId)
    .where('subject_id', '=', subjectId)
    .where('status', 'in', OPEN_CLOCK)
    .returning('id')
    .execute();
  return r.length;
}

/** The clock of one milestone or improvement action is met (a breached one stays visibly late: met_at > due_at). */
export function meetSubjectClocks(db: Kysely<DB>, complaintId: string, subjectId: string, at: Date): Promise<number> {
  return endSubjectClocks(db, complaintId, subjectId, 'met', at);
}

/** The open clock of one milestone or improvement action ends (a new deadline replaces it). */
export function cancelSubjectClocks(db: Kysely<DB>, complaintId: string, subjectId: string, at: Date): Promise<number> {
  return endSubjectClocks(db, complaintId, subjectId, 'cancelled', at);
}

/** The open clocks of the given kinds are met (a breached one stays visibly late: met_at > due_at); returns their kinds. */
export async function meetOpenClocksOfKinds(db: Kysely<DB>, complaintId: string, kinds: readonly string[], at: Date): Promise<string[]> {
  const rows = await db
    .updateTable('complaint_clocks')
    .set({ status: 'met', met_at: at, next_check_at: null })
    .where('complaint_id', '=', complaintId)
    .where('kind', 'in', kinds)
    .where('status', 'in', OPEN_CLOCK)
    .returning('kind')
    .execute();
  return rows.map((r) => r.kind);
}

/** The complaint's open clocks end, except improvement actions (they outlive the workflow); returns their kinds. */
export async function cancelOpenClocksButImprovements(db: Kysely<DB>, complaintId: string, at: Date): Promise<string[]> {
  const rows = await db
    .updateTable('complaint_clocks')
    .set({ status: 'cancelled', cancelled_at: at, next_check_at: null })
    .where('complaint_id', '=', complaintId)
    .where('kind', '<>', 'improvement_action')
    .where('status', 'in', OPEN_CLOCK)
    .returning('kind')
    .execute();
  return rows.map((r) => r.kind);
}

/** The open clocks of the given kinds end (a restarted kind replaces its old run). */
export async function cancelOpenClocksOfKinds(db: Kysely<DB>, complaintId: string, kinds: readonly string[], at: Date): Promise<void> {
  await db
    .updateTable('complaint_clocks')
    .set({ status: 'cancelled', cancelled_at: at, next_check_at: null })
    .where('complaint_id', '=', complaintId)
    .where('kind', 'in', kinds)
    .where('status', 'in', OPEN_CLOCK)
    .execute();
}

export async function listOpenClockKinds(db: Kysely<DB>, complaintId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('complaint_clocks')
    .select('kind')
    .where('complaint_id', '=', complaintId)
    .where('status', 'in', OPEN_CLOCK)
    .execute();
  return rows.map((r) => r.kind);
}

/** Kind and status of the complaint's open clocks (the workflow rules' view). */
export async function listOpenClockStatuses(db: Kysely<DB>, complaintId: string): Promise<Array<Pick<ClockRow, 'kind' | 'status'>>> {
  return db
    .selectFrom('complaint_clocks')
    .select(['kind', 'status'])
    .where('complaint_id', '=', complaintId)
    .where('status', 'in', OPEN_CLOCK)
    .execute();
}

/** A clock's new plan with its status and pauses (an extension, a pause or a resume). */
export async function updateClockPlanAndPauses(
  db: Kysely<DB>,
  id: string,
  c: Pick<PlannedClock, 'dueAt' | 'warnAt' | 'calendarConfirmed' | 'amount' | 'unit'> & {
    status: 'running' | 'paused';
    pauses: ReadonlyArray<ClockRow['pauses'][number]>;
    policyVersion: number;
    nextCheckAt: Date | null;
  },
): Promise<void> {
  await db
    .updateTable('complaint_clocks')
    .set({
      status: c.status,
      pauses: JSON.stringify(c.pauses),
      due_at: c.dueAt,
      warn_at: tsArray(c.warnAt),
      calendar_confirmed: c.calendarConfirmed,
      amount: c.amount,
      unit: c.unit,
      policy_version: c.policyVersion,
      next_check_at: c.nextCheckAt,
    })
    .where('id', '=', id)
    .execute();
}
