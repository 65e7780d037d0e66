import type { Principal } from '../domain/access/permissions.js';
import { assign, close, escalate, recordFindings, recordSurvey, sendFeedback, startInvestigation } from './workflow/handlers/core.handlers.js';
import { recordMeeting } from './workflow/handlers/leadership.handlers.js';
import type { WorkflowHandler } from './workflow/workflow-handler.js';
import { performAction } from './workflow/workflow.service.js';
import type { ServiceContext } from './context.js';

const HOUR = 3_600_000;
/** Handles the demo complaints as a supervisor who also sits in the leadership group. */
const DEMO_HANDLER: Principal = { userId: 'demo', username: 'demo-supervisor', roles: ['supervisor', 'leadership_member'], branchIds: [], departmentIds: [] };
const NO_META = { ip: null, userAgent: null };

type Step = [WorkflowHandler, Record<string, unknown>, number /* hours after receipt */];

function stepsFor(level: number): Step[] {
  const answer: Step[] = [
    [sendFeedback, { method: 'phone', content: '已向客户说明处理结果' }, level === 3 ? 20 : 150],
    [recordSurvey, { satisfied: true, score: 4, method: 'phone' }, level === 3 ? 44 : 190],
    [close, { outcome: 'partly_upheld', summary: '已处理完毕' }, level === 3 ? 45 : 191],
  ];
  if (level === 3) return answer;
  return [
    [escalate, { to: 'supervisor' }, 0.2],
    ...(level === 1 ? ([[escalate, { to: 'leadership' }, 0.4]] as Step[]) : []),
    [startInvestigation, {}, 20],
    [recordFindings, { findings: '调查已完成', conclusion: 'partly_upheld' }, 120],
    ...answer,
  ];
}

/**
 * Takes a demo complaint through the real workflow so the demo ledger looks like a working desk:
 * older complaints answered, surveyed and closed; recent ones still open. Only steps whose time
 * has come (before `now`) are taken.
 */
export async function progressDemoComplaint(base: Omit<ServiceContext, 'now'>, complaintId: string, level: number, receivedAt: Date, now: Date): Promise<void> {
  for (const [h, body, hours] of stepsFor(level)) {
    const at = new Date(receivedAt.getTime() + hours * HOUR);
    if (at.getTime() > now.getTime()) return;
    await performAction({ ...base, now: () => at }, NO_META, DEMO_HANDLER, complaintId, h, body);
  }
}

/** Who handles and tracks the open demo complaints, in turn, so the demo accounts have work on their desk. */
const DEMO_DESKS = [
  { assignee: 'agent', tracker: 'supervisor' },
  { assignee: 'supervisor', tracker: 'agent' },
  { assignee: 'handler', tracker: 'agent' },
] as const;

/** The demo accounts the desks and plans name, when they exist (looked up once per seeding). */
export async function demoPeople(base: Omit<ServiceContext, 'now'>): Promise<ReadonlySet<string>> {
  const names = ['agent', 'supervisor', 'handler', 'leader'];
  return new Set((await base.db.selectFrom('users').select('username').where('username', 'in', names).execute()).map((u) => u.username));
}

/**
 * Gives an open demo complaint to a demo account (the workbench's "my complaints"), a few minutes
 * after registration; skipped when the demo accounts do not exist.
 */
export async function assignDemoDesk(base: Omit<ServiceContext, 'now'>, people: ReadonlySet<string>, complaintId: string, index: number, registeredAt: Date, now: Date): Promise<void> {
  const desk = DEMO_DESKS[index % DEMO_DESKS.length]!;
  if (!people.has(desk.assignee) || !people.has(desk.tracker)) return;
  const at = new Date(Math.min(registeredAt.getTime() + 0.1 * HOUR, now.getTime()));
  await performAction({ ...base, now: () => at }, NO_META, DEMO_HANDLER, complaintId, assign, { ...desk });
}

/**
 * An open level-1 demo complaint as the leadership group would have it (hours after registration): reported to the supervisor
 * and the group, a meeting two hours after receipt with a plan whose milestones fall due two and
 * five days later (so the board shows plans, some milestones overdue). Steps not yet due are left out.
 */
export async function planDemoLevel1(base: Omit<ServiceContext, 'now'>, people: ReadonlySet<string>, complaintId: string, registeredAt: Date, now: Date): Promise<void> {
  if (!['handler', 'supervisor', 'leader'].every((u) => people.has(u))) return;
  const at = (hours: number) => new Date(registeredAt.getTime() + hours * HOUR);
  const steps: Step[] = [
    [escalate, { to: 'supervisor' }, 0.2],
    [escalate, { to: 'leadership' }, 0.4],
    [
      recordMeeting,
      {
        heldAt: at(2).toISOString(),
        attendees: ['leader', 'supervisor', 'handler'],
        decisions: '理赔部牵头复核，客服中心每两个工作日向客户通报进展',
        owners: ['handler'],
        milestones: [
          { title: '调取并复核原始材料', owner: 'handler', dueAt: at(2 + 48).toISOString() },
          { title: '形成处理意见并答复客户', owner: 'supervisor', dueAt: at(2 + 120).toISOString() },
        ],
      },
      2,
    ],
  ];
  for (const [h, body, hours] of steps) {
    if (at(hours).getTime() > now.getTime()) return;
    await performAction({ ...base, now: () => at(hours) }, NO_META, DEMO_HANDLER, complaintId, h, body);
  }
}
