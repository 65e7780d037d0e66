/**
 * Every event a complaint's history holds, with its payload (#10 item 4): one discriminated union
 * for the writer (event.repository.ts appendEvents accepts nothing else), the timeline and the
 * statistics and KPIs to come. The types describe the payloads as the code has always written them:
 * the hash chain (hash-chain.ts) covers the stored bytes, so a shape here never changes what is
 * written, only what tsc lets through.
 *
 * Instants are written as Date or ISO string (`Instant`) and read back as ISO strings: the payload
 * is stored as JSON, so `StoredComplaintEvent` is the union after that round trip. Codes kept in
 * the policy (clock kinds, channels, categories, causes) stay strings: stored events outlive them.
 */
import type { CorrespondenceChannel } from '../codes.js';
import type { CompensationApprover, PaymentStatus } from '../workflow/compensation.js';
import type { GradingReason, Level, RiskFlag } from '../grading/grading.js';
import { WORKFLOW_ACTIONS, type Recipient, type Status, type WorkflowAction } from '../workflow/workflow.types.js';
import { MAJOR_EVENT_TYPES, type MajorPayloads } from './major-event-types.js';

/** An instant as written: a Date, or its ISO string (JSON turns a Date into that string). */
export type Instant = Date | string;

/** A value after the JSON round trip: Dates become ISO strings, keys whose value is undefined vanish. */
export type Stored<T> = T extends Date
  ? string
  : T extends ReadonlyArray<infer U>
    ? Stored<U>[]
    : T extends object
      ? { [K in keyof T]: Stored<T[K]> }
      : T;

// ---- pieces shared by several payloads

/** A clock as planned at registration or on a level change (complaint-intake clockPayload). */
export interface PlannedClockFacts {
  kind: string;
  amount: number;
  unit: string;
  startedAt: Instant;
  dueAt: Instant | null;
  calendarConfirmed: boolean;
}

/** A clock moved by a calendar or policy change (clock-replan.service.ts). */
export interface ReplannedClockFacts {
  kind: string;
  fromDueAt: Instant | null;
  toDueAt: Instant | null;
  amount: number;
  unit: string;
  calendarConfirmed: boolean;
}

/** What an extension, a pause or a resume did to one clock (clock-effects.ts ClockChange). */
export interface ClockChangeFacts {
  clockId: string;
  kind: string;
  status: 'running' | 'paused';
  fromDueAt: Instant | null;
  dueAt: Instant | null;
  amount: number;
  unit: string;
}

/** The clock work of a workflow step, written by performAction (workflow.service.ts). */
export interface StepClocks {
  /** kinds of the clocks the step met */
  met: string[];
  /** kinds of the clocks ended because the complaint left the workflow */
  cancelled: string[];
  started: Array<{ kind: string; dueAt: Instant | null; label: string | null }>;
  /** a pause, a resume, an approved extension (the handler's afterClocks) */
  paused?: ClockChangeFacts[];
  resumed?: ClockChangeFacts[];
  extended?: ClockChangeFacts[];
}

/** What performAction adds to every workflow step's payload. */
export interface StepFacts {
  /** the record holding the step's content */
  recordId?: string;
  fromStatus?: Status;
  toStatus?: Status;
  /** the new round, when the step started one (reopen) */
  round?: number;
  clocks: StepClocks;
  /** open exceptions the step resolved (leaving the workflow) */
  exceptionsResolved?: string[];
}

type Outcome = 'upheld' | 'partly_upheld' | 'not_upheld';
type Note = string | null;
type Impact = 'low' | 'medium' | 'high';

