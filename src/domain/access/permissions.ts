/**
 * The one permission map (R-A3, R-H1). Every route declares the action it performs and asks
 * `can`; complaint routes also ask `inScope`. Nothing else decides who may do what.
 */
import type { RoleScope } from '../codes.js';

export const ROLES = [
  'agent',
  'branch_agent',
  'supervisor',
  'department_handler',
  'leadership_member',
  'senior_manager',
  'supervision_inspector',
  'trainer',
  'administrator',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  'complaint.read',
  'complaint.create',
  'complaint.grade',
  'complaint.unmask',
  'complaint.export',
  'complaint.assign',
  'complaint.escalate',
  'complaint.plan',
  'complaint.investigate',
  'complaint.resolve',
  'complaint.approve',
  'complaint.feedback',
  'complaint.reopen',
  'complaint.close',
  'complaint.progress',
  'improvement.manage',
  'exception.manage',
  'board.read',
  'policy.read',
  'policy.write',
  'calendar.read',
  'calendar.write',
  'org.read',
  'org.write',
  'user.read',
  'user.write',
  'audit.read',
  'token.manage',
  /** the message log: what left the system, to whom (masked), with what status (#11) */
  'message.read',
  /** resend messages, retry failed jobs, edit message templates, manage webhooks (#11) */
  'message.manage',
  /** the e-mail intake's mailboxes (IMAP passwords), raw incoming messages, re-importing quarantined ones (#12) */
  'mailbox.manage',
  /** statistics, analysis and the dashboards, within the reader's complaint scope (#13) */
  'statistics.read',
  /** monthly, special and regulator reports: read and download (#13) */
  'report.read',
  /** generate reports, write the commentary and recommendations, make a report final (#13) */
  'report.manage',
  /** import historical complaints from CSV (#13) */
  'complaint.import',
  /** the supervision department's inspections: plans, samples, checklists, findings, rectification requests, reports (#14, R-E4) */
  'inspection.manage',
  /** read every inspection, finding and rectification request (leaders, auditors) (#14) */
  'inspection.read',
  /** see the findings and rectification requests addressed to oneself or one's departments, and answer them (#14) */
  'inspection.respond',
  /** conclude the formal review of a complaint in its third round, as the reviewer it names (#14 item 3) */
  'complaint.review',
  /** mark a complaint major (重大投诉), run its emergency plan, record its report to the regulator (#14 item 4) */
  'major.manage',
  /** KPIs: one's own; a department-scoped role its departments'; an all-scoped role everyone's (#14, R-E6) */
  'kpi.read',
  /** open a periodic assessment and freeze its snapshot (#14, R-E6) */
  'assessment.manage',
  /** sign an assessment off (#14, R-E6) */
  'assessment.sign',
  /** training plans, sessions, attendees, attendance and scores, materials; anyone's training record (#15, R-G1) */
  'training.manage',
  /** one's own training record (我的培训) (#15, R-G1) */
  'training.read',
  /** the retention periods in force, each complaint's retention status, legal holds, sweep history (#15, R-H6) */
  'retention.read',
  /** place and release a legal hold on a complaint, which stops its anonymisation (#15, R-H6) */
  'retention.hold',
  /** run the retention sweep now and preview what it would anonymise (#15, R-H6) */
  'retention.manage',
  /** find a data subject's complaints and export all of them (PIPL art. 45; #15, R-H6) */
  'personal_data.export',
  /** the portal's channels (hotlines, addresses, branches) and the customer education articles (#15, R-G3) */
  'publicity.manage',
  /** the case library: published teaching cases; one's own proposals (#15, R-G2) */
  'case.read',
  /** propose a closed complaint as a teaching case and edit the draft (#15, R-G2) */
  'case.propose',
  /** review a proposed teaching case (not one's own): publish, reject, withdraw (#15, R-G2) */
  'case.review',
] as const;
export type Action = (typeof ACTIONS)[number];

/** How far a role sees complaints: its branches, its departments, or all of them. */
export type Scope = RoleScope;

interface RoleGrant {
  actions: readonly Action[];
  scope: Scope;
  zh: string;
  en: string;
}

