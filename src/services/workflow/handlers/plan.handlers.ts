/**
 * Leadership meeting and plan (R-C3), analysis (R-D2), settlement (R-D3), report to senior
 * management; the other handlers of this group (evidence, extensions, regulatory extension,
 * pauses, transfer, merge) live in the files imported below.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { computePlanned } from '../../../domain/clocks/clock-plan.js';
import { ValidationError, type FieldIssue } from '../../../domain/validation.js';
import { TRANSITIONS } from '../../../domain/workflow/transitions.js';
import type { NewClock } from '../../../db/repositories/clock.repository.js';
import { notify } from '../notify.service.js';
import { handler, type HandlerContext, type WorkflowHandler } from '../workflow-handler.js';
import { CLOCK_CONTROL_HANDLERS } from './clock-control.handlers.js';
import { EVIDENCE_HANDLERS } from './evidence.handlers.js';
import { EXIT_HANDLERS } from './exit.handlers.js';
import { EXTENSION_HANDLERS } from './extension.handlers.js';
import { checkPeopleAndUnits } from './validate.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const username = z.string().trim().toLowerCase().min(2).max(64);
const isoDateTime = z.iso.datetime({ offset: true, message: 'invalid_datetime' });
const level = z.enum(['low', 'medium', 'high']);

/** A time people report as past (a meeting held, a settlement agreed) must not lie ahead. */
function notInFuture(h: HandlerContext, value: string, field: string, issues: FieldIssue[]): Date {
  const d = new Date(value);
  if (d.getTime() > h.now.getTime()) issues.push({ field, code: 'in_future' });
  return d;
}

const meetingBody = z.strictObject({
  heldAt: isoDateTime.describe('when the leadership group met; not in the future'),
  attendees: z.array(text(100)).min(1).max(50).describe('who attended (names or usernames)'),
  decisions: text(20_000),
  owners: z.array(username).min(1).max(20).describe('usernames responsible for the plan'),
  departmentIds: z.array(z.uuid()).max(20).optional().describe('responsible departments, added to the complaint'),
  milestones: z
    .array(z.strictObject({ title: text(200), owner: username, dueAt: isoDateTime }))
    .min(1)
    .max(30)
    .describe('each milestone gets its own clock with its own due time'),
});

/**
 * A milestone's clock: due at the time the plan sets, counted as elapsed minutes from now so the
 * due time still comes from the deadline function (amount = exact minutes, unit `minutes`). It is
 * not re-planned when the calendar or the policy changes (clock-replan skips milestones).
 */
function milestoneClock(h: HandlerContext, due: Date): NewClock {
  const minutes = (due.getTime() - h.now.getTime()) / 60_000;
  return computePlanned('milestone', minutes, 'minutes', h.now, { policy: h.policy, calendar: h.calendar, timeZone: h.ctx.timeZone });
}

