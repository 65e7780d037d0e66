/**
 * Statistics (#13, R-F1/R-F2): counts, rates, percentiles and money over a period, grouped by up to
 * two dimensions, within the reader's complaint scope, each figure with the ledger query that lists
 * the complaints behind it. Reads complaint_facts only (grouped in SQL: statistics.repository.ts), on
 * the replica when there is one (DATABASE_READ_URL, #16 item 6: statistics-cached.ts); the labels
 * and the audit record on the primary.
 */
import { scopeFilter, type Principal } from '../../domain/access/permissions.js';
import { STATISTICS_MEASURES, type StatisticsDimension, type StatisticsMeasure } from '../../domain/codes.js';
import { drillString, MEASURE_BASIS } from '../../domain/reports/statistics-drill.js';
import { keyLabel, type Label } from '../../domain/reports/statistics-labels.js';
import { periodsOf, type Period } from '../../domain/reports/statistics-periods.js';
import { isTimeDimension, statisticsQueryIssues } from '../../domain/reports/statistics-query.js';
import type {
  StatisticsFilter,
  StatisticsKey,
  StatisticsQuery,
  StatisticsResult,
  StatisticsRow,
} from '../../domain/reports/statistics-types.js';
import { assertNoIssues } from '../../domain/validation.js';
import { findOrgUnitsByIds } from '../../db/repositories/org.repository.js';
import {
  aggregateClosed,
  aggregateOpenAtEnd,
  aggregateReceived,
  type ClosedAggregate,
  type FactsAggregateSpec,
  type OpenAggregate,
  type ReceivedAggregate,
  syncFactsTimeZone,
} from '../../db/repositories/statistics.repository.js';
import type { Database } from '../../db/database.js';
import { cachedAggregates } from './statistics-cached.js';
import { sumClosed, sumOpenAt, sumReceived, totalsFromRows } from './statistics-sums.js';
import { userNames } from '../../db/repositories/board-plans.repository.js';
import type { FactsFilter } from '../../db/repositories/facts-filter.js';
import { currentPolicy } from '../administration/policy.service.js';
import { audit } from '../administration/audit.service.js';
import type { RequestMeta, ServiceContext } from '../context.js';

export type {
  StatisticsDimension,
  StatisticsFilter,
  StatisticsKey,
  StatisticsMeasure,
  StatisticsQuery,
  StatisticsResult,
  StatisticsRow,
} from '../../domain/reports/statistics-types.js';

interface Parts {
  received?: ReceivedAggregate;
  closed?: ClosedAggregate;
  open?: OpenAggregate;
}

function factsFilter(f: StatisticsFilter): FactsFilter {
  const { branch, ...rest } = f;
  return { ...rest, ...(branch ? { branchId: branch } : {}) };
}

const money = (s: string | undefined) => (s === undefined ? 0 : Math.round(Number(s) * 100) / 100);
const rate = (num: number, den: number) => (den === 0 ? null : num / den);

/** The figures of one group (or the totals) from its three parts. */
function valuesOf(measures: readonly StatisticsMeasure[], p: Parts): Partial<Record<StatisticsMeasure, number | null>> {
  const r = p.received;
  const all: Record<StatisticsMeasure, number | null> = {
    received: r?.received ?? 0,
    closed: p.closed?.closed ?? 0,
    open_at_end: p.open?.open_at_end ?? 0,
    policy_on_time: r?.policy_on_time ?? 0,
    policy_late: r?.policy_late ?? 0,
    policy_open_overdue: r?.policy_open_overdue ?? 0,
    regulatory_on_time: r?.regulatory_on_time ?? 0,
    regulatory_late: r?.regulatory_late ?? 0,
    regulatory_open_overdue: r?.regulatory_open_overdue ?? 0,
    handling_days_p50: p.closed?.p50 ?? null,
    handling_days_p90: p.closed?.p90 ?? null,
    reopen_rate: rate(r?.reopened ?? 0, r?.received ?? 0),
    satisfaction_rate: rate(r?.satisfied ?? 0, r?.surveyed ?? 0),
    compensation_proposed: money(r?.compensation_proposed),
    compensation_paid: money(r?.compensation_paid),
    amount_involved: money(r?.amount_involved),
  };
  return Object.fromEntries(measures.map((m) => [m, all[m]]));
}

