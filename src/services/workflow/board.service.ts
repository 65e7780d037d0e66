import type { ExceptionKind } from '../../domain/codes.js';
/**
 * The leadership board (issue #5 item 6): open level-1 complaints with their plans and milestones
 * (R-C3, R-E2), open exceptions and recent breaches (R-E3), and the headline figures: open by level,
 * on-time rate per week (R-E6, R-F1 timeliness), complaints received per day (R-F1). Everything is
 * read within the reader's complaint scope, the ledger's rule, in one repeatable-read snapshot.
 */
import { scopeFilter, type Principal } from '../../domain/access/permissions.js';
import {
  meetingsOf,
  milestoneClocksOf,
  openLevel1,
  unitNames,
  userNames,
  type Level1Row,
  type MeetingRow,
  type MilestoneClockRow,
} from '../../db/repositories/board-plans.repository.js';
import { onTimeByWeek, openByLevel, openExceptionCounts, receivedPerDay, recentBreaches } from '../../db/repositories/board.repository.js';
import type { ServiceContext } from '../context.js';
import { listExceptions, type ExceptionItem } from './exception.service.js';
import { boardMajor, type BoardMajorItem } from './major-board.js';

export const BOARD_WEEKS = 8;
export const BOARD_DAYS = 30;
export const BREACH_WINDOW_DAYS = 7;
const LEVEL1_LIMIT = 50;
const LIST_LIMIT = 20;
const DAY = 86_400_000;

export interface Person {
  username: string;
  displayName: string;
}

export interface Milestone {
  id: string;
  label: string;
  owner: Person;
  dueAt: string;
  status: MilestoneClockRow['status'] | 'unknown';
  metAt: Date | null;
  /** still open past its due time, or marked breached */
  overdue: boolean;
  /** met, but after its due time */
  late: boolean;
}

export interface Plan {
  heldAt: string;
  decisions: string;
  owners: Person[];
  departments: Array<{ id: string; code: string; zh: string; en: string }>;
  meetings: number;
}

export interface Level1Item extends Omit<Level1Row, 'total'> {
  plan: Plan | null;
  milestones: Milestone[];
}

export interface BoardAnswer {
  generatedAt: Date;
  timeZone: string;
  tiles: {
    openComplaints: number;
    openLevel1: number;
    overdueComplaints: number;
    openExceptions: number;
    breaches: number;
    /** on time / (on time + late) over the weeks of the chart; null when no clock settled */
    onTimeRate: number | null;
  };
  openByLevel: Array<{ level: number; open: number; overdue: number }>;
  onTime: Array<{ weekStart: string; onTime: number; late: number; rate: number | null }>;
  receivedPerDay: Array<{ day: string; count: number }>;
  exceptions: { open: Record<ExceptionKind, number>; items: ExceptionItem[] };
  breaches: {
    since: Date;
    total: number;
    items: Array<{
      clockId: string;
      kind: string;
      label: string | null;
      dueAt: Date | null;
      breachedAt: Date;
      clockStatus: string;
      complaint: { id: string; number: string; level: number; status: string };
    }>;
  };
  level1: { total: number; items: Level1Item[] };
  /** open major complaints with their report to the regulator and next milestone (#14) */
  major: { total: number; items: BoardMajorItem[] };
}

const rate = (onTime: number, late: number): number | null =>
  onTime + late === 0 ? null : Math.round((onTime / (onTime + late)) * 1000) / 1000;
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

interface StoredMilestone {
  id: string;
  title: string;
  owner: string;
  dueAt: string;
}

function storedMilestones(m: MeetingRow): StoredMilestone[] {
  const list = Array.isArray(m.data.milestones) ? (m.data.milestones as unknown[]) : [];
  return list.filter((x): x is StoredMilestone => typeof x === 'object' && x !== null && typeof (x as StoredMilestone).id === 'string');
}

