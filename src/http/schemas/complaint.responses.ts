import { z } from 'zod';
import { COMPLAINT_ACTIONS } from '../../domain/access/permissions.js';
import { FORMAL_REVIEWERS } from '../../domain/codes.js';
import { clockKindSchema, durationUnitSchema } from '../../domain/policy/policy.schema.js';
import { STATUSES, WORKFLOW_ACTIONS } from '../../domain/workflow/workflow.types.js';
import { RISK_FLAGS } from './complaint.schemas.js';
import { amount, instant, type ErrorStatus } from './response.js';

/**
 * Response schemas of a complaint (#10 item 1): the ledger row, the detail, its clocks, the intake
 * preview and the history. Only what is declared here reaches the client (the serializer parses the
 * answer with these schemas), so a column added to the complaints table stays on the server.
 */

/** What a route with a JSON body answers besides its own errors: a body over the limit, another content type. */
export const BODY_ERRORS: ErrorStatus[] = [413, 415];

/**
 * A file answer (an export, an evidence download): the bytes are sent as they are (the serializer
 * leaves a Buffer or a stream alone); the OpenAPI document names the content type.
 */
export const fileDownload = (contentType: string, description: string) =>
  z.unknown().meta({ description, content: { [contentType]: { schema: { type: 'string', format: 'binary' } } } });

/** A value the database holds as text but the code only ever writes from a fixed list. */
export const stored = <const T extends readonly [string, ...string[]]>(values: T) => z.string().pipe(z.enum(values));

export const complaintStatus = stored(STATUSES);
export const complaintLevel = z
  .number()
  .pipe(z.literal([1, 2, 3]))
  .describe('1 (most serious) to 3');
export const clockKind = z.string().pipe(clockKindSchema);
export const durationUnit = z.string().pipe(durationUnitSchema);
export const clockStatus = stored(['running', 'paused', 'met', 'breached', 'cancelled']);

/** A complaint named inside another answer (an exception, an improvement action, a breach). */
export const complaintRef = z.object({ id: z.string(), number: z.string(), level: complaintLevel, status: complaintStatus });

/** One grading rule that fired, with the facts it saw. */
export const gradingReason = z.object({
  rule: z.string().describe('e.g. amount_above_l1, flag_media, keyword_l2, default_l3'),
  level: complaintLevel,
  detail: z.record(z.string(), z.union([z.string(), z.number()])),
});

export const clockView = z.object({
  kind: clockKind,
  amount: z.number().describe('the duration, in `unit`'),
  unit: durationUnit,
  startedAt: instant,
  dueAt: instant.nullable().describe('null while the clock is paused'),
  warnAt: z.array(instant).describe('when reminders fall due'),
  status: clockStatus,
  metAt: instant.nullable(),
  breachedAt: instant.nullable(),
  calendarConfirmed: z.boolean().describe('false: the working calendar of a year it spans is provisional'),
  overdue: z.boolean().describe('breached, or running or paused past its due time'),
  policyVersion: z.number().int(),
  label: z.string().nullable().describe('what it times (a milestone, an improvement action)'),
  subjectId: z.string().nullable().describe('the milestone or improvement action it times'),
  round: z.number().int().describe('the handling round (a reopened complaint starts a new one)'),
});

/** A ledger row: the fields people scan, plus the next due clock. */
export const complaintSummary = z.object({
  id: z.string(),
  number: z.string(),
  status: complaintStatus,
  level: complaintLevel,
  proposedLevel: complaintLevel.describe('the level the grading rules proposed'),
  levelConfirmed: z.boolean(),
  major: z.boolean().describe('a major complaint: the emergency plan applies'),
  channel: z.string(),
  businessLine: z.string(),
  category: z.string(),
  product: z.string().nullable(),
  customerGroup: z.string().nullable().describe("who the complainant is: a code of the policy's customerGroups (#13)"),
  branch: z.string().nullable().describe('the branch as written at intake'),
  branchId: z.string().nullable(),
  complainantName: z.string(),
  amount: amount.nullable(),
  urgent: z.boolean(),
  receivedAt: instant,
  registeredAt: instant,
  overdue: z.boolean().describe('a clock is late'),
  nextDue: z
    .object({ kind: clockKind, dueAt: instant.nullable(), calendarConfirmed: z.boolean() })
    .nullable()
    .describe('the open clock that falls due first; null when none runs'),
  overdueClock: z
    .object({ kind: clockKind, dueAt: instant.nullable(), status: clockStatus })
    .nullable()
    .describe('the late clock that makes it overdue (the earliest due of them)'),
});

