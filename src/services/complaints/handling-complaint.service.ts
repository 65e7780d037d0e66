/**
 * Complaints about complaint handling (R-E5, policy §5.2, #14 item 2). From any channel (staff
 * intake, the portal, e-mail) a customer may complain about how complaint TS… was handled: the new
 * complaint is linked to the original both ways (`complaint_links` kind `about_handling`, an event
 * on both chains), sits in the supervision department (policy handling.supervisionDepartmentCode,
 * else the first supervision unit), runs on its own level and clocks, and is never handled by who
 * handled the original (409 `handler_of_original`). Its findings may reopen the original
 * (record_findings `reopenOriginal`), recorded on both chains.
 */
import { z } from 'zod';
import { can } from '../../domain/access/permissions.js';
import { createRectificationRequest } from '../supervision/rectification.service.js';
import { contactKeys } from '../../domain/complaint/contact.js';
import type { IntakeInput } from '../../domain/complaint/intake.js';
import { DomainError } from '../../domain/errors.js';
import type { Policy } from '../../domain/policy/policy.schema.js';
import { ValidationError } from '../../domain/validation.js';
import { handledOriginal, originalHandlers } from '../../domain/workflow/handling-complaint.js';
import type { Database } from '../../db/database.js';
import {
  findComplaint,
  insertLinks,
  lockComplaintsInIdOrder,
  updateComplaint,
  type ComplaintRecord,
} from '../../db/repositories/complaint.repository.js';
import type { Principal } from '../../domain/access/permissions.js';
import { OPEN_STATUSES } from '../../domain/workflow/workflow.types.js';
import { currentPolicy } from '../administration/policy.service.js';
import type { ServiceContext } from '../context.js';
import { complaintInScope } from './complaint-access.js';
import { appendEvents } from '../../db/repositories/event.repository.js';
import { ABOUT_HANDLING, originalsOf, pastHandlersOf } from '../../db/repositories/handling-link.repository.js';
import { findOrgUnit, listOrgUnits, type OrgUnitRow } from '../../db/repositories/org.repository.js';
import { notify } from '../workflow/notify.service.js';
import { reopened } from '../workflow/review.service.js';
import { handler, type HandlerContext } from '../workflow/workflow-handler.js';
import { performActionIn } from '../workflow/workflow.service.js';

/** The original complaint a new one is about, and the supervision unit it goes to. */
export interface AboutComplaint {
  id: string;
  number: string;
  supervisionUnitId: string;
}

/** The supervision unit complaints about handling go to: the policy's, else the first active one by code. */
export async function supervisionUnit(db: Database, policy: Pick<Policy, 'handling'>): Promise<OrgUnitRow> {
  const code = policy.handling.supervisionDepartmentCode;
  const unit = code ? await findOrgUnit(db, code) : (await listOrgUnits(db, { kind: 'supervision' }))[0];
  if (!unit || unit.kind !== 'supervision' || !unit.active) {
    throw new ValidationError([{ field: 'aboutComplaint', code: 'unknown_org_unit', params: { value: code ?? 'supervision' } }]);
  }
  return unit;
}

/**
 * The complaint named in `aboutComplaint`, checked: it exists, and (portal, e-mail: the customer
 * speaks for themself) it is one of the complainant's own, by a shared contact.
 */
export async function resolveAboutComplaint(
  db: Database,
  input: IntakeInput,
  policy: Pick<Policy, 'handling'>,
  opts: { sameComplainant: boolean },
): Promise<AboutComplaint | null> {
  const ref = input.aboutComplaint?.trim();
  if (!ref) return null;
  const original = await findComplaint(db, ref);
  if (!original) throw new ValidationError([{ field: 'aboutComplaint', code: 'about_complaint_unknown', params: { value: ref } }]);
  if (opts.sameComplainant) {
    const keys = new Set(contactKeys(input.complainant));
    if (!original.contact_keys.some((k) => keys.has(k))) {
      throw new ValidationError([{ field: 'aboutComplaint', code: 'about_complaint_other_complainant', params: { value: ref } }]);
    }
  }
  const unit = await supervisionUnit(db, policy);
  return { id: original.id, number: original.number, supervisionUnitId: unit.id };
}

/** Links a complaint about handling to its original (both chains) and tells the supervision department. */
export async function linkHandlingComplaint(
  trx: Database,
  handling: { id: string; number: string; departmentIds: readonly string[]; branchId: string | null },
  about: Pick<AboutComplaint, 'id' | 'number'>,
  by: string,
  now: Date,
): Promise<void> {
  await insertLinks(trx, [{ complaintId: handling.id, relatedId: about.id, kind: ABOUT_HANDLING, details: { by } }], now);
  const payload = { handling: { id: handling.id, number: handling.number }, original: { id: about.id, number: about.number }, by };
  await appendEvents(trx, handling.id, [{ type: 'handling_complaint_linked', actor: by, occurredAt: now, payload }]);
  // the original's row lock before its chain grows (event.repository's rule)
  await findComplaint(trx, about.id, true);
  await appendEvents(trx, about.id, [{ type: 'handling_complaint_linked', actor: by, occurredAt: now, payload }]);
  await notify(
    trx,
    {
      id: handling.id,
      number: handling.number,
      departmentIds: [...handling.departmentIds],
      branchId: handling.branchId,
      assignee: null,
      tracker: null,
    },
    ['supervision'],
    {
      kind: 'handling_complaint',
      sourceKey: `handling:${handling.id}`,
      message: { template: 'complaint.handling_complaint', params: { number: handling.number, original: about.number } },
    },
    now,
  );
}

