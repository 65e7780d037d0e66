/**
 * Totals of a query grouped by month (and another dimension that puts each complaint in one group),
 * from its rows (#13 speed): every complaint is in exactly one row, so counts and money add up, and
 * the open at the range's end are those of its last month; percentiles do not add up, and are computed.
 */
import type { StatisticsDimension } from '../../domain/codes.js';
import type { ClosedAggregate, OpenAggregate, ReceivedAggregate } from '../../db/repositories/statistics.repository.js';

/** Whether the rows of `groupBy` hold each complaint once per month: by month, not by cause or department (lists). */
export const totalsFromRows = (groupBy: readonly StatisticsDimension[]) =>
  groupBy.includes('month') && !groupBy.includes('cause') && !groupBy.includes('department');

/** Decimal strings added in cents (exact for money of two decimals). */
function addMoney(values: readonly string[]): string {
  const cents = values.reduce((sum, v) => sum + BigInt(Math.round(Number(v) * 100)), 0n);
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

export function sumReceived(rows: readonly ReceivedAggregate[]): ReceivedAggregate {
  const count = (k: keyof ReceivedAggregate) => rows.reduce((sum, r) => sum + Number(r[k]), 0);
  const money = (k: 'compensation_proposed' | 'compensation_paid' | 'amount_involved') => addMoney(rows.map((r) => r[k]));
  return {
    keys: [],
    received: count('received'),
    policy_on_time: count('policy_on_time'),
    policy_late: count('policy_late'),
    policy_open_overdue: count('policy_open_overdue'),
    regulatory_on_time: count('regulatory_on_time'),
    regulatory_late: count('regulatory_late'),
    regulatory_open_overdue: count('regulatory_open_overdue'),
    reopened: count('reopened'),
    surveyed: count('surveyed'),
    satisfied: count('satisfied'),
    compensation_proposed: money('compensation_proposed'),
    compensation_paid: money('compensation_paid'),
    amount_involved: money('amount_involved'),
    next_due: null,
  };
}

export function sumClosed(rows: readonly ClosedAggregate[]): ClosedAggregate {
  return { keys: [], closed: rows.reduce((sum, r) => sum + Number(r.closed), 0), p50: null, p90: null };
}

/** Open at the range's end: the rows of its last month (the month's key at `monthAt`). */
export function sumOpenAt(rows: readonly OpenAggregate[], monthAt: number, lastMonth: string | undefined): OpenAggregate {
  const open = rows.filter((r) => r.keys[monthAt] === lastMonth).reduce((sum, r) => sum + Number(r.open_at_end), 0);
  return { keys: [], open_at_end: open };
}