/** Orders rows: by period when grouped by time, then by the first measure (largest first), then by label. */
function compareRows(groupBy: readonly StatisticsDimension[], first: StatisticsMeasure) {
  return (a: StatisticsRow, b: StatisticsRow): number => {
    for (let i = 0; i < groupBy.length; i++) {
      if (!isTimeDimension(groupBy[i]!)) continue;
      const c = String(a.keys[i]?.value ?? '').localeCompare(String(b.keys[i]?.value ?? ''));
      if (c !== 0) return c;
    }
    const va = a.values[first] ?? -1;
    const vb = b.values[first] ?? -1;
    if (va !== vb) return vb - va;
    return a.keys
      .map((k) => k.label.zh)
      .join('|')
      .localeCompare(b.keys.map((k) => k.label.zh).join('|'));
  };
}

export async function computeStatistics(ctx: ServiceContext, principal: Principal, q: StatisticsQuery): Promise<StatisticsResult> {
  assertNoIssues(statisticsQueryIssues(q));
  const measures = q.measures?.length ? [...new Set(q.measures)] : [...STATISTICS_MEASURES];
  const bases = new Set(measures.map((m) => MEASURE_BASIS[m]));
  const timeDim = q.groupBy.find(isTimeDimension);
  const periods: Period[] = timeDim ? periodsOf(timeDim, q.from, q.to) : [];
  const spec: FactsAggregateSpec = {
    scope: scopeFilter(principal),
    filter: factsFilter(q.filter),
    from: q.from,
    to: q.to,
    groupBy: q.groupBy,
    periods: periods.map((p) => ({ key: p.key, to: p.to })),
    now: ctx.now(),
  };
  const grouped = q.groupBy.length > 0;
  const none = Promise.resolve([]);
  const aggregateCached = cachedAggregates(ctx);
  // by month, the totals are the rows' sums (and the open at the last month's end), except percentiles
  const composed = totalsFromRows(q.groupBy) && !measures.some((m) => m === 'handling_days_p50' || m === 'handling_days_p90');
  const computeTotals = () =>
    Promise.all([
      bases.has('received') ? aggregateCached('received', spec, false, aggregateReceived) : none,
      bases.has('closed') ? aggregateCached('closed', spec, false, aggregateClosed) : none,
      bases.has('open_at_end') ? aggregateCached('open', spec, false, aggregateOpenAtEnd) : none,
    ]);
  // the grouped rows and (unless composed from them) the totals, all at once
  const [[received, closed, open], computedTotals] = await Promise.all([
    Promise.all([
      bases.has('received') && grouped ? aggregateCached('received', spec, true, aggregateReceived) : none,
      bases.has('closed') && grouped ? aggregateCached('closed', spec, true, aggregateClosed) : none,
      bases.has('open_at_end') && grouped ? aggregateCached('open', spec, true, aggregateOpenAtEnd) : none,
    ]),
    composed ? undefined : computeTotals(),
  ]);
  const [totalReceived, totalClosed, totalOpen] = computedTotals ?? [
    bases.has('received') ? [sumReceived(received)] : [],
    bases.has('closed') ? [sumClosed(closed)] : [],
    bases.has('open_at_end') ? [sumOpenAt(open, q.groupBy.indexOf('month'), periods[periods.length - 1]?.key)] : [],
  ];

  // the groups: every key combination any part found; by time alone, every period (empty ones too)
  const groups = new Map<string, { keys: Array<string | null>; parts: Parts }>();
  const groupOf = (keys: Array<string | null>) => {
    const id = JSON.stringify(keys);
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { keys, parts: {} }));
    return g;
  };
  if (timeDim && q.groupBy.length === 1) for (const p of periods) groupOf([p.key]);
  for (const r of received) groupOf(r.keys).parts.received = r;
  for (const r of closed) groupOf(r.keys).parts.closed = r;
  for (const r of open) groupOf(r.keys).parts.open = r;

  const labels = await labelLookups(
    ctx,
    q.groupBy,
    [...groups.values()].map((g) => g.keys),
  );
  const periodByKey = new Map(periods.map((p) => [p.key, p]));
  const drills = (keys: StatisticsKey[]) => {
    const timeKey = keys.find((k) => isTimeDimension(k.dimension));
    const period = timeKey?.value ? periodByKey.get(timeKey.value) : undefined;
    const c = { filter: q.filter, keys, from: period?.from ?? q.from, to: period?.to ?? q.to, timeZone: ctx.timeZone };
    return Object.fromEntries(measures.map((m) => [m, drillString(m, c)]));
  };
  const rows: StatisticsRow[] = [...groups.values()]
    // a period outside the range (a week or month that only touches it is clipped, never outside) cannot occur; keep it simple
    .map((g) => {
      const keys: StatisticsKey[] = q.groupBy.map((d, i) => ({
        dimension: d,
        value: g.keys[i] ?? null,
        label: keyLabel(d, g.keys[i] ?? null, labels),
      }));
      return { keys, values: valuesOf(measures, g.parts), drill: drills(keys) };
    })
    .sort(compareRows(q.groupBy, measures[0]!));
  const totals: StatisticsRow = {
    keys: [],
    values: valuesOf(measures, { received: totalReceived[0], closed: totalClosed[0], open: totalOpen[0] }),
    drill: drills([]),
  };
  return { from: q.from, to: q.to, groupBy: q.groupBy, measures, rows, totals };
}