/** Refuses (409) an assignee or tracker of a complaint about handling who handled its original (R-E5). */
export async function assertNotOriginalHandler(db: Database, c: ComplaintRecord, candidates: ReadonlyArray<string | null | undefined>) {
  for (const original of await originalsOf(db, c.id)) {
    const handlers = originalHandlers(original, await pastHandlersOf(db, original.id));
    const who = handledOriginal(candidates, handlers);
    if (who) throw new DomainError('handler_of_original', { username: who, number: original.number }, 'assignee');
  }
}

/** A rectification request a complaint about handling raises (R-E5 with R-E4): to a department or a person. */
export interface HandlingRectification {
  departmentId?: string | null;
  addressee?: string | null;
  text: string;
  workingDays?: number;
}

/**
 * The findings of a complaint about handling raise a rectification request about the original
 * complaint (supervision/rectification.service.ts, on its own clock), by an inspector
 * (`inspection.manage`); addressed to the person or department given, else to the original's
 * first department.
 */
export async function raiseRectification(h: HandlerContext, r: HandlingRectification): Promise<string> {
  if (!can(h.p, 'inspection.manage')) throw new DomainError('forbidden', { action: 'inspection.manage' });
  const [original] = await originalsOf(h.trx, h.complaint.id);
  if (!original) throw new ValidationError([{ field: 'rectification', code: 'not_about_handling' }]);
  const row = await findComplaint(h.trx, original.id);
  const departmentId = r.departmentId ?? (r.addressee ? null : (row?.department_ids[0] ?? null));
  const env = { policy: h.policy, policyVersion: h.policyVersion, calendar: h.calendar, timeZone: h.ctx.timeZone };
  return createRectificationRequest(
    h.trx,
    env,
    { complaintId: original.id, departmentId, addressee: r.addressee ?? null, text: r.text, workingDays: r.workingDays },
    h.p.username,
    h.now,
  );
}

/** The reopen a complaint about handling causes on its original: the reopen step, naming the complaint. */
const reopenFromHandling = handler({
  action: 'reopen',
  body: z.strictObject({ reason: z.string(), handlingComplaint: z.strictObject({ id: z.string(), number: z.string() }) }),
  apply: async (h, b, d) => reopened(h, d, b.reason, b.handlingComplaint),
});

/**
 * The findings of a complaint about handling reopen its original (R-E5): the original's reopen step
 * (a new round, its clocks; from the formal-review round its reviewer) in the same transaction,
 * by the same person, who needs the reopen permission; refused as the step itself would be.
 */
export async function reopenOriginal(h: HandlerContext, findings: string): Promise<{ id: string; number: string; round: number }> {
  const [original] = await originalsOf(h.trx, h.complaint.id);
  if (!original) throw new ValidationError([{ field: 'reopenOriginal', code: 'not_about_handling' }]);
  const { complaint: _c, recordId: _r, ...env } = h;
  const reason = `投诉处理投诉 ${h.complaint.number} 调查结论 / findings of complaint ${h.complaint.number}: ${findings}`.slice(0, 2000);
  // the supervision department's finding reopens a complaint outside it: the inspector's handling limit does not apply
  await performActionIn(
    env,
    original.id,
    reopenFromHandling,
    { reason, handlingComplaint: { id: h.complaint.id, number: h.complaint.number } },
    false,
  );
  const after = await findComplaint(h.trx, original.id);
  return { id: original.id, number: original.number, round: after?.round ?? 0 };
}

/**
 * Staff set the link afterwards (R-E5): a complaint registered without `aboutComplaint` (an e-mail
 * the rule did not recognise, a call) becomes a complaint about the handling of `ref`: linked both
 * ways, put in the supervision department (before the departments it had, which keep seeing it), and whoever of its assignee and tracker handled the
 * original is taken off it (the supervision department assigns someone else). One transaction.
 */
export async function linkAsHandlingComplaint(ctx: ServiceContext, p: Principal, idOrNumber: string, ref: string): Promise<string> {
  const now = ctx.now();
  const { policy } = await currentPolicy(ctx.db);
  return ctx.db.transaction().execute(async (trx) => {
    await lockComplaintsInIdOrder(trx, [idOrNumber, ref]);
    const c = await complaintInScope(trx, p, idOrNumber, true);
    if (!(OPEN_STATUSES as readonly string[]).includes(c.status)) {
      throw new DomainError('invalid_transition', { action: 'link_handling', status: c.status, reason: 'status' });
    }
    const original = await findComplaint(trx, ref);
    if (!original || original.id === c.id) {
      throw new ValidationError([{ field: 'aboutComplaint', code: 'about_complaint_unknown', params: { value: ref } }]);
    }
    if ((await originalsOf(trx, c.id)).length > 0) throw new DomainError('conflict', {}, 'aboutComplaint');
    const unit = await supervisionUnit(trx, policy);
    const handlers = originalHandlers(original, await pastHandlersOf(trx, original.id));
    const keep = (u: string | null) => (u !== null && handlers.includes(u) ? null : u);
    // the supervision department first; the departments it had stay, so whoever saw it still does (the assignment rule protects the handling)
    const departmentIds = [unit.id, ...c.department_ids.filter((d) => d !== unit.id)];
    await updateComplaint(trx, c.id, {
      department_ids: departmentIds,
      assignee: keep(c.assignee),
      tracker: keep(c.tracker),
      updated_at: now,
    });
    await linkHandlingComplaint(
      trx,
      { id: c.id, number: c.number, departmentIds, branchId: c.branch_id },
      { id: original.id, number: original.number },
      p.username,
      now,
    );
    return c.id;
  });
}
