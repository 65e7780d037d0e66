/**
 * Marking a complaint major (#14 item 4), one step for both ways it happens (the grading rules at
 * intake, a leader with a reason): the flag and its reason on the complaint, the clock of the
 * report to the regulator (policy.majorComplaint.regulatorReport from now), the leadership group
 * and senior management told at once, and the hash-chained `major_marked` event. Runs in the
 * caller's transaction, with the complaint row locked.
 */
import type { WorkingCalendar } from '../../domain/calendar/calendar.js';
import { regulatorReportClock, type MajorSource } from '../../domain/major/major.js';
import type { Policy } from '../../domain/policy/policy.schema.js';
import type { Database } from '../../db/database.js';
import { cancelOpenClocksOfKinds, insertClocks } from '../../db/repositories/clock.repository.js';
import { appendEvents } from '../../db/repositories/event.repository.js';
import { setComplaintMajor } from '../../db/repositories/major.repository.js';
import { notify, type NotifyTarget } from './notify.service.js';

/** Who is told at once of a major complaint (policy §3.1, policy defaults). */
export const MAJOR_RECIPIENTS = ['leadership', 'senior_management'] as const;

export interface MajorEnvironment {
  policy: Policy;
  policyVersion: number;
  calendar: WorkingCalendar;
  timeZone: string;
  now: Date;
}

export interface MajorMark {
  source: MajorSource;
  rules: string[];
  reason: string | null;
  by: string;
  round: number;
  /** the intake's facts behind the rules, for the event */
  facts?: { majorCause: string | null; regulatorReference: string | null; jointComplainants: number };
}

/** Marks the complaint major and starts its report-to-the-regulator clock; returns who was told. */
export async function startMajor(trx: Database, target: NotifyTarget, m: MajorMark, env: MajorEnvironment): Promise<string[]> {
  const { now } = env;
  await setComplaintMajor(
    trx,
    target.id,
    { major: true, source: m.source, rules: m.rules, reason: m.reason, markedAt: now, markedBy: m.by },
    now,
  );
  // marked again after an unmarking: the report is due anew from now
  await cancelOpenClocksOfKinds(trx, target.id, ['major_regulator_report'], now);
  const clock = regulatorReportClock(now, { policy: env.policy, calendar: env.calendar, timeZone: env.timeZone });
  await insertClocks(trx, target.id, [{ ...clock, round: m.round }], env.policyVersion, now);
  const notified = await notify(
    trx,
    target,
    MAJOR_RECIPIENTS,
    {
      kind: 'major_marked',
      sourceKey: `major:${target.id}:marked:${now.getTime()}`,
      message: { template: 'major.marked', params: { number: target.number, by: m.by, rules: m.rules, reason: m.reason } },
      exclude: m.source === 'leader' ? m.by : undefined,
    },
    now,
  );
  await appendEvents(trx, target.id, [
    {
      type: 'major_marked',
      actor: m.source === 'rules' ? 'system' : m.by,
      occurredAt: now,
      reason: m.reason,
      payload: {
        source: m.source,
        rules: m.rules,
        reason: m.reason,
        ...(m.facts ?? {}),
        regulatorReportDueAt: clock.dueAt,
        notified,
      },
    },
  ]);
  return notified;
}