export const ledgerPage = z.object({
  items: z.array(complaintSummary),
  nextCursor: z.string().nullable().describe('pass as cursor for the next page; null on the last'),
  total: z.number().int().nullable().describe('all matching complaints, when total=true was asked'),
  totalEstimated: z
    .boolean()
    .describe('true when total is an estimate (a search term matching more than 10,000 complaints, #16): show it as about N'),
});

export const complainantView = z.object({
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  idType: z.string().nullable(),
  idNumber: z.string().nullable(),
  account: z.string().nullable(),
  masked: z.boolean().describe('true unless this answer is a recorded unmask'),
});

export const complaintDetail = complaintSummary.extend({
  description: z.string(),
  requestedRemedy: z.string().nullable(),
  subjectParty: z.string().nullable(),
  callReference: z.string().nullable(),
  jointComplainants: z.number().int(),
  riskFlags: z.array(stored(RISK_FLAGS)),
  complainant: complainantView,
  departmentIds: z.array(z.string()).describe('the departments handling it'),
  round: z.number().int(),
  assignee: z.string().nullable(),
  tracker: z.string().nullable(),
  outcome: z.string().nullable(),
  closedAt: instant.nullable(),
  regulatoryDays: z.number().int().describe("the regulator's answer period in calendar days"),
  allowedActions: z.array(z.enum([...COMPLAINT_ACTIONS, ...WORKFLOW_ACTIONS])).describe('what the caller may do now'),
  gradingReasons: z.unknown().pipe(z.array(gradingReason)),
  policyVersion: z.number().int(),
  createdBy: z.string(),
  updatedAt: instant,
  clocks: z.array(clockView).describe('every clock, cancelled ones included'),
  deadlines: z.object({
    regulatory: clockView.nullable(),
    policy: clockView.nullable().describe('the open policy clock that falls due first'),
    stricter: clockKind.nullable().describe('the kind of the open clock that falls due first'),
    calendarConfirmed: z.boolean(),
  }),
  related: z
    .array(
      z.object({
        id: z.string(),
        number: z.string(),
        kind: z
          .string()
          .describe(
            'possible_duplicate, merged; about_handling: this complaint is about how that one was handled; handling_complaint: that one is about how this one was handled (R-E5)',
          ),
        status: complaintStatus,
        category: z.string(),
        receivedAt: instant,
        details: z.record(z.string(), z.unknown()),
        linkedAt: instant,
      }),
    )
    .describe('related complaints within your data scope'),
  review: z
    .object({ by: z.enum(FORMAL_REVIEWERS), reviewer: z.string().nullable() })
    .nullable()
    .describe('from the formal-review round (#14 item 3): a named department head, or the leadership group (reviewer null)'),
  closedAs: z.enum(['concluded']).nullable().describe("'concluded': closed by the formal review's conclusion, not as satisfied"),
});

export const plannedClock = z.object({
  kind: clockKind,
  amount: z.number(),
  unit: durationUnit,
  startedAt: instant,
  dueAt: instant.nullable(),
  calendarConfirmed: z.boolean(),
});

export const complaintPreview = z.object({
  policyVersion: z.number().int(),
  level: complaintLevel,
  major: z.boolean(),
  reasons: z.array(gradingReason),
  clocks: z.array(plannedClock).describe('the clocks registering would start'),
  duplicates: z
    .array(
      z.object({
        id: z.string(),
        number: z.string(),
        status: complaintStatus,
        level: complaintLevel,
        category: z.string(),
        receivedAt: instant,
      }),
    )
    .describe("the complainant's earlier complaints in the same category, within your scope"),
  hiddenDuplicates: z.number().int().describe('earlier complaints outside your scope (counted, not named)'),
});

export const complaintEvent = z.object({
  seq: z.number().int(),
  type: z.string(),
  actor: z.string(),
  occurredAt: instant,
  reason: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
  hash: z.string().describe('sha256 over the event and the previous hash'),
  redacted: z.boolean().optional().describe('related complaints outside your scope were left out of the payload'),
});

export const complaintEvents = z.object({ items: z.array(complaintEvent) });

export type ComplaintSummaryAnswer = z.output<typeof complaintSummary>;
export type LedgerPageAnswer = z.output<typeof ledgerPage>;
export type ComplaintDetailAnswer = z.output<typeof complaintDetail>;
export type ComplaintPreviewAnswer = z.output<typeof complaintPreview>;
export type ComplaintEventsAnswer = z.output<typeof complaintEvents>;
