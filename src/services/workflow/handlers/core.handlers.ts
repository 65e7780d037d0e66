/** The main path of a complaint: assign, escalate, investigate, find, answer, survey, reopen, close. */
import { z } from 'zod';
import { ESCALATION_TARGETS, FEEDBACK_METHODS, OUTCOMES, SURVEY_METHODS } from '../../../domain/codes.js';
import { ValidationError } from '../../../domain/validation.js';
import { handler } from '../workflow-handler.js';
import { reopened } from '../review.service.js';
import { assertNotOriginalHandler, raiseRectification, reopenOriginal } from '../../complaints/handling-complaint.service.js';
import { checkPeopleAndUnits } from './validate.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const note = z.string().trim().max(5000).nullish();
const username = z.string().trim().toLowerCase().min(2).max(64);

export const assign = handler({
  action: 'assign',
  body: z
    .strictObject({
      assignee: username.optional(),
      tracker: username.optional(),
      departmentIds: z.array(z.uuid()).max(20).optional(),
      note,
    })
    .refine((b) => b.assignee || b.tracker || b.departmentIds?.length, { message: 'assignment_empty', path: ['assignee'] }),
  apply: async (h, b) => {
    await checkPeopleAndUnits(
      h.trx,
      { assignee: b.assignee, tracker: b.tracker },
      b.departmentIds ? { field: 'departmentIds', ids: b.departmentIds } : undefined,
    );
    const departments = [...new Set([...h.complaint.department_ids, ...(b.departmentIds ?? [])])];
    // a complaint that arrived by itself (#12) has no tracker: whoever assigns it tracks it (R-E1)
    const patch = {
      assignee: b.assignee ?? h.complaint.assignee,
      tracker: b.tracker ?? h.complaint.tracker ?? h.p.username,
      department_ids: departments,
    };
    // a complaint about handling is never handled by who handled the original (R-E5): 409
    await assertNotOriginalHandler(h.trx, h.complaint, [patch.assignee, patch.tracker]);
    return {
      patch,
      payload: { assignee: b.assignee ?? null, tracker: b.tracker ?? null, departmentIds: b.departmentIds ?? [], note: b.note ?? null },
    };
  },
});

export const escalate = handler({
  action: 'escalate',
  body: z.strictObject({ to: z.enum(ESCALATION_TARGETS), note }),
  facts: (_h, b) => ({ escalateTo: b.to }),
  apply: async (_h, b) => ({ payload: { to: b.to, note: b.note ?? null } }),
});

export const startInvestigation = handler({
  action: 'start_investigation',
  body: z.strictObject({ departmentIds: z.array(z.uuid()).max(20).optional(), plan: note }),
  apply: async (h, b) => {
    if (b.departmentIds) await checkPeopleAndUnits(h.trx, {}, { field: 'departmentIds', ids: b.departmentIds });
    return {
      record: { kind: 'investigation', data: { plan: b.plan ?? null, departmentIds: b.departmentIds ?? [] } },
      patch: {
        department_ids: [...new Set([...h.complaint.department_ids, ...(b.departmentIds ?? [])])],
        investigation_days: h.policy.clocks.investigation.amount,
      },
      payload: { departmentIds: b.departmentIds ?? [] },
    };
  },
});

export const recordFindings = handler({
  action: 'record_findings',
  body: z.strictObject({
    findings: text(20_000),
    conclusion: z.enum(OUTCOMES),
    reopenOriginal: z
      .boolean()
      .default(false)
      .describe(
        'a complaint about complaint handling (R-E5): the findings reopen the original complaint (its reopen step, recorded on both)',
      ),
    rectification: z
      .strictObject({
        departmentId: z.uuid().nullish(),
        addressee: username.nullish(),
        text: text(5000),
        workingDays: z.number().int().min(1).max(60).optional(),
      })
      .nullish()
      .describe(
        "a complaint about complaint handling (R-E5): the findings raise a rectification request about the original (inspectors; default addressee: the original's first department)",
      ),
  }),
  apply: async (h, b) => {
    const reopened = b.reopenOriginal ? await reopenOriginal(h, b.findings) : null;
    const rectificationRequestId = b.rectification ? await raiseRectification(h, b.rectification) : null;
    const extra = { ...(reopened ? { reopenedOriginal: reopened } : {}), ...(rectificationRequestId ? { rectificationRequestId } : {}) };
    return {
      record: { kind: 'findings', data: { findings: b.findings, conclusion: b.conclusion, ...extra } },
      payload: { conclusion: b.conclusion, ...extra },
    };
  },
});

