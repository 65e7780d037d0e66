/**
 * Inspection plans and their samples (#14 item 1, R-E4). A plan names a period, a scope (departments,
 * or all) and sampling rules as data; drawing its sample records the 32-bit seed, the rules, the
 * population drawn from and the drawn complaints, so anyone can repeat the draw (verifyRun). A
 * redraw is a new run with a new seed: the unscored drawn complaints of the earlier run leave the
 * sample (recorded with the reason), scored ones stay. Nothing is chosen by hand silently: adding
 * or removing a complaint by hand needs a reason and is kept as such.
 *
 * Sampled complaints are shown by number, status and level only: opening one goes through the
 * complaint read route, with its scope check and read audit.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Principal } from '../../domain/access/permissions.js';
import { DomainError } from '../../domain/errors.js';
import { CHECKLIST_RESULTS, scoreChecklist, type ChecklistResult } from '../../domain/supervision/checklist.js';
import { drawPlanSample, planRulesSchema, type PlanCandidate, type PlanRule } from '../../domain/supervision/sampling-plan.js';
import type { Database } from '../../db/database.js';
import {
  currentItemComplaintIds,
  findChecklist,
  findChecklistVersion,
  findComplaintForSample,
  findItem,
  findPlan,
  findRun,
  freezeChecklistVersion,
  insertItems,
  insertPlan,
  insertRun,
  listItems,
  listPlans as listPlanRows,
  listRuns,
  nextRunSeq,
  removeItem,
  removeUnscoredDrawnItems,
  saveItemScore,
  selectPopulation,
  updatePlan,
  type PlanRow,
} from '../../db/repositories/inspection.repository.js';
import { listFindings, listRequests } from '../../db/repositories/inspection-rectification.repository.js';
import type { StoredChecklistItem } from '../../db/schema-inspections.js';
import { audit } from '../administration/audit.service.js';
import type { RequestMeta, ServiceContext } from '../context.js';
import { requireInspectionRead, requirePermission } from './inspection-access.js';
import {
  findingView,
  itemView,
  planSummaryView,
  requestView,
  runView,
  type FindingView,
  type ItemView,
  type PlanSummaryView,
  type RequestView,
  type RunView,
} from './inspection-views.js';

export interface PlanInput {
  title: string;
  periodFrom: string;
  periodTo: string;
  departmentIds: string[];
  rules: unknown[];
  checklistId: string;
}

export interface PlanDetail extends PlanSummaryView {
  checklist: { id: string; name: string; version: number; items: StoredChecklistItem[] };
  runs: RunView[];
  items: ItemView[];
  findings: FindingView[];
  requests: RequestView[];
  /** the average score of the scored complaints; null while none is scored */
  averageScore: number | null;
}

export interface PlanListItem extends PlanSummaryView {
  items: number;
  scored: number;
  requests: number;
}

export async function listPlans(ctx: ServiceContext, p: Principal): Promise<PlanListItem[]> {
  requireInspectionRead(p);
  return (await listPlanRows(ctx.db)).map((r) => ({ ...planSummaryView(r), items: r.items, scored: r.scored, requests: r.requests }));
}

export async function createPlan(
  ctx: ServiceContext,
  p: Principal,
  input: PlanInput,
  meta: RequestMeta | null = null,
): Promise<PlanDetail> {
  requirePermission(p, 'inspection.manage');
  const rules = planRulesSchema.parse(input.rules);
  if (input.periodTo < input.periodFrom) throw new DomainError('range_inverted', {}, 'periodTo');
  const id = randomUUID();
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const checklist = await findChecklist(trx, input.checklistId, true);
    if (!checklist) throw new DomainError('inspection_checklist_not_found', {}, 'checklistId');
    // the version a plan uses is frozen: later edits make a new version
    await freezeChecklistVersion(trx, checklist.id, checklist.current_version, now);
    await insertPlan(trx, {
      id,
      title: input.title,
      period_from: input.periodFrom,
      period_to: input.periodTo,
      department_ids: input.departmentIds,
      rules: JSON.stringify(rules),
      checklist_id: checklist.id,
      checklist_version: checklist.current_version,
      status: 'planned',
      created_at: now,
      created_by: p.username,
      updated_at: now,
    });
    await audit(trx, meta, {
      at: now,
      actor: p.username,
      action: 'inspection.plan.create',
      outcome: 'success',
      targetType: 'inspection_plan',
      targetId: id,
    });
  });
  return getPlan(ctx, p, id);
}