/** Plans and milestones of the level-1 complaints: the latest meeting is the plan; milestones of every meeting, by due time. */
async function withPlans(ctx: ServiceContext, rows: readonly Level1Row[], now: Date): Promise<Level1Item[]> {
  const ids = rows.map((r) => r.id);
  const meetings = await meetingsOf(ctx.db, ids);
  const clocks = await milestoneClocksOf(ctx.db, ids);
  const people = new Set<string>();
  const units = new Set<string>();
  for (const m of meetings) {
    strings(m.data.owners).forEach((o) => people.add(o));
    strings(m.data.departmentIds).forEach((d) => units.add(d));
    storedMilestones(m).forEach((s) => people.add(s.owner));
  }
  const names = await userNames(ctx.db, [...people]);
  const unitsById = await unitNames(ctx.db, [...units]);
  const person = (username: string): Person => ({ username, displayName: names.get(username) ?? username });
  const clockOf = new Map(clocks.map((k) => [k.subjectId ?? '', k]));

  return rows.map(({ total: _total, ...r }) => {
    const own = meetings.filter((m) => m.complaintId === r.id);
    const latest = own[own.length - 1];
    const plan: Plan | null = latest
      ? {
          heldAt: String(latest.data.heldAt ?? ''),
          decisions: String(latest.data.decisions ?? ''),
          owners: strings(latest.data.owners).map(person),
          departments: strings(latest.data.departmentIds).flatMap((id) => {
            const u = unitsById.get(id);
            return u ? [{ id, code: u.key, zh: u.zh, en: u.en }] : [];
          }),
          meetings: own.length,
        }
      : null;
    const milestones = own
      .flatMap(storedMilestones)
      .map((s): Milestone => {
        const k = clockOf.get(s.id);
        const due = k?.dueAt ?? new Date(s.dueAt);
        const open = k?.status === 'running' || k?.status === 'paused';
        return {
          id: s.id,
          label: k?.label ?? s.title,
          owner: person(s.owner),
          dueAt: due.toISOString(),
          status: k?.status ?? 'unknown',
          metAt: k?.metAt ?? null,
          overdue: k?.status === 'breached' || (open && due.getTime() < now.getTime()),
          late: k?.status === 'met' && k.metAt !== null && k.metAt.getTime() > due.getTime(),
        };
      })
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
    return { ...r, plan, milestones };
  });
}

export async function getBoard(ctx: ServiceContext, p: Principal): Promise<BoardAnswer> {
  const now = ctx.now();
  const scope = scopeFilter(p);
  const since = new Date(now.getTime() - BREACH_WINDOW_DAYS * DAY);
  return ctx.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const tx: ServiceContext = { ...ctx, db: trx };
      // one after another: a transaction is one connection
      const byLevel = await openByLevel(trx, scope, now);
      const weeks = await onTimeByWeek(trx, scope, now, ctx.timeZone, BOARD_WEEKS);
      const perDay = await receivedPerDay(trx, scope, now, ctx.timeZone, BOARD_DAYS);
      const exceptionCounts = await openExceptionCounts(trx, scope);
      const breaches = await recentBreaches(trx, scope, since, now, LIST_LIMIT);
      const level1Rows = await openLevel1(trx, scope, now, LEVEL1_LIMIT);
      const exceptions = await listExceptions(tx, p, { status: 'open', limit: LIST_LIMIT });
      const level1 = await withPlans(tx, level1Rows, now);
      const major = await boardMajor(trx, scope, now);
      const open: Record<ExceptionKind, number> = { breach: 0, stalled: 0, dissatisfied: 0, message_failed: 0, spike: 0 };
      for (const e of exceptionCounts) open[e.kind] = e.count;
      const onTime = weeks.map((w) => ({ ...w, rate: rate(w.onTime, w.late) }));
      const sum = (f: (w: (typeof weeks)[number]) => number) => weeks.reduce((n, w) => n + f(w), 0);
      return {
        generatedAt: now,
        timeZone: ctx.timeZone,
        tiles: {
          openComplaints: byLevel.reduce((n, l) => n + l.open, 0),
          openLevel1: byLevel.find((l) => l.level === 1)?.open ?? 0,
          overdueComplaints: byLevel.reduce((n, l) => n + l.overdue, 0),
          openExceptions: open.breach + open.stalled + open.dissatisfied + open.message_failed + open.spike,
          breaches: breaches[0]?.total ?? 0,
          onTimeRate: rate(
            sum((w) => w.onTime),
            sum((w) => w.late),
          ),
        },
        openByLevel: byLevel,
        onTime,
        receivedPerDay: perDay,
        exceptions: { open, items: exceptions.items },
        breaches: {
          since,
          total: breaches[0]?.total ?? 0,
          items: breaches.map(({ total: _t, complaintId, number, level, complaintStatus, ...b }) => ({
            ...b,
            complaint: { id: complaintId, number, level, status: complaintStatus },
          })),
        },
        level1: { total: level1Rows[0]?.total ?? 0, items: level1 },
        major,
      };
    });
}
