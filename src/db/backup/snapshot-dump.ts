/**
 * The app's own logical dump (#16 item 7): one REPEATABLE READ READ ONLY transaction (one snapshot,
 * consistent while the system writes), `COPY (SELECT …) TO STDOUT` in text format for every table
 * of the public schema and the job runner's pending jobs, each gzipped into its own file with its
 * row count and sha256; then the sequences' values (read last, so never behind a copied id).
 * Built-in rather than pg_dump: the embedded PostgreSQL 17 ships no pg_dump and Debian's pg_dump 15
 * refuses a 17 server; the text format of COPY is the one pg_dump uses and loads into any version.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { JOB_SCHEMA } from '../../jobs/job-queues.js';

/** Tables that are not data: the migrations' own record (kept as a list in the manifest), and the facts refresh queue (empty outside a transaction, migration 0034). */
const SKIPPED_PUBLIC = new Set(['schema_migrations', 'complaint_facts_pending']);
/** Of pg-boss's schema only the jobs: its version, queues and schedules are installed by the restoring code. */
const KEPT_JOB_TABLES = new Set(['job']);

export interface TableSpec {
  schema: string;
  name: string;
  /** stored columns in their order (generated ones left out: COPY FROM cannot write them) */
  columns: string[];
  hasBytea: boolean;
}

export interface DumpedTable {
  schema: string;
  name: string;
  columns: string[];
  /** the gzipped COPY text, relative to the backup directory */
  file: string;
  rows: number;
  bytes: number;
  sha256: string;
}

export interface DumpedSequence {
  schema: string;
  name: string;
  /** null: never used */
  lastValue: string | null;
  /** how to create it where the migrations do not (the per-day complaint number sequences of 0032) */
  definition: { dataType: string; start: string; min: string; max: string; increment: string; cycle: boolean };
}