export const recordMeeting = handler({
  action: 'record_meeting',
  body: meetingBody,
  apply: async (h, b) => {
    const issues: FieldIssue[] = [];
    const heldAt = notInFuture(h, b.heldAt, 'heldAt', issues);
    const milestones = b.milestones.map((m, i) => {
      const due = new Date(m.dueAt);
      if (due.getTime() <= heldAt.getTime() || due.getTime() <= h.now.getTime()) issues.push({ field: `milestones.${i}.dueAt`, code: 'due_at_not_in_future' });
      return { id: randomUUID(), title: m.title, owner: m.owner, dueAt: due };
    });
    if (issues.length > 0) throw new ValidationError(issues);
    const people: Record<string, string> = {};
    b.owners.forEach((o, i) => (people[`owners.${i}`] = o));
    b.milestones.forEach((m, i) => (people[`milestones.${i}.owner`] = m.owner));
    await checkPeopleAndUnits(h.trx, people, b.departmentIds ? { field: 'departmentIds', ids: b.departmentIds } : undefined);

    const c = h.complaint;
    const departments = [...new Set([...c.department_ids, ...(b.departmentIds ?? [])])];
    // every owner is told about the plan (same fact as the table's notice: nobody is told twice)
    const rule = TRANSITIONS.record_meeting;
    for (const owner of new Set([...b.owners, ...milestones.map((m) => m.owner)])) {
      const target = { id: c.id, number: c.number, departmentIds: departments, branchId: c.branch_id, assignee: owner, tracker: null };
      await notify(h.trx, target, ['assignee'], { kind: 'record_meeting', sourceKey: `action:${h.recordId}`, title: `${c.number} ${rule.zh}`, body: { action: 'record_meeting', en: `${c.number} ${rule.en}`, by: h.p.username }, exclude: h.p.username }, h.now);
    }
    const plan = milestones.map((m) => ({ id: m.id, title: m.title, owner: m.owner, dueAt: m.dueAt.toISOString() }));
    return {
      record: {
        kind: 'meeting',
        data: { heldAt: heldAt.toISOString(), attendees: b.attendees, decisions: b.decisions, owners: [...new Set(b.owners)], departmentIds: b.departmentIds ?? [], milestones: plan },
      },
      patch: { department_ids: departments, last_progress_at: h.now },
      payload: { heldAt: heldAt.toISOString(), owners: [...new Set(b.owners)], departmentIds: b.departmentIds ?? [], milestones: plan },
      clocks: milestones.map((m) => ({ ...milestoneClock(h, m.dueAt), subjectId: m.id, label: m.title, round: c.round })),
    };
  },
});

export const recordAnalysis = handler({
  action: 'record_analysis',
  body: z.strictObject({
    causes: z.array(z.string().trim().min(1).max(64)).min(1).max(12).describe('root causes: active codes of the cause taxonomy'),
    impact: z.strictObject({ business: level, reputation: level, financial: level, note: z.string().trim().max(5000).nullish() }),
    strategy: text(20_000).describe('the response strategy'),
  }),
  apply: async (h, b) => {
    const active = new Set(h.policy.taxonomies.causes.filter((c) => c.active).map((c) => c.code));
    const issues: FieldIssue[] = [];
    b.causes.forEach((code, i) => {
      if (!active.has(code)) issues.push({ field: `causes.${i}`, code: 'unknown_code', params: { taxonomy: 'cause', value: code } });
    });
    if (issues.length > 0) throw new ValidationError(issues);
    const causes = [...new Set(b.causes)];
    const impact = { business: b.impact.business, reputation: b.impact.reputation, financial: b.impact.financial, note: b.impact.note ?? null };
    return {
      record: { kind: 'analysis', data: { causes, impact, strategy: b.strategy } },
      patch: { last_progress_at: h.now },
      payload: { causes, impact: { business: impact.business, reputation: impact.reputation, financial: impact.financial } },
    };
  },
});

export const recordSettlement = handler({
  action: 'record_settlement',
  body: z.strictObject({
    terms: text(20_000).describe('what was agreed with the customer'),
    agreedAt: isoDateTime.describe('when the customer agreed; not in the future'),
    customerAgreed: z.literal(true, { message: 'customer_agreement_required' }),
  }),
  apply: async (h, b) => {
    const issues: FieldIssue[] = [];
    const agreedAt = notInFuture(h, b.agreedAt, 'agreedAt', issues);
    if (issues.length > 0) throw new ValidationError(issues);
    return {
      record: { kind: 'settlement', data: { terms: b.terms, agreedAt: agreedAt.toISOString(), customerAgreed: true } },
      patch: { last_progress_at: h.now },
      payload: { agreedAt: agreedAt.toISOString() },
    };
  },
});

export const reportToSenior = handler({
  action: 'report_to_senior',
  body: z.strictObject({ content: text(20_000) }),
  apply: async (_h, b) => ({
    record: { kind: 'senior_report', data: { content: b.content } },
    payload: {},
  }),
});

export const PLAN_HANDLERS: WorkflowHandler[] = [
  recordMeeting,
  ...EVIDENCE_HANDLERS,
  ...EXTENSION_HANDLERS,
  recordAnalysis,
  recordSettlement,
  ...CLOCK_CONTROL_HANDLERS,
  ...EXIT_HANDLERS,
  reportToSenior,
];
