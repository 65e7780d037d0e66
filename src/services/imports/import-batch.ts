/**
 * One batch of an import (#13 item 7, R-H7), written in one transaction: the complaints not yet
 * imported (same source and id), numbered like any complaint (prefix + today + sequence), each with
 * its `complaint_imported` event, grading, its analysis record (the source's reasons as causes), and
 * then by its state at the source:
 * - closed: status closed (withdrawn when the source says so) with its received and closed dates and
 *   outcome, a closing record, and no clocks (it was handled elsewhere; no timeliness is invented);
 * - open: status registered, unassigned (it waits in the supervisors' 待分派 list), graded by the
 *   rules and its clocks planned from the receipt exactly as at registration.
 * Dates of the source are local dates; they become noon of that day in the company time zone (never
 * later than now), so local dates and months come out as the source has them.
 */
import { randomUUID } from 'node:crypto';
import { planRegistrationClocks } from '../../domain/clocks/clock-plan.js';
import { formatComplaintNumber } from '../../domain/complaint/complaint-number.js';
import { searchText } from '../../domain/complaint/intake.js';
import type { ComplaintEvent } from '../../domain/events/event-types.js';
import { proposeLevel } from '../../domain/grading/grading.js';
import type { ImportedComplaint } from '../../domain/imports/import-row.js';
import type { Policy } from '../../domain/policy/policy.schema.js';
import type { WorkingCalendar } from '../../domain/calendar/calendar.js';
import { zonedTimeToUtc } from '../../domain/time/zoned.js';
import type { Database } from '../../db/database.js';
import { insertClocks } from '../../db/repositories/clock.repository.js';
import type { NewComplaintRecord } from '../../db/repositories/complaint.repository.js';
import {
  existingImportIds,
  insertComplaints,
  insertImportedRecords,
  insertNewChains,
  lockImportSource,
  refreshComplaintFacts,
  reserveComplaintSequences,
  type NewChain,
  type NewImportedRecord,
} from '../../db/repositories/import.repository.js';
import { clockPayload } from '../complaints/complaint-intake.service.js';
import type { Actor } from '../context.js';

export interface BatchEnvironment {
  source: string;
  sourceLabel: string;
  runId: string | null;
  actor: Actor;
  now: Date;
  /** local date of the import: the complaint numbers' day */
  today: string;
  timeZone: string;
  policy: Policy;
  policyVersion: number;
  calendar: WorkingCalendar;
  departmentIds: string[];
}

export interface BatchResult {
  imported: number;
  skipped: number;
  closed: number;
  open: number;
  complaintIds: string[];
}

/** Noon of a local date in the company's zone, never after now. */
function instantOf(date: string, env: BatchEnvironment): Date {
  const t = zonedTimeToUtc(date, '12:00', env.timeZone);
  return t.getTime() > env.now.getTime() ? env.now : t;
}

