import { z } from 'zod';
import { ID_TYPES, LEDGER_SORTS, MAJOR_CAUSES, RISK_FLAGS, TIMELINESS_STATES } from '../../domain/codes.js';
import { amountInput, isoDateTime, listParam, optionalText, requiredText } from './common.js';

export { ID_TYPES, RISK_FLAGS };

export const complainantSchema = z.strictObject({
  name: requiredText(100),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[\d\s()-]{5,20}$/, { message: 'invalid_format' })
    .nullish(),
  email: z.email({ message: 'invalid_format' }).max(254).nullish(),
  address: optionalText(500),
  idType: z.enum(ID_TYPES).nullish(),
  idNumber: z.string().trim().min(4).max(40).nullish(),
  account: z.string().trim().min(4).max(64).nullish().describe('policy, bank or securities account number'),
});

export const createComplaintBody = z.strictObject({
  channel: requiredText(40).describe('hotline | web | app | branch | letter | email | regulator_referral | other'),
  businessLine: requiredText(40),
  category: requiredText(60),
  product: optionalText(200),
  description: requiredText(10_000),
  requestedRemedy: optionalText(2_000),
  amount: amountInput.nullish().describe('amount involved, CNY, decimal string such as "12000.50"'),
  receivedAt: isoDateTime.nullish().describe('when the complaint reached the company; default now; never in the future'),
  urgent: z.boolean().default(false),
  riskFlags: z.array(z.enum(RISK_FLAGS)).max(RISK_FLAGS.length).default([]),
  branch: optionalText(100).describe('branch name or code as written; resolved to branchId when it names a branch'),
  branchId: z.string().min(1).max(64).nullish().describe("org unit id or code of the branch; default: the registering user's branch"),
  subjectParty: optionalText(200).describe('the party or staff member complained about'),
  callReference: optionalText(200).describe('hotline call id or recording link'),
  jointComplainants: z.number().int().min(1).max(1_000_000).default(1),
  complainant: complainantSchema,
  customerGroup: z.string().trim().max(64).nullish().describe("who the complainant is: a code of the policy's customerGroups list (#13)"),
  aboutComplaint: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .nullish()
    .describe('a complaint about how this earlier complaint (number TS… or id) was handled (R-E5): routed to the supervision department'),
  // major complaints (#14): the two facts besides the number of joint complainants
  majorCause: z.enum(MAJOR_CAUSES).nullish().describe('caused by a disaster, an accident or a public-health event (a major complaint)'),
  regulatorNamed: z.boolean().default(false).describe('the regulator named it a major complaint'),
  regulatorReference: optionalText(200).describe("the regulator's document or reference naming it"),
});
export type CreateComplaintBody = z.infer<typeof createComplaintBody>;

/** POST /api/complaints/{id}/about-handling (R-E5): the complaint whose handling this one is about. */
export const aboutHandlingBody = z.strictObject({
  aboutComplaint: z.string().trim().min(1).max(64).describe('the number (TS…) or id of the complaint whose handling this one is about'),
});

export const ledgerQuerystring = z.strictObject({
  status: listParam,
  level: listParam,
  channel: listParam,
  businessLine: listParam,
  category: listParam,
  branch: listParam,
  receivedFrom: isoDateTime.optional(),
  receivedTo: isoDateTime.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().trim().min(1).max(200).optional().describe('free text; Chinese substrings match (理赔 finds 理赔纠纷)'),
  sort: z.enum(LEDGER_SORTS).default('receivedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  idNumber: z.string().trim().min(4).max(40).optional().describe('exact ID document number (matched by keyed hash)'),
  account: z.string().trim().min(4).max(64).optional().describe('exact policy/bank/securities account number (matched by keyed hash)'),
  total: z.enum(['true', 'false']).optional().describe('also count all matching complaints'),
  mine: z.enum(['true', 'false']).optional().describe('only complaints you handle (assignee) or track'),
  unassigned: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: only complaints without a handler yet (arrived by the portal, the app or e-mail); false: only those with one'),
  dueWithinHours: z.coerce
    .number()
    .int()
    .min(1)
    .max(720)
    .optional()
    .describe('a running clock falls due within this many hours (not yet overdue)'),
  contact: z
    .string()
    .trim()
    .min(5)
    .max(200)
    .optional()
    .describe("the complainant's phone or e-mail: their complaints (phone normalised: +86, spaces and dashes ignored)"),
  // the drill-down of statistics (#13): each figure of GET /api/statistics opens as the ledger with these; `_none` asks for none
  closedFrom: isoDateTime.optional().describe('closed at or after this instant'),
  closedTo: isoDateTime.optional().describe('closed before this instant'),
  openAt: isoDateTime.optional().describe('received before this instant and not closed by then'),
  branchId: listParam.describe('org unit ids of the branch (`_none`: no branch)'),
  product: listParam.describe('product as registered (`_none`: no product)'),
  cause: listParam.describe('cause codes of the latest analysis (`_none`: no analysis yet)'),
  department: listParam.describe('org unit ids among the responsible departments (`_none`: none)'),
  handler: listParam.describe("the handler's username (`_none`: unassigned)"),
  outcome: listParam.describe('outcome codes (`_none`: no outcome yet)'),
  customerGroup: listParam.describe('customer group codes (`_none`: not given)'),
  imported: z.enum(['true', 'false']).optional().describe('imported from historical records'),
  timeliness: z
    .enum(TIMELINESS_STATES)
    .optional()
    .describe("the level's result clock (policy) or the regulator's clock: on time, late, open and overdue"),
  reopened: z.enum(['true', 'false']).optional().describe('reopened at least once'),
  surveyed: z.enum(['true', 'false']).optional().describe('the customer was surveyed'),
  satisfied: z.enum(['true', 'false']).optional().describe("the latest survey's answer"),
  compensated: z.enum(['proposed', 'paid']).optional().describe('a compensation proposed (not rejected) or paid'),
  amountGiven: z.enum(['true', 'false']).optional().describe('an amount involved is given'),
  riskFlag: listParam.describe('risk flags (reputational, legal, mass_incident, media, agitated_customer): any of them'),
  major: z.enum(['true', 'false']).optional().describe('marked a major complaint'),
});

export const gradeBody = z.strictObject({
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  reason: optionalText(2_000).describe('required when the level changes'),
});