/** The part of a workflow step's payload its handler writes (services/workflow/handlers). */
export interface ActionPayloads {
  assign: { assignee: string | null; tracker: string | null; departmentIds: string[]; note: Note };
  escalate: { to: 'supervisor' | 'leadership'; note: Note };
  record_meeting: {
    heldAt: string;
    owners: string[];
    departmentIds: string[];
    milestones: Array<{ id: string; title: string; owner: string; dueAt: string }>;
  };
  start_investigation: { departmentIds: string[] };
  add_evidence: {
    method: string;
    file: { id: string; name: string; contentType: string; size: number; sha256: string } | null;
  };
  request_extension: { days: number };
  decide_extension: { requestId: string; approved: boolean; days: number; investigationDays: number; note: Note };
  /** a complaint about handling (R-E5) whose findings reopened its original: which, into which round */
  record_findings: {
    conclusion: Outcome;
    reopenedOriginal?: { id: string; number: string; round: number };
    rectificationRequestId?: string;
  };
  record_analysis: { causes: string[]; impact: { business: Impact; reputation: Impact; financial: Impact } };
  propose_compensation: { amount: string; approver: CompensationApprover; payee: string | null };
  decide_compensation: { compensationId: string; approved: boolean; amount: string; approver: CompensationApprover; note: Note };
  record_payment: { compensationId: string; from: PaymentStatus; to: PaymentStatus; reference: string | null; paidAt: string | null };
  record_settlement: { agreedAt: string };
  create_improvement_action: {
    improvementActionId: string;
    title: string;
    owner: string;
    departmentId: string | null;
    causeCodes: string[];
    dueAt: string;
  };
  send_feedback: { method: string; proof: string | null; solvedOnTheSpot: boolean };
  record_survey: { satisfied: boolean; score: number; method: string };
  /** from the formal-review round: who reviews it (#14 item 3); reopened by a complaint about its handling: which (R-E5) */
  reopen: {
    review?: { by: 'department_head' | 'leadership'; reviewer: string | null };
    handlingComplaint?: { id: string; number: string };
  };
  close: { outcome: Outcome; unpaidCompensationWaiver?: string };
  /** the reviewer's conclusion (#14 item 3): closed as concluded, the final notice goes out with it */
  conclude_review: { outcome: Outcome; reviewBy: 'department_head' | 'leadership'; unpaidCompensationWaiver?: string };
  withdraw: Record<string, never>;
  transfer: { to: string };
  merge: { intoComplaintId: string; intoNumber: string };
  report_progress: { blockers: Note };
  report_to_senior: Record<string, never>;
  complete_milestone: { milestoneId: string; title: string };
  extend_regulatory: {
    fromDays: number;
    toDays: number;
    approver: string;
    seniorApproval: boolean;
    notice: { sentAt: string; method: string };
  };
  pause_clocks: { reason: string; note: Note };
  resume_clocks: { note: Note };
  record_contact: { method: string; summary: string; contactedAt: string };
}

/** The clock fields every sweeper event names. */
interface SweptClockFacts {
  clockId: string;
  kind: string;
  label: string | null;
  dueAt: Instant | null;
}

/** Fields every improvement-action event names (improvement.service.ts). */
export interface ImprovementFacts {
  improvementActionId: string;
  title: string;
}

/** What an improvement action's change writes besides its id and title (the clock facts come from its clock work). */
export interface ImprovementChangePayloads {
  improvement_action_done: { note: string; dueAt: Instant; late: boolean; clockMet?: boolean };
  improvement_action_verified: { note: string; effective: true };
  improvement_action_reopened: {
    note: string;
    effective: false;
    previousDoneBy: string | null;
    dueAt: Instant;
    clockStarted?: { dueAt: Instant };
  };
  improvement_action_updated: {
    changed: { owner?: { from: string; to: string }; dueAt?: { from: Instant; to: Instant }; description?: true };
    clockRestarted?: { dueAt: Instant | null };
  };
}

