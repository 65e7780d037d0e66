/**
 * Compensation (R-D3): a proposal names the amount, the basis and the approver its band needs; the
 * approver decides; an approved compensation's payment is recorded (pending -> paid | failed,
 * failed -> pending) with its history. The compensation is one `compensation` record whose status
 * is proposed -> approved | rejected; its payment lives in the record's data.
 */
import { z } from 'zod';
import { DomainError, type TransitionReason } from '../../../domain/errors.js';
import { amountInput, canonicalAmount } from '../../../domain/money.js';
import { ValidationError } from '../../../domain/validation.js';
import {
  approverFor,
  canMovePayment,
  isPaymentStatus,
  mayApprove,
  responsibleDepartmentIds,
  type CompensationApprover,
  type PaymentStatus,
} from '../../../domain/workflow/compensation.js';
import { findOrgUnitsByIds } from '../../../db/repositories/org.repository.js';
import { findRecord, updateRecord, type RecordRow } from '../../../db/repositories/record.repository.js';
import { notify } from '../notify.service.js';
import { handler, type HandlerContext } from '../workflow-handler.js';

const note = z.string().trim().max(5000).nullish();

/** The compensation a step names: 404 when it is not one of this complaint's. */
async function compensationOf(h: HandlerContext, id: string): Promise<RecordRow> {
  const r = await findRecord(h.trx, h.complaint.id, id, 'compensation');
  if (!r) throw new DomainError('not_found', {}, 'compensationId');
  return r;
}

function refuse(action: string, status: string, reason: TransitionReason, params: Record<string, string> = {}): never {
  throw new DomainError('invalid_transition', { action, status, reason, ...params }, 'compensationId');
}

export const proposeCompensation = handler({
  action: 'propose_compensation',
  body: z.strictObject({
    amount: amountInput,
    basis: z.string().trim().min(1).max(5000).describe('why this amount: contract clause, loss assessment, goodwill'),
    payee: z.string().trim().max(200).nullish(),
  }),
  apply: async (h, b) => {
    const value = canonicalAmount(b.amount);
    const approver = approverFor(value, h.policy.compensationBands);
    // the leadership group decides the top band: it is told too (same fact as the table's notice)
    if (approver === 'leadership_group') {
      const c = h.complaint;
      const target = {
        id: c.id,
        number: c.number,
        departmentIds: c.department_ids,
        branchId: c.branch_id,
        assignee: c.assignee,
        tracker: c.tracker,
      };
      await notify(
        h.trx,
        target,
        ['leadership'],
        {
          kind: 'propose_compensation',
          sourceKey: `action:${h.recordId}`,
          message: { template: 'complaint.action', params: { number: c.number, action: 'propose_compensation', by: h.p.username } },
          exclude: h.p.username,
        },
        h.now,
      );
    }
    return {
      record: {
        kind: 'compensation',
        status: 'proposed',
        data: {
          amount: value,
          basis: b.basis,
          payee: b.payee ?? null,
          approver,
          proposedBy: h.p.username,
          proposedAt: h.now.toISOString(),
        },
      },
      payload: { amount: value, approver, payee: b.payee ?? null },
    };
  },
});

export const decideCompensation = handler({
  action: 'decide_compensation',
  body: z.strictObject({ compensationId: z.uuid(), approved: z.boolean(), note }),
  // who proposed it, for the four-eyes rule (decide.ts); an unknown compensation is refused by apply
  facts: async (h, b) => {
    const r = await findRecord(h.trx, h.complaint.id, b.compensationId, 'compensation');
    return typeof r?.data.proposedBy === 'string' ? { proposer: r.data.proposedBy } : {};
  },
  apply: async (h, b) => {
    const r = await compensationOf(h, b.compensationId);
    if (r.status !== 'proposed') refuse('decide_compensation', r.status ?? 'none', 'compensation_not_proposed');
    const approver = r.data.approver as CompensationApprover;
    const units = await findOrgUnitsByIds(h.trx, h.complaint.department_ids);
    if (!mayApprove(approver, h.p, responsibleDepartmentIds(units))) {
      throw new DomainError('forbidden', { action: 'decide_compensation', approver }, 'compensationId');
    }
    const at = h.now.toISOString();
    const decision = { approved: b.approved, by: h.p.username, at, note: b.note ?? null };
    const payment = b.approved
      ? {
          status: 'pending',
          reference: null,
          paidAt: null,
          history: [{ status: 'pending', at, by: h.p.username, reference: null, paidAt: null }],
        }
      : null;
    await updateRecord(h.trx, r.id, {
      status: b.approved ? 'approved' : 'rejected',
      data: { ...r.data, decision, ...(payment ? { payment } : {}) },
      at: h.now,
      by: h.p.username,
    });
    return {
      payload: { compensationId: r.id, approved: b.approved, amount: r.data.amount as string, approver, note: b.note ?? null },
      reason: b.note ?? null,
    };
  },
});

export const recordPayment = handler({
  action: 'record_payment',
  body: z
    .strictObject({
      compensationId: z.uuid(),
      status: z.enum(['paid', 'failed', 'pending']),
      reference: z.string().trim().max(200).nullish().describe('bank transfer or voucher number'),
      paidAt: z.iso.datetime({ offset: true, message: 'invalid_datetime' }).nullish().describe('when paid; default now'),
    })
    .refine((b) => !b.paidAt || b.status === 'paid', { message: 'paid_at_only_when_paid', path: ['paidAt'] }),
  apply: async (h, b) => {
    const r = await compensationOf(h, b.compensationId);
    if (r.status !== 'approved') refuse('record_payment', r.status ?? 'none', 'compensation_not_approved');
    const payment = (r.data.payment ?? {}) as { status?: unknown; history?: unknown };
    const from: PaymentStatus = isPaymentStatus(payment.status) ? payment.status : 'pending';
    // the status named is the payment's
    if (!canMovePayment(from, b.status)) refuse('record_payment', from, 'payment_status', { from, to: b.status });
    const paidAt = b.status === 'paid' ? (b.paidAt ? new Date(b.paidAt) : h.now) : null;
    if (paidAt && paidAt.getTime() > h.now.getTime()) throw new ValidationError([{ field: 'paidAt', code: 'in_future' }]);
    const entry = {
      status: b.status,
      at: h.now.toISOString(),
      by: h.p.username,
      reference: b.reference ?? null,
      paidAt: paidAt?.toISOString() ?? null,
    };
    const history = Array.isArray(payment.history) ? payment.history : [];
    await updateRecord(h.trx, r.id, {
      data: { ...r.data, payment: { status: b.status, reference: entry.reference, paidAt: entry.paidAt, history: [...history, entry] } },
      at: h.now,
      by: h.p.username,
    });
    return { payload: { compensationId: r.id, from, to: b.status, reference: entry.reference, paidAt: entry.paidAt } };
  },
});

export const COMPENSATION_HANDLERS = [proposeCompensation, decideCompensation, recordPayment];