/** training.read: every staff member sees their own training record (#15) */
const READ_REFERENCE: readonly Action[] = ['policy.read', 'calendar.read', 'org.read', 'token.manage', 'training.read', 'case.read'];
/** What an agent at the hotline or a branch counter does: register, grade, handle level 3, answer, follow up. */
const HANDLE: readonly Action[] = [
  'complaint.assign',
  'complaint.escalate',
  'complaint.investigate',
  'complaint.resolve',
  'complaint.feedback',
  'complaint.reopen',
  'complaint.close',
  'complaint.progress',
];
const FRONT_LINE: readonly Action[] = [
  'inspection.respond',
  'case.propose',
  'kpi.read',
  'complaint.read',
  'complaint.create',
  'complaint.grade',
  'complaint.unmask',
  'complaint.export',
  ...HANDLE,
  ...READ_REFERENCE,
];

export const ROLE_GRANTS: Readonly<Record<Role, RoleGrant>> = {
  agent: { actions: FRONT_LINE, scope: 'department', zh: '客服人员', en: 'Service agent' },
  branch_agent: { actions: FRONT_LINE, scope: 'branch', zh: '网点客服人员', en: 'Branch agent' },
  supervisor: {
    actions: [
      ...FRONT_LINE,
      'complaint.approve',
      'complaint.review',
      'improvement.manage',
      'exception.manage',
      'board.read',
      'statistics.read',
      'report.read',
      'case.review',
    ],
    scope: 'department',
    zh: '部门主管',
    en: 'Department supervisor',
  },
  department_handler: {
    actions: [
      'complaint.read',
      'complaint.unmask',
      'complaint.investigate',
      'complaint.resolve',
      'complaint.progress',
      'improvement.manage',
      'inspection.respond',
      'kpi.read',
      'case.propose',
      ...READ_REFERENCE,
    ],
    scope: 'department',
    zh: '责任部门经办人',
    en: 'Department handler',
  },
  leadership_member: {
    actions: [
      'complaint.read',
      'complaint.grade',
      'complaint.unmask',
      'complaint.export',
      'complaint.assign',
      'complaint.escalate',
      'complaint.plan',
      'complaint.approve',
      'complaint.reopen',
      'complaint.close',
      'improvement.manage',
      'exception.manage',
      'board.read',
      'statistics.read',
      'report.read',
      'report.manage',
      'complaint.review',
      'major.manage',
      'inspection.read',
      'kpi.read',
      'assessment.manage',
      'assessment.sign',
      'retention.read',
      'retention.hold',
      'case.review',
      ...READ_REFERENCE,
      'user.read',
    ],
    scope: 'all',
    zh: '投诉处理领导小组成员',
    en: 'Leadership group member',
  },
  senior_manager: {
    actions: [
      'complaint.read',
      'complaint.unmask',
      'complaint.export',
      'complaint.approve',
      'exception.manage',
      'board.read',
      'statistics.read',
      'report.read',
      'report.manage',
      'complaint.review',
      'major.manage',
      'inspection.read',
      'kpi.read',
      'assessment.sign',
      'retention.read',
      ...READ_REFERENCE,
      'user.read',
    ],
    scope: 'all',
    zh: '公司高层',
    en: 'Senior manager',
  },
  supervision_inspector: {
    actions: [
      'complaint.read',
      'complaint.unmask',
      'complaint.export',
      'board.read',
      'statistics.read',
      'report.read',
      'report.manage',
      // complaints about complaint handling (R-E5) are routed to the supervision department and handled there
      ...HANDLE,
      'inspection.manage',
      'inspection.read',
      'kpi.read',
      'assessment.manage',
      'retention.read',
      'retention.hold',
      'case.propose',
      'case.review',
      ...READ_REFERENCE,
      'user.read',
      'message.read',
    ],
    scope: 'all',
    zh: '监督部门检查员',
    en: 'Supervision inspector',
  },
  trainer: {
    actions: ['training.manage', ...READ_REFERENCE, 'user.read'],
    scope: 'none',
    zh: '培训管理员',
    en: 'Training administrator',
  },
  administrator: {
    actions: [
      'training.manage',
      'training.read',
      'policy.read',
      'policy.write',
      'calendar.read',
      'calendar.write',
      'org.read',
      'org.write',
      'user.read',
      'user.write',
      'token.manage',
      'message.read',
      'message.manage',
      'mailbox.manage',
      'complaint.import',
      'publicity.manage',
      'retention.read',
      'retention.hold',
      'retention.manage',
      'personal_data.export',
      'case.read',
    ],
    scope: 'none',
    zh: '系统管理员',
    en: 'Administrator',
  },
  auditor: {
    actions: [
      'complaint.read',
      'policy.read',
      'calendar.read',
      'org.read',
      'user.read',
      'audit.read',
      'token.manage',
      'message.read',
      'statistics.read',
      'report.read',
      'inspection.read',
      'kpi.read',
      'retention.read',
      'training.read',
      'case.read',
    ],
    scope: 'all',
    zh: '审计员（只读）',
    en: 'Auditor (read-only)',
  },
};

