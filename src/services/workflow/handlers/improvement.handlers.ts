/**
 * Creating an improvement action (R-D3): a corrective action with an owner, a responsible
 * department, the root causes it addresses and a deadline clock (default: the policy's
 * improvement_action duration from now). The action then lives on its own
 * (services/workflow/improvement.service.ts); the complaint's record links it.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ValidationError, type FieldIssue } from '../../../domain/validation.js';
import { insertImprovementAction } from '../../../db/repositories/improvement.repository.js';
import { findOrgUnitsByIds } from '../../../db/repositories/org.repository.js';
import { activeUsersByUsername } from '../../../db/repositories/user.repository.js';
import { checkDueAt, improvementActionClock } from '../improvement.service.js';
import { notify } from '../notify.service.js';
import { handler, type HandlerContext } from '../workflow-handler.js';

const body = z.strictObject({
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(10_000).nullish(),
  owner: z.string().trim().toLowerCase().min(2).max(64).describe('username of the person responsible'),
  departmentId: z.uuid().nullish().describe('the responsible department'),
  causeCodes: z.array(z.string().trim().min(1).max(64)).min(1).max(20).describe('root causes it addresses (taxonomy: causes)'),
  dueAt: z.iso
    .datetime({ offset: true, message: 'invalid_datetime' })
    .nullish()
    .describe("default: the policy's improvement_action duration from now"),
});

/** Owner active, department an active department, causes active codes of the policy's taxonomy. */
async function check(h: HandlerContext, b: z.infer<typeof body>): Promise<void> {
  const issues: FieldIssue[] = [];
  if ((await activeUsersByUsername(h.trx, [b.owner])).length === 0)
    issues.push({ field: 'owner', code: 'unknown_user', params: { value: b.owner } });
  if (b.departmentId) {
    const [unit] = await findOrgUnitsByIds(h.trx, [b.departmentId]);
    if (!unit || !unit.active || unit.kind !== 'department')
      issues.push({ field: 'departmentId', code: 'unknown_org_unit', params: { value: b.departmentId } });
  }
  const causes = new Set(h.policy.taxonomies.causes.filter((c) => c.active).map((c) => c.code));
  b.causeCodes.forEach((code, i) => {
    if (!causes.has(code)) issues.push({ field: `causeCodes.${i}`, code: 'unknown_code', params: { taxonomy: 'cause', value: code } });
  });
  if (issues.length > 0) throw new ValidationError(issues);
}

export const createImprovementAction = handler({
  action: 'create_improvement_action',
  body,
  apply: async (h, b) => {
    await check(h, b);
    const dueAt = checkDueAt(b.dueAt, h.now);
    const clock = improvementActionClock(h.now, { policy: h.policy, calendar: h.calendar, timeZone: h.ctx.timeZone }, dueAt);
    if (!clock.dueAt) throw new Error('an improvement action clock always has a due time');
    const id = randomUUID();
    const causeCodes = [...new Set(b.causeCodes)];
    await insertImprovementAction(h.trx, {
      id,
      complaint_id: h.complaint.id,
      title: b.title,
      description: b.description ?? '',
      owner: b.owner,
      department_id: b.departmentId ?? null,
      cause_codes: causeCodes,
      status: 'open',
      due_at: clock.dueAt,
      created_at: h.now,
      created_by: h.p.username,
      updated_at: h.now,
    });
    // the owner is told with the table's recipients (same fact: nobody is told twice)
    const c = h.complaint;
    const target = { id: c.id, number: c.number, departmentIds: c.department_ids, branchId: c.branch_id, assignee: b.owner, tracker: null };
    await notify(
      h.trx,
      target,
      ['assignee'],
      {
        kind: 'create_improvement_action',
        sourceKey: `action:${h.recordId}`,
        message: {
          template: 'complaint.action',
          params: { number: c.number, action: 'create_improvement_action', by: h.p.username, improvementActionId: id },
        },
        exclude: h.p.username,
      },
      h.now,
    );
    const facts = {
      improvementActionId: id,
      title: b.title,
      owner: b.owner,
      departmentId: b.departmentId ?? null,
      causeCodes,
      dueAt: clock.dueAt.toISOString(),
    };
    return {
      record: { kind: 'improvement_action', data: { ...facts, description: b.description ?? '' } },
      payload: facts,
      clocks: [{ ...clock, subjectId: id, label: b.title, round: c.round }],
    };
  },
});

export const IMPROVEMENT_HANDLERS = [createImprovementAction];
