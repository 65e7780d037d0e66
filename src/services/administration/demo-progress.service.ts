import type { Principal } from '../../domain/access/permissions.js';
import { findComplaintLevel } from '../../db/repositories/complaint.repository.js';
import { listRecords } from '../../db/repositories/record.repository.js';
import { existingUsernames } from '../../db/repositories/user.repository.js';
import { gradeComplaint } from '../complaints/complaint-grading.service.js';
import {
  assign,
  close,
  escalate,
  recordFindings,
  recordSurvey,
  reportProgress,
  sendFeedback,
  startInvestigation,
} from '../workflow/handlers/core.handlers.js';
import { completeMilestone, recordMeeting, reportToSenior } from '../workflow/handlers/leadership.handlers.js';
import { recordAnalysis } from '../workflow/handlers/plan.handlers.js';
import type { WorkflowHandler } from '../workflow/workflow-handler.js';
import { performAction } from '../workflow/workflow.service.js';
import type { ServiceContext } from '../context.js';

const HOUR = 3_600_000;
/** Handles the demo complaints as a supervisor who also sits in the leadership group. */
const DEMO_HANDLER: Principal = {
  userId: 'demo',
  username: 'demo-supervisor',
  roles: ['supervisor', 'leadership_member'],
  branchIds: [],
  departmentIds: [],
};
const NO_META = { ip: null, userAgent: null };

/** What the demo knows of a complaint when it plans its handling. */
export interface DemoCase {
  complaintId: string;
  level: number;
  channel: string;
  urgent: boolean;
  /** the level was confirmed or overridden at intake */
  levelConfirmed: boolean;
  /** when it was registered: the steps are counted from here (clocks from its receipt, a little earlier) */
  startAt: Date;
  /** its place in the seeding order: varies the pace and picks the desk */
  index: number;
  /** one of the few left waiting: handled up to the investigation, then nothing (overdue) */
  stalled: boolean;
}

type Body = Record<string, unknown> | ((c: DemoCase, db: Omit<ServiceContext, 'now'>) => Promise<Record<string, unknown> | null>);
/** A step `hours` after receipt; `confirm` confirms the level (grading) instead of an action. */
type Step = { h: WorkflowHandler; body: Body; hours: number } | { confirm: true; hours: number };

/** Who handles and tracks the demo complaints, in turn, so the demo accounts have work on their desk. */
const DEMO_DESKS = [
  { assignee: 'agent', tracker: 'supervisor' },
  { assignee: 'supervisor', tracker: 'agent' },
  { assignee: 'handler', tracker: 'agent' },
] as const;

/** The demo accounts the desks and plans name, when they exist (looked up once per seeding). */
export async function demoPeople(base: Omit<ServiceContext, 'now'>): Promise<ReadonlySet<string>> {
  const names = ['agent', 'supervisor', 'handler', 'leader'];
  return new Set(await existingUsernames(base.db, names));
}

/**
 * The root causes a demo analysis names, weighted as a real office's ledger runs (a few causes
 * behind most complaints), so the statistics' Pareto has a shape; one in four names a second cause.
 */
const DEMO_CAUSES: ReadonlyArray<readonly [string, number]> = [
  ['business_process', 28],
  ['staff_service', 20],
  ['sales_practice', 14],
  ['product_design', 10],
  ['system_equipment', 8],
  ['information_disclosure', 7],
  ['pricing_fees', 5],
  ['third_party', 4],
  ['customer_misunderstanding', 4],
];

function demoCauses(index: number): string[] {
  const pick = (n: number) => {
    let left = n % 100;
    for (const [code, weight] of DEMO_CAUSES) {
      if (left < weight) return code;
      left -= weight;
    }
    return 'other';
  };
  const first = pick(index * 37 + 11);
  const second = pick(index * 53 + 29);
  return index % 4 === 0 && second !== first ? [first, second] : [first];
}

/** The id of the plan's n-th milestone (recorded by the meeting). */
const milestone = (n: number) => async (c: DemoCase, base: Omit<ServiceContext, 'now'>) => {
  const [meeting] = await listRecords(base.db, c.complaintId, 'meeting');
  const list = Array.isArray(meeting?.data.milestones) ? (meeting.data.milestones as Array<{ id: string }>) : [];
  const m = list[n];
  return m ? { milestoneId: m.id } : null;
};

/** Conclusions and outcomes as a working office reaches them: about 40 % partly upheld, 30 % upheld, 30 % not. */
const DEMO_OUTCOMES = [
  'partly_upheld',
  'upheld',
  'not_upheld',
  'partly_upheld',
  'upheld',
  'not_upheld',
  'partly_upheld',
  'upheld',
  'not_upheld',
  'partly_upheld',
] as const;

/**
 * How a working office handles a complaint, in hours after receipt, each step well within the
 * clocks it meets and no gap longer than the two working days of the progress report (levels 1
 * and 2). Level 3: the answer within hours where a first reply is due in a working day (letters,
 * e-mails, web, app) or within 30 minutes when urgent, else within one to four days; levels 1 and
 * 2 about five days from receipt to answer. Survey a day or two later, then close.
 */
