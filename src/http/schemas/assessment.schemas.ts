/**
 * Request and response schemas of the KPIs and periodic assessments (#14 item 5, R-E6).
 */
import { z } from 'zod';
import { ASSESSMENT_PERIOD_KINDS } from '../../domain/supervision/assessment-period.js';
import { KPI_CODES } from '../../domain/supervision/kpi.js';
import { isoDate } from './common.js';
import { calendarDate, instant } from './response.js';

const label = z.object({ zh: z.string(), en: z.string() });

export const kpiQuerystring = z.strictObject({
  from: isoDate.describe('first local day (company time zone), YYYY-MM-DD'),
  to: isoDate.describe('last local day, inclusive'),
  department: z.uuid().optional().describe('a department (org unit id): its KPIs and its people compared'),
  person: z.string().trim().min(1).max(64).optional().describe('a person (username): the KPIs of the complaints they handle'),
});

const kpiLine = z.object({
  code: z.enum(KPI_CODES),
  value: z.number().nullable().describe('rates as fractions (0.95), handling days, the inspection score 0-100, volume a count'),
  numerator: z.number().int().nullable(),
  denominator: z.number().int().nullable(),
  target: z.number().nullable(),
  weight: z.number(),
  achieved: z.number().nullable().describe('the share of the target reached, 0..1; null when not scored'),
  met: z.boolean().nullable(),
});

const kpiSubject = z.object({
  kind: z.enum(['department', 'person', 'company']),
  id: z.string().nullable().describe('org unit id or username; null for the company'),
  name: label,
  score: z.number().nullable().describe('0-100 with one decimal; null with no scored figure'),
  lines: z.array(kpiLine),
});

export const kpiAnswer = z.object({
  from: calendarDate,
  to: calendarDate,
  policyVersion: z.number().int(),
  subject: kpiSubject,
  rows: z.array(kpiSubject).describe("the comparison: a department's people, or every department; empty for a person"),
});

export const kpiChoicesAnswer = z.object({
  scope: z.enum(['all', 'department', 'own']),
  departments: z.array(z.object({ id: z.string(), code: z.string(), name: label })),
  people: z.array(z.object({ username: z.string(), name: z.string(), departmentIds: z.array(z.string()) })),
});

export const assessmentIdParams = z.strictObject({ id: z.uuid() });
export const assessmentLineParams = assessmentIdParams.extend({
  seq: z.coerce.number().int().min(1).max(1_000_000),
  code: z.enum(KPI_CODES),
});

export const openAssessmentBody = z.strictObject({
  periodKind: z.enum(ASSESSMENT_PERIOD_KINDS),
  period: z.string().trim().min(1).max(16).describe('a month YYYY-MM or a quarter YYYY-Qn, ended'),
  departmentId: z.uuid().nullish().describe('a department; absent or null: everyone (every department and person)'),
});

export const signAssessmentBody = z.strictObject({
  comment: z.string().trim().max(2000).nullish(),
});

const header = {
  id: z.string(),
  periodKind: z.enum(ASSESSMENT_PERIOD_KINDS),
  period: z.string(),
  from: calendarDate,
  to: calendarDate,
  department: z.object({ id: z.string(), name: label }).nullable().describe('null: everyone'),
  status: z.enum(['frozen', 'signed']),
  policyVersion: z.number().int(),
  computedAt: instant,
  createdBy: z.string(),
  createdByName: z.string().nullable(),
  createdAt: instant,
  signedBy: z.string().nullable(),
  signedByName: z.string().nullable(),
  signedAt: instant.nullable(),
  signComment: z.string().nullable(),
};

export const assessmentListAnswer = z.object({
  items: z.array(z.object({ ...header, subjects: z.number().int(), score: z.number().nullable().describe("the department's score") })),
});

export const assessmentDetailAnswer = z.object({
  ...header,
  canSign: z.boolean(),
  subjects: z.array(
    z.object({
      seq: z.number().int(),
      kind: z.enum(['department', 'person']),
      id: z.string(),
      name: label,
      score: z.number().nullable(),
      lines: z.array(
        kpiLine.extend({
          complaints: z.number().int().describe('complaints behind the figure'),
          counted: z.number().int().describe('of them, in its numerator'),
        }),
      ),
    }),
  ),
});

export const assessmentLineComplaintsAnswer = z.object({
  subject: z.object({ seq: z.number().int(), kind: z.enum(['department', 'person']), id: z.string(), name: label }),
  code: z.enum(KPI_CODES),
  value: z.number().nullable(),
  items: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      status: z.string(),
      level: z.number().int(),
      receivedAt: instant,
      closedAt: instant.nullable(),
      assignee: z.string().nullable(),
      assigneeName: z.string().nullable(),
      counted: z.boolean().describe('in the figure’s numerator'),
    }),
  ),
  hidden: z.number().int().describe('complaints behind the figure outside your complaint scope, not listed'),
});
