/**
 * Findings of an inspection (#14 item 1, R-E4): on a sampled complaint or on the inspection as a
 * whole, addressed to a department and optionally a person, with a severity and a text; the
 * inspected see theirs ("my findings") and answer them.
 */
import { randomUUID } from 'node:crypto';
import type { Principal } from '../../domain/access/permissions.js';
import { DomainError } from '../../domain/errors.js';
import { isAddressedTo } from '../../domain/supervision/rectification.js';
import {
  answerFinding as answerRow,
  findFinding,
  insertFinding,
  listFindings,
} from '../../db/repositories/inspection-rectification.repository.js';
import { findItem, findPlan } from '../../db/repositories/inspection.repository.js';
import { findOrgUnitsByIds } from '../../db/repositories/org.repository.js';
import { existingUsernames } from '../../db/repositories/user.repository.js';
import type { ServiceContext } from '../context.js';
import { requirePermission } from './inspection-access.js';
import { findingView, type FindingView } from './inspection-views.js';

export interface FindingInput {
  planId?: string | null;
  /** the sampled complaint it is about; none: the inspection as a whole */
  itemId?: string | null;
  departmentId?: string | null;
  person?: string | null;
  severity: 'minor' | 'major' | 'critical';
  text: string;
}

export async function recordFinding(ctx: ServiceContext, p: Principal, input: FindingInput): Promise<FindingView> {
  requirePermission(p, 'inspection.manage');
  const departmentId = input.departmentId ?? null;
  const person = input.person ?? null;
  if (!departmentId && !person) throw new DomainError('inspection_addressee_required', {}, 'departmentId');
  const id = randomUUID();
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    let planId = input.planId ?? null;
    let complaintId: string | null = null;
    if (input.itemId) {
      const item = await findItem(trx, input.itemId);
      if (!item || item.removed_at) throw new DomainError('inspection_item_not_found', {}, 'itemId');
      planId = item.plan_id;
      complaintId = item.complaint_id;
    }
    if (planId) {
      const plan = await findPlan(trx, planId, true);
      if (!plan) throw new DomainError('inspection_plan_not_found', {}, 'planId');
      if (plan.status === 'completed') throw new DomainError('inspection_plan_completed');
    }
    if (departmentId && (await findOrgUnitsByIds(trx, [departmentId])).length === 0)
      throw new DomainError('unknown_org_unit', { value: departmentId }, 'departmentId');
    if (person && (await existingUsernames(trx, [person])).length === 0) throw new DomainError('unknown_user', { value: person }, 'person');
    await insertFinding(trx, {
      id,
      plan_id: planId,
      item_id: input.itemId ?? null,
      complaint_id: complaintId,
      department_id: departmentId,
      person,
      severity: input.severity,
      text: input.text,
      created_at: now,
      created_by: p.username,
    });
  });
  return findingView((await findFinding(ctx.db, id))!);
}

/** The findings addressed to me or my departments. */
export async function listMyFindings(ctx: ServiceContext, p: Principal): Promise<FindingView[]> {
  requirePermission(p, 'inspection.respond');
  return (await listFindings(ctx.db, { addressedTo: { username: p.username, departmentIds: p.departmentIds } })).map(findingView);
}

/** The inspected's answer to a finding (the person or a member of the department). */
export async function answerFinding(ctx: ServiceContext, p: Principal, id: string, answer: string): Promise<FindingView> {
  requirePermission(p, 'inspection.respond');
  const now = ctx.now();
  const f = await findFinding(ctx.db, id);
  if (!f) throw new DomainError('inspection_finding_not_found');
  if (!isAddressedTo({ departmentId: f.department_id, addressee: f.person }, { username: p.username, unitIds: p.departmentIds }))
    throw new DomainError('rectification_not_addressed');
  await answerRow(ctx.db, id, { answer, at: now, by: p.username });
  return findingView((await findFinding(ctx.db, id))!);
}
