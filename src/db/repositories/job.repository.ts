/**
 * Jobs written in the caller's transaction (#11 item 1): a job enqueued with the change that calls
 * for it exists exactly when the change committed. pg-boss builds its own insert statement; it is
 * run here through the transaction's connection. Also the administrator's dead-letter list.
 */
import { CompiledQuery, sql, type Kysely } from 'kysely';
import PgBoss from 'pg-boss';
import { JOB_SCHEMA, type JobData, type QueueName } from '../../jobs/job-queues.js';
import type { DB } from '../schema.js';

/** pg-boss's database interface over a Kysely connection or transaction. */
export function bossDb(db: Kysely<DB>): PgBoss.Db {
  return {
    executeSql: async (text: string, values?: unknown[]) => {
      const r = await db.executeQuery(CompiledQuery.raw(text, values ?? []));
      return { rows: r.rows as unknown[] as object[] };
    },
  };
}

// never started and never connected: it only builds pg-boss's statements, run through bossDb
const planner = new PgBoss({
  db: { executeSql: () => Promise.reject(new Error('the job planner does not connect')) },
  schema: JOB_SCHEMA,
});

export interface NewJob<Q extends QueueName = QueueName> {
  name: Q;
  data: JobData[Q];
  /** not before this instant (quiet hours, a digest's morning) */
  startAfter?: Date;
  /** with singletonSeconds: at most one job of this queue and key per time slot of that length (a mailbox's poll) */
  singletonKey?: string;
  singletonSeconds?: number;
}

/** Inserts the jobs in the caller's transaction; the queues' retry rules apply (pgboss.queue). */
export async function enqueueJobs(db: Kysely<DB>, jobs: readonly NewJob[]): Promise<void> {
  if (jobs.length === 0) return;
  await planner.insert(
    jobs.map((j) => ({
      name: j.name,
      data: j.data,
      ...(j.startAfter ? { startAfter: j.startAfter.toISOString() } : {}),
      ...(j.singletonKey ? { singletonKey: j.singletonKey, singletonSeconds: j.singletonSeconds } : {}),
    })),
    { db: bossDb(db) },
  );
}

export interface FailedJobRow {
  id: string;
  name: QueueName;
  data: Record<string, unknown>;
  state: 'failed';
  retry_count: number;
  output: Record<string, unknown> | null;
  created_on: Date;
  completed_on: Date | null;
}

/** Jobs that failed their last attempt (newest first), archived ones included. */
export async function listFailedJobs(db: Kysely<DB>, q: { queue?: QueueName; limit: number }): Promise<FailedJobRow[]> {
  const where = q.queue ? sql`AND name = ${q.queue}` : sql``;
  const r = await sql<FailedJobRow>`
    SELECT id, name, data, state, retry_count, output, created_on, completed_on FROM (
      SELECT id, name, data, state::text AS state, retry_count, output, created_on, completed_on FROM ${sql.table(`${JOB_SCHEMA}.job`)}
      UNION ALL
      SELECT id, name, data, state::text AS state, retry_count, output, created_on, completed_on FROM ${sql.table(`${JOB_SCHEMA}.archive`)}
    ) j
    WHERE state = 'failed' ${where}
    ORDER BY completed_on DESC NULLS LAST, created_on DESC
    LIMIT ${q.limit}`.execute(db);
  return r.rows;
}

/** Puts a failed job back in its queue (attempts start again); false when it is not a failed job (any more). */
export async function retryFailedJob(db: Kysely<DB>, queue: QueueName, id: string): Promise<boolean> {
  const found = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM ${sql.table(`${JOB_SCHEMA}.job`)} WHERE name = ${queue} AND id = ${id}::uuid AND state = 'failed'`.execute(
    db,
  );
  if ((found.rows[0]?.n ?? 0) === 0) {
    // archived: back into the job table first
    const moved = await sql`
      WITH a AS (DELETE FROM ${sql.table(`${JOB_SCHEMA}.archive`)} WHERE name = ${queue} AND id = ${id}::uuid AND state = 'failed' RETURNING *)
      INSERT INTO ${sql.table(`${JOB_SCHEMA}.job`)} (id, name, priority, data, state, retry_limit, retry_count, retry_delay, retry_backoff,
        start_after, started_on, singleton_key, singleton_on, expire_in, created_on, completed_on, keep_until, output, dead_letter, policy)
      SELECT id, name, priority, data, state, retry_limit, retry_count, retry_delay, retry_backoff,
        start_after, started_on, singleton_key, singleton_on, expire_in, created_on, completed_on, now() + interval '14 days', output, dead_letter, policy
      FROM a`.execute(db);
    if (Number(moved.numAffectedRows ?? 0) === 0) return false;
  }
  await planner.retry(queue, id, { db: bossDb(db) });
  return true;
}

/** Drops a queue's jobs that have not started (their work is known to be moot). */
export async function deleteWaitingJobs(db: Kysely<DB>, queue: QueueName): Promise<void> {
  await sql`DELETE FROM ${sql.table(`${JOB_SCHEMA}.job`)} WHERE name = ${queue} AND state IN ('created', 'retry')`.execute(db);
}
