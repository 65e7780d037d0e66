/**
 * Fixed-window request counters shared by every app instance (#12 item 1): one upsert counts a
 * request against several limits at once and returns each count.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.js';

export interface CounterHit {
  key: string;
  windowStart: Date;
  /** when the window's row may be removed */
  expiresAt: Date;
}

/**
 * Adds one to each counter (creating it at 1) and returns the counts by key. Rows are written in
 * key order, so two requests counting the same keys never deadlock.
 */
export async function hitCounters(db: Kysely<DB>, hits: readonly CounterHit[]): Promise<Map<string, number>> {
  if (hits.length === 0) return new Map();
  const rows = await db
    .insertInto('rate_limit_counters')
    .values(
      [...hits]
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
        .map((h) => ({ key: h.key, window_start: h.windowStart, hits: 1, expires_at: h.expiresAt })),
    )
    .onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet((eb) => ({ hits: eb('rate_limit_counters.hits', '+', 1) })))
    .returning(['key', 'hits'])
    .execute();
  return new Map(rows.map((r) => [r.key, r.hits]));
}

/** Removes at most `limit` windows that ended before `now`; returns how many. */
export async function purgeExpiredCounters(db: Kysely<DB>, now: Date, limit: number): Promise<number> {
  const r = await sql`
    DELETE FROM rate_limit_counters
    WHERE (key, window_start) IN (SELECT key, window_start FROM rate_limit_counters WHERE expires_at < ${now} LIMIT ${limit})
  `.execute(db);
  return Number(r.numAffectedRows ?? 0);
}
