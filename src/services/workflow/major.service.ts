/**
 * Major complaints (重大投诉, #14 item 4): the complaint's major view (how it was marked, its
 * emergency plan, the report to the regulator), and a leader's marking or unmarking with a reason
 * (permission major.manage). Each write is one transaction with the complaint row locked, writing
 * the state, the clocks, the notifications and a hash-chained event.
 */
import { can, type Principal } from '../../domain/access/permissions.js';
import { DomainError } from '../../domain/errors.js';
import { checkMark, checkUnmark, isLate } from '../../domain/major/major.js';
import type { Database } from '../../db/database.js';
import { cancelOpenClocksOfKinds, listClocks, type ClockRow } from '../../db/repositories/clock.repository.js';
import type { ComplaintRecord } from '../../db/repositories/complaint.repository.js';
import { appendEvents } from '../../db/repositories/event.repository.js';
import {
  findMajorPlan,
  listPlanItems,
  listRegulatorReports,
  setComplaintMajor,
  type MajorPlanItemRow,
} from '../../db/repositories/major.repository.js';
import { loadWorkingCalendar } from '../administration/calendar.service.js';
import { currentPolicy } from '../administration/policy.service.js';
import { complaintInScope } from '../complaints/complaint-access.js';
import type { ServiceContext } from '../context.js';
import { MAJOR_RECIPIENTS, startMajor } from './major-marking.js';
import { notify, type NotifyTarget } from './notify.service.js';

export interface MajorItemView {
  id: string;
  kind: 'action' | 'milestone';
  title: string;
  owner: string;
  dueAt: Date | null;
  status: 'open' | 'done';
  doneAt: Date | null;
  doneBy: string | null;
  doneNote: string | null;
  /** the milestone's clock: running, met, breached… (null for an action) */
  clockStatus: ClockRow['status'] | null;
  overdue: boolean;
  late: boolean;
}

export interface MajorView {
  complaintId: string;
  number: string;
  major: boolean;
  source: 'rules' | 'leader' | null;
  rules: string[];
  reason: string | null;
  markedAt: Date | null;
  markedBy: string | null;
  majorCause: 'disaster' | 'accident' | 'public_health' | null;
  regulatorNamed: boolean;
  regulatorReference: string | null;
  jointComplainants: number;
  plan: { summary: string; owners: string[]; updatedAt: Date; updatedBy: string } | null;
  items: MajorItemView[];
  regulatorReport: {
    dueAt: Date | null;
    clockStatus: ClockRow['status'] | null;
    overdue: boolean;
    reports: Array<{
      id: string;
      reportedAt: Date;
      recipient: string;
      reference: string | null;
      text: string;
      recordedAt: Date;
      recordedBy: string;
      late: boolean;
    }>;
  };
  /** the reader may mark, unmark, plan and report (major.manage) */
  canManage: boolean;
}

export function notifyTargetOf(c: ComplaintRecord): NotifyTarget {
  return {
    id: c.id,
    number: c.number,
    departmentIds: c.department_ids,
    branchId: c.branch_id,
    assignee: c.assignee,
    tracker: c.tracker,
    createdBy: c.created_by,
  };
}

const openClock = (k: ClockRow | undefined) => k?.status === 'running' || k?.status === 'paused';

function itemView(i: MajorPlanItemRow, clock: ClockRow | undefined, now: Date): MajorItemView {
  const due = clock?.dueAt ?? i.due_at;
  return {
    id: i.id,
    kind: i.kind,
    title: i.title,
    owner: i.owner,
    dueAt: i.due_at,
    status: i.status,
    doneAt: i.done_at,
    doneBy: i.done_by,
    doneNote: i.done_note,
    clockStatus: clock?.status ?? null,
    overdue: i.status === 'open' && (clock?.status === 'breached' || (due !== null && due.getTime() < now.getTime())),
    late: i.status === 'done' && i.done_at !== null && isLate(i.done_at, i.due_at),
  };
}

