/** Request and response schemas of inspections (#14 item 1, R-E4): /api/inspections/... */
import { z } from 'zod';
import { CHECKLIST_RESULTS } from '../../domain/supervision/checklist.js';
import { stored } from './complaint.responses.js';
import { isoDate, requiredText } from './common.js';
import { instant } from './response.js';

// requests --------------------------------------------------------------------------------------

export const checklistItemInput = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{1,20}$/),
  text: requiredText(500),
  weight: z.number().positive().max(100),
});

export const checklistBody = z.strictObject({
  name: requiredText(200),
  description: z.string().trim().max(2000).optional(),
  items: z.array(checklistItemInput).min(1).max(100),
});

export const checklistPatch = z.strictObject({
  name: requiredText(200).optional(),
  description: z.string().trim().max(2000).optional(),
  active: z.boolean().optional(),
  items: z.array(checklistItemInput).min(1).max(100).optional(),
});

export const planRuleInput = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('share'),
    percent: z.number().gt(0).max(100),
    minimum: z.number().int().min(0).max(1000).optional(),
    per: z.enum(['department', 'department_month']).optional(),
    population: z.literal('closed').optional(),
  }),
  z.strictObject({ kind: z.literal('all'), population: z.enum(['level1', 'reopened']) }),
]);

export const planBody = z.strictObject({
  title: requiredText(200),
  periodFrom: isoDate,
  periodTo: isoDate,
  departmentIds: z.array(z.uuid()).max(50).default([]).describe('empty: every department'),
  rules: z.array(planRuleInput).min(1).max(10),
  checklistId: z.uuid(),
});

export const manualItemBody = z.strictObject({ complaintId: z.uuid(), reason: requiredText(1000) });
export const reasonBody = z.strictObject({ reason: requiredText(1000) });

export const scoreBody = z.strictObject({
  answers: z
    .array(
      z.strictObject({
        code: z.string().min(1).max(20),
        result: z.enum(CHECKLIST_RESULTS),
        comment: z.string().trim().max(2000).optional(),
      }),
    )
    .max(100),
});

export const findingBody = z.strictObject({
  planId: z.uuid().nullish(),
  itemId: z.uuid().nullish(),
  departmentId: z.uuid().nullish(),
  person: z.string().trim().min(2).max(64).nullish(),
  severity: z.enum(['minor', 'major', 'critical']),
  text: requiredText(5000),
});

export const rectificationBody = z.strictObject({
  planId: z.uuid().nullish(),
  findingId: z.uuid().nullish(),
  complaintId: z.uuid().nullish(),
  departmentId: z.uuid().nullish(),
  addressee: z.string().trim().min(2).max(64).nullish(),
  text: requiredText(5000),
  workingDays: z.number().int().min(1).max(120).optional(),
});

export const answerBody = z.strictObject({ answer: requiredText(5000) });
export const verdictBody = z.strictObject({
  accepted: z.boolean(),
  note: requiredText(5000),
  workingDays: z.number().int().min(1).max(120).optional(),
});
export const completeBody = z.strictObject({ summary: requiredText(10_000) });

// responses -------------------------------------------------------------------------------------

const planRule = z.union([
  z.object({ kind: z.literal('share'), percent: z.number(), minimum: z.number(), per: z.string(), population: z.string() }),
  z.object({ kind: z.literal('all'), population: z.string() }),
]);

const reason = z.object({
  rule: z.number().int(),
  kind: z.string(),
  departmentId: z.string().nullable().optional(),
  month: z.string().nullable().optional(),
  population: z.string().optional(),
});

export const checklistAnswer = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  active: z.boolean(),
  version: z.number().int(),
  frozen: z.boolean().describe('a plan uses this version: a change of items makes a new version'),
  items: z.array(z.object({ code: z.string(), text: z.string(), weight: z.number() })),
  updatedAt: instant,
  updatedBy: z.string(),
});

const planStatus = stored(['planned', 'in_progress', 'completed']);

const planSummaryFields = {
  id: z.string(),
  title: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  departmentIds: z.array(z.string()),
  rules: z.array(planRule),
  checklistId: z.string(),
  checklistVersion: z.number().int(),
  status: planStatus,
  summary: z.string().nullable(),
  createdAt: instant,
  createdBy: z.string(),
  completedAt: instant.nullable(),
};