async function planDetail(db: Database, plan: PlanRow, now: Date): Promise<PlanDetail> {
  const [checklist, version, runs, items, findings, requests] = await Promise.all([
    findChecklist(db, plan.checklist_id),
    findChecklistVersion(db, plan.checklist_id, plan.checklist_version),
    listRuns(db, plan.id),
    listItems(db, plan.id),
    listFindings(db, { planId: plan.id }),
    listRequests(db, { planId: plan.id }),
  ]);
  const scored = items.filter((i) => i.removed_at === null && i.score !== null).map((i) => Number(i.score));
  return {
    ...planSummaryView(plan),
    checklist: { id: plan.checklist_id, name: checklist?.name ?? '', version: plan.checklist_version, items: version?.items ?? [] },
    runs: runs.map(runView),
    items: items.map(itemView),
    findings: findings.map(findingView),
    requests: requests.map((r) => requestView(r, now)),
    averageScore: scored.length ? Math.round((scored.reduce((a, b) => a + b, 0) / scored.length) * 10) / 10 : null,
  };
}

export async function getPlan(ctx: ServiceContext, p: Principal, id: string): Promise<PlanDetail> {
  requireInspectionRead(p);
  const plan = await findPlan(ctx.db, id);
  if (!plan) throw new DomainError('inspection_plan_not_found');
  return planDetail(ctx.db, plan, ctx.now());
}

async function openPlan(trx: Database, id: string): Promise<PlanRow> {
  const plan = await findPlan(trx, id, true);
  if (!plan) throw new DomainError('inspection_plan_not_found');
  if (plan.status === 'completed') throw new DomainError('inspection_plan_completed');
  return plan;
}

function candidates(rows: Awaited<ReturnType<typeof selectPopulation>>): PlanCandidate[] {
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    level: r.level as 1 | 2 | 3,
    departmentIds: r.department_ids,
    reopened: r.round > 1,
    closedMonth: r.closed_month,
  }));
}

/** A fresh unsigned 32-bit seed. */
export function freshSeed(): number {
  return randomBytes(4).readUInt32BE(0);
}

/**
 * Draws (or redraws) the plan's sample with a fresh seed (`opts.seed` only for tests and tools,
 * never from the API). Returns the plan with the new run first.
 */
export async function drawPlanSampleRun(
  ctx: ServiceContext,
  p: Principal,
  planId: string,
  opts: { seed?: number; meta?: RequestMeta | null } = {},
): Promise<PlanDetail> {
  requirePermission(p, 'inspection.manage');
  const now = ctx.now();
  const seed = opts.seed ?? freshSeed();
  await ctx.db.transaction().execute(async (trx) => {
    const plan = await openPlan(trx, planId);
    const rules = planRulesSchema.parse(plan.rules);
    const rows = await selectPopulation(trx, {
      from: plan.period_from,
      to: plan.period_to,
      departmentIds: plan.department_ids,
      timeZone: ctx.timeZone,
    });
    const population = candidates(rows);
    const sample = drawPlanSample(population, rules, seed);
    const seq = await nextRunSeq(trx, planId);
    const runId = randomUUID();
    await insertRun(trx, {
      id: runId,
      plan_id: planId,
      seq,
      seed,
      rules: JSON.stringify(rules),
      population_size: population.length,
      population: JSON.stringify(population),
      drawn_ids: sample.map((s) => s.id),
      drawn_at: now,
      drawn_by: p.username,
    });
    if (seq > 1) await removeUnscoredDrawnItems(trx, planId, now, p.username, `redrawn: run ${seq}`);
    const present = new Set(await currentItemComplaintIds(trx, planId));
    const byId = new Map(rows.map((r) => [r.id, r]));
    await insertItems(
      trx,
      sample
        .filter((s) => !present.has(s.id))
        .map((s) => ({
          id: randomUUID(),
          plan_id: planId,
          run_id: runId,
          complaint_id: s.id,
          source: 'drawn' as const,
          reasons: JSON.stringify(s.reasons),
          answers: '[]',
          department_ids: byId.get(s.id)?.department_ids ?? [],
          handler: byId.get(s.id)?.assignee ?? null,
          added_at: now,
          added_by: p.username,
        })),
    );
    await updatePlan(trx, planId, { status: 'in_progress', updated_at: now });
    await audit(trx, opts.meta ?? null, {
      at: now,
      actor: p.username,
      action: 'inspection.sample.draw',
      outcome: 'success',
      targetType: 'inspection_plan',
      targetId: planId,
      details: { runId, seq, seed, populationSize: population.length, drawn: sample.length },
    });
  });
  return getPlan(ctx, p, planId);
}

