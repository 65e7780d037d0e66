/**
 * Extensions (R-D1, R-A2). The investigation: a request for more working days, decided by an
 * approver within the policy's maximum; approval re-plans the running investigation clock from its
 * own start. The regulatory clock: 15 -> 30 calendar days with an approver, -> 60 only with a senior
 * manager, each with a reason and the notice sent to the customer.
 */
import { z } from 'zod';
import { NOTICE_METHODS } from '../../../domain/codes.js';
import { DomainError, type TransitionReason } from '../../../domain/errors.js';
import { ValidationError } from '../../../domain/validation.js';
import { listClocks, type ClockRow } from '../../../db/repositories/clock.repository.js';
import { findRecord, updateRecord, type RecordRow } from '../../../db/repositories/record.repository.js';
import { extendClock } from '../clock-effects.js';
import { handler, type HandlerContext } from '../workflow-handler.js';

const note = z.string().trim().max(5000).nullish();
const reason = z.string().trim().min(1).max(5000);

export function refuse(h: HandlerContext, action: string, why: TransitionReason, field?: string): never {
  throw new DomainError('invalid_transition', { action, status: h.complaint.status, reason: why }, field);
}

export function envOf(h: HandlerContext) {
  return { policy: h.policy, calendar: h.calendar, timeZone: h.ctx.timeZone };
}

/** The complaint's running or paused clock of a kind (breached, met and cancelled clocks are not extended). */
export async function openClock(h: HandlerContext, kind: string): Promise<ClockRow | undefined> {
  return (await listClocks(h.trx, [h.complaint.id])).find((k) => k.kind === kind && (k.status === 'running' || k.status === 'paused'));
}

/** The pending request a decision names: 404 when it is not one of this complaint's, 409 when already decided. */
async function pendingRequest(h: HandlerContext, id: string): Promise<RecordRow> {
  const r = await findRecord(h.trx, h.complaint.id, id, 'extension_request');
  if (!r) throw new DomainError('not_found', {}, 'requestId');
  if (r.status !== 'pending') refuse(h, 'decide_extension', 'extension_not_pending', 'requestId');
  return r;
}

export const requestExtension = handler({
  action: 'request_extension',
  body: z.strictObject({ days: z.number().int().min(1).max(20).describe('more working days for the investigation'), reason }),
  apply: async (h, b) => {
    // a request that could never be approved is refused at once (the decision checks again)
    if (h.complaint.investigation_days + b.days > h.policy.clocks.investigation_max.amount)
      refuse(h, 'request_extension', 'exceeds_maximum', 'days');
    return {
      record: {
        kind: 'extension_request',
        status: 'pending',
        data: { days: b.days, reason: b.reason, requestedBy: h.p.username, requestedAt: h.now.toISOString() },
      },
      payload: { days: b.days },
      reason: b.reason,
    };
  },
});

export const decideExtension = handler({
  action: 'decide_extension',
  body: z.strictObject({ requestId: z.uuid(), approved: z.boolean(), note }),
  // the status is checked first (409 when not investigating); an unknown or decided request is refused by apply
  facts: async (h, b) => {
    const r = await findRecord(h.trx, h.complaint.id, b.requestId, 'extension_request');
    if (!r || r.status !== 'pending') return {};
    // who asked, for the four-eyes rule
    const proposer = typeof r.data.requestedBy === 'string' ? r.data.requestedBy : undefined;
    return { extension: { approved: b.approved, days: Number(r.data.days) }, ...(proposer ? { proposer } : {}) };
  },
  apply: async (h, b, d) => {
    const r = await pendingRequest(h, b.requestId);
    const clock = b.approved ? await openClock(h, 'investigation') : undefined;
    if (b.approved && !clock) refuse(h, 'decide_extension', 'investigation_clock_not_running', 'requestId');
    const decision = {
      approved: b.approved,
      by: h.p.username,
      at: h.now.toISOString(),
      note: b.note ?? null,
      investigationDays: d.investigationDays,
    };
    await updateRecord(h.trx, r.id, {
      status: b.approved ? 'approved' : 'rejected',
      data: { ...r.data, decision },
      at: h.now,
      by: h.p.username,
    });
    return {
      patch: b.approved ? { investigation_days: d.investigationDays } : undefined,
      payload: {
        requestId: r.id,
        approved: b.approved,
        days: Number(r.data.days),
        investigationDays: d.investigationDays,
        note: b.note ?? null,
      },
      reason: b.note ?? null,
      afterClocks: clock
        ? async () => ({ extended: [await extendClock(h.trx, clock, d.investigationDays, 'working_days', envOf(h), h.policyVersion)] })
        : undefined,
    };
  },
});

export const extendRegulatory = handler({
  action: 'extend_regulatory',
  body: z.strictObject({
    days: z.number().int().positive().describe("the new limit in calendar days: the policy's extendedDays (30) or maxDays (60)"),
    reason,
    noticeSentAt: z.iso.datetime({ offset: true, message: 'invalid_datetime' }).describe('when the customer was told; not in the future'),
    noticeMethod: z.enum(NOTICE_METHODS),
  }),
  facts: (h, b) => {
    const { extendedDays, maxDays } = h.policy.regulatory;
    if (b.days !== extendedDays && b.days !== maxDays) {
      throw new ValidationError([
        { field: 'days', code: 'regulatory_days_not_allowed', params: { value: b.days, allowed: `${extendedDays}, ${maxDays}` } },
      ]);
    }
    return { regulatoryDays: b.days };
  },
  apply: async (h, b, d) => {
    // beyond the extended limit only a senior manager approves (CBIRC Order 2020 No. 3, art. 18)
    if (d.needsSeniorApproval && !h.p.roles.includes('senior_manager'))
      throw new DomainError('forbidden', { action: 'extend_regulatory', approver: 'senior_manager' }, 'days');
    const sentAt = new Date(b.noticeSentAt);
    if (sentAt.getTime() > h.now.getTime()) throw new ValidationError([{ field: 'noticeSentAt', code: 'in_future' }]);
    const clock = await openClock(h, 'regulatory');
    if (!clock) refuse(h, 'extend_regulatory', 'regulatory_clock_breached', 'days');
    const notice = { sentAt: sentAt.toISOString(), method: b.noticeMethod };
    const facts = {
      fromDays: h.complaint.regulatory_days,
      toDays: d.regulatoryDays,
      approver: h.p.username,
      seniorApproval: d.needsSeniorApproval,
      notice,
    };
    return {
      record: { kind: 'regulatory_extension', data: { ...facts, reason: b.reason } },
      patch: { regulatory_days: d.regulatoryDays },
      payload: facts,
      reason: b.reason,
      afterClocks: async () => ({
        extended: [await extendClock(h.trx, clock, d.regulatoryDays, 'calendar_days', envOf(h), h.policyVersion)],
      }),
    };
  },
});

export const EXTENSION_HANDLERS = [requestExtension, decideExtension, extendRegulatory];
