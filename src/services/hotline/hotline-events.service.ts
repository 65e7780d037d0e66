import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.js';
import { applyHotlineEvent, hotlineEventIssues, type CallState, type HotlineEvent } from '../../domain/hotline/hotline-call.js';
import { checkHotlineSignature } from '../../domain/hotline/hotline-signature.js';
import { replayExpiry } from '../../domain/hotline/hotline-window.js';
import { assertNoIssues } from '../../domain/validation.js';
import {
  insertCallIfAbsent,
  lockCallByCallId,
  rememberSignature,
  updateCall,
  type HotlineCallPatch,
  type HotlineCallRow,
} from '../../db/repositories/hotline.repository.js';
import { channelsOf } from '../channels/channel-settings.js';
import type { ServiceContext } from '../context.js';

/** A request whose signature was checked: the replay key and its timestamp. */
export interface SignedHotlineRequest {
  signature: string;
  timestamp: number;
}

/**
 * The signature check of the telephony webhook (#12 item 3), before the body is even validated:
 * 404 when HOTLINE_WEBHOOK_SECRET is not configured (the integration is off), 401 for a missing or wrong signature and for a
 * timestamp outside the window. Nothing is read or written.
 */
export function verifyHotlineRequest(
  ctx: ServiceContext,
  req: { timestamp: string | undefined; signature: string | undefined; rawBody: Buffer },
): SignedHotlineRequest {
  const secret = channelsOf(ctx).hotlineSecret;
  if (!secret) throw new DomainError('hotline_not_configured');
  const outcome = checkHotlineSignature({ secret, timestamp: req.timestamp, signature: req.signature, body: req.rawBody, now: ctx.now() });
  if (!outcome.ok && outcome.reason === 'stale') throw new DomainError('hotline_signature_stale');
  if (!outcome.ok) throw new DomainError('hotline_signature_invalid');
  return { signature: outcome.signature, timestamp: outcome.timestamp };
}

function stateOf(r: HotlineCallRow): CallState {
  return {
    status: r.status,
    agent: r.agent,
    callee: r.callee,
    endedAt: r.ended_at,
    recordingUrl: r.recording_url,
    startedEventAt: r.started_event_at,
    endedEventAt: r.ended_event_at,
  };
}

function columnsOf(p: Partial<CallState>): HotlineCallPatch {
  const c: HotlineCallPatch = {};
  if (p.status !== undefined) c.status = p.status;
  if (p.agent !== undefined) c.agent = p.agent;
  if (p.callee !== undefined) c.callee = p.callee;
  if (p.endedAt !== undefined) c.ended_at = p.endedAt;
  if (p.recordingUrl !== undefined) c.recording_url = p.recordingUrl;
  if (p.startedEventAt !== undefined) c.started_event_at = p.startedEventAt;
  if (p.endedEventAt !== undefined) c.ended_event_at = p.endedEventAt;
  return c;
}

export interface HotlineEventOutcome {
  id: string;
  callId: string;
  status: HotlineCallRow['status'];
  /** false: this event of this call was applied before; nothing changed */
  applied: boolean;
}

/**
 * Applies a signed call event in one transaction: the signature is remembered first (seen before
 * inside its window: 409 and nothing written), then `call.started` creates the call record, which is
 * its draft complaint, and `call.ended` adds the end time and the recording link. Idempotent per
 * (call, event): the telephony system may send an event again, signed anew.
 */
export async function receiveHotlineEvent(
  ctx: ServiceContext,
  signed: SignedHotlineRequest,
  ev: HotlineEvent,
): Promise<HotlineEventOutcome> {
  assertNoIssues(hotlineEventIssues(ev));
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await rememberSignature(trx, signed.signature, replayExpiry(signed.timestamp), now))) throw new DomainError('hotline_replayed');
    let row = await lockCallByCallId(trx, ev.callId);
    if (!row) {
      const change = applyHotlineEvent(null, ev, now);
      if (change.kind !== 'create') throw new Error('a new call is always created');
      const c = change.call;
      const id = randomUUID();
      const inserted = await insertCallIfAbsent(trx, {
        id,
        call_id: c.callId,
        caller: c.caller,
        callee: c.callee,
        agent: c.agent,
        status: c.status,
        started_at: c.startedAt,
        ended_at: c.endedAt,
        recording_url: c.recordingUrl,
        started_event_at: c.startedEventAt,
        ended_event_at: c.endedEventAt,
        claimed_by: null,
        claimed_until: null,
        complaint_id: null,
        dismiss_reason: null,
        closed_by: null,
        closed_at: null,
        created_at: now,
        updated_at: now,
      });
      if (inserted) return { id, callId: c.callId, status: c.status, applied: true };
      // the call's other event got there first (concurrently): apply this one to it
      row = await lockCallByCallId(trx, ev.callId);
      if (!row) throw new Error(`hotline call ${ev.callId} vanished`);
    }
    const change = applyHotlineEvent(stateOf(row), ev, now);
    if (change.kind !== 'update') return { id: row.id, callId: row.call_id, status: row.status, applied: false };
    await updateCall(trx, row.id, { ...columnsOf(change.patch), updated_at: now });
    return { id: row.id, callId: row.call_id, status: change.patch.status ?? row.status, applied: true };
  });
}
