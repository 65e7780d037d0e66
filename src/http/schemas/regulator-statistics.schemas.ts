/** Request and response schemas of the regulators' quarterly statistics (#13 item 6). */
import { z } from 'zod';
import { REGULATOR_COLUMNS, REGULATOR_TABLES } from '../../domain/reports/regulator-statistics.js';
import { stored } from './complaint.responses.js';
import { calendarDate, instant } from './response.js';

export const regulatorQuerystring = z.strictObject({
  year: z.coerce.number().int().min(1900).max(2200).describe('calendar year, e.g. 2026'),
  quarter: z.coerce.number().int().min(1).max(4).describe('1..4'),
});

const count = z.number().int();
const label = z.object({ zh: z.string(), en: z.string() });
const column = stored(REGULATOR_COLUMNS);

const cell = z.object({
  column,
  count: z.number().int(),
  share: z.number().nullable().describe("count / the column's total (0..1); null when the column is empty"),
  drill: z
    .string()
    .nullable()
    .describe(
      'ledger query (no leading ?) listing exactly these complaints; null for the time-to-decision bands, which the ledger cannot filter',
    ),
});

const row = z.object({ code: z.string(), label, cells: z.array(cell) });

const table = z.object({
  key: stored(REGULATOR_TABLES),
  label,
  columns: z.array(column),
  rows: z.array(row),
  total: row,
});

export const regulatorStatisticsAnswer = z.object({
  year: z.number().int(),
  quarter: z.number().int(),
  from: calendarDate,
  to: calendarDate,
  asOf: instant.describe('when computed: undecided means not decided by then'),
  totals: z
    .object({ property: count, personal: count, securities: count, insurance: count, total: count })
    .describe('complaints received in the quarter: property and personal insurance, securities, insurance together, all'),
  tables: z.array(table),
});
export type RegulatorStatisticsAnswer = z.infer<typeof regulatorStatisticsAnswer>;
