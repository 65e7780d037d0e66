import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';

// numeric stays a string (exact money); bigint as string; timestamptz as Date; date as 'YYYY-MM-DD'.
pg.types.setTypeParser(pg.types.builtins.DATE, (v: string) => v);

export type Database = Kysely<DB>;

/**
 * How long a request waits for a connection (a new one, or a free one from a busy pool) before it
 * gives up with a connection error, which answers 503 `database_unavailable`: fail fast while the
 * database is unreachable instead of holding every request until the client times out.
 */
export const CONNECTION_TIMEOUT_MS = 5_000;

/**
 * Session settings of every app connection. `jit=off`: a server built with LLVM (Debian's packages,
 * most managed services) compiles any statement whose estimated cost passes jit_above_cost, and the
 * planner's guesses for the small statements of a request (a fresh table, `id = ANY ($1)`) pass it:
 * 700-950 ms of compiling on PostgreSQL 15 for the complaint_facts refresh that runs in under 1 ms.
 * The embedded PostgreSQL has no JIT, so the benchmarks in bench/RESULTS.md are measured without it.
 */
export const SESSION_OPTIONS = '-c jit=off';

/** The pool behind each database handle, for the metrics' in-use/idle/waiting gauges (#16 item 8). */
const pools = new WeakMap<Database, pg.Pool>();

export function poolOf(db: Database): pg.Pool | undefined {
  return pools.get(db);
}

/**
 * The read handle's sessions (DATABASE_READ_URL, #16 item 6): read-only besides, so a write that
 * strays onto it fails at once, whether it points at a replica or (in tests) at a writable database.
 */
export const READ_SESSION_OPTIONS = `${SESSION_OPTIONS} -c default_transaction_read_only=on`;

export function createDatabase(url: string, max = 10, options = SESSION_OPTIONS): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: CONNECTION_TIMEOUT_MS,
    keepAlive: true,
    options,
  });
  // An idle connection the server drops (restart, failover) must not crash the process; the pool
  // replaces it on the next checkout and the request that needs it gets the error instead.
  pool.on('error', (err) => {
    process.stderr.write(`database pool: idle connection lost: ${err.message}\n`);
  });
  // The pool listens only while a client is idle: a checked-out client whose connection dies
  // emits 'error' with no listener, which would end the process ("Unhandled 'error' event on
  // Client"). Its query or transaction gets the same error (answered 503) and the pool discards
  // the broken client on release, so this listener only has to exist.
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  pools.set(db, pool);
  return db;
}

/** The replica's handle for the statistics and reports (services/context.ts `readDb`): its own small pool, read-only sessions. */
export function createReadDatabase(url: string, max = 5): Database {
  return createDatabase(url, max, READ_SESSION_OPTIONS);
}

export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