/** Writes the batch's new complaints; the caller holds the transaction. */
export async function writeImportBatch(trx: Database, env: BatchEnvironment, batch: readonly ImportedComplaint[]): Promise<BatchResult> {
  await lockImportSource(trx, env.source);
  const existing = await existingImportIds(
    trx,
    env.source,
    batch.map((c) => c.sourceId),
  );
  const fresh = batch.filter((c) => !existing.has(c.sourceId));
  const result: BatchResult = { imported: fresh.length, skipped: batch.length - fresh.length, closed: 0, open: 0, complaintIds: [] };
  if (fresh.length === 0) return result;

  const sequences = await reserveComplaintSequences(trx, env.today, fresh.length);
  const rows: NewComplaintRecord[] = [];
  const chains: NewChain[] = [];
  const records: NewImportedRecord[] = [];
  const openOnes: Array<{ id: string; clocks: ReturnType<typeof planRegistrationClocks> }> = [];

  fresh.forEach((c, i) => {
    const id = randomUUID();
    const number = formatComplaintNumber(env.policy.complaintNumberPrefix, env.today, sequences[i]!);
    const receivedAt = instantOf(c.receivedOn, env);
    const closedAt = c.closedOn === null ? null : instantOf(c.closedOn, env);
    const grading = proposeLevel(
      {
        businessLine: c.businessLine,
        amount: null,
        riskFlags: [],
        urgent: false,
        text: c.description,
        jointComplainants: 1,
        sameMatterRecentCount: 1,
        repeatComplaint: false,
        regulatorReferral: c.channel === 'regulator_referral',
      },
      env.policy,
    );
    const status = closedAt === null ? 'registered' : c.outcome === 'withdrawn' ? 'withdrawn' : 'closed';
    if (closedAt === null) result.open += 1;
    else result.closed += 1;
    result.complaintIds.push(id);
    rows.push({
      id,
      number,
      status,
      channel: c.channel,
      business_line: c.businessLine,
      category: c.category,
      product: c.product,
      description: c.description,
      requested_remedy: null,
      amount: null,
      received_at: receivedAt,
      registered_at: env.now,
      urgent: false,
      risk_flags: [],
      branch: null,
      branch_id: null,
      department_ids: env.departmentIds,
      subject_party: c.subjectParty,
      call_reference: null,
      joint_complainants: 1,
      complainant_name: c.complainantName,
      complainant_phone: null,
      complainant_email: null,
      complainant_address: c.complainantAddress,
      complainant_id_type: null,
      complainant_id_number: null,
      complainant_account: null,
      complainant_id_number_hash: null,
      complainant_account_hash: null,
      contact_keys: [],
      proposed_level: grading.level,
      level: grading.level,
      // history: the level of a complaint closed elsewhere is not reviewed again
      level_confirmed: closedAt !== null,
      grading_reasons: grading.reasons,
      major: grading.major,
      policy_version: env.policyVersion,
      search_text: searchText(
        {
          channel: c.channel,
          businessLine: c.businessLine,
          category: c.category,
          product: c.product,
          description: c.description,
          subjectParty: c.subjectParty,
          urgent: false,
          riskFlags: [],
          jointComplainants: 1,
          complainant: { name: c.complainantName, address: c.complainantAddress },
        },
        number,
        env.policy,
      ),
      created_by: env.actor.id,
      updated_at: env.now,
      regulatory_days: env.policy.regulatory.decisionDays,
      assignee: null,
      tracker: null,
      outcome: closedAt === null ? null : c.outcome,
      closed_at: closedAt,
      customer_group: c.customerGroup,
      import_source: env.source,
      import_id: c.sourceId,
    });

    const events: Array<ComplaintEvent & { actor: string; occurredAt: Date }> = [
      {
        type: 'complaint_imported',
        actor: env.actor.id,
        occurredAt: env.now,
        payload: {
          source: env.source,
          sourceId: c.sourceId,
          runId: env.runId,
          number,
          channel: c.channel,
          businessLine: c.businessLine,
          category: c.category,
          product: c.product,
          receivedAt,
          closedAt,
          outcome: closedAt === null ? null : c.outcome,
          causes: c.causes,
        },
      },
      {
        type: 'grading_proposed',
        actor: 'system',
        occurredAt: env.now,
        payload: { level: grading.level, reasons: grading.reasons, major: grading.major, policyVersion: env.policyVersion },
      },
    ];
    if (closedAt === null) {
      const clocks = planRegistrationClocks(
        { receivedAt, channel: c.channel, urgent: false, level: grading.level },
        { policy: env.policy, calendar: env.calendar, timeZone: env.timeZone },
      );
      openOnes.push({ id, clocks });
      events.push({
        type: 'clocks_planned',
        actor: 'system',
        occurredAt: env.now,
        payload: { policyVersion: env.policyVersion, clocks: clocks.map(clockPayload) },
      });
    }
    chains.push({ complaintId: id, events });

    if (c.causes.length > 0) {
      records.push({
        id: randomUUID(),
        complaintId: id,
        kind: 'analysis',
        data: { causes: c.causes, strategy: null, source: env.source },
        at: env.now,
        by: env.actor.id,
      });
    }
    if (closedAt !== null && status === 'closed') {
      records.push({
        id: randomUUID(),
        complaintId: id,
        kind: 'closing',
        data: { outcome: c.outcome, summary: `${env.sourceLabel} ${c.sourceId} · ${c.closedOn}`, source: env.source },
        at: env.now,
        by: env.actor.id,
      });
    }
  });

  await insertComplaints(trx, rows);
  await insertImportedRecords(trx, records);
  for (const o of openOnes) await insertClocks(trx, o.id, o.clocks, env.policyVersion, env.now);
  await insertNewChains(trx, chains);
  await refreshComplaintFacts(trx, result.complaintIds);
  return result;
}
