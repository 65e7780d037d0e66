/**
 * Decides one workflow action on one complaint: allowed or not (with the reason), and what it
 * changes: status, round, the clocks it meets, starts or cancels, who is told, exceptions raised.
 * Pure: the services load the state, call this, and write what it returns in one transaction.
 */
import { DomainError, type TransitionReason } from '../errors.js';
import type { Level } from '../grading/grading.js';
import type { ClockKind } from '../policy/policy.schema.js';
import { FIRST_CONTACT_CLOCKS, TRANSITIONS } from './transitions.js';
import { mayConclude, type FormalReviewBy } from './review.js';
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
  /** close with approved compensation unpaid: why it is waived (recorded in the event) */
  unpaidCompensationWaiver?: string | null;
  /** who takes the step (set by the service, not the body) */
  actor?: string;
  /** the actor's roles (set by the service): a leadership member may conclude a review of the leadership group */
  actorRoles?: readonly string[];
  /** decide_compensation / decide_extension: who proposed or requested what is decided */
  proposer?: string;
}

export interface PolicyLimits {
  investigationMaxDays: number;
  regulatoryExtendedDays: number;
  regulatoryMaxDays: number;
  formalReviewFromRound: number;
  /** who reviews from that round (policy reopen.formalReviewBy) */
  formalReviewBy: FormalReviewBy;
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
  /** a handling step: the complaint moved (last progress now; levels 1–2 restart the progress-report clock) */
  progress: boolean;
  /** reopen into the formal-review round: the step names the reviewer (review.ts chooseReviewer) */
  formalReview: boolean;
}

const RESULT_CLOCK: Record<Level, ClockKind> = { 1: 'l1_result', 2: 'l2_result', 3: 'l3_answer' };
/**
 * Steps that do not move the handling on: a report upwards, the administration of clocks, and the
 * first contact with the customer (an acknowledgment says the complaint was received and when the
 * answer comes; it must not hide a complaint nobody handles from the progress-report clock).
 */
const NOT_PROGRESS: readonly WorkflowAction[] = ['escalate', 'extend_regulatory', 'pause_clocks', 'resume_clocks', 'record_contact'];
const HANDLING: readonly Status[] = ['assigned', 'investigating', 'resolving'];

/**
 * The one rule for "the complaint moved" (R-E2, docs/workflow.md): every step that leaves the
 * complaint being handled (assigned, investigating, resolving) counts as progress, except
 * escalations, clock administration and the first contact. Levels 1 and 2 restart their progress-report clock then.
 */
export function isProgress(action: WorkflowAction, to: Status): boolean {
  return HANDLING.includes(to) && !NOT_PROGRESS.includes(action);
}

/** Decisions wait for someone other than the person who asked, when the policy says four eyes. */
function decidableBy(askedBy: readonly string[], state: WorkflowState, actor: string | undefined): boolean {
  return askedBy.some((by) => !state.fourEyes || actor === undefined || by !== actor);
}

/**
 * Whether the complaint's facts allow the step now, beyond status and level: there is something to
 * decide (and, with four eyes, not only the actor's own), clocks to pause or to resume, a
 * confirmed level to close with.
 */
const CONDITIONS: Partial<Record<WorkflowAction, (s: WorkflowState, actor: string | undefined, roles: readonly string[]) => boolean>> = {
  decide_compensation: (s, actor) => decidableBy(s.pendingCompensationsBy, s, actor),
  decide_extension: (s, actor) => decidableBy(s.pendingExtensionsBy, s, actor),
  pause_clocks: (s) => !s.paused,
  resume_clocks: (s) => s.paused,
  record_contact: (s) => awaitsFirstContact(s),
  // under formal review only a satisfied customer lets the complaint close; otherwise the reviewer concludes it
  close: (s) => s.levelConfirmed && !underReview(s),
  conclude_review: (s, actor, roles) => s.review !== null && s.levelConfirmed && mayConclude(s.review, actor, roles),
};

/** From the formal-review round, a complaint whose customer is not satisfied waits for its reviewer's conclusion. */
function underReview(s: WorkflowState): boolean {
  return s.review !== null && s.survey?.satisfied !== true;
}

