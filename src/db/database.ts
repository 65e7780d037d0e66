import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';

// numeric stays a string (exact money); bigint as string; timestamptz as Date; date as 'YYYY-MM-DD'.
pg.types.setTypeParser(pg.types.builtins.DATE, (v: string) => v);

export type Database = Kysely<DB>;

export function createDatabase(url: string, max = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection the server drops (restart, failover) must not crash the process; the pool
  // replaces it on the next checkout and the request that needs it gets the error instead.
  pool.on('error', (err) => {
    process.stderr.write(`database pool: idle connection lost: ${err.message}\n`);
  });
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}

export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