/** Events written outside the workflow steps: registration, grading, clocks, the sweeper, exceptions, improvement actions. */
export interface OtherPayloads {
  received: {
    number: string;
    channel: string;
    receivedAt: Instant;
    businessLine: string;
    category: string;
    amount: string | null;
    urgent: boolean;
    riskFlags: RiskFlag[];
  };
  grading_proposed: { level: Level; reasons: GradingReason[]; major: boolean; policyVersion: number };
  clocks_planned: { policyVersion: number; clocks: PlannedClockFacts[] };
  /** on the new complaint: the earlier ones; on each earlier one: the new one and who registered it */
  duplicate_suspected: { related: Array<{ id: string; number: string }>; by?: string };
  grading_confirmed: GradeFacts;
  regraded: GradeFacts;
  /** after a level change (the old level's clocks cancelled, the new one's planned), or a calendar or policy change */
  clocks_replanned:
    | { policyVersion: number; cancelled: Array<{ kind: string; dueAt: Instant | null }>; planned: PlannedClockFacts[] }
    | { policyVersion?: number; clocks: ReplannedClockFacts[] };
  personal_data_viewed: { fields: string[] };
  /** on the complaint a duplicate was merged into */
  merged_from: { complaintId: string; number: string };
  /**
   * A complaint about how another complaint was handled (R-E5): on both chains, the new complaint
   * (`handling`) and the original; `by` who linked them (the intake, or staff afterwards).
   */
  handling_complaint_linked: { handling: { id: string; number: string }; original: { id: string; number: string }; by: string };
  clock_warning: SweptClockFacts & { warning: number; warnAt: Instant; notified: string[] };
  clock_breached: SweptClockFacts & { breachedAt: Instant; exception: 'breach' | 'stalled' };
  clock_escalated: SweptClockFacts & { step: number; stepAt: Instant; notify: Recipient[]; notified: string[] };
  exception_resolved: { exceptionId: string; kind: string; clockId: string | null; raisedAt: Instant; resolution: string };
  /**
   * A message to the complainant left (#11 item 7): the provider accepted it. The proof of the
   * acknowledgment or feedback: provider and its id, when accepted; `metClocks` the clocks its
   * sending met (the acknowledgment). The address is not repeated here, only its masked form.
   */
  message_sent: {
    messageId: string;
    purpose: string;
    channel: 'email' | 'sms';
    recipient: string;
    provider: string;
    providerId: string | null;
    acceptedAt: Instant;
    deliveredAt: Instant | null;
    metClocks: string[];
  };
  /** a message to the complainant could not be delivered after every attempt: a tracked exception for the agent */
  message_failed: { messageId: string; purpose: string; channel: 'email' | 'sms'; recipient: string; attempts: number; error: string };
  /**
   * Files received with the complaint (#12 item 4, R-B4): at registration from the portal, the app or
   * an e-mail, or added afterwards by staff (a scanned letter at the counter). The sha256 of each file
   * puts its bytes under the hash chain.
   */
  attachments_received: { recordId: string; source: string; files: AttachmentFacts[] };
  /** A staff reply to the complainant from the correspondence thread (#12 item 5). */
  correspondence_sent: CorrespondenceSentPayload;
  /**
   * A complaint loaded from a historical CSV file (#13 item 7, R-H7), its first event: the source and
   * the complaint's id there, the import run, and how it stood at the source. A closed one is closed
   * by this event (its dates and outcome; no clocks planned); an open one is followed by grading and
   * its clocks, planned from the receipt like a new complaint's.
   */
  complaint_imported: {
    source: string;
    sourceId: string;
    runId: string | null;
    number: string;
    channel: string;
    businessLine: string;
    category: string;
    product: string | null;
    receivedAt: Instant;
    closedAt: Instant | null;
    outcome: string | null;
    causes: string[];
  };
  /**
   * A legal hold placed on the complaint (#15 item 4, R-H6): while it is in force the retention sweep
   * does not anonymise it. `until` is a company-time date (YYYY-MM-DD) or null for open-ended.
   */
  legal_hold_placed: { holdId: string; until: string | null };
  /** A legal hold released, with the reason (the event's reason); the hold's own reason is repeated. */
  legal_hold_released: { holdId: string; placedAt: Instant; placedBy: string; holdReason: string };
  /**
   * The retention sweep anonymised the complaint's personal data (#15 item 4, R-H6; migration 0028):
   * the run, counts, the redacted events' seq numbers, and each redacted version-1 event as verified
   * before (its hash, type, actor and time: see hash-chain.ts). No personal data.
   */
  retention_anonymised: {
    runId: string;
    counts: Record<string, number>;
    redactedSeqs: number[];
    v1Events: Array<{ seq: number; hash: string; type: string; actor: string; occurredAt: string }>;
  };
  /** An inbound message on the complaint (#12 item 5): a portal addition, an e-mail reply, a letter. */
  correspondence_received: {
    recordId: string;
    channel: CorrespondenceChannel;
    subject: string | null;
    messageId: string | null;
    files: AttachmentFacts[];
  };
}

/**
 * A staff reply to the complainant from the correspondence thread (#12 item 5): what was written,
 * by which channel, to the masked address; the message itself goes through the outbox
 * (`outboxKey`), and its sending is recorded as `message_sent` or `message_failed`.
 */
export interface CorrespondenceSentPayload {
  channel: 'email' | 'sms';
  subject: string | null;
  text: string;
  to: string;
  outboxKey: string;
}

