/**
 * A hotline call and its draft complaint (#12 item 3). The telephony system reports `call.started`
 * and `call.ended`; each is applied once per call (a repeat changes nothing), in either order (an
 * `call.ended` that overtakes its `call.started` creates the call). The draft is the intake form
 * prefilled from the call: channel hotline, the caller's number, the call id as the call reference,
 * the call's start as the receipt time. Pure: the clock is an argument.
 */
import { DomainError } from '../errors.js';
import type { IntakeInput } from '../complaint/intake.js';
import type { FieldIssue } from '../validation.js';

export const HOTLINE_EVENTS = ['call.started', 'call.ended'] as const;
export type HotlineEventType = (typeof HOTLINE_EVENTS)[number];

/** ringing: the call is on; ended: over, not yet handled; registered: a complaint; dismissed: not a complaint. */
export const CALL_STATUSES = ['ringing', 'ended', 'registered', 'dismissed'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];
/** Calls still waiting for the agent (the workbench's incoming calls). */
export const OPEN_CALL_STATUSES = ['ringing', 'ended'] as const satisfies readonly CallStatus[];

export interface HotlineEvent {
  event: HotlineEventType;
  callId: string;
  caller: string;
  callee: string | null;
  /** the agent's username or extension */
  agent: string | null;
  startedAt: Date;
  endedAt: Date | null;
  recordingUrl: string | null;
}

/** What the events decide of a stored call. */
export interface CallState {
  status: CallStatus;
  agent: string | null;
  callee: string | null;
  endedAt: Date | null;
  recordingUrl: string | null;
  /** when call.started / call.ended was applied (null: not yet received) */
  startedEventAt: Date | null;
  endedEventAt: Date | null;
}

export interface NewCall extends CallState {
  callId: string;
  caller: string;
  startedAt: Date;
}

export type CallChange = { kind: 'create'; call: NewCall } | { kind: 'update'; patch: Partial<CallState> } | { kind: 'repeat' };

/** What the event does to the call (null: not known yet). Idempotent per (call, event). */
export function applyHotlineEvent(call: CallState | null, ev: HotlineEvent, now: Date): CallChange {
  const ended = ev.event === 'call.ended';
  if (call === null) {
    return {
      kind: 'create',
      call: {
        callId: ev.callId,
        caller: ev.caller,
        startedAt: ev.startedAt,
        status: ended ? 'ended' : 'ringing',
        agent: ev.agent,
        callee: ev.callee,
        endedAt: ended ? (ev.endedAt ?? now) : null,
        recordingUrl: ev.recordingUrl,
        startedEventAt: ended ? null : now,
        endedEventAt: ended ? now : null,
      },
    };
  }
  if (ended ? call.endedEventAt !== null : call.startedEventAt !== null) return { kind: 'repeat' };
  const known = { agent: call.agent ?? ev.agent, callee: call.callee ?? ev.callee };
  if (!ended) return { kind: 'update', patch: { ...known, startedEventAt: now } };
  return {
    kind: 'update',
    patch: {
      ...known,
      endedEventAt: now,
      endedAt: ev.endedAt ?? now,
      recordingUrl: ev.recordingUrl ?? call.recordingUrl,
      // a call already registered or dismissed keeps that status; the recording still arrives
      status: call.status === 'ringing' ? 'ended' : call.status,
    },
  };
}

/** Field problems the schema cannot see: a call that ends before it starts. */
export function hotlineEventIssues(ev: HotlineEvent): FieldIssue[] {
  if (ev.endedAt && ev.endedAt < ev.startedAt) return [{ field: 'endedAt', code: 'range_inverted' }];
  return [];
}

export function isOpenCall(status: CallStatus): boolean {
  return (OPEN_CALL_STATUSES as readonly CallStatus[]).includes(status);
}

/** Registering or dismissing needs a call still waiting for the agent. */
export function assertOpenCall(status: CallStatus): void {
  if (!isOpenCall(status)) throw new DomainError('hotline_call_closed', { status });
}

/** The draft complaint of a call: what the intake form starts from. */
export function callDraft(call: { callId: string; caller: string; startedAt: Date }) {
  return {
    channel: 'hotline' as const,
    callReference: call.callId,
    receivedAt: call.startedAt,
    complainant: { phone: call.caller },
  };
}

/**
 * The agent's completed draft as registered: always channel hotline with the call id as the call
 * reference; the caller's number and the call's start unless the agent entered others.
 */
export function completeDraft(input: IntakeInput, call: { callId: string; caller: string; startedAt: Date }): IntakeInput {
  return {
    ...input,
    channel: 'hotline',
    callReference: call.callId,
    receivedAt: input.receivedAt ?? call.startedAt,
    complainant: { ...input.complainant, phone: input.complainant.phone ?? call.caller },
  };
}
