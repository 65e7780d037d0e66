import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/policy.defaults.js';
import { approverFor, canMovePayment, mayApprove, PAYMENT_STATUSES, responsibleDepartmentIds, type ApproverFacts } from './compensation.js';

const BANDS = defaultPolicy.compensationBands;

describe('approverFor: the policy bands, upTo inclusive', () => {
  it.each([
    ['0.00', 'supervisor'],
    ['8000', 'supervisor'],
    ['10000', 'supervisor'],
    ['10000.00', 'supervisor'],
    ['10000.01', 'department_head'],
    ['50000', 'department_head'],
    ['100000', 'department_head'],
    ['100000.00', 'department_head'],
    ['100000.01', 'leadership_group'],
    ['150000', 'leadership_group'],
    ['999999999999.99', 'leadership_group'],
  ] as const)('%s -> %s', (amount, approver) => {
    expect(approverFor(amount, BANDS)).toBe(approver);
  });

  it('follows a changed policy', () => {
    const bands = [
      { upTo: '500', approver: 'supervisor' as const },
      { upTo: null, approver: 'department_head' as const },
    ];
    expect(approverFor('500.00', bands)).toBe('supervisor');
    expect(approverFor('500.01', bands)).toBe('department_head');
    expect(approverFor('1000000', bands)).toBe('department_head');
  });

  it('without an unbounded band the strictest approver decides', () => {
    expect(approverFor('20', [{ upTo: '10', approver: 'supervisor' }])).toBe('leadership_group');
  });
});

describe('mayApprove', () => {
  const CLAIMS = 'claims-id';
  const CS = 'cs-id';
  const responsible = responsibleDepartmentIds([
    { id: CS, code: 'CS', kind: 'department' },
    { id: CLAIMS, code: 'CLAIMS', kind: 'department' },
    { id: 'branch-id', code: 'SH-PD', kind: 'branch' },
  ]);
  const csSupervisor: ApproverFacts = { roles: ['supervisor'], departmentIds: [CS] };
  const claimsSupervisor: ApproverFacts = { roles: ['supervisor'], departmentIds: [CLAIMS] };
  const leader: ApproverFacts = { roles: ['leadership_member'], departmentIds: [] };
  const handler: ApproverFacts = { roles: ['department_handler'], departmentIds: [CLAIMS] };
  const senior: ApproverFacts = { roles: ['senior_manager'], departmentIds: [] };

  it('responsible departments exclude customer service and non-departments', () => {
    expect(responsible).toEqual([CLAIMS]);
  });

  it('the supervisor band: any supervisor, or anyone above', () => {
    expect(mayApprove('supervisor', csSupervisor, responsible)).toBe(true);
    expect(mayApprove('supervisor', claimsSupervisor, responsible)).toBe(true);
    expect(mayApprove('supervisor', leader, responsible)).toBe(true);
    expect(mayApprove('supervisor', handler, responsible)).toBe(false);
    expect(mayApprove('supervisor', senior, responsible)).toBe(false);
  });

  it('the department head band: a supervisor of a responsible department (not CS), or a leader', () => {
    expect(mayApprove('department_head', csSupervisor, responsible)).toBe(false);
    expect(mayApprove('department_head', claimsSupervisor, responsible)).toBe(true);
    expect(mayApprove('department_head', claimsSupervisor, [])).toBe(false);
    expect(mayApprove('department_head', leader, responsible)).toBe(true);
    expect(mayApprove('department_head', handler, responsible)).toBe(false);
  });

  it('the leadership group band: leaders only', () => {
    expect(mayApprove('leadership_group', leader, responsible)).toBe(true);
    expect(mayApprove('leadership_group', claimsSupervisor, responsible)).toBe(false);
    expect(mayApprove('leadership_group', csSupervisor, responsible)).toBe(false);
    expect(mayApprove('leadership_group', senior, responsible)).toBe(false);
  });
});

describe('payment status', () => {
  it('pending -> paid | failed; failed -> pending; paid is final', () => {
    const allowed = PAYMENT_STATUSES.flatMap((from) =>
      PAYMENT_STATUSES.filter((to) => canMovePayment(from, to)).map((to) => `${from}->${to}`),
    );
    expect(allowed).toEqual(['pending->paid', 'pending->failed', 'failed->pending']);
  });
});
