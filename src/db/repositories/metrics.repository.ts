/**
 * What `/metrics` reads from the database at scrape time (#16 item 8). Every query walks one index
 * and is bounded: counts stop at COUNT_CAP rows (a gauge at the cap reads "at least"), minima read the
 * first entry of an index. So a scrape costs the same at a thousand complaints or ten million.
 *
 * - job queues: pgboss.job_i5 of each queue's partition, (name, start_after) WHERE state < 'active'
 *   (created and retry jobs: the backlog); jobs being worked are counted in-process by each instance;
 * - outbox: outbox_pending_idx, (available_at) WHERE dispatched_at IS NULL;
 * - messages: messages_status_idx, (status, created_at DESC);
 * - sweeper lag: complaint_clocks_next_check_idx, (next_check_at) WHERE next_check_at IS NOT NULL.
 */
import { sql, type Kysely } from 'kysely';
import { JOB_SCHEMA, QUEUES, type QueueName } from '../../jobs/job-queues.js';
import type { DB } from '../schema.js';

/** The most rows one gauge counts: enough to page anyone, and a bound on the scrape's cost. */
export const COUNT_CAP = 10_000;

export interface QueueDepth {
  queue: string;
  state: 'created' | 'retry';
  jobs: number;
}

export interface QueueLag {
  queue: string;
  /** the oldest job that could run now (start_after passed) and has not started; null: none */
  oldestReadyAt: Date | null;
}

export interface ScrapeFigures {
  queueDepth: QueueDepth[];
  queueLag: QueueLag[];
  outboxPending: number;
  outboxOldestAt: Date | null;
  /** messages by status: queued (waiting for a send job), failed (an attempt failed, retrying), dead (gave up) */
  messages: Record<'queued' | 'failed' | 'dead', number>;
  /** the clock the sweeper should have looked at longest ago (next_check_at in the past); null: none due */
  sweeperOldestDueAt: Date | null;
}

const boss = sql.raw(JOB_SCHEMA);
const QUEUE_NAMES = Object.keys(QUEUES) as QueueName[];

/**
 * The backlog of every queue of the catalogue by state, each count capped. One subquery per queue and
 * state with the name as a value: the planner prunes to that queue's partition and, ordered like
 * job_i5, walks that index even when every row of the partition is waiting.
 */
async function queueDepth(db: Kysely<DB>): Promise<QueueDepth[]> {
  const parts = QUEUE_NAMES.flatMap((queue) =>
    (['created', 'retry'] as const).map(
      (state) => sql`
        SELECT ${queue}::text AS queue, ${state}::text AS state, (
                 SELECT count(*) FROM (
                   SELECT 1 FROM ${boss}.job j
                    WHERE j.name = ${queue} AND j.state < 'active' AND j.state = ${state}::${boss}.job_state
                    ORDER BY j.name, j.start_after
                    LIMIT ${COUNT_CAP}) capped
               ) AS jobs`,
    ),
  );
  const r = await sql<{ queue: string; state: 'created' | 'retry'; jobs: string }>`${sql.join(parts, sql` UNION ALL `)}`.execute(db);
  return r.rows.map((row) => ({ queue: row.queue, state: row.state, jobs: Number(row.jobs) }));
}

async function queueLag(db: Kysely<DB>, now: Date): Promise<QueueLag[]> {
  const r = await sql<{ queue: string; oldest: Date | null }>`
    SELECT q.name AS queue, (
             SELECT min(j.start_after) FROM ${boss}.job j
              WHERE j.name = q.name AND j.state < 'active' AND j.start_after <= ${now}
           ) AS oldest
      FROM ${boss}.queue q
     ORDER BY 1`.execute(db);
  return r.rows.map((row) => ({ queue: row.queue, oldestReadyAt: row.oldest }));
}

async function outbox(db: Kysely<DB>): Promise<{ pending: number; oldest: Date | null }> {
  const r = await sql<{ pending: string; oldest: Date | null }>`
    SELECT (SELECT count(*) FROM (SELECT 1 FROM outbox WHERE dispatched_at IS NULL ORDER BY available_at LIMIT ${COUNT_CAP}) capped) AS pending,
           (SELECT min(available_at) FROM outbox WHERE dispatched_at IS NULL) AS oldest`.execute(db);
  const row = r.rows[0];
  return { pending: Number(row?.pending ?? 0), oldest: row?.oldest ?? null };
}

/** Ordered like messages_status_idx, so that the index is walked whatever share of the table a status has. */
async function messages(db: Kysely<DB>): Promise<ScrapeFigures['messages']> {
  const statuses = ['queued', 'failed', 'dead'] as const;
  const parts = statuses.map(
    (status) => sql`
      SELECT ${status}::text AS status, (
               SELECT count(*) FROM (
                 SELECT 1 FROM messages m WHERE m.status = ${status} ORDER BY m.status, m.created_at DESC LIMIT ${COUNT_CAP}) capped
             ) AS n`,
  );
  const r = await sql<{ status: (typeof statuses)[number]; n: string }>`${sql.join(parts, sql` UNION ALL `)}`.execute(db);
  const out = { queued: 0, failed: 0, dead: 0 };
  for (const row of r.rows) out[row.status] = Number(row.n);
  return out;
}

async function sweeperOldestDue(db: Kysely<DB>, now: Date): Promise<Date | null> {
  const r = await sql<{ oldest: Date | null }>`
    SELECT min(next_check_at) AS oldest FROM complaint_clocks WHERE next_check_at IS NOT NULL AND next_check_at <= ${now}`.execute(db);
  return r.rows[0]?.oldest ?? null;
}

/**
 * Every figure in one read-only transaction (one connection of the pool, not five), each statement
 * limited to `statementTimeoutMs`: a slow database makes the scrape leave the figures out, never hang.
 */
export async function readScrapeFigures(db: Kysely<DB>, now: Date, statementTimeoutMs: number): Promise<ScrapeFigures> {
  return db
    .transaction()
    .setAccessMode('read only')
    .execute(async (trx) => {
      await sql`SELECT set_config('statement_timeout', ${String(statementTimeoutMs)}, true)`.execute(trx);
      const depth = await queueDepth(trx);
      const lag = await queueLag(trx, now);
      const box = await outbox(trx);
      const msgs = await messages(trx);
      const oldestDue = await sweeperOldestDue(trx, now);
      return {
        queueDepth: depth,
        queueLag: lag,
        outboxPending: box.pending,
        outboxOldestAt: box.oldest,
        messages: msgs,
        sweeperOldestDueAt: oldestDue,
      };
    });
}