/** A stored file as events name it. */
export interface AttachmentFacts {
  id: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
}

interface GradeFacts {
  from: Level;
  to: Level;
  proposedLevel: number;
  overridesProposal: boolean;
}

/** Every payload by event type: a workflow step's carries its handler's part and the step's facts. */
export type EventPayloads = { [A in WorkflowAction]: ActionPayloads[A] & StepFacts } & {
  [K in keyof ImprovementChangePayloads]: ImprovementFacts & ImprovementChangePayloads[K];
} & OtherPayloads &
  MajorPayloads;

export type EventType = keyof EventPayloads;

/** One event's type and payload; `ComplaintEvent` is the union over every type. */
export type ComplaintEvent<K extends EventType = EventType> = { [T in K]: { type: T; payload: EventPayloads[T] } }[K];

/** An event as read back from the database (after the JSON round trip the hash covers). */
export type StoredComplaintEvent<K extends EventType = EventType> = Stored<ComplaintEvent<K>>;

/** Every event type, for readers that group or count by type (statistics, KPIs). */
export const EVENT_TYPES = [
  ...WORKFLOW_ACTIONS,
  'improvement_action_done',
  'improvement_action_verified',
  'improvement_action_reopened',
  'improvement_action_updated',
  'received',
  'grading_proposed',
  'clocks_planned',
  'duplicate_suspected',
  'grading_confirmed',
  'regraded',
  'clocks_replanned',
  'personal_data_viewed',
  'merged_from',
  'handling_complaint_linked',
  'clock_warning',
  'clock_breached',
  'clock_escalated',
  'exception_resolved',
  'message_sent',
  'message_failed',
  'attachments_received',
  'correspondence_received',
  'correspondence_sent',
  'complaint_imported',
  'legal_hold_placed',
  'legal_hold_released',
  'retention_anonymised',
  ...MAJOR_EVENT_TYPES,
] as const satisfies readonly EventType[];

/** tsc fails here when an event type is missing from EVENT_TYPES. */
const everyTypeListed: Exclude<EventType, (typeof EVENT_TYPES)[number]> extends never ? true : false = true;
void everyTypeListed;

export function isEventType(value: string): value is EventType {
  return (EVENT_TYPES as readonly string[]).includes(value);
}

/**
 * A workflow step's event: its handler's part of the payload, then the step's facts (status,
 * round, clocks). The handler's part is checked against its action where the handler is declared
 * (workflow-handler.ts `handler`); here the action is only known as the union, so the pairing is
 * asserted once.
 */
export function stepEvent<A extends WorkflowAction>(action: A, own: ActionPayloads[A], facts: StepFacts): ComplaintEvent<A> {
  return { type: action, payload: { ...own, ...facts } } as ComplaintEvent<A>;
}

/** True for the events of workflow steps (their payloads carry StepFacts: status change, clocks). */
export function isStepEvent(e: StoredComplaintEvent): e is StoredComplaintEvent<WorkflowAction> {
  return (WORKFLOW_ACTIONS as readonly string[]).includes(e.type);
}

/** The clock facts of an improvement action's change: its clock met, started again or restarted. */
export interface ImprovementClockFacts {
  clockMet?: boolean;
  clockStarted?: { dueAt: Instant };
  clockRestarted?: { dueAt: Instant | null };
}

/** An improvement action's change as its service decides it, before the id, title and clock facts are added. */
export type ImprovementChange = {
  [K in keyof ImprovementChangePayloads]: { type: K; payload: Omit<ImprovementChangePayloads[K], keyof ImprovementClockFacts> };
}[keyof ImprovementChangePayloads];

/** The event of an improvement action's change (improvement.service.ts). */
export function improvementEvent(base: ImprovementFacts, change: ImprovementChange, clocks: ImprovementClockFacts): ComplaintEvent {
  switch (change.type) {
    case 'improvement_action_done':
      return { type: change.type, payload: { ...base, ...change.payload, clockMet: clocks.clockMet } };
    case 'improvement_action_verified':
      return { type: change.type, payload: { ...base, ...change.payload } };
    case 'improvement_action_reopened':
      return { type: change.type, payload: { ...base, ...change.payload, clockStarted: clocks.clockStarted } };
    case 'improvement_action_updated':
      return { type: change.type, payload: { ...base, ...change.payload, clockRestarted: clocks.clockRestarted } };
  }
}
