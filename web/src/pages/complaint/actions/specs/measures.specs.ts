/** Remedies: compensation (proposal, decision, payment), settlement, improvement actions. */
import type { PaymentStatus } from '../../../../codes';
import {
  bool,
  compact,
  instant,
  mustText,
  recordsOf,
  str,
  text,
  texts,
  type ActionContext,
  type ActionSpec,
  type Option,
} from '../action-spec';

function compensationOptions(ctx: ActionContext, status: string, unpaidOnly = false): Option[] {
  return recordsOf(ctx, 'compensation', status)
    .filter((r) => {
      const payment = r.data.payment;
      return !unpaidOnly || !(typeof payment === 'object' && payment !== null && 'status' in payment && payment.status === 'paid');
    })
    .map((r) => ({ value: r.id, label: `${ctx.i18n.money(str(r.data.amount))} · ${str(r.data.basis)} · ${r.createdBy}` }));
}

function firstOf(options: Option[], name: string) {
  return options[0] ? { [name]: options[0].value } : {};
}

export const proposeCompensation: ActionSpec = {
  action: 'propose_compensation',
  path: 'propose-compensation',
  fields: [
    { kind: 'money', name: 'amount', label: 'complaint.f.amount', required: true },
    { kind: 'textarea', name: 'basis', label: 'complaint.f.basis', required: true },
    { kind: 'text', name: 'payee', label: 'complaint.f.payee' },
  ],
  body: (v) => compact({ amount: mustText(v.amount), basis: mustText(v.basis), payee: text(v.payee) }),
};

export const decideCompensation: ActionSpec = {
  action: 'decide_compensation',
  path: 'decide-compensation',
  fields: [
    {
      kind: 'select',
      name: 'compensationId',
      label: 'complaint.f.compensation',
      required: true,
      options: (ctx) => compensationOptions(ctx, 'proposed'),
    },
    { kind: 'yesNo', name: 'approved', label: 'complaint.f.decision', yes: 'complaint.approve', no: 'complaint.reject', required: true },
    { kind: 'textarea', name: 'note', label: 'complaint.f.note' },
  ],
  initial: (ctx) => firstOf(compensationOptions(ctx, 'proposed'), 'compensationId'),
  body: (v) => compact({ compensationId: text(v.compensationId), approved: bool(v.approved), note: text(v.note) }),
};

export const recordPayment: ActionSpec = {
  action: 'record_payment',
  path: 'record-payment',
  fields: [
    {
      kind: 'select',
      name: 'compensationId',
      label: 'complaint.f.compensation',
      required: true,
      options: (ctx) => compensationOptions(ctx, 'approved', true),
    },
    {
      kind: 'enum',
      name: 'status',
      label: 'complaint.f.paymentStatus',
      // the usual answer first
      values: ['paid', 'failed', 'pending'] satisfies PaymentStatus[],
      prefix: 'complaint.payment',
      radio: true,
      required: true,
    },
    { kind: 'text', name: 'reference', label: 'complaint.f.paymentReference' },
    { kind: 'datetime', name: 'paidAt', label: 'complaint.f.paidAt', help: 'complaint.help.paidAt' },
  ],
  initial: (ctx) => ({ status: 'paid', ...firstOf(compensationOptions(ctx, 'approved', true), 'compensationId') }),
  body: (v) =>
    compact({ compensationId: text(v.compensationId), status: text(v.status), reference: text(v.reference), paidAt: instant(v.paidAt) }),
};

export const recordSettlement: ActionSpec = {
  action: 'record_settlement',
  path: 'record-settlement',
  fields: [
    { kind: 'textarea', name: 'terms', label: 'complaint.f.terms', required: true },
    { kind: 'datetime', name: 'agreedAt', label: 'complaint.f.agreedAt', required: true },
    {
      kind: 'checkbox',
      name: 'customerAgreed',
      label: 'complaint.f.customerAgreed',
      text: 'complaint.f.customerAgreedText',
      required: true,
    },
  ],
  body: (v) => compact({ terms: mustText(v.terms), agreedAt: instant(v.agreedAt), customerAgreed: bool(v.customerAgreed) ?? false }),
};

export const createImprovementAction: ActionSpec = {
  action: 'create_improvement_action',
  path: 'create-improvement-action',
  fields: [
    { kind: 'text', name: 'title', label: 'complaint.f.title', required: true },
    { kind: 'textarea', name: 'description', label: 'complaint.f.description' },
    { kind: 'user', name: 'owner', label: 'complaint.f.owner', required: true },
    { kind: 'departments', name: 'departmentId', label: 'complaint.f.department' },
    { kind: 'causes', name: 'causeCodes', label: 'complaint.f.causes', required: true },
    { kind: 'datetime', name: 'dueAt', label: 'complaint.f.dueAt', help: 'complaint.help.improvementDue' },
  ],
  body: (v) =>
    compact({
      title: mustText(v.title),
      description: text(v.description),
      owner: mustText(v.owner),
      departmentId: text(v.departmentId),
      causeCodes: texts(v.causeCodes),
      dueAt: instant(v.dueAt),
    }),
};

export const MEASURES_SPECS = [proposeCompensation, decideCompensation, recordPayment, recordSettlement, createImprovementAction];
