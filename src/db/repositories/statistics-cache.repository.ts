/**
 * The statistics cache (#13 speed, migration 0020): figures of ended months stored with the snapshot
 * they were computed in, used only while no complaint of their months changed after it. The rules
 * of what is cached are in domain/reports/statistics-cache-plan.ts; the use in
 * services/reports/statistics-cached.ts.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../schema.js';

export interface CacheEntry {
  key: string;
  /** first days of the months the rows depend on */
  months: readonly string[];
  rows: readonly unknown[];
  /** figures that count "overdue now" hold for [validFrom, validUntil) */
  validFrom: Date | null;
  validUntil: Date | null;
}

/**
 * The database's clock and the company-local date by it: what is cached follows the clock the change
 * trigger uses. On a streaming replica (DATABASE_READ_URL, #16 item 6) the clock is the commit time
 * of the last transaction it replayed (none yet: 1970, nothing cached), so a replica far behind
 * never caches a month whose changes the primary did not record (those of its then current month).
 */
export async function databaseToday(db: Kysely<DB>): Promise<string> {
  const { rows } = await sql<{ today: string }>`
    SELECT to_char(
      CASE WHEN pg_is_in_recovery() THEN LEAST(now(), COALESCE(pg_last_xact_replay_timestamp(), 'epoch'::timestamptz)) ELSE now() END
        AT TIME ZONE COALESCE((SELECT time_zone FROM statistics_settings), 'Asia/Shanghai'),
      'YYYY-MM-DD') AS today`.execute(db);
  return rows[0]!.today;
}

/** The rows of the entries among `keys` that still hold at `now`: no change to their months that their snapshot missed. */
export async function readCacheEntries(db: Kysely<DB>, keys: readonly string[], now: Date): Promise<Map<string, unknown[]>> {
  if (keys.length === 0) return new Map();
  const { rows } = await sql<{ key: string; rows: unknown[] }>`
    SELECT e.key, e.rows FROM statistics_cache e
    WHERE e.key = ANY(${sql.val([...keys])}::text[])
      AND (e.valid_from IS NULL OR e.valid_from <= ${now}::timestamptz)
      AND (e.valid_until IS NULL OR e.valid_until > ${now}::timestamptz)
      AND NOT EXISTS (
        SELECT 1 FROM statistics_month_changes c
        WHERE c.month = ANY(e.months) AND NOT pg_visible_in_snapshot(c.xid, e.snapshot))`.execute(db);
  return new Map(rows.map((r) => [r.key, r.rows]));
}

/**
 * Runs `compute` in one REPEATABLE READ transaction, so every statement sees one snapshot, and
 * returns its result with that snapshot.
 */
export async function inSnapshot<T>(db: Kysely<DB>, compute: (trx: Kysely<DB>) => Promise<T>): Promise<{ value: T; snapshot: string }> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const { rows } = await sql<{ s: string }>`SELECT pg_current_snapshot()::text AS s`.execute(trx);
      const value = await compute(trx);
      return { value, snapshot: rows[0]!.s };
    });
}

/** The advisory lock of a month (a date, or a 'YYYY-MM-DD' string). */
const monthLock = (month: RawBuilder<unknown>) => sql`hashtextextended('statistics-month:' || (${month})::date::text, 0)`;

/**
 * Stores entries computed in `snapshot`, under the shared locks of their months (a prune holds one
 * exclusively). An entry of a month pruned after its snapshot began is skipped: the prune may have
 * removed a change it missed. Returns how many were stored.
 */
export async function storeCacheEntries(db: Kysely<DB>, snapshot: string, entries: readonly CacheEntry[]): Promise<number> {
  if (entries.length === 0) return 0;
  const months = [...new Set(entries.flatMap((e) => e.months))].sort();
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock_shared(${monthLock(sql`m.month`)})
      FROM (SELECT month FROM unnest(${sql.val(months)}::date[]) AS month ORDER BY month) AS m`.execute(trx);
    const pruned = await sql<{ month: string }>`
      SELECT to_char(month, 'YYYY-MM-DD') AS month FROM statistics_month_prunes
      WHERE month = ANY(${sql.val(months)}::date[]) AND pg_snapshot_xmin(${snapshot}::pg_snapshot) < pruned_xmax`.execute(trx);
    const blocked = new Set(pruned.rows.map((r) => r.month));
    const ok = entries.filter((e) => !e.months.some((m) => blocked.has(m)));
    if (ok.length === 0) return 0;
    await trx
      .insertInto('statistics_cache')
      .values(
        ok.map((e) => ({
          key: e.key,
          months: sql<string[]>`${sql.val([...e.months])}::date[]`,
          snapshot,
          valid_from: e.validFrom,
          valid_until: e.validUntil,
          rows: JSON.stringify(e.rows),
        })),
      )
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => ({
          months: eb.ref('excluded.months'),
          snapshot: eb.ref('excluded.snapshot'),
          valid_from: eb.ref('excluded.valid_from'),
          valid_until: eb.ref('excluded.valid_until'),
          rows: eb.ref('excluded.rows'),
          created_at: sql<Date>`now()`,
        })),
      )
      .execute();
    return ok.length;
  });
}

export interface PruneResult {
  months: number;
  changes: number;
  entries: number;
}

/**
 * Folds the recorded changes into the cache, month by month: the entries that missed one of them
 * are dropped, the changes deleted, and the month marked pruned (job statistics.cache.prune). Also
 * drops entries older than `maxAgeDays` (queries nobody asks again).
 */
export async function pruneStatisticsCache(db: Kysely<DB>, maxAgeDays: number): Promise<PruneResult> {
  const result: PruneResult = { months: 0, changes: 0, entries: 0 };
  const months = await sql<{ month: string }>`SELECT DISTINCT to_char(month, 'YYYY-MM-DD') AS month FROM statistics_month_changes`.execute(
    db,
  );
  for (const { month } of months.rows) {
    await db.transaction().execute(async (trx) => {
      // READ COMMITTED: each statement below sees every entry stored before the lock was granted
      await sql`SELECT pg_advisory_xact_lock(${monthLock(sql`${month}`)})`.execute(trx);
      const gone = await sql<{
        xid: string;
      }>`DELETE FROM statistics_month_changes WHERE month = ${month}::date RETURNING xid::text AS xid`.execute(trx);
      if (gone.rows.length === 0) return;
      const dropped = await sql`
        DELETE FROM statistics_cache e WHERE e.months @> ARRAY[${month}::date]
          AND EXISTS (SELECT 1 FROM unnest(${sql.val(gone.rows.map((r) => r.xid))}::xid8[]) AS x(xid) WHERE NOT pg_visible_in_snapshot(x.xid, e.snapshot))`.execute(
        trx,
      );
      await sql`
        INSERT INTO statistics_month_prunes (month, pruned_xmax) VALUES (${month}::date, pg_snapshot_xmax(pg_current_snapshot()))
        ON CONFLICT (month) DO UPDATE SET pruned_xmax = EXCLUDED.pruned_xmax`.execute(trx);
      result.months += 1;
      result.changes += gone.rows.length;
      result.entries += Number(dropped.numAffectedRows ?? 0);
    });
  }
  const old = await sql`DELETE FROM statistics_cache WHERE created_at < now() - make_interval(days => ${maxAgeDays})`.execute(db);
  result.entries += Number(old.numAffectedRows ?? 0);
  return result;
}
