import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { installJobQueues } from '../jobs/job-runner.install.js';

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const LOCK_ID = 727_001;
const MIN_SERVER_VERSION = 150_000;

export interface MigrationResult {
  applied: string[];
}

/** The migration files of this version, in the order they apply. */
export function migrationFiles(): Array<{ name: string; checksum: string }> {
  return readdirSync(migrationsDir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((name) => ({
      name,
      checksum: createHash('sha256')
        .update(readFileSync(path.join(migrationsDir, name), 'utf8'))
        .digest('hex'),
    }));
}

/**
 * Applies every pending SQL file of src/db/migrations in name order, each in its own transaction,
 * under an advisory lock so several instances starting together apply each file once.
 * `upTo` (a restore, #16 item 7): only the files up to and including that name.
 */
export async function migrate(url: string, options: { upTo?: string } = {}): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString: url });
  // a connection lost mid-migration rejects the query at hand; without a listener it would also
  // end the process
  client.on('error', () => undefined);
  await client.connect();
  const applied: string[] = [];
  try {
    const { rows } = await client.query<{ v: string }>('SHOW server_version_num');
    if (Number(rows[0]?.v) < MIN_SERVER_VERSION) {
      throw new Error(`PostgreSQL 15 or newer is required (server reports version number ${rows[0]?.v})`);
    }
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_ID]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Map<string, string>(
      (await client.query<{ name: string; checksum: string }>('SELECT name, checksum FROM schema_migrations')).rows.map((r) => [
        r.name,
        r.checksum,
      ]),
    );
    const files = readdirSync(migrationsDir)
      .filter((f) => f.endsWith('.sql'))
      .sort();
    for (const file of files) {
      if (options.upTo !== undefined && file > options.upTo) break;
      const sql = readFileSync(path.join(migrationsDir, file), 'utf8');
      const checksum = createHash('sha256').update(sql).digest('hex');
      const previous = done.get(file);
      if (previous !== undefined) {
        if (previous !== checksum) throw new Error(`migration ${file} was changed after it was applied`);
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query('INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)', [file, checksum]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${file} failed: ${(err as Error).message}`);
      }
      applied.push(file);
    }
    // the job runner's tables and queues (#11): pg-boss's schema, created or upgraded by pg-boss itself
    await installJobQueues(client);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_ID]).catch(() => {});
    await client.end();
  }
  return { applied };
}
