import { inScope, type Principal } from '../../domain/access/permissions.js';
import { planRegistrationClocks } from '../../domain/clocks/clock-plan.js';
import { intakeIssues, type IntakeInput } from '../../domain/complaint/intake.js';
import { assertNoIssues } from '../../domain/validation.js';
import { listComplaintSummaries } from '../../db/repositories/complaint.repository.js';
import { loadWorkingCalendar } from '../administration/calendar.service.js';
import { assessIntake, clockPayload } from './complaint-intake.service.js';
import type { ServiceContext } from '../context.js';
import { currentPolicy } from '../administration/policy.service.js';

/**
 * What saving this complaint would do, without saving it (R-B7, R-C1): the proposed level with every
 * rule that fired, the clocks that would start, and the complainant's earlier complaints in the same
 * category. Duplicates outside the registrant's scope are counted, never named (R-H1). The intake
 * form calls this as the agent types; registration reaches the same answer through assessIntake.
 */
export async function previewComplaint(ctx: ServiceContext, p: Principal, input: IntakeInput) {
  const now = ctx.now();
  const { version, policy } = await currentPolicy(ctx.db);
  assertNoIssues(intakeIssues(input, policy, now));
  const receivedAt = input.receivedAt ?? now;
  const [{ duplicates, grading }, calendar] = await Promise.all([
    assessIntake(ctx.db, input, policy, receivedAt),
    loadWorkingCalendar(ctx.db),
  ]);
  const clocks = planRegistrationClocks(
    { receivedAt, channel: input.channel, urgent: input.urgent, level: grading.level },
    { policy, calendar, timeZone: ctx.timeZone },
  );
  const rows =
    duplicates.length === 0
      ? []
      : await listComplaintSummaries(
          ctx.db,
          duplicates.map((d) => d.id),
        );
  const visible = rows.filter((r) => inScope(p, { branchId: r.branch_id, departmentIds: r.department_ids, createdBy: r.created_by }));
  return {
    policyVersion: version,
    level: grading.level,
    major: grading.major,
    reasons: grading.reasons,
    clocks: clocks.map(clockPayload),
    duplicates: visible.map((r) => ({
      id: r.id,
      number: r.number,
      status: r.status,
      level: r.level,
      category: r.category,
      receivedAt: r.received_at,
    })),
    hiddenDuplicates: rows.length - visible.length,
  };
}