export interface DatabaseDump {
  serverVersion: string;
  database: string;
  migrations: Array<{ name: string; checksum: string }>;
  /** pg-boss's schema version (null: not installed) */
  jobSchemaVersion: number | null;
  tables: DumpedTable[];
  sequences: DumpedSequence[];
  /** a few encrypted values (enc:v1 ciphertexts, never clear text) per key id, to test a key ring at restore */
  keySamples: string[];
  snapshotAt: Date;
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export const qualified = (t: { schema: string; name: string }) => `${quoteIdent(t.schema)}.${quoteIdent(t.name)}`;

/** The tables a backup holds, in name order (the load runs with triggers and foreign keys off). */
export async function listBackupTables(client: pg.ClientBase): Promise<TableSpec[]> {
  const { rows } = await client.query<{ schema: string; name: string; columns: string[]; has_bytea: boolean }>(
    `SELECT n.nspname AS schema, c.relname AS name,
            array_agg(a.attname::text ORDER BY a.attnum) AS columns,
            bool_or(a.atttypid = 'bytea'::regtype) AS has_bytea
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      WHERE n.nspname = ANY($1::text[]) AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      GROUP BY 1, 2
      ORDER BY 1 DESC, 2`,
    [['public', JOB_SCHEMA]],
  );
  return rows
    .filter((r) => (r.schema === 'public' ? !SKIPPED_PUBLIC.has(r.name) : KEPT_JOB_TABLES.has(r.name)))
    .map((r) => ({ schema: r.schema, name: r.name, columns: r.columns, hasBytea: r.has_bytea }));
}

const ENVELOPE = /enc:v1:([A-Za-z0-9_-]{1,16}):[A-Za-z0-9+/=]{16}:[A-Za-z0-9+/=]{24}:[A-Za-z0-9+/=]+(?=[\t\n"\\,}\]])/g;
const SAMPLES_PER_KEY = 3;

/** Counts and hashes what passes; collects enc:v1 samples (only whole ones: a match must end before the chunk does). */
class Tap extends Transform {
  readonly hash = createHash('sha256');
  bytes = 0;
  constructor(private readonly onChunk?: (chunk: Buffer) => void) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
    this.bytes += chunk.length;
    this.hash.update(chunk);
    this.onChunk?.(chunk);
    done(null, chunk);
  }
}

async function serverFacts(client: pg.ClientBase) {
  const version = await client.query<{ v: string; db: string }>('SELECT current_setting($1) AS v, current_database() AS db', [
    'server_version',
  ]);
  const migrations = await client.query<{ name: string; checksum: string }>('SELECT name, checksum FROM schema_migrations ORDER BY name');
  const boss = await client.query<{ v: number | null }>(`SELECT CASE WHEN to_regclass($1) IS NULL THEN NULL ELSE 0 END AS v`, [
    `${JOB_SCHEMA}.version`,
  ]);
  let jobSchemaVersion: number | null = null;
  if (boss.rows[0]?.v !== null) {
    const r = await client.query<{ version: number }>(`SELECT version FROM ${quoteIdent(JOB_SCHEMA)}.version`);
    jobSchemaVersion = r.rows[0]?.version ?? null;
  }
  return { serverVersion: version.rows[0]?.v ?? '?', database: version.rows[0]?.db ?? '?', migrations: migrations.rows, jobSchemaVersion };
}

/**
 * Dumps the database at `url` into `dir` (which must exist). Every table is read in the same
 * snapshot; `onTable` reports progress (awaited: the drill test writes between two tables).
 */
export async function dumpDatabase(url: string, dir: string, onTable?: (t: DumpedTable) => void | Promise<void>): Promise<DatabaseDump> {
  const client = new pg.Client({
    connectionString: url,
    options: '-c jit=off -c statement_timeout=0 -c idle_in_transaction_session_timeout=0',
  });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // the snapshot is taken by the first statement: everything below reads the same instant
    const at = await client.query<{ now: Date }>('SELECT clock_timestamp() AS now');
    const facts = await serverFacts(client);
    const specs = await listBackupTables(client);
    const samples = new Map<string, string[]>();
    const collect = (chunk: Buffer) => {
      if (chunk.indexOf('enc:v1:') < 0) return;
      for (const m of chunk.toString('utf8').matchAll(ENVELOPE)) {
        const list = samples.get(m[1] ?? '') ?? [];
        if (list.length < SAMPLES_PER_KEY && !list.includes(m[0])) list.push(m[0]);
        samples.set(m[1] ?? '', list);
      }
    };
    const tables: DumpedTable[] = [];
    for (const spec of specs) {
      const file = path.join('tables', `${spec.schema}.${spec.name}.copy.gz`);
      const source = client.query(copyTo(`COPY (SELECT ${spec.columns.map(quoteIdent).join(', ')} FROM ${qualified(spec)}) TO STDOUT`));
      const scan = new Tap(spec.hasBytea ? undefined : collect);
      const out = new Tap();
      await pipeline(source, scan, createGzip({ level: 3 }), out, createWriteStream(path.join(dir, file), { flags: 'wx' }));
      const table: DumpedTable = {
        schema: spec.schema,
        name: spec.name,
        columns: spec.columns,
        file,
        rows: source.rowCount,
        bytes: out.bytes,
        sha256: out.hash.digest('hex'),
      };
      tables.push(table);
      await onTable?.(table);
    }
    // sequences are not transactional: read last, their values are at least those of the snapshot
    const seqs = await client.query<{
      schema: string;
      name: string;
      last_value: string | null;
      data_type: string;
      start_value: string;
      min_value: string;
      max_value: string;
      increment_by: string;
      cycle: boolean;
    }>(
      `SELECT schemaname AS schema, sequencename AS name, last_value::text AS last_value, data_type::text AS data_type,
              start_value::text AS start_value, min_value::text AS min_value, max_value::text AS max_value,
              increment_by::text AS increment_by, cycle
         FROM pg_sequences WHERE schemaname = ANY($1::text[]) ORDER BY 1, 2`,
      [['public', JOB_SCHEMA]],
    );
    await client.query('COMMIT');
    return {
      ...facts,
      tables,
      sequences: seqs.rows.map((s) => ({
        schema: s.schema,
        name: s.name,
        lastValue: s.last_value,
        definition: {
          dataType: s.data_type,
          start: s.start_value,
          min: s.min_value,
          max: s.max_value,
          increment: s.increment_by,
          cycle: s.cycle,
        },
      })),
      keySamples: [...samples.values()].flat(),
      snapshotAt: at.rows[0]?.now ?? new Date(),
    };
  } finally {
    await client.end();
  }
}
