/**
 * A major complaint's emergency plan and its report to the regulator (#14 item 4): the plan's
 * summary and owners, its actions and milestones (a milestone's due time is a `major_milestone`
 * clock with the milestone's id as subject, so the sweeper warns, breaches and escalates it), a
 * milestone or action marked done (its clock met), and the report to the regulator recorded (its
 * clock met). Plan changes and reports need major.manage; an item's owner may mark it done.
 */
import { createHash, randomUUID } from 'node:crypto';
import { can, type Principal } from '../../domain/access/permissions.js';
import { DomainError } from '../../domain/errors.js';
import { checkPlanChange, isLate, milestoneClock } from '../../domain/major/major.js';
import { ValidationError } from '../../domain/validation.js';
import type { Database } from '../../db/database.js';
import { insertClocks, listClocks, meetOpenClocksOfKinds, meetSubjectClocks } from '../../db/repositories/clock.repository.js';
import type { ComplaintRecord } from '../../db/repositories/complaint.repository.js';
import { appendEvents } from '../../db/repositories/event.repository.js';
import {
  findPlanItem,
  insertPlanItem,
  insertRegulatorReport,
  markPlanItemDone,
  saveMajorPlan,
} from '../../db/repositories/major.repository.js';
import { activeUsersByUsername } from '../../db/repositories/user.repository.js';
import { currentPolicy } from '../administration/policy.service.js';
import { complaintInScope } from '../complaints/complaint-access.js';
import type { ServiceContext } from '../context.js';
import { checkDueAt } from './improvement.service.js';
import { loadMajorView, notifyTargetOf, type MajorView } from './major.service.js';
import { notify } from './notify.service.js';

export interface PlanInput {
  summary: string;
  owners: string[];
}

export interface PlanItemInput {
  kind: 'action' | 'milestone';
  title: string;
  owner: string;
  dueAt?: string | null;
}

export interface RegulatorReportInput {
  reportedAt?: string | null;
  recipient: string;
  reference?: string | null;
  text: string;
}

function mustManage(p: Principal): void {
  if (!can(p, 'major.manage')) throw new DomainError('forbidden', { action: 'major.manage' });
}

async function knownUsers(trx: Database, usernames: readonly string[], field: string): Promise<string[]> {
  const wanted = [...new Set(usernames.map((u) => u.trim().toLowerCase()).filter((u) => u !== ''))];
  const found = new Set((await activeUsersByUsername(trx, wanted)).map((u) => u.username));
  const unknown = wanted.find((u) => !found.has(u));
  if (unknown) throw new ValidationError([{ field, code: 'unknown_user', params: { value: unknown } }]);
  return wanted;
}

/** One change of a major complaint: complaint locked, checked, changed, then its major view. */
async function change(
  ctx: ServiceContext,
  p: Principal,
  idOrNumber: string,
  action: string,
  work: (trx: Database, c: ComplaintRecord, now: Date) => Promise<void>,
): Promise<MajorView> {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const c = await complaintInScope(trx, p, idOrNumber, true);
    checkPlanChange(c, action);
    await work(trx, c, now);
    return loadMajorView(trx, p, c, now);
  });
}

/** Creates or replaces the plan's summary and owners (leaders: major.manage). */
export async function saveEmergencyPlan(ctx: ServiceContext, p: Principal, idOrNumber: string, input: PlanInput): Promise<MajorView> {
  mustManage(p);
  return change(ctx, p, idOrNumber, 'major_plan', async (trx, c, now) => {
    const owners = await knownUsers(trx, input.owners, 'owners');
    const created = await saveMajorPlan(trx, c.id, { summary: input.summary, owners }, p.username, now);
    await appendEvents(trx, c.id, [
      { type: 'major_plan_updated', actor: p.username, occurredAt: now, payload: { summary: input.summary, owners, created } },
    ]);
  });
}

