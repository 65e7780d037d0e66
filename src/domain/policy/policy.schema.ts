/**
 * The policy document: every number and list of policy-defaults.md, validated as one unit.
 * Administrators change it through the API; each accepted version is stored and a complaint keeps
 * the version it was planned with. The company time zone is application configuration, not policy.
 */
import { z } from 'zod';
import { assessmentPolicySchema, DEFAULT_ASSESSMENT } from './policy.assessment.js';
import { DEFAULT_SUPERVISION, supervisionPolicySchema } from '../supervision/supervision-policy.js';
import { COMPENSATION_APPROVERS, DURATION_UNITS, FORMAL_REVIEWERS } from '../codes.js';
import { amountSchema, compareAmount, parseAmount } from '../money.js';
import { taxonomiesSchema } from './taxonomy.schema.js';

export const durationUnitSchema = z.enum(DURATION_UNITS);
export type DurationUnit = z.infer<typeof durationUnitSchema>;

/** Policy clocks (company policy §2–§4); each has a duration in `policy.clocks`. */
export const POLICY_CLOCK_KINDS = [
  'urgent_initial_response',
  'acknowledgment',
  'online_first_reply',
  'l1_report_supervisor',
  'l1_to_leadership',
  'l1_leadership_meeting',
  'l1_result',
  'l1_report_senior',
  'l2_to_supervisor',
  'l2_investigation_organised',
  'l2_agent_reply',
  'l2_result',
  'l3_answer',
  'investigation',
  'investigation_max',
  'satisfaction_followup',
  'improvement_action',
  'formal_review',
] as const;
export const policyClockKindSchema = z.enum(POLICY_CLOCK_KINDS);
export type PolicyClockKind = z.infer<typeof policyClockKindSchema>;

/** Every clock kind: the policy clocks plus the regulatory clock (durations in `policy.regulatory`). */
/** 'progress_report' runs policy.tracking's days; 'milestone' has the due time its plan sets. */
/** 'major_milestone' and 'major_regulator_report' time a major complaint's emergency plan and its report to the regulator (#14). */
export const MAJOR_CLOCK_KINDS = ['major_milestone', 'major_regulator_report'] as const;
export const clockKindSchema = z.enum([...POLICY_CLOCK_KINDS, 'regulatory', 'progress_report', 'milestone', ...MAJOR_CLOCK_KINDS]);
export type ClockKind = z.infer<typeof clockKindSchema>;

const positiveInt = (what: string) => z.number().int(`${what} must be a whole number`).positive(`${what} must be greater than 0`);

/** A whole, positive number of units (the deadline function counts whole units). */
export const clockDurationSchema = z.strictObject({
  amount: positiveInt('amount'),
  unit: durationUnitSchema,
});
export type ClockDuration = z.infer<typeof clockDurationSchema>;

const clocksShape = Object.fromEntries(POLICY_CLOCK_KINDS.map((kind) => [kind, clockDurationSchema])) as Record<
  PolicyClockKind,
  typeof clockDurationSchema
>;
export const clocksSchema = z.strictObject(clocksShape);

const HH_MM = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const timeOfDay = z.string().regex(HH_MM, 'time must be HH:MM (00:00–23:59)');

export const workingHoursSchema = z
  .strictObject({ start: timeOfDay, end: timeOfDay })
  .refine((hours) => hours.start < hours.end, { message: 'end must be after start', path: ['end'] });

export const warningFractionsSchema = z
  .array(z.number().gt(0, 'fraction must be > 0').lt(1, 'fraction must be < 1'))
  .refine((fractions) => fractions.every((value, i) => i === 0 || value > (fractions[i - 1] ?? 0)), {
    message: 'fractions must be strictly ascending',
  });

/**
 * The regulatory clock, in calendar days. Counted as the counting rules of policy-defaults.md say
 * (the receipt day not counted; a deadline on a rest day moves to the next working day).
 * decisionDays: normal; extendedDays: complex cases; maxDays: with senior approval.
 */
export const regulatorySchema = z
  .strictObject({
    decisionDays: positiveInt('decisionDays'),
    extendedDays: positiveInt('extendedDays'),
    maxDays: positiveInt('maxDays'),
  })
  .refine((r) => r.decisionDays <= r.extendedDays, {
    message: 'extendedDays must be at least decisionDays',
    path: ['extendedDays'],
  })
  .refine((r) => r.extendedDays <= r.maxDays, {
    message: 'maxDays must be at least extendedDays',
    path: ['maxDays'],
  });