function plan(c: DemoCase, people: ReadonlySet<string>): Step[] {
  const outcome = DEMO_OUTCOMES[c.index % DEMO_OUTCOMES.length]!;
  const firstReplyDue = ['letter', 'email', 'web', 'app'].includes(c.channel);
  const desk = DEMO_DESKS[c.index % DEMO_DESKS.length]!;
  const withDesk = people.has(desk.assignee) && people.has(desk.tracker);
  const step = (h: WorkflowHandler, body: Body, hours: number): Step => ({ h, body, hours });
  const answered = (at: number): Step[] => [
    step(sendFeedback, { method: 'phone', content: '已向客户说明处理结果' }, at),
    ...(c.level === 1 ? [step(reportToSenior, { content: '处理结果已反馈客户，现报公司高层' }, at + 2)] : []),
    step(recordSurvey, { satisfied: true, score: 4, method: 'phone' }, at + 24 + (c.index % 3) * 12),
    ...(c.levelConfirmed ? [] : [{ confirm: true as const, hours: at + 24.5 + (c.index % 3) * 12 }]),
    step(close, { outcome, summary: '已处理完毕' }, at + 25 + (c.index % 3) * 12),
  ];
  const assigned = (at: number): Step[] => (withDesk ? [step(assign, { ...desk }, at)] : []);
  if (c.level === 3) {
    const answerAt = c.urgent ? 0.4 : firstReplyDue ? 3 + (c.index % 8) : 20 + (c.index % 7) * 12;
    return [...(answerAt > 1 ? assigned(0.3) : []), ...answered(answerAt)];
  }
  // Levels 1 and 2: the answer within a day of the findings (the level-2 agent reply runs 24 hours).
  // A first reply due within a working day (or 30 minutes when urgent) is met only by the answer
  // (no separate first-contact step yet): such complaints are fast-tracked, answered the same day.
  const fast = firstReplyDue || c.urgent;
  const t = fast
    ? { start: 2, progress: null, m1: 5, findings: 12, m2: 13, answer: 16, m1Due: 8, m2Due: 20 }
    : { start: 20, progress: 56, m1: 60, findings: 92, m2: 100, answer: 110, m1Due: 72, m2Due: 168 };
  const investigation = (milestones: boolean): Step[] => [
    step(startInvestigation, { plan: '调取原始材料，约谈经办人员' }, t.start),
    ...(t.progress === null ? [] : [step(reportProgress, { content: '已调取原始材料，正在核实' }, t.progress)]),
    ...(milestones ? [step(completeMilestone, milestone(0), t.m1)] : []),
    step(recordFindings, { findings: '调查已完成', conclusion: outcome }, t.findings),
    step(
      recordAnalysis,
      {
        causes: demoCauses(c.index),
        impact: { business: 'low', reputation: c.level === 1 ? 'medium' : 'low', financial: 'low' },
        strategy: '说明规则并改进相关环节',
      },
      t.findings + 0.5,
    ),
    ...(milestones ? [step(completeMilestone, milestone(1), t.m2)] : []),
  ];
  if (c.level === 2) return [step(escalate, { to: 'supervisor' }, 0.2), ...assigned(0.5), ...investigation(false), ...answered(t.answer)];
  const reported = [step(escalate, { to: 'supervisor' }, 0.1), step(escalate, { to: 'leadership' }, 0.2)];
  if (!['handler', 'supervisor', 'leader'].every((u) => people.has(u)))
    return [...reported, ...investigation(false), ...answered(t.answer)];
  const at = (hours: number) => new Date(c.startAt.getTime() + hours * HOUR).toISOString();
  return [
    ...reported,
    step(
      recordMeeting,
      {
        heldAt: at(1.5),
        attendees: ['leader', 'supervisor', 'handler'],
        decisions: '理赔部牵头复核，客服中心每两个工作日向客户通报进展',
        owners: ['handler'],
        milestones: [
          { title: '调取并复核原始材料', owner: 'handler', dueAt: at(t.m1Due) },
          { title: '形成处理意见并答复客户', owner: 'supervisor', dueAt: at(t.m2Due) },
        ],
      },
      1.5,
    ),
    ...investigation(true),
    ...answered(t.answer),
  ];
}

/**
 * Takes a demo complaint through the real workflow as a working office would: every step whose
 * time has come (before `now`) is taken, on time, so older complaints are answered, surveyed and
 * closed and recent ones are open with their clocks running. A stalled complaint stops after its
 * first day: one of the few overdue ones a real ledger has.
 */
export async function progressDemoComplaint(
  base: Omit<ServiceContext, 'now'>,
  people: ReadonlySet<string>,
  c: DemoCase,
  now: Date,
): Promise<void> {
  for (const s of plan(c, people)) {
    const at = new Date(c.startAt.getTime() + s.hours * HOUR);
    if (at.getTime() > now.getTime() || (c.stalled && s.hours > 24)) return;
    const ctx = { ...base, now: () => at };
    if ('confirm' in s) {
      const level = (await findComplaintLevel(base.db, c.complaintId)) as 1 | 2 | 3;
      await gradeComplaint(ctx, DEMO_HANDLER, c.complaintId, { level, reason: '复核后确认系统建议级别' });
      continue;
    }
    const body = typeof s.body === 'function' ? await s.body(c, base) : s.body;
    if (body) await performAction(ctx, NO_META, DEMO_HANDLER, c.complaintId, s.h, body);
  }
}
