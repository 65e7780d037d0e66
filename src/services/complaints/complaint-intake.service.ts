import { createHash, randomUUID } from 'node:crypto';
import { planRegistrationClocks, type PlannedClock } from '../../domain/clocks/clock-plan.js';
import { formatComplaintNumber } from '../../domain/complaint/complaint-number.js';
import { contactKeys } from '../../domain/complaint/contact.js';
import { intakeIssues, searchText, type IntakeInput } from '../../domain/complaint/intake.js';
import { canonicalJson } from '../../domain/events/hash-chain.js';
import { DomainError } from '../../domain/errors.js';
import { proposeLevel, type GradingProposal } from '../../domain/grading/grading.js';
import type { Policy } from '../../domain/policy/policy.schema.js';
import { DAY_MS, localDate } from '../../domain/time/zoned.js';
import { assertNoIssues } from '../../domain/validation.js';
import type { Database } from '../../db/database.js';
import { insertClocks } from '../../db/repositories/clock.repository.js';
import {
  countSameMatter,
  findComplaint,
  findPossibleDuplicates,
  insertComplaint,
  insertLinks,
  nextComplaintSequence,
} from '../../db/repositories/complaint.repository.js';
import { appendEvents, type NewEvent } from '../../db/repositories/event.repository.js';
import { claimIdempotencyKey, storeIdempotentResponse } from '../../db/repositories/idempotency.repository.js';
import { enqueueOutbox } from '../../db/repositories/outbox.repository.js';
import { loadWorkingCalendar } from '../administration/calendar.service.js';
import { resolvePlacement, type Registrant } from './complaint-placement.js';
import { linkHandlingComplaint, resolveAboutComplaint } from './handling-complaint.service.js';
import { protectedPersonalData } from './personal-data.service.js';
import { notify } from '../workflow/notify.service.js';
import type { StagedEvidenceFile } from '../workflow/handlers/evidence.handlers.js';
import { storeAttachments } from './attachment-store.js';
import type { Actor, ServiceContext } from '../context.js';
import { currentPolicy } from '../administration/policy.service.js';
import { openSpikeSignals } from '../reports/spike.service.js';
import { majorIntakeColumns, markMajorAtIntake } from '../workflow/major-intake.js';

export interface RegisterResult {
  complaintId: string;
  replayed: boolean;
}

/** How a complaint that did not come from a staff form is registered (#12). */
export interface RegisterOptions {
  /** files received with it (R-B4), staged on disk with their sha256; stored in the same transaction */
  files?: readonly StagedEvidenceFile[];
  /** where the files came from, for the record (`portal`, `email`, `counter`…) */
  attachmentSource?: string;
  /**
   * nobody typed it in (portal, app, e-mail): it has no handler or tracker yet, and the responsible
   * department's supervisors are told so they assign one
   */
  unassigned?: boolean;
  /** the customer speaks for themself (portal, e-mail): a complaint about handling names one of their own complaints (R-E5) */
  aboutOwnComplaint?: boolean;
}

const IDEMPOTENCY_SCOPE = 'complaints.register';

/**
 * Registers a complaint (R-B1..B7, R-C1, R-C2): validate, grade, number, plan the clocks, link
 * possible duplicates, and write the row, its events and the outbox in one transaction.
 */