/** The signed-in principal as the rules see it. Token principals carry the token's narrower grant. */
export interface Principal {
  userId: string;
  username: string;
  roles: readonly Role[];
  branchIds: readonly string[];
  departmentIds: readonly string[];
  /** set for API tokens: the token may do only these, and only what the user may do */
  tokenActions?: readonly Action[];
}

export function permissionsOf(roles: readonly Role[]): Action[] {
  const set = new Set<Action>();
  for (const r of roles) for (const a of ROLE_GRANTS[r].actions) set.add(a);
  return ACTIONS.filter((a) => set.has(a));
}

export function can(p: Principal, action: Action): boolean {
  if (p.tokenActions && !p.tokenActions.includes(action)) return false;
  return p.roles.some((r) => ROLE_GRANTS[r].actions.includes(action));
}

/**
 * Whether the principal's grant of a handling action comes only from the supervision inspector's
 * role. The inspector reads every complaint but handles only those of the supervision department
 * (complaints about complaint handling, R-E5); the workflow checks that before any step.
 */
export function handlesOnlyAsInspector(p: Principal, action: Action): boolean {
  if (!p.roles.includes('supervision_inspector')) return false;
  return !p.roles.some((r) => r !== 'supervision_inspector' && ROLE_GRANTS[r].actions.includes(action));
}

/** The widest complaint scope among the principal's roles that may read complaints. */
export function complaintScope(p: Principal): Scope {
  const order: Scope[] = ['none', 'branch', 'department', 'all'];
  let widest: Scope = 'none';
  for (const r of p.roles) {
    const g = ROLE_GRANTS[r];
    if (!g.actions.includes('complaint.read')) continue;
    if (order.indexOf(g.scope) > order.indexOf(widest)) widest = g.scope;
  }
  return widest;
}

/** What scope checks need to know about a complaint. */
export interface ComplaintScopeFacts {
  branchId: string | null;
  departmentIds: readonly string[];
  createdBy: string;
  /** the people named on it (assignee, tracker): they see it wherever it sits */
  people?: ReadonlyArray<string | null>;
}

/**
 * Whether a complaint is inside what the principal may see. Roles combine: a user who is both a
 * branch agent and a department handler sees both sets. Whoever registered a complaint sees it, and
 * so do its assignee and tracker (they are told of its steps, so they can open it).
 */
export function inScope(p: Principal, c: ComplaintScopeFacts): boolean {
  if (!can(p, 'complaint.read')) return false;
  if (c.createdBy === p.username || c.people?.includes(p.username)) return true;
  for (const r of p.roles) {
    const g = ROLE_GRANTS[r];
    if (!g.actions.includes('complaint.read')) continue;
    if (g.scope === 'all') return true;
    if (g.scope === 'branch' && c.branchId !== null && p.branchIds.includes(c.branchId)) return true;
    if (g.scope === 'department' && c.departmentIds.some((d) => p.departmentIds.includes(d))) return true;
  }
  return false;
}

/** The filter a listing applies: every complaint, or those matching any of these sets. */
export interface ScopeFilter {
  all: boolean;
  branchIds: string[];
  departmentIds: string[];
  createdBy: string;
}

export function scopeFilter(p: Principal): ScopeFilter {
  const f: ScopeFilter = { all: false, branchIds: [], departmentIds: [], createdBy: p.username };
  if (!can(p, 'complaint.read')) return { ...f, createdBy: '' };
  for (const r of p.roles) {
    const g = ROLE_GRANTS[r];
    if (!g.actions.includes('complaint.read')) continue;
    if (g.scope === 'all') f.all = true;
    if (g.scope === 'branch') f.branchIds.push(...p.branchIds);
    if (g.scope === 'department') f.departmentIds.push(...p.departmentIds);
  }
  return f;
}

/** Complaint actions offered to the principal on one complaint (the UI shows exactly these). */
export const COMPLAINT_ACTIONS = ['grade', 'unmask'] as const;
export type ComplaintAction = (typeof COMPLAINT_ACTIONS)[number];

const ACTION_PERMISSION: Record<ComplaintAction, Action> = {
  grade: 'complaint.grade',
  unmask: 'complaint.unmask',
};

export function allowedComplaintActions(p: Principal, c: ComplaintScopeFacts): ComplaintAction[] {
  if (!inScope(p, c)) return [];
  return COMPLAINT_ACTIONS.filter((a) => can(p, ACTION_PERMISSION[a]));
}
