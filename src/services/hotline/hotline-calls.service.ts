import { can, type Principal } from '../../domain/access/permissions.js';
import { contactKeys } from '../../domain/complaint/contact.js';
import { DomainError } from '../../domain/errors.js';
import { assertOpenCall, callDraft, OPEN_CALL_STATUSES, type CallStatus } from '../../domain/hotline/hotline-call.js';
import { maskPhone } from '../../domain/personal-data/masking.js';
import {
  complaintNumbers,
  findCall,
  findCallOfComplaint,
  listCalls,
  updateCall,
  type HotlineCallRow,
} from '../../db/repositories/hotline.repository.js';
import { complaintInScope } from '../complaints/complaint-access.js';
import { audit } from '../administration/audit.service.js';
import { listComplaints } from '../complaints/complaint-query.service.js';
import type { RequestMeta, ServiceContext } from '../context.js';

/** Calls listed on the workbench at most; earlier complaints shown per call there. */
const LISTED = 30;
const EARLIER_IN_LIST = 3;
const EARLIER_IN_DRAFT = 10;

/** A call as the API shows it: the caller's number masked unless `clear`. */
function present(r: HotlineCallRow, viewer: string, numbers: Map<string, string>, clear: boolean) {
  return {
    id: r.id,
    callId: r.call_id,
    caller: clear ? r.caller : (maskPhone(r.caller) ?? ''),
    callerMasked: !clear,
    callee: r.callee,
    agent: r.agent,
    mine: r.agent !== null && r.agent === viewer,
    status: r.status,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    recordingUrl: r.recording_url,
    complaint: r.complaint_id ? { id: r.complaint_id, number: numbers.get(r.complaint_id) ?? '' } : null,
    dismissReason: r.dismiss_reason,
    closedBy: r.closed_by,
    closedAt: r.closed_at,
  };
}

/**
 * The caller's earlier complaints, found by the number's contact key (as duplicates are), within the
 * viewer's data scope; null for a viewer who may not read complaints.
 */
async function earlierComplaints(ctx: ServiceContext, p: Principal, caller: string, limit: number) {
  const keys = contactKeys({ phone: caller });
  if (!can(p, 'complaint.read')) return null;
  if (keys.length === 0) return { total: 0, items: [] };
  const page = await listComplaints(ctx, p, { contactKeys: keys, sort: 'receivedAt', order: 'desc', limit }, true);
  return { total: page.total ?? page.items.length, items: page.items };
}

/**
 * The workbench's incoming calls (#12 item 3): by default those still waiting (ringing or ended, not
 * registered or dismissed), the viewer's own first, then the newest; each with the caller's number
 * masked and the caller's earlier complaints.
 */
export async function incomingCalls(ctx: ServiceContext, p: Principal, statuses: readonly CallStatus[] = OPEN_CALL_STATUSES) {
  const rows = await listCalls(ctx.db, { statuses, ownFirst: p.username, limit: LISTED });
  const numbers = await complaintNumbers(
    ctx.db,
    rows.flatMap((r) => (r.complaint_id ? [r.complaint_id] : [])),
  );
  const items = [];
  // one caller looked up once however often they called; one at a time: a poll every few seconds by
  // every agent should not take the whole pool
  const byCaller = new Map<string, Awaited<ReturnType<typeof earlierComplaints>>>();
  for (const r of rows) {
    if (!byCaller.has(r.caller)) byCaller.set(r.caller, await earlierComplaints(ctx, p, r.caller, EARLIER_IN_LIST));
    items.push({ ...present(r, p.username, numbers, false), earlier: byCaller.get(r.caller) ?? null });
  }
  return { items };
}

/**
 * One call with its draft complaint, to complete in the intake form. A viewer who may see personal
 * data (complaint.unmask) gets the caller's number in clear, as the form needs it, and the read is
 * recorded in the audit log; anyone else sees it masked and registration takes the stored number.
 */
export async function callWithDraft(ctx: ServiceContext, meta: RequestMeta, p: Principal, id: string) {
  const r = await findCall(ctx.db, id);
  if (!r) throw new DomainError('hotline_call_not_found');
  const clear = can(p, 'complaint.unmask');
  if (clear) {
    await audit(ctx.db, meta, {
      at: ctx.now(),
      actor: p.username,
      action: 'hotline.call_read',
      outcome: 'success',
      targetType: 'hotline_call',
      targetId: r.id,
      details: { callId: r.call_id },
    });
  }
  const numbers = await complaintNumbers(ctx.db, r.complaint_id ? [r.complaint_id] : []);
  const call = present(r, p.username, numbers, clear);
  const draft = callDraft({ callId: r.call_id, caller: call.caller, startedAt: r.started_at });
  return { ...call, draft, earlier: await earlierComplaints(ctx, p, r.caller, EARLIER_IN_DRAFT) };
}

/** Not a complaint (a question answered, a wrong number): the call leaves the list with the reason. */
export async function dismissCall(ctx: ServiceContext, p: Principal, id: string, reason: string) {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const r = await findCall(trx, id, true);
    if (!r) throw new DomainError('hotline_call_not_found');
    assertOpenCall(r.status);
    if (r.claimed_by && r.claimed_by !== p.username && r.claimed_until && r.claimed_until > now)
      throw new DomainError('hotline_call_busy', { by: r.claimed_by });
    const closed = {
      status: 'dismissed' as const,
      dismiss_reason: reason,
      closed_by: p.username,
      closed_at: now,
      claimed_by: null,
      claimed_until: null,
      updated_at: now,
    };
    await updateCall(trx, id, closed);
    return present({ ...r, ...closed }, p.username, new Map(), false);
  });
}

/**
 * The call a complaint was registered from (its times and recording link, the number masked), for
 * the complaint page; null for a complaint typed in without a call record. Within the reader's scope.
 */
export async function callOfComplaint(ctx: ServiceContext, p: Principal, complaintId: string) {
  const c = await complaintInScope(ctx.db, p, complaintId);
  const r = await findCallOfComplaint(ctx.db, c.id);
  return { call: r ? present(r, p.username, new Map([[c.id, c.number]]), false) : null };
}
