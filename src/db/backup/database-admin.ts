/**
 * Whole databases on one server, for a restore (#16 item 7): a restore loads into a new database
 * and only then takes the configured name, so the data it replaces stays whole until the new copy
 * has been verified.
 */
import pg from 'pg';
import { withDatabaseName } from '../database.js';
import { quoteIdent } from './snapshot-dump.js';

const NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function databaseNameOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
}

export function checkDatabaseName(name: string): string {
  if (!NAME.test(name)) throw new Error(`database name '${name}': use lower-case letters, digits and _ (at most 63)`);
  return name;
}

async function withAdmin<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabaseName(url, 'postgres') });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function databaseExists(url: string, name: string): Promise<boolean> {
  return withAdmin(url, async (c) => ((await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount ?? 0) > 0);
}

export async function createEmptyDatabase(url: string, name: string): Promise<void> {
  await withAdmin(url, async (c) => {
    await c.query(`CREATE DATABASE ${quoteIdent(checkDatabaseName(name))} TEMPLATE template0 ENCODING 'UTF8'`);
  });
}

export async function dropDatabase(url: string, name: string): Promise<void> {
  await withAdmin(url, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(checkDatabaseName(name))} WITH (FORCE)`);
  });
}

/** Sessions of other processes on the database (app instances, job runners, psql). */
export async function otherSessions(
  url: string,
  name: string,
): Promise<Array<{ pid: number; application: string; client: string | null }>> {
  return withAdmin(url, async (c) => {
    const { rows } = await c.query<{ pid: number; application_name: string; client_addr: string | null }>(
      'SELECT pid, application_name, client_addr::text FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND backend_type = $2',
      [name, 'client backend'],
    );
    return rows.map((r) => ({ pid: r.pid, application: r.application_name, client: r.client_addr }));
  });
}

/** Renames `target` to `keepAs` and `restored` to `target` (fails while anyone is connected to either). */
export async function swapDatabases(url: string, target: string, restored: string, keepAs: string): Promise<void> {
  await withAdmin(url, async (c) => {
    await c.query(`ALTER DATABASE ${quoteIdent(checkDatabaseName(target))} RENAME TO ${quoteIdent(checkDatabaseName(keepAs))}`);
    try {
      await c.query(`ALTER DATABASE ${quoteIdent(checkDatabaseName(restored))} RENAME TO ${quoteIdent(target)}`);
    } catch (err) {
      await c.query(`ALTER DATABASE ${quoteIdent(keepAs)} RENAME TO ${quoteIdent(target)}`).catch(() => undefined);
      throw err;
    }
  });
}

/** True when the database has no table of its own in public (a freshly created, empty database). */
export async function databaseIsEmpty(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')`,
    );
    return Number(rows[0]?.n ?? 0) === 0;
  } finally {
    await client.end();
  }
}