/** a < b; true when either is invalid, as the amount's own issue already reports that. */
function isBelow(a: string, b: string): boolean {
  const left = parseAmount(a);
  const right = parseAmount(b);
  return !left.ok || !right.ok || compareAmount(left.value, right.value) < 0;
}

/** L1 if amount > l1Above; L2 if l2From <= amount <= l1Above; L3 if amount < l2From. */
export const gradingThresholdsSchema = z
  .strictObject({ l1Above: amountSchema, l2From: amountSchema })
  .refine((t) => isBelow(t.l2From, t.l1Above), {
    message: 'l2From must be less than l1Above',
    path: ['l2From'],
  });
export type GradingThresholds = z.infer<typeof gradingThresholdsSchema>;

export const massIncidentSchema = z.strictObject({
  /** complainants acting jointly on one complaint */
  jointComplainants: positiveInt('jointComplainants'),
  /** complaints on the same product and category within windowDays */
  sameMatterCount: positiveInt('sameMatterCount'),
  windowDays: positiveInt('windowDays'),
  /**
   * #16: the same-matter count fires only when it is also `baselineFactor` times the matter's own
   * average per window over the `baselineWindows` windows before, so a busy product's ordinary
   * week is not a mass incident while a small matter still fires at `sameMatterCount`
   * (versions stored before #16 get 8 windows and a factor of 3)
   */
  baselineWindows: z.number().int('baselineWindows must be a whole number').min(1).max(52).default(8),
  baselineFactor: z.number().min(1, 'baselineFactor must be at least 1').max(100).default(3),
});

/**
 * Major complaints (重大投诉, CBIRC Order 2020 No. 3 art. 29): 20+ joint complainants (or a
 * disaster/accident/public-health cause, or named by the regulator); the report to the regulator is
 * due within `regulatorReport` of the marking (added with #14; versions stored before it get 24 hours).
 */
export const DEFAULT_MAJOR_REGULATOR_REPORT = { amount: 24, unit: 'hours' } as const;
export const majorComplaintSchema = z.strictObject({
  jointComplainants: positiveInt('jointComplainants'),
  regulatorReport: clockDurationSchema.default(DEFAULT_MAJOR_REGULATOR_REPORT),
});

const keywordList = z
  .array(z.string().trim().min(1, 'keyword must not be empty').max(50))
  .refine((words) => new Set(words.map(normalizeKeyword)).size === words.length, {
    message: 'keywords must be unique (case-insensitive)',
  });

/** Signals searched for (case-insensitive substring) in the description and requested remedy. */
export const keywordsSchema = z
  .strictObject({ level1: keywordList, level2: keywordList })
  .refine((k) => !k.level2.some((word) => k.level1.map(normalizeKeyword).includes(normalizeKeyword(word))), {
    message: 'a keyword must not be in both level1 and level2',
    path: ['level2'],
  });