export const sendFeedback = handler({
  action: 'send_feedback',
  body: z.strictObject({
    method: z.enum(FEEDBACK_METHODS),
    content: text(20_000),
    proof: z.string().trim().max(500).nullish().describe('call recording id, SMS id, registered-mail number…'),
    solvedOnTheSpot: z.boolean().default(false),
  }),
  apply: async (h, b) => {
    // by SMS or e-mail the result itself goes out through the outbox, and its delivery is the proof (#11 item 7, R-D4)
    const sends = b.method === 'sms' || b.method === 'email';
    const address = b.method === 'sms' ? h.complaint.complainant_phone : b.method === 'email' ? h.complaint.complainant_email : 'n/a';
    if (sends && !address?.trim())
      throw new ValidationError([{ field: 'method', code: 'no_contact_for_method', params: { method: b.method } }]);
    return {
      record: {
        kind: 'feedback',
        data: { method: b.method, content: b.content, proof: b.proof ?? null, solvedOnTheSpot: b.solvedOnTheSpot },
      },
      payload: { method: b.method, proof: b.proof ?? null, solvedOnTheSpot: b.solvedOnTheSpot },
      ...(sends
        ? {
            outbox: [
              {
                topic: 'complaint.feedback_sent',
                payload: { complaintId: h.complaint.id, recordId: h.recordId, method: b.method, content: b.content },
              },
            ],
          }
        : {}),
    };
  },
});

export const recordSurvey = handler({
  action: 'record_survey',
  body: z.strictObject({
    satisfied: z.boolean(),
    score: z.number().int().min(1).max(5),
    method: z.enum(SURVEY_METHODS),
    comment: note,
  }),
  facts: (_h, b) => ({ satisfied: b.satisfied }),
  apply: async (_h, b) => ({
    record: { kind: 'survey', data: { satisfied: b.satisfied, score: b.score, method: b.method, comment: b.comment ?? null } },
    payload: { satisfied: b.satisfied, score: b.score, method: b.method },
  }),
});

export const reopen = handler({
  action: 'reopen',
  body: z.strictObject({ reason: text(2000) }),
  apply: async (h, b, d) => reopened(h, d, b.reason),
});

export const close = handler({
  action: 'close',
  body: z.strictObject({
    outcome: z.enum(OUTCOMES),
    summary: text(5000),
    reason: note.describe('required when the customer was not surveyed as satisfied'),
    unpaidCompensationWaiver: z
      .string()
      .trim()
      .max(2000)
      .nullish()
      .describe('required when approved compensation is unpaid: why its payment is waived (recorded in the event)'),
  }),
  facts: (_h, b) => ({ closeReason: b.reason ?? null, unpaidCompensationWaiver: b.unpaidCompensationWaiver ?? null }),
  apply: async (h, b) => {
    const waiver = b.unpaidCompensationWaiver?.trim() || null;
    return {
      record: {
        kind: 'closing',
        data: { outcome: b.outcome, summary: b.summary, ...(waiver ? { unpaidCompensationWaiver: waiver } : {}) },
      },
      patch: { outcome: b.outcome, closed_at: h.now },
      payload: { outcome: b.outcome, ...(waiver ? { unpaidCompensationWaiver: waiver } : {}) },
      reason: b.reason ?? null,
    };
  },
});

export const withdraw = handler({
  action: 'withdraw',
  body: z.strictObject({ reason: text(2000) }),
  apply: async (h, b) => ({ patch: { outcome: 'withdrawn', closed_at: h.now }, payload: {}, reason: b.reason }),
});

export const reportProgress = handler({
  action: 'report_progress',
  body: z.strictObject({ content: text(10_000), blockers: note }),
  apply: async (h, b) => ({
    record: { kind: 'progress', data: { content: b.content, blockers: b.blockers ?? null } },
    payload: { blockers: b.blockers ?? null },
  }),
});

export const CORE_HANDLERS = [
  assign,
  escalate,
  startInvestigation,
  recordFindings,
  sendFeedback,
  recordSurvey,
  reopen,
  close,
  withdraw,
  reportProgress,
];
