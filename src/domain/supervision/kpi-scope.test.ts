import { describe, expect, it } from 'vitest';
import type { Principal, Role } from '../access/permissions.js';
import { kpiScope, seesDepartment, seesPerson } from './kpi-scope.js';

const who = (username: string, roles: Role[], departmentIds: string[] = []): Principal => ({
  userId: username,
  username,
  roles,
  branchIds: [],
  departmentIds,
});

describe('who sees whose KPIs (#14 item 5, R-E6)', () => {
  it('an agent or a department handler: their own', () => {
    for (const role of ['agent', 'branch_agent', 'department_handler'] as const) {
      const s = kpiScope(who('me', [role], ['cs']))!;
      expect(s.kind, role).toBe('own');
      expect(seesPerson(s, 'me', ['cs'])).toBe(true);
      expect(seesPerson(s, 'colleague', ['cs'])).toBe(false);
      expect(seesDepartment(s, 'cs')).toBe(false);
    }
  });

  it("a supervisor: their departments' and their people's", () => {
    const s = kpiScope(who('boss', ['supervisor'], ['cs']))!;
    expect(s.kind).toBe('department');
    expect(seesDepartment(s, 'cs')).toBe(true);
    expect(seesDepartment(s, 'claims')).toBe(false);
    expect(seesPerson(s, 'agent', ['cs'])).toBe(true);
    expect(seesPerson(s, 'handler', ['claims'])).toBe(false);
  });

  it('leaders, senior management, the inspector and the auditor: everyone', () => {
    for (const role of ['leadership_member', 'senior_manager', 'supervision_inspector', 'auditor'] as const) {
      const s = kpiScope(who('x', [role]))!;
      expect(s.kind, role).toBe('all');
      expect(seesDepartment(s, 'claims') && seesPerson(s, 'handler', ['claims'])).toBe(true);
    }
  });

  it('without kpi.read: nothing (an administrator, a token without it)', () => {
    expect(kpiScope(who('admin', ['administrator']))).toBeNull();
    expect(kpiScope({ ...who('lead', ['leadership_member']), tokenActions: ['complaint.read'] })).toBeNull();
  });
});
