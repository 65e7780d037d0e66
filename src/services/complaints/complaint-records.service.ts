/**
 * What a complaint's workflow steps wrote besides its history (issue #5, the complaint page's
 * tabs): the records of investigation, findings, analysis, compensation and payment, settlement,
 * feedback, survey, closing, progress, the leadership meeting with its plan, evidence metadata and
 * extensions; and the plan's milestones with the state of their clocks. Within the principal's
 * data scope: outside it the complaint is "not found", as everywhere (R-H1).
 */
import type { Principal } from '../../domain/access/permissions.js';
import { listClocks, type ClockRow } from '../../db/repositories/clock.repository.js';
import { listRecords, type RecordRow } from '../../db/repositories/record.repository.js';
import { complaintInScope } from './complaint-access.js';
import { auditComplaintRead } from './complaint-read-audit.service.js';
import type { RequestMeta, ServiceContext } from '../context.js';

export interface RecordView {
  id: string;
  kind: string;
  round: number;
  status: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
  updatedBy: string;
}

export type MilestoneStatus = 'open' | 'overdue' | 'done' | 'breached' | 'cancelled';

export interface MilestoneView {
  id: string;
  meetingId: string;
  title: string;
  owner: string;
  dueAt: string;
  /** open: clock running, not yet due; overdue: running past due; done: met; breached: the sweeper marked it late */
  status: MilestoneStatus;
  doneAt: Date | null;
  doneBy: string | null;
  doneNote: string | null;
}

function recordView(r: RecordRow): RecordView {
  return {
    id: r.id,
    kind: r.kind,
    round: r.round,
    status: r.status,
    data: r.data,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

interface PlannedMilestone {
  id: string;
  title: string;
  owner: string;
  dueAt: string;
}

function plannedMilestones(meeting: RecordRow): PlannedMilestone[] {
  const list = meeting.data.milestones;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (m): m is PlannedMilestone =>
      typeof m === 'object' &&
      m !== null &&
      typeof m.id === 'string' &&
      typeof m.title === 'string' &&
      typeof m.owner === 'string' &&
      typeof m.dueAt === 'string',
  );
}

function milestoneStatus(clock: ClockRow | undefined, done: boolean, now: Date): MilestoneStatus {
  if (clock?.status === 'met' || (!clock && done)) return 'done';
  if (clock?.status === 'breached') return done ? 'done' : 'breached';
  if (clock?.status === 'cancelled') return 'cancelled';
  return clock?.dueAt && clock.dueAt.getTime() < now.getTime() ? 'overdue' : 'open';
}

/** The plan's milestones: as the meeting set them, with their clock's state and who completed them. */
export function milestonesOf(records: readonly RecordRow[], clocks: readonly ClockRow[], now: Date): MilestoneView[] {
  const doneBy = new Map<string, RecordRow>();
  for (const r of records) if (r.kind === 'milestone_done' && typeof r.data.milestoneId === 'string') doneBy.set(r.data.milestoneId, r);
  const clockOf = new Map(clocks.filter((k) => k.kind === 'milestone' && k.subjectId).map((k) => [k.subjectId, k]));
  return records
    .filter((r) => r.kind === 'meeting')
    .flatMap((meeting) =>
      plannedMilestones(meeting).map((m) => {
        const done = doneBy.get(m.id);
        const note = done?.data.note;
        return {
          id: m.id,
          meetingId: meeting.id,
          title: m.title,
          owner: m.owner,
          dueAt: m.dueAt,
          status: milestoneStatus(clockOf.get(m.id), done !== undefined, now),
          doneAt: done?.created_at ?? null,
          doneBy: done?.created_by ?? null,
          doneNote: typeof note === 'string' ? note : null,
        };
      }),
    )
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}

/** Every record of the complaint, oldest first, and the milestones of its plan; the read is audited. */
export async function complaintRecords(ctx: ServiceContext, meta: RequestMeta, p: Principal, idOrNumber: string) {
  const c = await complaintInScope(ctx.db, p, idOrNumber);
  const [records, clocks] = await Promise.all([
    listRecords(ctx.db, c.id),
    listClocks(ctx.db, [c.id]),
    // records hold what handlers wrote, not the complainant's contact data: a masked read (R-H1)
    auditComplaintRead(ctx, meta, p, { view: 'records', complaint: c, masked: true }),
  ]);
  return { records: records.map(recordView), milestones: milestonesOf(records, clocks, ctx.now()) };
}
