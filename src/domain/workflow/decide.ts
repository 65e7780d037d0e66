/**
 * Decides one workflow action on one complaint: allowed or not (with the reason), and what it
 * changes: status, round, the clocks it meets, starts or cancels, who is told, exceptions raised.
 * Pure: the services load the state, call this, and write what it returns in one transaction.
 */
import { DomainError } from '../errors.js';
import type { Level } from '../grading/grading.js';
import type { ClockKind } from '../policy/policy.schema.js';
import { TRANSITIONS } from './transitions.js';
import type { Recipient, Status, WorkflowAction, WorkflowState } from './workflow.types.js';

export interface ActionFacts {
  /** escalate: to whom */
  escalateTo?: 'supervisor' | 'leadership';
  /** record_survey */
  satisfied?: boolean;
  /** close without a satisfied survey (customer unreachable, formal conclusion): the reason */
  closeReason?: string | null;
  /** decide_extension: approved and for how many working days */
  extension?: { approved: boolean; days: number };
  /** extend_regulatory: the new limit in calendar days */
  regulatoryDays?: number;
}

export interface PolicyLimits {
  investigationMaxDays: number;
  regulatoryExtendedDays: number;
  regulatoryMaxDays: number;
  formalReviewFromRound: number;
}

export interface Decision {
  status: Status;
  round: number;
  stops: ClockKind[];
  starts: ClockKind[];
  cancelsAll: boolean;
  notify: Recipient[];
  exception: 'dissatisfied' | null;
  /** decide_extension approved: the investigation clock now allows this many working days */
  investigationDays: number;
  regulatoryDays: number;
  /** extend_regulatory beyond the extended limit needs a senior manager */
  needsSeniorApproval: boolean;
}

const RESULT_CLOCK: Record<Level, ClockKind> = { 1: 'l1_result', 2: 'l2_result', 3: 'l3_answer' };
const PROGRESS_STARTERS: readonly WorkflowAction[] = ['assign', 'record_meeting', 'start_investigation', 'report_progress', 'reopen'];

function refuse(action: WorkflowAction, state: WorkflowState, reason: string): never {
  throw new DomainError('invalid_transition', { action, status: state.status, reason });
}

/** Whether an action is possible at all now (status and level); the UI offers exactly these. */
export function isAvailable(action: WorkflowAction, state: WorkflowState): boolean {
  const rule = TRANSITIONS[action];
  return rule.from.includes(state.status) && (!rule.levels || rule.levels.includes(state.level));
}

export function decide(action: WorkflowAction, state: WorkflowState, facts: ActionFacts, limits: PolicyLimits): Decision {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(state.status)) refuse(action, state, 'status');
  if (rule.levels && !rule.levels.includes(state.level)) refuse(action, state, 'level');
  const d: Decision = {
    status: rule.to ?? state.status,
    round: state.round,
    stops: [...(rule.stops ?? [])],
    starts: [...(rule.starts ?? [])],
    cancelsAll: rule.cancelsAll === true,
    notify: [...(rule.notify ?? [])],
    exception: null,
    investigationDays: state.investigationDays,
    regulatoryDays: state.regulatoryDays,
    needsSeniorApproval: false,
  };
  // level 1 and 2 complaints report progress every few working days while being handled (R-E2)
  if (state.level !== 3 && PROGRESS_STARTERS.includes(action)) d.starts.push('progress_report');
  switch (action) {
    case 'escalate':
      return escalate(d, state, facts);
    case 'send_feedback':
      if (state.status === 'registered' && state.level !== 3) refuse(action, state, 'only_level_3_on_the_spot');
      if (state.level === 1) d.starts.push('l1_report_senior');
      return d;
    case 'record_findings':
      if (state.level === 2) d.starts.push('l2_agent_reply');
      return d;
    case 'record_survey':
      if (facts.satisfied === false) {
        d.exception = 'dissatisfied';
        d.notify.push('supervisors', 'leadership', 'tracker');
      }
      return d;
    case 'reopen':
      d.round = state.round + 1;
      d.starts.push(RESULT_CLOCK[state.level]);
      if (d.round >= limits.formalReviewFromRound) {
        d.starts.push('formal_review');
        d.notify.push('leadership');
      }
      return d;
    case 'close':
      return close(d, state, facts, limits);
    case 'decide_extension':
      return extension(d, state, facts, limits);
    case 'extend_regulatory':
      return extendRegulatory(d, state, facts, limits);
    default:
      return d;
  }
}

function escalate(d: Decision, state: WorkflowState, facts: ActionFacts): Decision {
  if (facts.escalateTo === 'leadership') {
    // a report to the leadership group also answers the report to the supervisor (R-C3): it went higher
    if (state.level === 1) d.stops.push('l1_to_leadership', 'l1_report_supervisor');
    d.notify.push('leadership');
  } else {
    if (state.level === 1) d.stops.push('l1_report_supervisor');
    if (state.level === 2) d.stops.push('l2_to_supervisor');
    d.notify.push('supervisors');
  }
  return d;
}

function close(d: Decision, state: WorkflowState, facts: ActionFacts, limits: PolicyLimits): Decision {
  const reason = facts.closeReason?.trim();
  if (state.survey?.satisfied === true) return d;
  // a dissatisfied customer reopens the complaint until the formal review has concluded (R-D5)
  if (state.survey?.satisfied === false && state.round < limits.formalReviewFromRound) refuse('close', state, 'customer_dissatisfied');
  if (!reason) refuse('close', state, 'survey_missing');
  return d;
}

function extension(d: Decision, state: WorkflowState, facts: ActionFacts, limits: PolicyLimits): Decision {
  const e = facts.extension;
  if (!e || !e.approved) return d;
  const total = state.investigationDays + e.days;
  if (total > limits.investigationMaxDays) refuse('decide_extension', state, 'exceeds_maximum');
  d.investigationDays = total;
  return d;
}

function extendRegulatory(d: Decision, state: WorkflowState, facts: ActionFacts, limits: PolicyLimits): Decision {
  const days = facts.regulatoryDays ?? 0;
  if (!state.openClocks.includes('regulatory')) refuse('extend_regulatory', state, 'regulatory_clock_not_running');
  if (days <= state.regulatoryDays || days > limits.regulatoryMaxDays) refuse('extend_regulatory', state, 'days_out_of_range');
  d.regulatoryDays = days;
  d.needsSeniorApproval = days > limits.regulatoryExtendedDays;
  return d;
}
