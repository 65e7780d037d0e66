/** Statuses and actions of a complaint's life (policy §3–§5, R-C3..C5, R-D1..D5, R-E1..E3). */
import type { Level } from '../grading/grading.js';

export const STATUSES = [
  'registered', // 受理登记: received, graded, clocks running
  'assigned', // 已分派: an agent / responsible department handles it
  'investigating', // 调查中
  'resolving', // 处理中: findings recorded; analysis, settlement, compensation, improvement
  'feedback_sent', // 已反馈: result told to the customer; satisfaction follow-up pending
  'closed', // 已办结
  'withdrawn', // 已撤诉
  'transferred', // 已转办
  'merged', // 已合并 into another complaint
] as const;
export type Status = (typeof STATUSES)[number];

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
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/** Who a step tells (in-app notification), resolved to users by the complaint's units. */
export type Recipient = 'supervisors' | 'leadership' | 'senior_management' | 'department_handlers' | 'tracker' | 'assignee' | 'supervision';

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
}
