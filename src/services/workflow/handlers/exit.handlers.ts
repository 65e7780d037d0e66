/**
 * Leaving the workflow other than by closing: transfer (to the regulator's channel or another
 * department) and merging a duplicate into another complaint. Both end every open clock (table).
 */
import { z } from 'zod';
import { DomainError, isDomainError } from '../../../domain/errors.js';
import { ValidationError } from '../../../domain/validation.js';
import { OPEN_STATUSES, type Status } from '../../../domain/workflow/workflow.types.js';
import { insertLinks, type ComplaintRecord } from '../../../db/repositories/complaint.repository.js';
import { appendEvents } from '../../../db/repositories/event.repository.js';
import { complaintInScope } from '../../complaints/complaint-access.js';
import { handler, type HandlerContext } from '../workflow-handler.js';

const reason = z.string().trim().min(1).max(2000);

export const transfer = handler({
  action: 'transfer',
  body: z.strictObject({
    to: z.string().trim().min(1).max(500).describe("where it goes, e.g. '12378 监管转办' or another department"),
    reason,
  }),
  apply: async (h, b) => ({
    record: { kind: 'transfer', data: { to: b.to, reason: b.reason } },
    patch: { outcome: 'transferred', closed_at: h.now },
    payload: { to: b.to },
    reason: b.reason,
  }),
});

/**
 * The complaint a merge goes into (its history gets an event). Both rows were locked in id order
 * before the step (workflow.service.ts), so two merges of the same pair in opposite directions
 * run one after the other: the second finds its target merged (409), never a deadlock.
 */
async function mergeTarget(h: HandlerContext, idOrNumber: string): Promise<ComplaintRecord> {
  let target: ComplaintRecord;
  try {
    target = await complaintInScope(h.trx, h.p, idOrNumber, true);
  } catch (err) {
    if (isDomainError(err) && err.code === 'complaint_not_found')
      throw new ValidationError([{ field: 'intoComplaintId', code: 'unknown_complaint', params: { value: idOrNumber } }]);
    throw err;
  }
  if (target.id === h.complaint.id) throw new ValidationError([{ field: 'intoComplaintId', code: 'merge_into_itself' }]);
  if (!OPEN_STATUSES.includes(target.status as Status)) {
    throw new DomainError(
      'invalid_transition',
      { action: 'merge', status: h.complaint.status, reason: 'merge_target_not_open', targetStatus: target.status },
      'intoComplaintId',
    );
  }
  return target;
}

export const merge = handler({
  action: 'merge',
  body: z.strictObject({
    intoComplaintId: z.string().trim().min(1).max(64).describe('id or number of the complaint it duplicates'),
    reason,
  }),
  related: (b) => b.intoComplaintId,
  apply: async (h, b) => {
    const c = h.complaint;
    const target = await mergeTarget(h, b.intoComplaintId);
    await insertLinks(
      h.trx,
      [{ complaintId: c.id, relatedId: target.id, kind: 'merged', details: { by: h.p.username, reason: b.reason } }],
      h.now,
    );
    await appendEvents(h.trx, target.id, [
      { type: 'merged_from', actor: h.p.username, occurredAt: h.now, reason: b.reason, payload: { complaintId: c.id, number: c.number } },
    ]);
    const into = { intoComplaintId: target.id, intoNumber: target.number };
    return {
      record: { kind: 'merge', data: { ...into, reason: b.reason } },
      patch: { merged_into: target.id, outcome: 'merged', closed_at: h.now },
      payload: into,
      reason: b.reason,
    };
  },
});

export const EXIT_HANDLERS = [transfer, merge];