export async function registerComplaint(
  ctx: ServiceContext,
  actor: Actor,
  registrant: Registrant,
  input: IntakeInput,
  idempotencyKey?: string,
  options: RegisterOptions = {},
): Promise<RegisterResult> {
  const now = ctx.now();
  const { version: policyVersion, policy } = await currentPolicy(ctx.db);
  assertNoIssues(intakeIssues(input, policy, now));
  const placement = await resolvePlacement(ctx.db, input, registrant, policy.handling.defaultDepartmentCode);
  // a complaint about how another was handled (R-E5) sits in the supervision department, unassigned until it names someone else
  const about = await resolveAboutComplaint(ctx.db, input, policy, { sameComplainant: options.aboutOwnComplaint === true });
  if (about) {
    placement.departmentIds = [about.supervisionUnitId];
    options = { ...options, unassigned: true };
  }
  const calendar = await loadWorkingCalendar(ctx.db);
  const receivedAt = input.receivedAt ?? now;
  const requestHash = createHash('sha256')
    .update(canonicalJson({ actor: actor.id, input }))
    .digest('hex');
  const pii = protectedPersonalData(ctx.security.keyRing, input.complainant);

  return ctx.db.transaction().execute(async (trx) => {
    if (idempotencyKey) {
      // keys are per user: two users' "retry-1" are different requests
      const claim = await claimIdempotencyKey(trx, `${IDEMPOTENCY_SCOPE}:${actor.id}`, idempotencyKey, requestHash);
      if (claim.kind === 'mismatch') throw new DomainError('idempotency_key_reused', {}, 'Idempotency-Key');
      if (claim.kind === 'replay') return { complaintId: (claim.body as { complaintId: string }).complaintId, replayed: true };
    }
    const keys = contactKeys(input.complainant);
    const { duplicates: similar, grading } = await assessIntake(trx, input, policy, receivedAt);
    // a complaint about how another was handled (R-E5) is linked to it as such, not as its duplicate
    const duplicates = similar.filter((d) => d.id !== about?.id);
    const id = randomUUID();
    const registrationDay = localDate(now, ctx.timeZone);
    const number = formatComplaintNumber(policy.complaintNumberPrefix, registrationDay, await nextComplaintSequence(trx, registrationDay));
    const clocks = planRegistrationClocks(
      { receivedAt, channel: input.channel, urgent: input.urgent, level: grading.level },
      { policy, calendar, timeZone: ctx.timeZone },
    );

    await insertComplaint(trx, {
      id,
      number,
      status: 'registered',
      channel: input.channel,
      business_line: input.businessLine,
      category: input.category,
      product: input.product ?? null,
      customer_group: input.customerGroup ?? null,
      description: input.description,
      requested_remedy: input.requestedRemedy ?? null,
      amount: input.amount ?? null,
      received_at: receivedAt,
      registered_at: now,
      urgent: input.urgent,
      risk_flags: input.riskFlags,
      branch: placement.branchName,
      branch_id: placement.branchId,
      department_ids: placement.departmentIds,
      subject_party: input.subjectParty ?? null,
      call_reference: input.callReference ?? null,
      joint_complainants: input.jointComplainants,
      complainant_name: input.complainant.name,
      complainant_phone: input.complainant.phone ?? null,
      complainant_email: input.complainant.email ?? null,
      complainant_address: input.complainant.address ?? null,
      complainant_id_type: input.complainant.idType ?? null,
      ...pii,
      contact_keys: keys,
      proposed_level: grading.level,
      level: grading.level,
      level_confirmed: false,
      grading_reasons: grading.reasons,
      major: grading.major,
      ...majorIntakeColumns(input),
      policy_version: policyVersion,
      search_text: searchText({ ...input, branch: placement.branchName }, number, policy),
      created_by: actor.id,
      updated_at: now,
      regulatory_days: policy.regulatory.decisionDays,
      // R-E1: the person who registered it tracks it and is its first contact, until reassigned;
      // a complaint nobody typed in waits for a supervisor to assign it
      assignee: options.unassigned ? null : actor.id,
      tracker: options.unassigned ? null : actor.id,
    });
    await insertClocks(trx, id, clocks, policyVersion, now);
    await linkDuplicates(trx, id, number, duplicates, actor, now);
    if (about)
      await linkHandlingComplaint(
        trx,
        { id, number, departmentIds: placement.departmentIds, branchId: placement.branchId },
        about,
        actor.id,
        now,
      );
    await appendEvents(trx, id, registrationEvents(actor, now, { number, receivedAt, input, grading, clocks, policyVersion, duplicates }));
    if (options.files && options.files.length > 0) {
      await storeAttachments(trx, {
        complaintId: id,
        files: options.files,
        source: options.attachmentSource ?? input.channel,
        by: actor.id,
        at: now,
      });
    }
    const target = { id, number, departmentIds: placement.departmentIds, branchId: placement.branchId };
    if (options.unassigned && grading.level !== 1) {
      // the level-1 alert below tells the same supervisors
      await notify(
        trx,
        { ...target, assignee: null, tracker: null },
        ['supervisors'],
        {
          kind: 'complaint_arrived',
          sourceKey: `arrived:${id}`,
          message: { template: 'complaint.arrived', params: { number, channel: input.channel } },
        },
        now,
      );
    }
    if (grading.level === 1) {
      // R-C3: the department supervisor is alerted at once; a major complaint also alerts the leadership group
      await notify(
        trx,
        { ...target, assignee: options.unassigned ? null : actor.id, tracker: options.unassigned ? null : actor.id },
        grading.major ? ['supervisors', 'leadership'] : ['supervisors'],
        {
          kind: 'level1_registered',
          sourceKey: `registered:${id}`,
          message: { template: 'complaint.level1_registered', params: { number, by: actor.id } },
          exclude: actor.id,
        },
        now,
      );
    }
    // #14: a major complaint by the rules: its report-to-the-regulator clock, the event, and the leadership group and senior management told at once
    if (grading.major)
      await markMajorAtIntake(trx, { ...target, assignee: null, tracker: null }, input, grading, {
        policyVersion,
        policy,
        calendar,
        timeZone: ctx.timeZone,
        now,
      });
    await enqueueOutbox(
      trx,
      [
        {
          topic: 'complaint.registered',
          payload: { complaintId: id, number, level: grading.level },
          idempotencyKey: `complaint.registered:${id}`,
        },
      ],
      now,
    );
    if (idempotencyKey) await storeIdempotentResponse(trx, `${IDEMPOTENCY_SCOPE}:${actor.id}`, idempotencyKey, 201, { complaintId: id });
    return { complaintId: id, replayed: false };
  });
}

