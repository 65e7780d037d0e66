/**
 * Loads a dump made by snapshot-dump.ts into a database migrated to the dump's migrations (#16
 * item 7): one transaction with `session_replication_role = replica`, so neither the append-only
 * and read-model triggers nor the foreign keys fire (the hash chain and the complaint facts are
 * loaded as they were), every table emptied (rows the migrations seeded) and filled by COPY FROM,
 * then the sequences set. Nothing is visible until it commits.
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { JOB_SCHEMA } from '../../jobs/job-queues.js';
import { listBackupTables, qualified, quoteIdent, type DumpedSequence } from './snapshot-dump.js';

export interface LoadTable {
  schema: string;
  name: string;
  columns: string[];
  file: string;
}

export interface LoadInput {
  dir: string;
  tables: LoadTable[];
  sequences: DumpedSequence[];
  /** pg-boss's schema version in the dump: its jobs are loaded only into the same version */
  jobSchemaVersion: number | null;
}

export interface LoadResult {
  tables: LoadedTable[];
  /** false: pg-boss's schema here is another version, the dump's jobs were left out */
  jobsLoaded: boolean;
}

export interface LoadedTable {
  schema: string;
  name: string;
  rows: number;
}

/** The session may not switch triggers off: not a superuser and no SET privilege on the parameter. */
export class ReplicationRoleRefused extends Error {}

async function jobQueueNames(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(`SELECT name FROM ${quoteIdent(JOB_SCHEMA)}.queue`);
  return rows.map((r) => r.name);
}

function literalArray(values: string[]): string {
  return `'{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}'`;
}

const INTEGER_TYPES = new Set(['smallint', 'integer', 'bigint']);
const NUMBER = /^-?\d+$/;

/** Sequences made at run time (not by a migration) are created as they were. */
async function createMissingSequence(client: pg.ClientBase, s: DumpedSequence): Promise<void> {
  const { rows } = await client.query<{ present: boolean }>('SELECT to_regclass($1) IS NOT NULL AS present', [qualified(s)]);
  if (rows[0]?.present) return;
  const d = s.definition;
  if (!INTEGER_TYPES.has(d.dataType) || ![d.start, d.min, d.max, d.increment].every((v) => NUMBER.test(v)))
    throw new Error(`sequence ${s.schema}.${s.name}: unexpected definition`);
  await client.query(
    `CREATE SEQUENCE ${qualified(s)} AS ${d.dataType} INCREMENT BY ${d.increment} MINVALUE ${d.min} MAXVALUE ${d.max} START WITH ${d.start}${d.cycle ? ' CYCLE' : ''}`,
  );
}

async function installedJobSchemaVersion(client: pg.ClientBase): Promise<number | null> {
  const { rows } = await client.query<{ present: boolean }>('SELECT to_regclass($1) IS NOT NULL AS present', [`${JOB_SCHEMA}.version`]);
  if (!rows[0]?.present) return null;
  const v = await client.query<{ version: number }>(`SELECT version FROM ${quoteIdent(JOB_SCHEMA)}.version`);
  return v.rows[0]?.version ?? null;
}

export async function loadDatabase(url: string, input: LoadInput, onTable?: (t: LoadedTable) => void): Promise<LoadResult> {
  const client = new pg.Client({ connectionString: url, options: '-c jit=off -c statement_timeout=0' });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query('BEGIN');
    try {
      await client.query('SET LOCAL session_replication_role = replica');
    } catch (err) {
      throw new ReplicationRoleRefused(
        `cannot load with triggers off (${(err as Error).message}): restore as a superuser, or GRANT SET ON PARAMETER session_replication_role TO the user`,
      );
    }
    const installed = await installedJobSchemaVersion(client);
    const jobs = input.jobSchemaVersion !== null && installed === input.jobSchemaVersion;
    const present = await listBackupTables(client);
    const byName = new Map(present.map((t) => [qualified(t), t]));
    for (const t of input.tables) {
      if (t.schema === JOB_SCHEMA && !jobs) continue;
      const there = byName.get(qualified(t));
      if (!there) throw new Error(`table ${t.schema}.${t.name} of the backup does not exist after its migrations`);
      const missing = t.columns.filter((c) => !there.columns.includes(c));
      if (missing.length > 0) throw new Error(`table ${t.schema}.${t.name} has no column(s) ${missing.join(', ')}`);
    }
    const emptied = present.filter((t) => t.schema === 'public' || jobs);
    if (emptied.length > 0) await client.query(`TRUNCATE ${emptied.map(qualified).join(', ')}`);
    const queues = await jobQueueNames(client);
    const loaded: LoadedTable[] = [];
    for (const t of input.tables) {
      if (t.schema === JOB_SCHEMA && !jobs) continue;
      // a job of a queue this version no longer has would find no partition: left out (and counted)
      const where = t.schema === JOB_SCHEMA && t.name === 'job' ? ` WHERE name = ANY (${literalArray(queues)}::text[])` : '';
      const sink = client.query(copyFrom(`COPY ${qualified(t)} (${t.columns.map(quoteIdent).join(', ')}) FROM STDIN${where}`));
      await pipeline(createReadStream(path.join(input.dir, t.file)), createGunzip(), sink);
      const table = { schema: t.schema, name: t.name, rows: sink.rowCount };
      loaded.push(table);
      onTable?.(table);
    }
    for (const s of input.sequences) {
      if (s.schema === JOB_SCHEMA && !jobs) continue;
      await createMissingSequence(client, s);
      if (s.lastValue === null) continue;
      await client.query('SELECT setval($1::regclass, $2::bigint, true)', [qualified(s), s.lastValue]);
    }
    await client.query('COMMIT');
    return { tables: loaded, jobsLoaded: jobs };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await client.end();
  }
}

/** Fresh statistics for the planner: a restored database has none (#16: plans on a freshly loaded database). */
export async function analyzeDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, options: '-c statement_timeout=0' });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
}

/** Rows per table now in the database, for the tables named. */
export async function countRows(url: string, tables: Array<{ schema: string; name: string }>): Promise<Map<string, number>> {
  const client = new pg.Client({ connectionString: url, options: '-c statement_timeout=0' });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const counts = new Map<string, number>();
    for (const t of tables) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${qualified(t)}`);
      counts.set(`${t.schema}.${t.name}`, Number(rows[0]?.n ?? 0));
    }
    return counts;
  } finally {
    await client.end();
  }
}
