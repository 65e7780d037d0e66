import type { IntakeInput } from '../../domain/complaint/intake.js';
import { DomainError } from '../../domain/errors.js';
import { assertOpenCall, completeDraft } from '../../domain/hotline/hotline-call.js';
import { findCall, findComplaintOfCall, releaseClaim, updateCall, type HotlineCallRow } from '../../db/repositories/hotline.repository.js';
import type { Database } from '../../db/database.js';
import { registerComplaint, type RegisterResult } from '../complaints/complaint-intake.service.js';
import type { Registrant } from '../complaints/complaint-placement.js';
import type { Actor, ServiceContext } from '../context.js';

/** How long an agent completing a draft holds the call against a second agent. */
const CLAIM_MS = 60_000;

async function link(db: Database, call: HotlineCallRow, complaintId: string, by: string, now: Date): Promise<void> {
  await updateCall(db, call.id, {
    status: 'registered',
    complaint_id: complaintId,
    // a dismissal made after this agent's hold ran out gives way: the complaint exists
    dismiss_reason: null,
    closed_by: by,
    closed_at: now,
    claimed_by: null,
    claimed_until: null,
    updated_at: now,
  });
}

type Claim = { kind: 'claimed'; call: HotlineCallRow } | { kind: 'done'; complaintId: string };

/**
 * Holds the call for this agent, or finds it registered already. A complaint registered from the call
 * whose link was never written (the process stopped in between) is linked now, so a retry never
 * registers the call twice.
 */
async function claim(ctx: ServiceContext, actor: Actor, id: string, now: Date): Promise<Claim> {
  return ctx.db.transaction().execute(async (trx): Promise<Claim> => {
    const call = await findCall(trx, id, true);
    if (!call) throw new DomainError('hotline_call_not_found');
    if (call.status !== 'dismissed' && call.complaint_id === null) {
      const orphan = await findComplaintOfCall(trx, call);
      if (orphan) {
        await link(trx, call, orphan.id, orphan.created_by, now);
        call.status = 'registered';
        call.complaint_id = orphan.id;
        call.closed_by = orphan.created_by;
      }
    }
    // the same agent sending the same registration again (a lost answer) gets the complaint back
    if (call.status === 'registered' && call.complaint_id && call.closed_by === actor.id)
      return { kind: 'done', complaintId: call.complaint_id };
    assertOpenCall(call.status);
    if (call.claimed_by && call.claimed_by !== actor.id && call.claimed_until && call.claimed_until > now)
      throw new DomainError('hotline_call_busy', { by: call.claimed_by });
    await updateCall(trx, id, { claimed_by: actor.id, claimed_until: new Date(now.getTime() + CLAIM_MS) });
    return { kind: 'claimed', call };
  });
}

/**
 * The agent's completed draft registered as a complaint (#12 item 3): the same intake as
 * POST /api/complaints (grading, clocks, duplicates, acknowledgment, the agent as assignee and
 * tracker), always channel hotline with the call id as the call reference, the caller's number and
 * the call's start unless the agent entered others; then the call is linked (status registered).
 *
 * Registration is its own transaction (the intake service's), so the call is held for the agent
 * first (a second agent gets 409 `hotline_call_busy`), the intake runs with an idempotency key of
 * the call, and the link is written after; a link lost in between is repaired on the next attempt.
 */
export async function registerCall(
  ctx: ServiceContext,
  actor: Actor,
  registrant: Registrant,
  id: string,
  input: IntakeInput,
): Promise<RegisterResult> {
  const held = await claim(ctx, actor, id, ctx.now());
  if (held.kind === 'done') return { complaintId: held.complaintId, replayed: true };
  const call = held.call;
  let result: RegisterResult;
  try {
    result = await registerComplaint(
      ctx,
      actor,
      registrant,
      completeDraft(input, { callId: call.call_id, caller: call.caller, startedAt: call.started_at }),
      `hotline-call:${call.id}`,
    );
  } catch (e) {
    await releaseClaim(ctx.db, call.id, actor.id);
    throw e;
  }
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await findCall(trx, call.id, true);
    if (locked && locked.complaint_id === null) await link(trx, locked, result.complaintId, actor.id, ctx.now());
  });
  return result;
}