/** A first-contact clock (acknowledgment, online first reply, urgent initial response) still runs. */
function awaitsFirstContact(s: WorkflowState): boolean {
  return s.openClocks.some((k) => (FIRST_CONTACT_CLOCKS as readonly string[]).includes(k));
}

function refuse(action: WorkflowAction, state: WorkflowState, reason: TransitionReason): never {
  throw new DomainError('invalid_transition', { action, status: state.status, reason });
}

/** Whether an action is possible now for this actor (status, level, the complaint's facts); the UI offers exactly these. */
export function isAvailable(action: WorkflowAction, state: WorkflowState, actor?: string, roles: readonly string[] = []): boolean {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(state.status) || (rule.levels && !rule.levels.includes(state.level))) return false;
  return CONDITIONS[action]?.(state, actor, roles) ?? true;
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
    progress: isProgress(action, rule.to ?? state.status),
    formalReview: false,
  };
  // level 1 and 2 complaints report progress every few working days while being handled (R-E2)
  if (state.level !== 3 && d.progress) d.starts.push('progress_report');
  switch (action) {
    case 'escalate':
      return escalate(d, state, facts);
    case 'send_feedback':
      if (state.status === 'registered' && state.level !== 3) refuse(action, state, 'only_level_3_on_the_spot');
      if (state.level === 1) d.starts.push('l1_report_senior');
      return d;
    case 'record_contact':
      if (!awaitsFirstContact(state)) refuse(action, state, 'no_first_contact_clock');
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
        // a reviewer above the handler (#14 item 3): the service names them and tells them; the leadership group is told
        d.formalReview = true;
        d.starts.push('formal_review');
        d.notify.push('leadership');
      }
      return d;
    case 'close':
      return close(d, state, facts, limits);
    case 'conclude_review':
      return concludeReview(d, state, facts);
    case 'decide_compensation':
      fourEyes(action, state, facts);
      return d;
    case 'decide_extension':
      fourEyes(action, state, facts);
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

/** The proposer of a compensation or the requester of an extension does not decide it (policy fourEyes). */
function fourEyes(action: WorkflowAction, state: WorkflowState, facts: ActionFacts): void {
  if (state.fourEyes && facts.proposer !== undefined && facts.proposer === facts.actor) refuse(action, state, 'four_eyes');
}

function close(d: Decision, state: WorkflowState, facts: ActionFacts, limits: PolicyLimits): Decision {
  const reason = facts.closeReason?.trim();
  // under formal review the handler no longer closes a complaint the customer is not satisfied with (#14 item 3)
  if (state.review && underReview(state))
    throw new DomainError('formal_review_required', { round: state.round, reviewer: state.review.reviewer ?? '' });
  // a complaint is closed at a level somebody confirmed (R-C2)
  if (!state.levelConfirmed) refuse('close', state, 'level_not_confirmed');
  // approved compensation is paid before closing, or its waiver is stated (R-D3)
  if (state.unpaidCompensations > 0 && !facts.unpaidCompensationWaiver?.trim()) refuse('close', state, 'compensation_unpaid');
  if (state.survey?.satisfied === true) return d;
  // a dissatisfied customer reopens the complaint until the formal review has concluded (R-D5)
  if (state.survey?.satisfied === false && state.round < limits.formalReviewFromRound) refuse('close', state, 'customer_dissatisfied');
  if (!reason) refuse('close', state, 'survey_missing');
  return d;
}

/** The reviewer's conclusion closes the complaint as concluded (not satisfied); the final notice goes out with it. */
function concludeReview(d: Decision, state: WorkflowState, facts: ActionFacts): Decision {
  if (!state.review) refuse('conclude_review', state, 'not_in_formal_review');
  if (!mayConclude(state.review, facts.actor, facts.actorRoles ?? []))
    throw new DomainError('not_the_reviewer', { reviewer: state.review.reviewer ?? '' });
  if (!state.levelConfirmed) refuse('conclude_review', state, 'level_not_confirmed');
  if (state.unpaidCompensations > 0 && !facts.unpaidCompensationWaiver?.trim()) refuse('conclude_review', state, 'compensation_unpaid');
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