/** What the keys' labels need: the current policy's taxonomies, the org units and users named. */
async function labelLookups(ctx: ServiceContext, groupBy: readonly StatisticsDimension[], keys: ReadonlyArray<Array<string | null>>) {
  const values = (d: StatisticsDimension) => {
    const i = groupBy.indexOf(d);
    return i < 0 ? [] : keys.map((k) => k[i]).filter((v): v is string => typeof v === 'string');
  };
  const unitIds = [...new Set([...values('branch'), ...values('department')])];
  const usernames = [...new Set(values('handler'))];
  const [{ policy }, units, users] = await Promise.all([
    currentPolicy(ctx.db),
    unitIds.length ? findOrgUnitsByIds(ctx.db, unitIds) : Promise.resolve([]),
    usernames.length ? userNames(ctx.db, usernames) : Promise.resolve(new Map<string, string>()),
  ]);
  const orgUnits = new Map<string, Label>(units.map((u) => [u.id, { zh: u.name_zh, en: u.name_en }]));
  return { taxonomies: policy.taxonomies, orgUnits, users };
}

/** GET /api/statistics: the figures, and the read recorded in the audit log (`statistics.read`). */
export async function readStatistics(
  ctx: ServiceContext,
  meta: RequestMeta,
  principal: Principal,
  q: StatisticsQuery,
): Promise<StatisticsResult> {
  const result = await computeStatistics(ctx, principal, q);
  await audit(ctx.db, meta, {
    at: ctx.now(),
    actor: principal.username,
    action: 'statistics.read',
    outcome: 'success',
    targetType: 'statistics',
    targetId: `${q.from}..${q.to}`,
    details: { from: q.from, to: q.to, groupBy: q.groupBy, measures: result.measures, filter: q.filter, rows: result.rows.length },
  });
  return result;
}

/**
 * At start: the facts' local dates (received_on, closed_on) are in the company time zone the server
 * is configured with; when it changed since they were computed, every row is recomputed (once).
 */
export async function alignFactsTimeZone(db: Database, timeZone: string): Promise<boolean> {
  return syncFactsTimeZone(db, timeZone);
}
