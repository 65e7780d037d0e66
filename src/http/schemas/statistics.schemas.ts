/** Request and response schemas of GET /api/statistics (#13 item 1, R-F1/R-F2). */
import { z } from 'zod';
import { STATISTICS_DIMENSIONS, STATISTICS_MEASURES, type StatisticsMeasure } from '../../domain/codes.js';
import { stored } from './complaint.responses.js';
import { isoDate, listParam } from './common.js';

export const statisticsQuerystring = z.strictObject({
  from: isoDate.describe('first local day (company time zone), YYYY-MM-DD'),
  to: isoDate.describe('last local day, inclusive'),
  groupBy: listParam.describe(`0..2 of: ${STATISTICS_DIMENSIONS.join(', ')} (at most one of month, week, day)`),
  measures: listParam.describe(`any of: ${STATISTICS_MEASURES.join(', ')}; default all`),
  level: listParam,
  channel: listParam,
  businessLine: listParam,
  category: listParam,
  branch: listParam.describe('org unit ids of branches'),
  product: listParam,
  cause: listParam,
  department: listParam.describe('org unit ids of responsible departments'),
  handler: listParam.describe("handlers' usernames"),
  outcome: listParam,
  customerGroup: listParam,
  imported: z.enum(['true', 'false']).optional(),
});

const label = z.object({ zh: z.string(), en: z.string() });
const dimension = stored(STATISTICS_DIMENSIONS);
const measure = stored(STATISTICS_MEASURES);

const measureShape = Object.fromEntries(STATISTICS_MEASURES.map((m) => [m, z.number().nullable().optional()])) as Record<
  StatisticsMeasure,
  z.ZodOptional<z.ZodNullable<z.ZodNumber>>
>;
const drillShape = Object.fromEntries(STATISTICS_MEASURES.map((m) => [m, z.string().optional()])) as Record<
  StatisticsMeasure,
  z.ZodOptional<z.ZodString>
>;

const statisticsRow = z.object({
  keys: z.array(
    z.object({
      dimension,
      value: z.string().nullable().describe("code, org unit id, username or period ('2026-03', '2026-W09', '2026-03-05'); null: none"),
      label,
    }),
  ),
  values: z
    .object(measureShape)
    .describe(
      'counts; rates 0..1 (null when the denominator is 0); handling days with 1 decimal (null when none closed); yuan with 2 decimals',
    ),
  drill: z.object(drillShape).describe('per measure: the ledger query (no leading ?) listing exactly the complaints behind the figure'),
});

export const statisticsAnswer = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: z.array(dimension),
  measures: z.array(measure),
  rows: z.array(statisticsRow),
  totals: statisticsRow,
});
