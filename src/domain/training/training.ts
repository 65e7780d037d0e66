/**
 * Training (#15 item 1, R-G1; policy §7.1-7.2): the kinds of plan, the four content areas, the
 * attendance marks, and what a person's result in a session is. Pure.
 *
 * A session with a maximum score is assessed: a person passes it when present and scored at least
 * its pass mark (the whole maximum when no pass mark is set). A session without one is passed by
 * attending. A person has completed a session when they passed it.
 */

export const TRAINING_KINDS = ['periodic', 'onboarding', 'special'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];

export const CONTENT_AREAS = ['law_regulation', 'communication', 'complaint_process', 'case_study'] as const;
export type ContentArea = (typeof CONTENT_AREAS)[number];

export const PLAN_STATUSES = ['draft', 'active', 'completed', 'cancelled'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const SESSION_STATUSES = ['scheduled', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const ATTENDANCE_STATUSES = ['present', 'absent', 'excused'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const ENROLMENT_SOURCES = ['person', 'department', 'role', 'onboarding'] as const;
export type EnrolmentSource = (typeof ENROLMENT_SOURCES)[number];

export const ORIGIN_KINDS = ['spike', 'finding'] as const;
export type OriginKind = (typeof ORIGIN_KINDS)[number];

/** A person's result in one session. */
export const SESSION_RESULTS = ['pending', 'passed', 'failed', 'absent', 'excused'] as const;
export type SessionResult = (typeof SESSION_RESULTS)[number];

export interface AssessedSession {
  maxScore: number | null;
  passMark: number | null;
}

export interface AttendanceMark {
  status: AttendanceStatus;
  score: number | null;
}

/** The score needed to pass; null when the session is not assessed. */
export function passingScore(s: AssessedSession): number | null {
  if (s.maxScore === null) return null;
  return s.passMark ?? s.maxScore;
}

/** Pending until attendance is marked, and for an assessed session until the score is in. */
export function sessionResult(s: AssessedSession, mark: AttendanceMark | null): SessionResult {
  if (mark === null) return 'pending';
  if (mark.status !== 'present') return mark.status;
  const needed = passingScore(s);
  if (needed === null) return 'passed';
  if (mark.score === null) return 'pending';
  return mark.score >= needed ? 'passed' : 'failed';
}

/** A score must fit the session: 0..max, and only where there is an assessment. */
export function scoreFits(s: AssessedSession, score: number | null): boolean {
  if (score === null) return true;
  return s.maxScore !== null && score >= 0 && score <= s.maxScore;
}

/** One enrolled person and one session of their plan, for the KPI training_completion. */
export interface CompletionFact {
  username: string;
  sessionId: string;
  /** local date the session ended */
  endedOn: string;
  passed: boolean;
}

/**
 * training_completion: the share of the enrolled persons with a session that ended in the period
 * who passed every such session. Null when nobody had one.
 */
export function trainingCompletion(
  facts: readonly CompletionFact[],
  period: { from: string; to: string },
): { value: number | null; numerator: number; denominator: number; persons: string[]; completed: string[] } {
  const byPerson = new Map<string, boolean>();
  for (const f of facts) {
    if (f.endedOn < period.from || f.endedOn > period.to) continue;
    byPerson.set(f.username, (byPerson.get(f.username) ?? true) && f.passed);
  }
  const persons = [...byPerson.keys()].sort();
  const completed = persons.filter((p) => byPerson.get(p) === true);
  return {
    value: persons.length === 0 ? null : Math.round((completed.length / persons.length) * 10000) / 10000,
    numerator: completed.length,
    denominator: persons.length,
    persons,
    completed,
  };
}
