/** Request and response schemas of the analysis routes (#13 item 2, R-F3): causes, trend, impact, spikes. */
import { z } from 'zod';
import { STATISTICS_DIMENSIONS, STATISTICS_MEASURES, TIME_DIMENSIONS } from '../../domain/codes.js';
import { SPIKE_SUBJECTS } from '../../domain/reports/analysis-spike.js';
import { IMPACT_FIGURES } from '../../domain/reports/analysis-impact.js';
import { stored } from './complaint.responses.js';
import { instant } from './response.js';
import { statisticsQuerystring } from './statistics.schemas.js';

/** A period of local days and the ledger's filters (as GET /api/statistics, without grouping). */
export const analysisQuerystring = statisticsQuerystring.omit({ groupBy: true, measures: true });

const month = z
  .string()
  .regex(/^(19|20|21)\d{2}-(0[1-9]|1[0-2])$/, { message: 'invalid_format' })
  .describe('YYYY-MM (company time zone)');

const SERIES_DIMENSIONS = STATISTICS_DIMENSIONS.filter((d) => !(TIME_DIMENSIONS as readonly string[]).includes(d)) as [
  Exclude<(typeof STATISTICS_DIMENSIONS)[number], (typeof TIME_DIMENSIONS)[number]>,
  ...Array<Exclude<(typeof STATISTICS_DIMENSIONS)[number], (typeof TIME_DIMENSIONS)[number]>>,
];

export const trendQuerystring = analysisQuerystring.extend({
  from: month.describe('first month shown, YYYY-MM'),
  to: month.describe('last month shown, YYYY-MM (at most 60 months)'),
  measure: z.enum(STATISTICS_MEASURES).default('received'),
  groupBy: z.enum(SERIES_DIMENSIONS).optional().describe('one series per value of this dimension'),
  limit: z.coerce.number().int().min(1).max(50).default(10).describe('with groupBy: the series with the largest sums'),
});

const label = z.object({ zh: z.string(), en: z.string() });
const change = z
  .object({
    absolute: z.number().describe('current - previous (rates: in 0..1 points)'),
    ratio: z.number().nullable().describe('(current - previous) / previous; null when previous is 0'),
  })
  .nullable()
  .describe('null when either figure is missing');

export const causesAnswer = z.object({
  from: z.string(),
  to: z.string(),
  complaints: z.number().int().describe('complaints received in the period'),
  withCause: z.number().int().describe('of which with a cause recorded'),
  withoutCause: z.number().int(),
  mentions: z.number().int().describe('sum of the rows: a complaint may name several causes'),
  rows: z.array(
    z.object({
      cause: z.string(),
      label,
      count: z.number().int(),
      share: z.number().describe('count / mentions'),
      cumulativeShare: z.number(),
      vital: z.boolean().describe('among the causes making up the first 80 % of mentions'),
      drill: z.string().describe('ledger query listing the complaints naming this cause'),
    }),
  ),
  complaintsDrill: z.string(),
  withoutCauseDrill: z.string(),
});

export const trendAnswer = z.object({
  from: z.string(),
  to: z.string(),
  measure: stored(STATISTICS_MEASURES),
  groupBy: stored(STATISTICS_DIMENSIONS).nullable(),
  seriesTotal: z.number().int(),
  series: z.array(
    z.object({
      key: z.object({ dimension: stored(STATISTICS_DIMENSIONS), value: z.string().nullable(), label }).nullable(),
      points: z.array(
        z.object({
          month: z.string(),
          value: z.number().nullable(),
          previousMonth: z.number().nullable(),
          sameMonthLastYear: z.number().nullable(),
          mom: change.describe('month on month'),
          yoy: change.describe('year on year'),
          drill: z.string(),
        }),
      ),
    }),
  ),
});

export const impactAnswer = z.object({
  from: z.string(),
  to: z.string(),
  received: z.number().int(),
  receivedDrill: z.string(),
  figures: z.array(
    z.object({
      figure: stored(IMPACT_FIGURES),
      unit: stored(['yuan', 'complaints']),
      value: z.number().describe('yuan with 2 decimals, or a count'),
      complaints: z.number().int().describe('the complaints behind the figure'),
      drill: z.string(),
    }),
  ),
});

const range = z.object({ from: z.string(), to: z.string() });

export const spikesAnswer = z.object({
  items: z.array(
    z.object({
      id: z.string().describe('the tracked exception (resolve it with POST /api/exceptions/{id}/resolve)'),
      raisedAt: instant,
      subject: stored(SPIKE_SUBJECTS),
      code: z.string().describe('product, category code or branch (org unit) id'),
      label,
      week: z.string().describe('ISO week it was raised in'),
      window: range.describe('the 7 local days judged'),
      baselineWeeks: z.array(range.extend({ count: z.number().int() })),
      current: z.number().int(),
      mean: z.number(),
      spread: z.number(),
      z: z.number(),
      ratio: z.number().nullable(),
      drill: z.string().describe("ledger query of the window's complaints on the subject"),
    }),
  ),
});
