/**
 * Statistics through the cache (#13 speed; migration 0020, docs/architecture.md "Statistics
 * cache"). A query grouped by month takes its ended months from the cache and computes the rest,
 * from the first month it lacks to the end of the range, in one snapshot, storing the ended months
 * it computed; any other query over a range that has ended is cached whole. The figures are those
 * of the live query: an entry is used only while no complaint of its months changed after its
 * snapshot (and, for "overdue now" counts, before the next due time among its open complaints).
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { cacheCutoff, monthsTouched, rangeCacheable, wholeMonths, type CacheMonth } from '../../domain/reports/statistics-cache-plan.js';
import { addDays } from '../../domain/time/zoned.js';
import type { DB } from '../../db/schema.js';
import {
  databaseToday,
  inSnapshot,
  readCacheEntries,
  storeCacheEntries,
  type CacheEntry,
} from '../../db/repositories/statistics-cache.repository.js';
import type { FactsAggregateSpec } from '../../db/repositories/statistics.repository.js';
import { readerOf, type ServiceContext } from '../context.js';

export type AggregateBasis = 'received' | 'closed' | 'open';

type Run<R> = (db: Kysely<DB>, spec: FactsAggregateSpec, grouped: boolean) => Promise<R[]>;

interface Keyed {
  keys: Array<string | null>;
}

/** Entries older than this are dropped by the prune (queries nobody asks again). */
export const STATISTICS_CACHE_DAYS = 30;

/** Whether the cache is used (on unless STATISTICS_CACHE=off; tests compare both ways). */
export const statisticsCacheEnabled = () => process.env.STATISTICS_CACHE !== 'off';

/** The instant the overdue counts of received-basis rows stop holding: the earliest next due time among them. */
function validUntilOf(basis: AggregateBasis, rows: readonly unknown[]): Date | null {
  if (basis !== 'received') return null;
  let min: number | null = null;
  for (const r of rows) {
    const due = (r as { next_due?: Date | string | null }).next_due;
    if (due === null || due === undefined) continue;
    const t = new Date(due).getTime();
    if (min === null || t < min) min = t;
  }
  return min === null ? null : new Date(min);
}

/** The scope as the figures depend on it: every reader of the whole company shares one. */
function scopeKey(s: FactsAggregateSpec['scope']) {
  if (s.all) return { all: true };
  return { branches: [...s.branchIds].sort(), departments: [...s.departmentIds].sort(), createdBy: s.createdBy };
}

function entryKey(basis: AggregateBasis, spec: FactsAggregateSpec, grouped: boolean, from: string, to: string): string {
  const what = { v: 1, basis, grouped, groupBy: grouped ? spec.groupBy : [], scope: scopeKey(spec.scope), filter: spec.filter, from, to };
  return createHash('sha256').update(JSON.stringify(what)).digest('base64url');
}

/** The first day of the oldest month not cached, by the database's clock (the clock the change trigger uses). */
export async function databaseCutoff(db: Kysely<DB>): Promise<string> {
  return cacheCutoff(await databaseToday(db));
}

/** An entry of `rows`; received-basis rows hold from `spec.now` until their next due time. */
function entryOf(basis: AggregateBasis, spec: FactsAggregateSpec, key: string, months: string[], rows: readonly unknown[]): CacheEntry {
  return { key, months, rows, validFrom: basis === 'received' ? spec.now : null, validUntil: validUntilOf(basis, rows) };
}

export type CachedAggregate = <R extends Keyed>(
  basis: AggregateBasis,
  spec: FactsAggregateSpec,
  grouped: boolean,
  run: Run<R>,
) => Promise<R[]>;

/**
 * The aggregates (received, closed or open at the end) of one statistics call, from the cache
 * where it holds; the database's date is read once per call. Computed, and the cache read, on the
 * replica when there is one (`readerOf`, #16 item 6): its snapshot is one the primary went through,
 * so an entry computed there is checked against the recorded changes like any other; entries are
 * stored on the primary.
 */
export function cachedAggregates(ctx: ServiceContext): CachedAggregate {
  let cutoff: Promise<string> | undefined;
  const reader = readerOf(ctx);
  return async (basis, spec, grouped, run) => {
    // "open and overdue now" as a filter changes with the clock for every complaint: never cached
    if (!statisticsCacheEnabled() || spec.filter.timeliness) return run(reader, spec, grouped);
    cutoff ??= databaseCutoff(reader);
    return aggregate(ctx, basis, spec, grouped, run, await cutoff);
  };
}

async function aggregate<R extends Keyed>(
  ctx: ServiceContext,
  basis: AggregateBasis,
  spec: FactsAggregateSpec,
  grouped: boolean,
  run: Run<R>,
  cutoff: string,
): Promise<R[]> {
  const monthAt = grouped ? spec.groupBy.indexOf('month') : -1;
  if (monthAt >= 0) return byMonth(ctx, basis, spec, run, monthAt, cutoff);
  const reader = readerOf(ctx);
  if (!rangeCacheable(spec.to, cutoff)) return run(reader, spec, grouped);
  const key = entryKey(basis, spec, grouped, spec.from, spec.to);
  const hit = (await readCacheEntries(reader, [key], spec.now)).get(key);
  if (hit) return hit as R[];
  const { value, snapshot } = await inSnapshot(reader, (trx) => run(trx, spec, grouped));
  await storeCacheEntries(ctx.db, snapshot, [entryOf(basis, spec, key, monthsTouched(spec.from, spec.to), value)]);
  return value;
}

/** Grouped by month: ended months from the cache, the rest computed from the first month missing. */
async function byMonth<R extends Keyed>(
  ctx: ServiceContext,
  basis: AggregateBasis,
  spec: FactsAggregateSpec,
  run: Run<R>,
  monthAt: number,
  cutoff: string,
): Promise<R[]> {
  const cacheable = wholeMonths(spec.from, spec.to).filter((m) => m.first < cutoff);
  const keyOf = (m: CacheMonth) => entryKey(basis, spec, true, m.first, m.last);
  const reader = readerOf(ctx);
  const hits = await readCacheEntries(reader, cacheable.map(keyOf), spec.now);
  // the range computed live starts at the first day not covered by a run of hits from the start
  let liveFrom = spec.from;
  const cached: R[] = [];
  for (const m of cacheable) {
    const rows = hits.get(keyOf(m));
    if (m.first !== liveFrom || !rows) break;
    cached.push(...(rows as R[]));
    liveFrom = addDays(m.last, 1);
  }
  if (liveFrom > spec.to) return cached;
  const live: FactsAggregateSpec = { ...spec, from: liveFrom, periods: spec.periods?.filter((p) => p.to >= liveFrom) };
  const { value, snapshot } = await inSnapshot(reader, (trx) => run(trx, live, true));
  const entries = cacheable
    .filter((m) => m.first >= liveFrom)
    .map((m) =>
      entryOf(
        basis,
        spec,
        keyOf(m),
        [m.first],
        value.filter((r) => r.keys[monthAt] === m.key),
      ),
    );
  await storeCacheEntries(ctx.db, snapshot, entries);
  return [...cached, ...value];
}
