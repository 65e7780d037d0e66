/**
 * Compensation (R-D3): who approves an amount (policy bands), whether a person is such an
 * approver, and the payment status an approved compensation goes through. Pure; amounts are
 * decimal strings compared exactly, never floats.
 *
 * There is no "department head" role. The head of the responsible department is a supervisor who
 * belongs to one of the complaint's departments other than customer service (org unit code 'CS',
 * which registers complaints rather than being responsible for them). A leadership group member
 * may approve every band; a supervisor approves the lowest band (department supervisor). A person
 * who may approve a higher band may approve the lower ones. Other roles holding
 * `complaint.approve` (senior managers) are not compensation approvers.
 */
import type { Role } from '../access/permissions.js';
import { PAYMENT_STATUSES, type PaymentStatus } from '../codes.js';
import { compareAmount } from '../money.js';
import type { CompensationApprover, CompensationBand } from '../policy/policy.schema.js';

export type { CompensationApprover } from '../policy/policy.schema.js';

/** The customer service department: it registers complaints, it is not the responsible department. */
export const CUSTOMER_SERVICE_CODE = 'CS';

export { COMPENSATION_STATUSES, PAYMENT_STATUSES, type CompensationStatus, type PaymentStatus } from '../codes.js';

/** The approver an amount needs: the first band (ascending, upTo inclusive) the amount fits in. */
export function approverFor(amount: string, bands: readonly CompensationBand[]): CompensationApprover {
  for (const band of bands) {
    if (band.upTo === null || compareAmount(amount, band.upTo) <= 0) return band.approver;
  }
  // a valid policy ends with an unbounded band; without one, the strictest approver decides
  return 'leadership_group';
}

/** What approving needs to know about the person. */
export interface ApproverFacts {
  roles: readonly Role[];
  departmentIds: readonly string[];
}

/** The complaint's departments that are responsible for it: all but customer service. */
export function responsibleDepartmentIds(units: ReadonlyArray<{ id: string; code: string; kind: string }>): string[] {
  return units.filter((u) => u.kind === 'department' && u.code !== CUSTOMER_SERVICE_CODE).map((u) => u.id);
}

/** Whether the person may approve a compensation of the given band on a complaint with these responsible departments. */
export function mayApprove(approver: CompensationApprover, p: ApproverFacts, responsibleDepartments: readonly string[]): boolean {
  if (p.roles.includes('leadership_member')) return true;
  if (approver === 'leadership_group') return false;
  if (!p.roles.includes('supervisor')) return false;
  if (approver === 'supervisor') return true;
  return p.departmentIds.some((d) => responsibleDepartments.includes(d));
}

export const PAYMENT_TRANSITIONS: Readonly<Record<PaymentStatus, readonly PaymentStatus[]>> = {
  pending: ['paid', 'failed'],
  failed: ['pending'],
  paid: [],
};

export function canMovePayment(from: PaymentStatus, to: PaymentStatus): boolean {
  return PAYMENT_TRANSITIONS[from].includes(to);
}

export function isPaymentStatus(value: unknown): value is PaymentStatus {
  return typeof value === 'string' && (PAYMENT_STATUSES as readonly string[]).includes(value);
}