/** The major view of one complaint in the reader's scope. */
export async function loadMajorView(db: Database, p: Principal, c: ComplaintRecord, now: Date): Promise<MajorView> {
  const [plan, items, reports, clocks] = await Promise.all([
    findMajorPlan(db, c.id),
    listPlanItems(db, [c.id]),
    listRegulatorReports(db, [c.id]),
    listClocks(db, [c.id]),
  ]);
  const clockOf = new Map(clocks.filter((k) => k.kind === 'major_milestone' && k.subjectId).map((k) => [k.subjectId, k]));
  const reportClock = clocks.filter((k) => k.kind === 'major_regulator_report' && k.status !== 'cancelled').at(-1);
  const reportDue = reportClock?.dueAt ?? null;
  return {
    complaintId: c.id,
    number: c.number,
    major: c.major,
    source: c.major_source,
    rules: c.major_rules,
    reason: c.major_reason,
    markedAt: c.major_marked_at,
    markedBy: c.major_marked_by,
    majorCause: c.major_cause,
    regulatorNamed: c.regulator_named,
    regulatorReference: c.regulator_named_reference,
    jointComplainants: c.joint_complainants,
    plan: plan ? { summary: plan.summary, owners: plan.owners, updatedAt: plan.updated_at, updatedBy: plan.updated_by } : null,
    items: items.map((i) => itemView(i, clockOf.get(i.id), now)),
    regulatorReport: {
      dueAt: reportDue,
      clockStatus: reportClock?.status ?? null,
      overdue: reportClock?.status === 'breached' || (openClock(reportClock) && reportDue !== null && reportDue.getTime() < now.getTime()),
      reports: reports.map((r) => ({
        id: r.id,
        reportedAt: r.reported_at,
        recipient: r.recipient,
        reference: r.reference,
        text: r.body,
        recordedAt: r.recorded_at,
        recordedBy: r.recorded_by,
        late: isLate(r.reported_at, reportDue),
      })),
    },
    canManage: can(p, 'major.manage'),
  };
}

export async function getMajorView(ctx: ServiceContext, p: Principal, idOrNumber: string): Promise<MajorView> {
  const c = await complaintInScope(ctx.db, p, idOrNumber);
  return loadMajorView(ctx.db, p, c, ctx.now());
}

function mustManage(p: Principal): void {
  if (!can(p, 'major.manage')) throw new DomainError('forbidden', { action: 'major.manage' });
}

/** A leader marks an open complaint major with a reason: the report clock starts and the leaders are told at once. */
export async function markMajor(ctx: ServiceContext, p: Principal, idOrNumber: string, reason: string): Promise<MajorView> {
  mustManage(p);
  const now = ctx.now();
  const [{ version, policy }, calendar] = await Promise.all([currentPolicy(ctx.db), loadWorkingCalendar(ctx.db)]);
  return ctx.db.transaction().execute(async (trx) => {
    const c = await complaintInScope(trx, p, idOrNumber, true);
    checkMark(c);
    await startMajor(
      trx,
      notifyTargetOf(c),
      { source: 'leader', rules: [], reason, by: p.username, round: c.round },
      { policy, policyVersion: version, calendar, timeZone: ctx.timeZone, now },
    );
    const fresh = await complaintInScope(trx, p, c.id);
    return loadMajorView(trx, p, fresh, now);
  });
}

/**
 * A leader unmarks a major complaint with a reason: the open clocks of its report and milestones
 * end (cancelled, kept), the plan stays on record, the leaders are told.
 */
export async function unmarkMajor(ctx: ServiceContext, p: Principal, idOrNumber: string, reason: string): Promise<MajorView> {
  mustManage(p);
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const c = await complaintInScope(trx, p, idOrNumber, true);
    checkUnmark(c);
    const open = (await listClocks(trx, [c.id])).filter(
      (k) => (k.kind === 'major_regulator_report' || k.kind === 'major_milestone') && ['running', 'paused', 'breached'].includes(k.status),
    );
    await cancelOpenClocksOfKinds(trx, c.id, ['major_regulator_report', 'major_milestone'], now);
    await setComplaintMajor(trx, c.id, { major: false, source: null, rules: [], reason, markedAt: null, markedBy: null }, now);
    const notified = await notify(
      trx,
      notifyTargetOf(c),
      MAJOR_RECIPIENTS,
      {
        kind: 'major_unmarked',
        sourceKey: `major:${c.id}:unmarked:${now.getTime()}`,
        message: { template: 'major.unmarked', params: { number: c.number, by: p.username, reason } },
        exclude: p.username,
      },
      now,
    );
    await appendEvents(trx, c.id, [
      { type: 'major_unmarked', actor: p.username, occurredAt: now, reason, payload: { reason, cancelledClocks: open.length, notified } },
    ]);
    const fresh = await complaintInScope(trx, p, c.id);
    return loadMajorView(trx, p, fresh, now);
  });
}