/** Adds an action or a milestone; a milestone's due time starts its clock; the owner is told. */
export async function addPlanItem(ctx: ServiceContext, p: Principal, idOrNumber: string, input: PlanItemInput): Promise<MajorView> {
  mustManage(p);
  const { version, policy } = await currentPolicy(ctx.db);
  return change(ctx, p, idOrNumber, 'major_plan_item', async (trx, c, now) => {
    const dueAt = checkDueAt(input.dueAt, now);
    if (input.kind === 'milestone' && !dueAt) throw new ValidationError([{ field: 'dueAt', code: 'required' }]);
    const [owner = ''] = await knownUsers(trx, [input.owner], 'owner');
    const id = randomUUID();
    await insertPlanItem(trx, {
      id,
      complaint_id: c.id,
      kind: input.kind,
      title: input.title,
      owner,
      due_at: dueAt,
      status: 'open',
      created_at: now,
      created_by: p.username,
    });
    if (input.kind === 'milestone' && dueAt) {
      const clock = milestoneClock(now, dueAt, policy.warningFractions);
      await insertClocks(trx, c.id, [{ ...clock, subjectId: id, label: input.title, round: c.round }], version, now);
    }
    await appendEvents(trx, c.id, [
      {
        type: 'major_plan_item_added',
        actor: p.username,
        occurredAt: now,
        payload: { itemId: id, kind: input.kind, title: input.title, owner, dueAt },
      },
    ]);
    await notify(
      trx,
      { ...notifyTargetOf(c), assignee: owner },
      ['assignee'],
      {
        kind: 'major_plan_item_added',
        sourceKey: `major:${c.id}:item:${id}`,
        message: {
          template: 'major.assigned',
          params: { number: c.number, title: input.title, dueAt: dueAt?.toISOString() ?? null, by: p.username },
        },
        exclude: p.username,
      },
      now,
    );
  });
}

/** The item's owner or a leader marks it done; a milestone's clock is met (late when after its due time). */
export async function completePlanItem(
  ctx: ServiceContext,
  p: Principal,
  idOrNumber: string,
  itemId: string,
  note: string,
): Promise<MajorView> {
  return change(ctx, p, idOrNumber, 'major_plan_item_done', async (trx, c, now) => {
    const item = await findPlanItem(trx, itemId, true);
    if (!item || item.complaint_id !== c.id) throw new DomainError('not_found', {}, 'itemId');
    if (item.owner !== p.username && !can(p, 'major.manage')) throw new DomainError('forbidden', { action: 'major.manage' });
    if (item.status !== 'open') {
      throw new DomainError('invalid_transition', { action: 'major_plan_item_done', status: item.status, reason: 'milestone_not_open' });
    }
    await markPlanItemDone(trx, item.id, p.username, note, now);
    const clockMet = (await meetSubjectClocks(trx, c.id, item.id, now)) > 0;
    await appendEvents(trx, c.id, [
      {
        type: 'major_plan_item_done',
        actor: p.username,
        occurredAt: now,
        payload: {
          itemId: item.id,
          kind: item.kind,
          title: item.title,
          note,
          dueAt: item.due_at,
          late: isLate(now, item.due_at),
          clockMet,
        },
      },
    ]);
  });
}

/** The report to the regulator (when, to whom, the reference, the text); the first meets the report clock. */
export async function recordRegulatorReport(
  ctx: ServiceContext,
  p: Principal,
  idOrNumber: string,
  input: RegulatorReportInput,
): Promise<MajorView> {
  mustManage(p);
  return change(ctx, p, idOrNumber, 'major_regulator_report', async (trx, c, now) => {
    const reportedAt = input.reportedAt ? new Date(input.reportedAt) : now;
    if (reportedAt.getTime() > now.getTime() + 2 * 60_000) {
      throw new ValidationError([{ field: 'reportedAt', code: 'in_future' }]);
    }
    const clock = (await listClocks(trx, [c.id])).filter((k) => k.kind === 'major_regulator_report' && k.status !== 'cancelled').at(-1);
    const dueAt = clock?.dueAt ?? null;
    // the clock is met when the report was made (it may be recorded a little later)
    const clockMet = (await meetOpenClocksOfKinds(trx, c.id, ['major_regulator_report'], reportedAt)).length > 0;
    const id = randomUUID();
    await insertRegulatorReport(trx, {
      id,
      complaint_id: c.id,
      reported_at: reportedAt,
      recipient: input.recipient,
      reference: input.reference ?? null,
      body: input.text,
      recorded_at: now,
      recorded_by: p.username,
    });
    await appendEvents(trx, c.id, [
      {
        type: 'major_regulator_reported',
        actor: p.username,
        occurredAt: now,
        payload: {
          reportId: id,
          reportedAt,
          recipient: input.recipient,
          reference: input.reference ?? null,
          bodySha256: createHash('sha256').update(input.text).digest('hex'),
          dueAt,
          late: isLate(reportedAt, dueAt),
          clockMet,
        },
      },
    ]);
  });
}
