/** Statuses and actions of a complaint's life (policy §3–§5, R-C3..C5, R-D1..D5, R-E1..E3). */
import type { Status } from '../codes.js';
import type { Level } from '../grading/grading.js';
import type { FormalReview } from './review.js';

export { STATUSES, type Status } from '../codes.js';

export const OPEN_STATUSES: readonly Status[] = ['registered', 'assigned', 'investigating', 'resolving', 'feedback_sent'];
export const FINAL_STATUSES: readonly Status[] = ['closed', 'withdrawn', 'transferred', 'merged'];

export const WORKFLOW_ACTIONS = [
  'assign',
  'escalate',
  'record_meeting',
  'start_investigation',
  'add_evidence',
  'request_extension',
  'decide_extension',
  'record_findings',
  'record_analysis',
  'propose_compensation',
  'decide_compensation',
  'record_payment',
  'record_settlement',
  'create_improvement_action',
  'send_feedback',
  'record_survey',
  'reopen',
  'close',
  'withdraw',
  'transfer',
  'merge',
  'report_progress',
  'report_to_senior',
  'complete_milestone',
  'extend_regulatory',
  'pause_clocks',
  'resume_clocks',
  'record_contact',
  'conclude_review',
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/** Who a step tells (in-app notification), resolved to users by the complaint's units. */
export type Recipient =
  | 'supervisors'
  | 'leadership'
  | 'senior_management'
  | 'department_handlers'
  | 'tracker'
  | 'assignee'
  | 'supervision'
  /** the department head named to review the complaint (#14 item 3) */
  | 'reviewer';

/** What the rules need to know about a complaint to decide an action. */
export interface WorkflowState {
  status: Status;
  level: Level;
  round: number;
  /** the survey of the current round, if recorded */
  survey: { satisfied: boolean } | null;
  /** kinds of the clocks still running or paused */
  openClocks: readonly string[];
  /** days the regulatory clock allows now: 15, 30 or 60 */
  regulatoryDays: number;
  /** investigation working days granted so far (normal + approved extensions) */
  investigationDays: number;
  /** the grade step has confirmed (or changed) the proposed level */
  levelConfirmed: boolean;
  /** some clock is paused (mediation, appraisal, documents awaited) */
  paused: boolean;
  /** approved compensations whose payment is not recorded as paid */
  unpaidCompensations: number;
  /** who proposed each compensation that awaits a decision */
  pendingCompensationsBy: readonly string[];
  /** who requested each investigation extension that awaits a decision */
  pendingExtensionsBy: readonly string[];
  /** policy `fourEyes`: nobody decides a compensation or extension they proposed or requested */
  fourEyes: boolean;
  /** from the formal-review round (#14 item 3): who reviews it; null before that round */
  review: FormalReview | null;
}
