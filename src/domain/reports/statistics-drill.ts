/**
 * Drill-down (#13, R-F1): the ledger query string that lists exactly the complaints behind one
 * figure. Counts open their complaints, rates their numerator, percentiles their closed set, money
 * the complaints summed. Pure: the time zone turns the period's local days into the ledger's instants.
 */
import type { StatisticsDimension, StatisticsMeasure } from '../codes.js';
import { dayEnd, dayStart } from './statistics-periods.js';
import type { StatisticsFilter } from './statistics-types.js';

/** The value of a drill parameter that asks for "none" (no cause, no product, no handler …); never a code (codes are snake_case). */
export const NONE = '_none';

/** Which set of complaints a measure is about (domain/codes.ts STATISTICS_MEASURES). */
export type MeasureBasis = 'received' | 'closed' | 'open_at_end';

export const MEASURE_BASIS: Readonly<Record<StatisticsMeasure, MeasureBasis>> = {
  received: 'received',
  closed: 'closed',
  open_at_end: 'open_at_end',
  policy_on_time: 'received',
  policy_late: 'received',
  policy_open_overdue: 'received',
  regulatory_on_time: 'received',
  regulatory_late: 'received',
  regulatory_open_overdue: 'received',
  handling_days_p50: 'closed',
  handling_days_p90: 'closed',
  reopen_rate: 'received',
  satisfaction_rate: 'received',
  compensation_proposed: 'received',
  compensation_paid: 'received',
  amount_involved: 'received',
};

/** The ledger parameter of each non-time dimension and of each filter field. */
export const DIMENSION_PARAM: Readonly<Record<Exclude<StatisticsDimension, 'month' | 'week' | 'day'>, string>> = {
  level: 'level',
  channel: 'channel',
  business_line: 'businessLine',
  category: 'category',
  cause: 'cause',
  product: 'product',
  branch: 'branchId',
  department: 'department',
  handler: 'handler',
  outcome: 'outcome',
  customer_group: 'customerGroup',
};

const FILTER_PARAM: ReadonlyArray<[keyof StatisticsFilter, string]> = [
  ['level', 'level'],
  ['channel', 'channel'],
  ['businessLine', 'businessLine'],
  ['category', 'category'],
  ['branch', 'branchId'],
  ['product', 'product'],
  ['cause', 'cause'],
  ['department', 'department'],
  ['handler', 'handler'],
  ['outcome', 'outcome'],
  ['customerGroup', 'customerGroup'],
];

/** What narrows the figure beyond its period and keys. */
const MEASURE_EXTRA: Partial<Record<StatisticsMeasure, Record<string, string>>> = {
  policy_on_time: { timeliness: 'policy_on_time' },
  policy_late: { timeliness: 'policy_late' },
  policy_open_overdue: { timeliness: 'policy_open_overdue' },
  regulatory_on_time: { timeliness: 'regulatory_on_time' },
  regulatory_late: { timeliness: 'regulatory_late' },
  regulatory_open_overdue: { timeliness: 'regulatory_open_overdue' },
  reopen_rate: { reopened: 'true' },
  satisfaction_rate: { satisfied: 'true' },
  compensation_proposed: { compensated: 'proposed' },
  compensation_paid: { compensated: 'paid' },
  amount_involved: { amountGiven: 'true' },
};

export interface DrillContext {
  filter: StatisticsFilter;
  /** the row's non-time keys (null value: none) */
  keys: ReadonlyArray<{ dimension: StatisticsDimension; value: string | null }>;
  /** the figure's local days: the row's period when grouped by time, else the query's */
  from: string;
  to: string;
  timeZone: string;
}

/** The ledger query string (no leading '?') of one figure. */
export function drillString(measure: StatisticsMeasure, c: DrillContext): string {
  const params = new Map<string, string[]>();
  for (const [field, param] of FILTER_PARAM) {
    const v = c.filter[field];
    if (Array.isArray(v) && v.length > 0) params.set(param, v.map(String));
  }
  for (const k of c.keys) {
    if (k.dimension === 'month' || k.dimension === 'week' || k.dimension === 'day') continue;
    params.set(DIMENSION_PARAM[k.dimension], [k.value ?? NONE]);
  }
  if (c.filter.imported !== undefined) params.set('imported', [String(c.filter.imported)]);
  const start = dayStart(c.from, c.timeZone).toISOString();
  const end = dayEnd(c.to, c.timeZone).toISOString();
  const basis = MEASURE_BASIS[measure];
  if (basis === 'received') {
    params.set('receivedFrom', [start]);
    params.set('receivedTo', [end]);
  } else if (basis === 'closed') {
    params.set('closedFrom', [start]);
    params.set('closedTo', [end]);
  } else {
    params.set('openAt', [end]);
  }
  for (const [k, v] of Object.entries(MEASURE_EXTRA[measure] ?? {})) params.set(k, [v]);
  const search = new URLSearchParams();
  // lists comma-joined, as the ledger page keeps them in its address (the API takes both forms)
  for (const [k, values] of params) search.append(k, values.join(','));
  return search.toString();
}