/** Folds full-width forms (１２３７８ -> 12378) and case, so keywords and text compare alike. */
export function normalizeKeyword(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

export const compensationApproverSchema = z.enum(COMPENSATION_APPROVERS);
export type CompensationApprover = z.infer<typeof compensationApproverSchema>;

/** Bands ascending by upTo (inclusive: amount <= upTo); the last band, and only it, has upTo null. */
export const compensationBandsSchema = z
  .array(z.strictObject({ upTo: amountSchema.nullable(), approver: compensationApproverSchema }))
  .min(1, 'at least one band is required')
  .superRefine((bands, ctx) => {
    bands.forEach((band, index) => {
      const last = index === bands.length - 1;
      if (last !== (band.upTo === null)) {
        ctx.addIssue({
          code: 'custom',
          message: last ? 'the last band must be unbounded (upTo: null)' : 'only the last band may be unbounded',
          path: [index, 'upTo'],
        });
        return;
      }
      const previous = bands[index - 1]?.upTo;
      if (band.upTo !== null && previous != null && !isBelow(previous, band.upTo)) {
        ctx.addIssue({ code: 'custom', message: 'upTo must be ascending', path: [index, 'upTo'] });
      }
    });
  });
export type CompensationBand = z.infer<typeof compensationBandsSchema>[number];

/** Who is told, and when, after a clock is breached (R-E3): step 0 at the breach, later steps after more time. */
export const escalationRecipientSchema = z.enum([
  'supervisors',
  'leadership',
  'senior_management',
  'department_handlers',
  'tracker',
  'assignee',
  'supervision',
]);
export const escalationSchema = z.strictObject({
  steps: z
    .array(
      z.strictObject({
        afterMinutes: z
          .number()
          .int()
          .min(0)
          .max(60 * 24 * 60),
        notify: z.array(escalationRecipientSchema).min(1),
      }),
    )
    .min(1)
    .refine((steps) => steps.every((s, i) => i === 0 || s.afterMinutes > (steps[i - 1]?.afterMinutes ?? -1)), {
      message: 'steps must be in increasing time',
    }),
  /** who is told at each warning point before a deadline */
  warnNotify: z.array(escalationRecipientSchema).min(1),
});
export type Escalation = z.infer<typeof escalationSchema>;

export const DEFAULT_ESCALATION: Escalation = {
  steps: [
    { afterMinutes: 0, notify: ['supervisors', 'tracker', 'assignee'] },
    { afterMinutes: 240, notify: ['leadership'] },
    { afterMinutes: 1440, notify: ['senior_management'] },
  ],
  warnNotify: ['assignee', 'tracker'],
};

/** Progress reports (R-E2): level 1 and 2 complaints report at least every N working days. */
export const trackingSchema = z.strictObject({ progressReportWorkingDays: positiveInt('progressReportWorkingDays') });
export const DEFAULT_TRACKING = { progressReportWorkingDays: 2 };

/**
 * Handling rules (issue #9): four eyes (the proposer of a compensation and the requester of an
 * investigation extension do not decide them), and the department a complaint is responsible to
 * from registration when the registrant has none (a branch agent's complaint), by org unit code;
 * null leaves such a complaint without a department until it is assigned.
 */
export const handlingSchema = z.strictObject({
  fourEyes: z.boolean().default(true),
  defaultDepartmentCode: z.string().trim().min(1).max(64).nullable().default('CS'),
  /** complaints about complaint handling (R-E5, #14) go to this supervision unit (org unit code); null: the first active supervision unit */
  supervisionDepartmentCode: z.string().trim().min(1).max(64).nullable().default(null),
});
export const DEFAULT_HANDLING = { fourEyes: true, defaultDepartmentCode: 'CS', supervisionDepartmentCode: null };

export const policySchema = z
  .strictObject({
    complaintNumberPrefix: z.string().regex(/^[A-Z]{1,8}$/, 'prefix must be 1–8 upper-case letters A–Z'),
    workingHours: workingHoursSchema,
    warningFractions: warningFractionsSchema,
    clocks: clocksSchema,
    regulatory: regulatorySchema,
    /** thresholds per business line code */
    grading: z.record(z.string(), gradingThresholdsSchema),
    massIncident: massIncidentSchema,
    majorComplaint: majorComplaintSchema,
    keywords: keywordsSchema,
    /** same complainant and category within this many days counts as a repeat complaint */
    repeatWindowDays: positiveInt('repeatWindowDays'),
    compensationBands: compensationBandsSchema,
    reopen: z.strictObject({
      /** from this handling round on, the complaint goes to a formal review */
      formalReviewFromRound: z.number().int().min(2, 'formalReviewFromRound must be at least 2'),
      /** who reviews from that round (#14 item 3): a department head of the complaint, or the leadership group */
      formalReviewBy: z.enum(FORMAL_REVIEWERS).default('department_head'),
    }),
    /** years after closure, per business line code */
    retention: z.record(z.string(), positiveInt('retention years')),
    auditRetentionYears: positiveInt('auditRetentionYears'),
    taxonomies: taxonomiesSchema,
    // added with the workflow (issue #4); versions stored before it get the defaults
    escalation: escalationSchema.default(DEFAULT_ESCALATION),
    tracking: trackingSchema.default(DEFAULT_TRACKING),
    // added with issue #9; versions stored before it get the defaults
    handling: handlingSchema.default(DEFAULT_HANDLING),
    // added with #14 (KPIs and assessment, R-E6); versions stored before it get the defaults
    assessment: assessmentPolicySchema.default(DEFAULT_ASSESSMENT),
    // added with issue #14 (inspections); versions stored before it get the defaults
    supervision: supervisionPolicySchema.default(DEFAULT_SUPERVISION),
  })
  .superRefine((policy, ctx) => {
    const lines = policy.taxonomies.businessLines.map((line) => line.code);
    for (const section of ['grading', 'retention'] as const) {
      const keys = Object.keys(policy[section]);
      for (const key of keys) {
        if (!lines.includes(key)) {
          ctx.addIssue({
            code: 'custom',
            message: `'${key}' is not a business line code`,
            path: [section, key],
            params: { reason: 'unknown_business_line', code: key },
          });
        }
      }
      for (const code of lines) {
        if (!keys.includes(code)) {
          ctx.addIssue({
            code: 'custom',
            message: `business line '${code}' needs an entry`,
            path: [section],
            params: { reason: 'missing_business_line', code },
          });
        }
      }
    }
  });

export type Policy = z.infer<typeof policySchema>;
