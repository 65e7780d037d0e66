import { computePlanned, planClock, type ClockEnvironment, type PlannedClock } from '../../domain/clocks/clock-plan.js';
import type { Pause } from '../../domain/clocks/deadline.js';
import type { ClockKind, DurationUnit } from '../../domain/policy/policy.schema.js';
import type { Database } from '../../db/database.js';
import {
  cancelOpenClocksButImprovements,
  cancelOpenClocksOfKinds,
  insertClocks,
  listOpenClockKinds,
  meetOpenClocksOfKinds,
  meetSubjectClocks,
  updateClockPlanAndPauses,
  type ClockRow,
  type NewClock,
} from '../../db/repositories/clock.repository.js';
import { updateComplaint } from '../../db/repositories/complaint.repository.js';

/** Clocks met by a step: their time is recorded; a breached one stays visibly late (met_at > due_at). */
export async function meetClocks(db: Database, complaintId: string, kinds: readonly string[], at: Date): Promise<string[]> {
  if (kinds.length === 0) return [];
  return meetOpenClocksOfKinds(db, complaintId, kinds, at);
}

/** The complaint leaves the workflow: its clocks end, except improvement actions, which live on (R-D3). */
export async function cancelOpenClocks(db: Database, complaintId: string, at: Date): Promise<string[]> {
  return cancelOpenClocksButImprovements(db, complaintId, at);
}

/** Clocks started by a step, counted from now with the current policy (a restarted kind replaces its old run). */
export async function startClocks(
  db: Database,
  complaintId: string,
  kinds: readonly ClockKind[],
  env: ClockEnvironment,
  opts: { at: Date; round: number; policyVersion: number; extra?: readonly NewClock[] },
): Promise<NewClock[]> {
  if (kinds.length > 0) await cancelOpenClocksOfKinds(db, complaintId, kinds, opts.at);
  const planned: NewClock[] = [...kinds.map((k) => ({ ...planClock(k, opts.at, env), round: opts.round })), ...(opts.extra ?? [])];
  await insertClocks(db, complaintId, planned, opts.policyVersion, opts.at);
  return planned;
}

export async function openClockKinds(db: Database, complaintId: string): Promise<string[]> {
  return listOpenClockKinds(db, complaintId);
}

/** Marks the complaint as having moved (progress report or any handling step): the stalled-clock restarts. */
export async function touchProgress(db: Database, complaintId: string, at: Date): Promise<void> {
  await updateComplaint(db, complaintId, { last_progress_at: at });
}

// ---- extensions and pauses (plan.handlers: decide_extension, extend_regulatory, pause_clocks, resume_clocks)

/** What an extension, a pause or a resume did to one clock (listed in the action's event). */
export interface ClockChange {
  clockId: string;
  kind: string;
  status: 'running' | 'paused';
  fromDueAt: Date | null;
  dueAt: Date | null;
  amount: number;
  unit: string;
}

type StoredPause = { from: string; to: string | null; reason?: string };

/** A clock's stored pauses as the deadline function takes them. */
export function pausesOf(pauses: readonly StoredPause[]): Pause[] {
  return pauses.map((p) => ({ from: new Date(p.from), to: p.to === null ? null : new Date(p.to) }));
}

/** Writes a clock's new plan (due time, warnings, status and pauses); the sweeper looks at a running clock next at its next warning or due time. */
async function writePlan(
  db: Database,
  k: ClockRow,
  next: PlannedClock,
  pauses: readonly StoredPause[],
  status: 'running' | 'paused',
  policyVersion: number,
): Promise<ClockChange> {
  await updateClockPlanAndPauses(db, k.id, {
    status,
    pauses,
    dueAt: next.dueAt,
    warnAt: next.warnAt,
    calendarConfirmed: next.calendarConfirmed,
    amount: next.amount,
    unit: next.unit,
    policyVersion,
    nextCheckAt: status === 'running' ? (next.warnAt[k.warningsSent] ?? next.dueAt) : null,
  });
  return { clockId: k.id, kind: k.kind, status, fromDueAt: k.dueAt, dueAt: next.dueAt, amount: next.amount, unit: next.unit };
}

/**
 * An approved extension: the clock is computed again from its own start and pauses with the new
 * amount (the extension adds to the original allowance, it does not restart the clock).
 */
export async function extendClock(
  db: Database,
  k: ClockRow,
  amount: number,
  unit: DurationUnit,
  env: ClockEnvironment,
  policyVersion: number,
): Promise<ClockChange> {
  const next = computePlanned(k.kind as ClockKind, amount, unit, k.startedAt, env, pausesOf(k.pauses));
  const status = k.status === 'paused' ? 'paused' : 'running';
  return writePlan(db, k, next, k.pauses, status, policyVersion);
}

/**
 * Pauses running clocks at `at` (mediation, appraisal, documents awaited): an open pause is added,
 * the due time becomes unknown (null) and the sweeper leaves the clock alone. A clock whose due time
 * has already passed is not paused (a pause after the due time changes nothing): it is skipped.
 */
export async function pauseClocks(
  db: Database,
  clocks: readonly ClockRow[],
  at: Date,
  reason: string,
  env: ClockEnvironment,
  policyVersion: number,
): Promise<ClockChange[]> {
  const changes: ClockChange[] = [];
  for (const k of clocks) {
    if (k.status !== 'running') continue;
    const pauses = [...k.pauses, { from: at.toISOString(), to: null, reason }];
    const next = computePlanned(k.kind as ClockKind, k.amount, k.unit as DurationUnit, k.startedAt, env, pausesOf(pauses));
    if (next.dueAt !== null) continue;
    changes.push(await writePlan(db, k, next, pauses, 'paused', policyVersion));
  }
  return changes;
}

/** Resumes paused clocks at `at`: the open pause closes and the due time is computed again with the time that remained. */
export async function resumeClocks(
  db: Database,
  clocks: readonly ClockRow[],
  at: Date,
  env: ClockEnvironment,
  policyVersion: number,
): Promise<ClockChange[]> {
  const changes: ClockChange[] = [];
  for (const k of clocks) {
    if (k.status !== 'paused') continue;
    const pauses = k.pauses.map((p) => (p.to === null ? { ...p, to: at.toISOString() } : p));
    const next = computePlanned(k.kind as ClockKind, k.amount, k.unit as DurationUnit, k.startedAt, env, pausesOf(pauses));
    changes.push(await writePlan(db, k, next, pauses, 'running', policyVersion));
  }
  return changes;
}

/** A milestone of a plan is met (its clock has the milestone's id as subject); returns whether one was open. */
export async function meetMilestone(db: Database, complaintId: string, milestoneId: string, at: Date): Promise<boolean> {
  return (await meetSubjectClocks(db, complaintId, milestoneId, at)) > 0;
}
