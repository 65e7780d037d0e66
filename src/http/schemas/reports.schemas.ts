/**
 * Request and response schemas of the reports (#13 items 4 and 5): the list, one report with its
 * versions and highlights, its progress, and the bodies that ask for a report or change its texts.
 */
import { z } from 'zod';
import { REPORT_KINDS, REPORT_STATUSES, STATISTICS_MEASURES } from '../../domain/codes.js';
import { REPORT_STEPS } from '../../domain/reports/report-labels.js';
import { isoDate } from './common.js';
import { stored } from './complaint.responses.js';
import { calendarDate, instant, page } from './response.js';

const label = z.object({ zh: z.string(), en: z.string() });
const text = (max: number) => z.string().trim().max(max);
const codes = z.array(z.string().trim().min(1).max(100)).max(50).optional();

export const reportIdParams = z.strictObject({ id: z.string().min(1).max(64) });

export const reportListQuery = z.strictObject({
  kind: z.enum(REPORT_KINDS).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(300).optional().describe('nextCursor of the previous page'),
});

export const monthlyReportBody = z.strictObject({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'invalid_format')
    .describe('the report month YYYY-MM (a month that has begun)'),
});

/** The ledger's filters a special report over a set of complaints takes (statistics' filter). */
export const reportFilter = z
  .strictObject({
    level: z
      .array(z.union([z.literal(1), z.literal(2), z.literal(3)]))
      .max(3)
      .optional(),
    channel: codes,
    businessLine: codes,
    category: codes,
    branch: z.array(z.uuid()).max(50).optional(),
    product: codes,
    cause: codes,
    department: z.array(z.uuid()).max(50).optional(),
    handler: codes,
    outcome: codes,
    customerGroup: codes,
    imported: z.boolean().optional(),
  })
  .describe('any of the codes per field; fields combine with AND');

export const specialReportBody = z.discriminatedUnion('subject', [
  z.strictObject({
    subject: z.literal('complaint'),
    complaint: z.string().trim().min(1).max(64).describe('the complaint id or number (within your data scope)'),
    title: text(200).nullish(),
    recommendations: text(20_000).nullish(),
  }),
  z.strictObject({
    subject: z.literal('set'),
    from: isoDate.describe('first day, local date'),
    to: isoDate.describe('last day, local date'),
    filter: reportFilter.default({}),
    description: text(500).nullish().describe('the set in words, printed as its scope'),
    title: text(200).nullish(),
    recommendations: text(20_000).nullish(),
  }),
]);

export const reportTextsBody = z
  .strictObject({
    commentary: text(20_000).nullish().describe("the leaders' commentary (批注)"),
    recommendations: text(20_000).nullish().describe('recommendations (建议), printed in special reports'),
  })
  .refine((b) => b.commentary !== undefined || b.recommendations !== undefined, { message: 'nothing_to_change', path: ['commentary'] });

export const reportFormatParams = reportIdParams.extend({ format: z.enum(['pdf', 'xlsx']) });

const reportStatus = stored(REPORT_STATUSES);
const reportStep = z.string().pipe(z.enum(REPORT_STEPS)).nullable();

export const reportSummary = z.object({
  id: z.string(),
  kind: stored(REPORT_KINDS),
  series: z.string(),
  version: z.number().int(),
  title: z.string(),
  periodFrom: calendarDate,
  periodTo: calendarDate,
  status: reportStatus,
  progress: z.number().int().describe('0..100 while building'),
  step: reportStep.describe('the build step under way'),
  error: z.string().nullable(),
  automatic: z.boolean().describe('built by the monthly schedule'),
  requestedBy: z.string(),
  createdAt: instant,
  builtAt: instant.nullable(),
  finalisedAt: instant.nullable(),
  finalisedBy: z.string().nullable(),
  pdfBytes: z.number().int().nullable(),
  xlsxBytes: z.number().int().nullable(),
});

const nullableNumber = z.number().nullable();

export const reportDetail = reportSummary.extend({
  parameters: z.record(z.string(), z.unknown()).describe('what was asked for: the month, or the complaint or filter'),
  commentary: z.string().nullable(),
  recommendations: z.string().nullable(),
  commentaryBy: z.string().nullable(),
  commentaryAt: instant.nullable(),
  versions: z.array(z.object({ id: z.string(), version: z.number().int(), status: reportStatus, createdAt: instant })),
  highlights: z
    .object({
      comparisons: z.array(
        z.object({
          measure: z.string().pipe(z.enum(STATISTICS_MEASURES)),
          current: nullableNumber,
          previous: nullableNumber,
          lastYear: nullableNumber,
          mom: nullableNumber,
          yoy: nullableNumber,
        }),
      ),
      trend: z.array(z.object({ month: z.string(), received: z.number(), closed: z.number() })),
      causes: z.array(z.object({ label, count: z.number(), share: z.number() })),
      facts: z.array(z.tuple([z.string(), z.string()])),
      level1Count: z.number().int().nullable(),
    })
    .nullable()
    .describe('figures the page draws (null until built)'),
});

export const reportPage = page(reportSummary);

export const reportProgress = z.object({
  id: z.string(),
  status: reportStatus,
  progress: z.number().int(),
  step: reportStep,
  error: z.string().nullable(),
  updatedAt: instant,
});

export type ReportDetailAnswer = z.output<typeof reportDetail>;
export type ReportPageAnswer = z.output<typeof reportPage>;
export type ReportProgressAnswer = z.output<typeof reportProgress>;