/** Repeats a run from its recorded seed, rules and population: true when it gives the same complaints. */
export async function verifyRun(
  ctx: ServiceContext,
  p: Principal,
  runId: string,
): Promise<{ runId: string; seed: number; matches: boolean; drawn: string[] }> {
  requireInspectionRead(p);
  const run = await findRun(ctx.db, runId);
  if (!run) throw new DomainError('inspection_plan_not_found');
  const rules = planRulesSchema.parse(run.rules);
  const drawn = drawPlanSample(run.population as PlanCandidate[], rules, Number(run.seed)).map((s) => s.id);
  const matches = drawn.length === run.drawn_ids.length && drawn.every((id, i) => id === run.drawn_ids[i]);
  return { runId, seed: Number(run.seed), matches, drawn };
}

/** Adds a complaint by hand, with the reason (recorded as a manual addition). */
export async function addSampleItem(
  ctx: ServiceContext,
  p: Principal,
  planId: string,
  input: { complaintId: string; reason: string },
  meta: RequestMeta | null = null,
): Promise<PlanDetail> {
  requirePermission(p, 'inspection.manage');
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await openPlan(trx, planId);
    const c = await findComplaintForSample(trx, input.complaintId);
    if (!c) throw new DomainError('complaint_not_found', {}, 'complaintId');
    if ((await currentItemComplaintIds(trx, planId)).includes(c.id)) throw new DomainError('inspection_already_sampled', {}, 'complaintId');
    await insertItems(trx, [
      {
        id: randomUUID(),
        plan_id: planId,
        complaint_id: c.id,
        source: 'manual',
        manual_reason: input.reason,
        reasons: '[]',
        answers: '[]',
        department_ids: c.department_ids,
        handler: c.assignee,
        added_at: now,
        added_by: p.username,
      },
    ]);
    await audit(trx, meta, {
      at: now,
      actor: p.username,
      action: 'inspection.sample.add',
      outcome: 'success',
      targetType: 'inspection_plan',
      targetId: planId,
      details: { complaintId: c.id, number: c.number, reason: input.reason },
    });
  });
  return getPlan(ctx, p, planId);
}

/** Takes a complaint out of the sample, with the reason (the row stays, marked removed). */
export async function removeSampleItem(
  ctx: ServiceContext,
  p: Principal,
  itemId: string,
  reason: string,
  meta: RequestMeta | null = null,
): Promise<PlanDetail> {
  requirePermission(p, 'inspection.manage');
  const now = ctx.now();
  const planId = await ctx.db.transaction().execute(async (trx) => {
    const item = await findItem(trx, itemId, true);
    if (!item || item.removed_at) throw new DomainError('inspection_item_not_found');
    await openPlan(trx, item.plan_id);
    await removeItem(trx, itemId, { at: now, by: p.username, reason });
    await audit(trx, meta, {
      at: now,
      actor: p.username,
      action: 'inspection.sample.remove',
      outcome: 'success',
      targetType: 'inspection_plan',
      targetId: item.plan_id,
      details: { itemId, complaintId: item.complaint_id, reason },
    });
    return item.plan_id;
  });
  return getPlan(ctx, p, planId);
}

export interface ChecklistAnswerInput {
  code: string;
  result: ChecklistResult;
  comment?: string;
}

/** Scores a sampled complaint against the plan's checklist version (scoreChecklist). */
export async function scoreSampleItem(
  ctx: ServiceContext,
  p: Principal,
  itemId: string,
  answers: ChecklistAnswerInput[],
): Promise<ItemView> {
  requirePermission(p, 'inspection.manage');
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const item = await findItem(trx, itemId, true);
    if (!item || item.removed_at) throw new DomainError('inspection_item_not_found');
    const plan = await openPlan(trx, item.plan_id);
    const version = await findChecklistVersion(trx, plan.checklist_id, plan.checklist_version);
    const items = version?.items ?? [];
    const codes = new Set(items.map((i) => i.code));
    for (const a of answers) {
      if (!codes.has(a.code)) throw new DomainError('inspection_unknown_item', { value: a.code }, 'answers');
      if (!(CHECKLIST_RESULTS as readonly string[]).includes(a.result))
        throw new DomainError('inspection_unknown_item', { value: a.result }, 'answers');
    }
    const { score } = scoreChecklist(items, answers);
    await saveItemScore(trx, itemId, { answers, score, at: now, by: p.username });
  });
  const item = await findItem(ctx.db, itemId);
  const rows = await listItems(ctx.db, item!.plan_id);
  return itemView(rows.find((r) => r.id === itemId)!);
}

/** Completes the plan with a summary: no more draws, scores or sample changes. */
export async function completePlan(ctx: ServiceContext, p: Principal, planId: string, summary: string): Promise<PlanDetail> {
  requirePermission(p, 'inspection.manage');
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await openPlan(trx, planId);
    await updatePlan(trx, planId, { status: 'completed', summary, completed_at: now, completed_by: p.username, updated_at: now });
  });
  return getPlan(ctx, p, planId);
}

export type { PlanRule };