export const planListItem = z.object({
  ...planSummaryFields,
  items: z.number().int(),
  scored: z.number().int(),
  requests: z.number().int(),
});

export const runAnswer = z.object({
  id: z.string(),
  seq: z.number().int(),
  seed: z.number().int().describe('the unsigned 32-bit seed the sample was drawn with'),
  rules: z.array(planRule),
  populationSize: z.number().int(),
  drawnComplaintIds: z.array(z.string()),
  drawnAt: instant,
  drawnBy: z.string(),
});

export const itemAnswer = z.object({
  id: z.string(),
  complaint: z.object({ id: z.string(), number: z.string(), status: z.string(), level: z.number().int() }),
  source: stored(['drawn', 'manual']),
  runId: z.string().nullable(),
  reasons: z.array(reason),
  manualReason: z.string().nullable(),
  departmentIds: z.array(z.string()),
  handler: z.string().nullable(),
  answers: z.array(z.object({ code: z.string(), result: z.enum(CHECKLIST_RESULTS), comment: z.string().optional() })),
  score: z.number().nullable(),
  scoredAt: instant.nullable(),
  scoredBy: z.string().nullable(),
  addedAt: instant,
  addedBy: z.string(),
  removedAt: instant.nullable(),
  removedBy: z.string().nullable(),
  removedReason: z.string().nullable(),
});

export const findingAnswer = z.object({
  id: z.string(),
  planId: z.string().nullable(),
  itemId: z.string().nullable(),
  complaint: z.object({ id: z.string(), number: z.string() }).nullable(),
  departmentId: z.string().nullable(),
  person: z.string().nullable(),
  severity: stored(['minor', 'major', 'critical']),
  text: z.string(),
  answer: z.string().nullable(),
  answeredAt: instant.nullable(),
  answeredBy: z.string().nullable(),
  createdAt: instant,
  createdBy: z.string(),
});

export const rectificationAnswer = z.object({
  id: z.string(),
  planId: z.string().nullable(),
  findingId: z.string().nullable(),
  complaint: z.object({ id: z.string(), number: z.string() }).nullable(),
  departmentId: z.string().nullable(),
  addressee: z.string().nullable(),
  text: z.string(),
  status: stored(['open', 'answered', 'verified', 'cancelled']),
  workingDays: z.number().int(),
  dueAt: instant.nullable(),
  firstDueAt: instant.nullable(),
  clockStatus: stored(['running', 'met', 'breached', 'cancelled']),
  breachedAt: instant.nullable(),
  escalationStep: z.number().int(),
  overdue: z.boolean().describe('open and past its due time'),
  answer: z.string().nullable(),
  answeredAt: instant.nullable(),
  answeredBy: z.string().nullable(),
  lastAnsweredAt: instant.nullable(),
  verifiedAt: instant.nullable(),
  verifiedBy: z.string().nullable(),
  verdictNote: z.string().nullable(),
  rounds: z.number().int(),
  createdAt: instant,
  createdBy: z.string(),
});

export const rectificationDetail = rectificationAnswer.extend({
  events: z.array(z.object({ type: z.string(), actor: z.string(), occurredAt: instant, details: z.record(z.string(), z.unknown()) })),
});

export const planDetail = z.object({
  ...planSummaryFields,
  checklist: z.object({
    id: z.string(),
    name: z.string(),
    version: z.number().int(),
    items: z.array(z.object({ code: z.string(), text: z.string(), weight: z.number() })),
  }),
  runs: z.array(runAnswer),
  items: z.array(itemAnswer),
  findings: z.array(findingAnswer),
  requests: z.array(rectificationAnswer),
  averageScore: z.number().nullable(),
});

export const runCheck = z.object({ runId: z.string(), seed: z.number().int(), matches: z.boolean(), drawn: z.array(z.string()) });

export const myInspectionAnswer = z.object({ findings: z.array(findingAnswer), requests: z.array(rectificationAnswer) });

export type PlanDetailAnswer = z.output<typeof planDetail>;
export type RectificationDetailAnswer = z.output<typeof rectificationDetail>;
