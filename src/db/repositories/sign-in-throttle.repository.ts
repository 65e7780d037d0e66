import { sql, type Kysely, type Selectable } from 'kysely';
import type { ThrottleKind, ThrottleState } from '../../domain/access/sign-in-throttle.js';
import type { DB, SignInThrottleTable } from '../schema.js';

export interface ThrottleKey {
  kind: ThrottleKind;
  username: string;
  address: string;
}

type Row = Selectable<SignInThrottleTable>;

const stateOf = (r: Row): ThrottleState => ({
  score: r.score,
  scoredAt: r.scored_at,
  blockedUntil: r.blocked_until,
  windowStart: r.window_start,
  windowFailures: r.window_failures,
  alertedWindow: r.alerted_window,
});

const sameKey = (r: ThrottleKey) => (k: ThrottleKey) => k.kind === r.kind && k.username === r.username && k.address === r.address;

/** The stored states of these keys (absent keys are missing from the answer). */
export async function throttleStates(
  db: Kysely<DB>,
  keys: readonly ThrottleKey[],
  forUpdate = false,
): Promise<Array<ThrottleKey & { state: ThrottleState }>> {
  if (keys.length === 0) return [];
  let q = db
    .selectFrom('sign_in_throttle')
    .selectAll()
    .where((eb) =>
      eb.or(keys.map((k) => eb.and([eb('kind', '=', k.kind), eb('username', '=', k.username), eb('address', '=', k.address)]))),
    );
  if (forUpdate) q = q.forUpdate();
  const rows = await q.execute();
  return keys.flatMap((k) => {
    const row = rows.find(sameKey(k));
    return row ? [{ ...k, state: stateOf(row) }] : [];
  });
}

/**
 * Locks these keys for the rest of the transaction, creating absent ones (score 0, a window
 * starting now), so that parallel failures on a key are counted one after the other. Keys are
 * taken one at a time in one global order, so two transactions never wait for each other in a
 * cycle (a deadlock would abort one of them).
 */
export async function lockThrottleKeys(
  db: Kysely<DB>,
  keys: readonly ThrottleKey[],
  now: Date,
): Promise<Array<ThrottleKey & { state: ThrottleState }>> {
  const order = (k: ThrottleKey) => `${k.kind}\u0000${k.username}\u0000${k.address}`;
  const sorted = [...keys].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  const locked: Array<ThrottleKey & { state: ThrottleState }> = [];
  for (const k of sorted) {
    await db
      .insertInto('sign_in_throttle')
      .values({ ...k, score: 0, scored_at: now, blocked_until: null, window_start: now, window_failures: 0, alerted_window: null })
      .onConflict((oc) => oc.columns(['kind', 'username', 'address']).doNothing())
      .execute();
    locked.push(...(await throttleStates(db, [k], true)));
  }
  return keys.flatMap((k) => locked.filter(sameKey(k)));
}

export async function saveThrottleState(db: Kysely<DB>, k: ThrottleKey, s: ThrottleState): Promise<void> {
  await db
    .updateTable('sign_in_throttle')
    .set({
      score: s.score,
      scored_at: s.scoredAt,
      blocked_until: s.blockedUntil,
      window_start: s.windowStart,
      window_failures: s.windowFailures,
      alerted_window: s.alertedWindow,
    })
    .where('kind', '=', k.kind)
    .where('username', '=', k.username)
    .where('address', '=', k.address)
    .execute();
}

/** Forgets keys (a successful sign-in from that source; an administrator clearing a user's throttle). */
export async function clearThrottle(db: Kysely<DB>, which: ThrottleKey | { username: string }): Promise<number> {
  let q = db.deleteFrom('sign_in_throttle').where('username', '=', which.username);
  if ('kind' in which) q = q.where('kind', '=', which.kind).where('address', '=', which.address);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** The latest time until which any key of these usernames holds attempts back (for the user list). */
export async function throttledUntilByUsername(db: Kysely<DB>, usernames: readonly string[], now: Date): Promise<Map<string, Date>> {
  if (usernames.length === 0) return new Map();
  const rows = await db
    .selectFrom('sign_in_throttle')
    .select(['username', (eb) => eb.fn.max('blocked_until').as('until')])
    .where('username', 'in', usernames)
    .where('blocked_until', '>', now)
    .groupBy('username')
    .execute();
  return new Map(rows.flatMap((r) => (r.until ? [[r.username, new Date(r.until)] as const] : [])));
}

/** Drops keys whose score has long decayed and which hold nothing back (names typed once by anyone). */
export async function purgeStaleThrottle(db: Kysely<DB>, before: Date, now: Date): Promise<void> {
  await db
    .deleteFrom('sign_in_throttle')
    .where('scored_at', '<', before)
    .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<=', now)]))
    .execute();
}

/** Whether the user signed in successfully from this address since `since` (sessions keep it). */
export async function signedInFrom(db: Kysely<DB>, userId: string | null, address: string, since: Date): Promise<boolean> {
  // the query runs for unknown names too (with no id to match), so both take the same path
  const row = await db
    .selectFrom('sessions')
    .select(sql<number>`1`.as('one'))
    .where('user_id', '=', userId ?? '00000000-0000-0000-0000-000000000000')
    .where('ip', '=', address)
    .where('created_at', '>=', since)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
