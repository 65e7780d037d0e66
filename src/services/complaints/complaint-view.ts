import { allowedComplaintActions, inScope, type Principal } from '../../domain/access/permissions.js';
import { stricterClock } from '../../domain/clocks/clock-plan.js';
import { availableActions } from '../../domain/workflow/available.js';
import { OPEN_STATUSES } from '../../domain/workflow/workflow.types.js';
import { WORKFLOW_HANDLERS } from '../workflow/handlers/index.js';
import { workflowState } from '../workflow/workflow.service.js';
import { currentPolicy } from '../administration/policy.service.js';

const IMPLEMENTED = new Set(WORKFLOW_HANDLERS.map((h) => h.action));
import { listClocks, type ClockRow } from '../../db/repositories/clock.repository.js';
import { listRecords } from '../../db/repositories/record.repository.js';
import type { LedgerRow } from '../../db/repositories/ledger.repository.js';
import { listLinks } from '../../db/repositories/complaint.repository.js';
import { complaintInScope, scopeFacts } from './complaint-access.js';
import type { ServiceContext } from '../context.js';
import { presentComplainant } from './personal-data.service.js';

export interface ClockView {
  kind: string;
  amount: number;
  unit: string;
  startedAt: Date;
  dueAt: Date | null;
  warnAt: Date[];
  status: string;
  metAt: Date | null;
  breachedAt: Date | null;
  calendarConfirmed: boolean;
  overdue: boolean;
  policyVersion: number;
  label: string | null;
  subjectId: string | null;
  round: number;
}

function clockView(c: ClockRow, now: Date): ClockView {
  const open = c.status === 'running' || c.status === 'paused';
  return {
    kind: c.kind,
    amount: c.amount,
    unit: c.unit,
    startedAt: c.startedAt,
    dueAt: c.dueAt,
    warnAt: c.warnAt,
    status: c.status,
    metAt: c.metAt,
    breachedAt: c.breachedAt,
    calendarConfirmed: c.calendarConfirmed,
    overdue: c.status === 'breached' || (open && c.dueAt !== null && c.dueAt.getTime() < now.getTime()),
    policyVersion: c.policyVersion,
    label: c.label,
    subjectId: c.subjectId,
    round: c.round,
  };
}

/** Summary used in the ledger: the fields people scan, plus the next due clock. */
export function complaintSummary(r: LedgerRow, clocks: readonly ClockRow[], now: Date) {
  const views = clocks.filter((c) => c.status !== 'cancelled').map((c) => clockView(c, now));
  const open = views.filter((c) => c.status === 'running' || c.status === 'paused');
  const next = stricterClock(open);
  // the clock that made it overdue (the earliest due of the late ones): the workbench shows its due time, not the next one's
  const late = views.filter((c) => c.overdue && c.dueAt !== null).sort((a, b) => (a.dueAt?.getTime() ?? 0) - (b.dueAt?.getTime() ?? 0))[0];
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    level: r.level,
    proposedLevel: r.proposed_level,
    levelConfirmed: r.level_confirmed,
    major: r.major,
    channel: r.channel,
    businessLine: r.business_line,
    category: r.category,
    product: r.product,
    customerGroup: r.customer_group,
    branch: r.branch,
    branchId: r.branch_id,
    complainantName: r.complainant_name,
    amount: r.amount,
    urgent: r.urgent,
    receivedAt: r.received_at,
    registeredAt: r.registered_at,
    overdue: views.some((c) => c.overdue),
    nextDue: next ? { kind: next.kind, dueAt: next.dueAt, calendarConfirmed: next.calendarConfirmed } : null,
    overdueClock: late ? { kind: late.kind, dueAt: late.dueAt, status: late.status } : null,
  };
}

/**
 * The full complaint as the principal may see it: ledger fields, complainant (masked unless this
 * is a recorded unmask), grading, clocks (both kinds), related complaints, and the actions offered.
 */
export async function complaintDetail(ctx: ServiceContext, p: Principal, idOrNumber: string, opts: { unmasked?: boolean } = {}) {
  const now = ctx.now();
  const r = await complaintInScope(ctx.db, p, idOrNumber);
  // one round of reads: the workflow state takes the clocks and records from here
  const [clocks, allLinks, { policy }, records] = await Promise.all([
    listClocks(ctx.db, [r.id]),
    listLinks(ctx.db, r.id),
    currentPolicy(ctx.db),
    listRecords(ctx.db, r.id),
  ]);
  const state = await workflowState(ctx.db, r, policy, { clocks, records });
  // a related complaint outside the principal's scope is not mentioned
  const links = allLinks.filter((l) => inScope(p, { branchId: l.branch_id, departmentIds: l.department_ids, createdBy: l.created_by }));
  const views = clocks.map((c) => clockView(c, now));
  const active = views.filter((c) => c.status !== 'cancelled');
  const regulatory = active.find((c) => c.kind === 'regulatory') ?? null;
  const policyClocks = active.filter((c) => c.kind !== 'regulatory' && (c.status === 'running' || c.status === 'paused'));
  return {
    ...complaintSummary(r, clocks, now),
    description: r.description,
    requestedRemedy: r.requested_remedy,
    subjectParty: r.subject_party,
    callReference: r.call_reference,
    jointComplainants: r.joint_complainants,
    riskFlags: r.risk_flags,
    complainant: presentComplainant(ctx.security.keyRing, r, opts.unmasked === true),
    departmentIds: r.department_ids,
    round: r.round,
    assignee: r.assignee,
    tracker: r.tracker,
    outcome: r.outcome,
    closedAt: r.closed_at,
    regulatoryDays: r.regulatory_days,
    allowedActions: [
      // a finished complaint is no longer graded
      ...allowedComplaintActions(p, scopeFacts(r)).filter((a) => a !== 'grade' || (OPEN_STATUSES as readonly string[]).includes(r.status)),
      ...availableActions(p, state, IMPLEMENTED),
    ],
    gradingReasons: r.grading_reasons,
    policyVersion: r.policy_version,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    clocks: views,
    deadlines: {
      regulatory,
      policy: stricterClock(policyClocks) ?? null,
      stricter: stricterClock([...policyClocks, ...(regulatory ? [regulatory] : [])])?.kind ?? null,
      calendarConfirmed: active.filter((c) => c.status === 'running' || c.status === 'paused').every((c) => c.calendarConfirmed),
    },
    // the formal review from round three (#14 item 3): who reviews it; how it was closed
    review: state.review,
    closedAs: r.closed_as,
    related: links.map((l) => ({
      id: l.id,
      number: l.number,
      // a complaint about handling (R-E5): 'about_handling' on it, 'handling_complaint' on the original it is about
      kind: l.kind === 'about_handling' && l.from_id !== r.id ? 'handling_complaint' : l.kind,
      status: l.status,
      category: l.category,
      receivedAt: l.received_at,
      details: l.details,
      linkedAt: l.created_at,
    })),
  };
}

export type ComplaintDetail = Awaited<ReturnType<typeof complaintDetail>>;