/**
 * What registering would find (R-B7, R-C1): earlier complaints of the same complainant and category
 * within the repeat window, and the proposed level with every rule that fired. Registration and the
 * form's preview call this one function, so the preview shows what saving will do.
 */
export async function assessIntake(db: Database, input: IntakeInput, policy: Policy, receivedAt: Date) {
  const duplicates = await findPossibleDuplicates(db, {
    contactKeys: contactKeys(input.complainant),
    category: input.category,
    since: new Date(receivedAt.getTime() - policy.repeatWindowDays * DAY_MS),
    until: receivedAt,
  });
  const { windowDays, baselineWindows } = policy.massIncident;
  const since = new Date(receivedAt.getTime() - windowDays * DAY_MS);
  const sameMatter = await countSameMatter(db, {
    businessLine: input.businessLine,
    product: input.product ?? null,
    category: input.category,
    since,
    until: receivedAt,
    baselineSince: new Date(since.getTime() - baselineWindows * windowDays * DAY_MS),
  });
  const openSpikes = await openSpikeSignals(db, { product: input.product ?? null, category: input.category });
  const grading = proposeLevel(
    {
      businessLine: input.businessLine,
      amount: input.amount ?? null,
      riskFlags: input.riskFlags,
      urgent: input.urgent,
      text: [input.description, input.requestedRemedy ?? ''].join('\n'),
      jointComplainants: input.jointComplainants,
      sameMatterRecentCount: sameMatter.recent + 1,
      sameMatterBaseline: sameMatter.before / baselineWindows,
      repeatComplaint: duplicates.length > 0,
      regulatorReferral: input.channel === 'regulator_referral',
      disasterRelated: input.majorCause != null,
      regulatorDesignatedMajor: input.regulatorNamed === true,
      openSpikes,
    },
    policy,
  );
  return { duplicates, grading };
}

export function clockPayload(c: PlannedClock) {
  return { kind: c.kind, amount: c.amount, unit: c.unit, startedAt: c.startedAt, dueAt: c.dueAt, calendarConfirmed: c.calendarConfirmed };
}

function registrationEvents(
  actor: Actor,
  now: Date,
  f: {
    number: string;
    receivedAt: Date;
    input: IntakeInput;
    grading: GradingProposal;
    clocks: PlannedClock[];
    policyVersion: number;
    duplicates: Array<{ id: string; number: string }>;
  },
): NewEvent[] {
  const events: NewEvent[] = [
    {
      type: 'received',
      actor: actor.id,
      occurredAt: now,
      payload: {
        number: f.number,
        channel: f.input.channel,
        receivedAt: f.receivedAt,
        businessLine: f.input.businessLine,
        category: f.input.category,
        amount: f.input.amount ?? null,
        urgent: f.input.urgent,
        riskFlags: f.input.riskFlags,
      },
    },
    {
      type: 'grading_proposed',
      actor: 'system',
      occurredAt: now,
      payload: { level: f.grading.level, reasons: f.grading.reasons, major: f.grading.major, policyVersion: f.policyVersion },
    },
    {
      type: 'clocks_planned',
      actor: 'system',
      occurredAt: now,
      payload: { policyVersion: f.policyVersion, clocks: f.clocks.map(clockPayload) },
    },
  ];
  if (f.duplicates.length > 0) {
    events.push({
      type: 'duplicate_suspected',
      actor: 'system',
      occurredAt: now,
      payload: { related: f.duplicates.map((d) => ({ id: d.id, number: d.number })) },
    });
  }
  return events;
}

/** Links both ways and records the suspicion on each earlier complaint too; nothing is merged. */
async function linkDuplicates(
  trx: Database,
  id: string,
  number: string,
  duplicates: Array<{ id: string; number: string }>,
  actor: Actor,
  now: Date,
) {
  if (duplicates.length === 0) return;
  await insertLinks(
    trx,
    duplicates.map((d) => ({
      complaintId: id,
      relatedId: d.id,
      kind: 'possible_duplicate',
      details: { rule: 'same_contact_and_category' },
    })),
    now,
  );
  for (const d of [...duplicates].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    await findComplaint(trx, d.id, true);
    await appendEvents(trx, d.id, [
      { type: 'duplicate_suspected', actor: 'system', occurredAt: now, payload: { related: [{ id, number }], by: actor.id } },
    ]);
  }
}
