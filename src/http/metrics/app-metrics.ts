/**
 * The Prometheus figures of one app (#16 item 8), in the text format:
 *
 * - `http_request_duration_seconds{method, route, status_class}`: the route is fastify's pattern
 *   (`/api/complaints/:id`), never the URL, so ids do not multiply the series; `unmatched` for 404s;
 * - the database's figures, read at scrape time (metrics.repository.ts: one index each, bounded):
 *   job queue depth and age, outbox and message queues, failed and dead deliveries, sweeper lag.
 *   They are the same on every instance (one database); `complaints_database_up` says whether they
 *   could be read: when the database is down or slow they are left out and the scrape still answers;
 * - the connection pool of this process (in use, idle, waiting);
 * - this process's sweeper and jobs (process-metrics.ts) and Node's defaults (CPU, memory, event loop, GC).
 */
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { poolOf, type Database } from '../../db/database.js';
import { readScrapeFigures, type ScrapeFigures } from '../../db/repositories/metrics.repository.js';
import { registerProcessMetrics } from './process-metrics.js';

/** A scrape waits this long for the database's figures, then answers without them. */
export const SCRAPE_DB_TIMEOUT_MS = 2_000;

export interface AppMetrics {
  readonly contentType: string;
  /** one finished request */
  observeRequest(method: string, route: string | undefined, status: number, seconds: number): void;
  /** the whole text of a scrape */
  render(now: Date): Promise<string>;
}

const ageSeconds = (now: Date, at: Date | null): number => (at ? Math.max(0, (now.getTime() - at.getTime()) / 1000) : 0);

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  // the loser's rejection must not surface as an unhandled one
  p.catch(() => undefined);
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** The database's figures as gauges of a registry made for this one scrape (nothing stale survives an outage). */
function databaseRegistry(f: ScrapeFigures | null, now: Date, seconds: number): Registry {
  const r = new Registry();
  const gauge = <L extends string>(name: string, help: string, labelNames: readonly L[] = []) =>
    new Gauge<L>({ name, help, labelNames, registers: [r] });
  gauge('complaints_database_up', 'Whether this scrape could read the database (1) or not (0)').set(f ? 1 : 0);
  gauge('complaints_metrics_database_seconds', "Time this scrape spent reading the database's figures").set(seconds);
  if (!f) return r;
  const depth = gauge('complaints_job_queue_depth', 'Jobs waiting per queue and state (created, retry); capped at 10000', [
    'queue',
    'state',
  ]);
  for (const d of f.queueDepth) depth.set({ queue: d.queue, state: d.state }, d.jobs);
  const lag = gauge('complaints_job_queue_oldest_ready_seconds', 'Age of the oldest job that could run now and has not started', ['queue']);
  for (const l of f.queueLag) lag.set({ queue: l.queue }, ageSeconds(now, l.oldestReadyAt));
  gauge('complaints_outbox_pending', 'Outbox rows not yet handed to their channels; capped at 10000').set(f.outboxPending);
  gauge('complaints_outbox_oldest_pending_seconds', 'Age of the oldest outbox row not yet handed to its channels').set(
    ageSeconds(now, f.outboxOldestAt),
  );
  const messages = gauge(
    'complaints_messages',
    'Outgoing messages by status: queued (to send), failed (an attempt failed, will retry), dead (gave up); capped at 10000',
    ['status'],
  );
  for (const [status, n] of Object.entries(f.messages)) messages.set({ status }, n);
  gauge('complaints_sweeper_lag_seconds', 'How long the most overdue clock check has waited for the sweeper (0: none due)').set(
    ageSeconds(now, f.sweeperOldestDueAt),
  );
  return r;
}

export function createAppMetrics(db: Database): AppMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  registerProcessMetrics(registry);
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer a request, by method, route pattern and status class',
    labelNames: ['method', 'route', 'status_class'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const pool = poolOf(db);
  if (pool) {
    new Gauge({
      name: 'complaints_db_pool_connections',
      help: "This process's database connections by state (in_use, idle)",
      labelNames: ['state'] as const,
      registers: [registry],
      collect() {
        this.set({ state: 'in_use' }, pool.totalCount - pool.idleCount);
        this.set({ state: 'idle' }, pool.idleCount);
      },
    });
    new Gauge({
      name: 'complaints_db_pool_waiting',
      help: 'Requests of this process waiting for a database connection',
      registers: [registry],
      collect() {
        this.set(pool.waitingCount);
      },
    });
  }

  return {
    contentType: registry.contentType,
    observeRequest(method, route, status, seconds) {
      duration.observe({ method, route: route ?? 'unmatched', status_class: `${Math.floor(status / 100)}xx` }, seconds);
    },
    async render(now) {
      const started = performance.now();
      const figures = await withTimeout(readScrapeFigures(db, now, SCRAPE_DB_TIMEOUT_MS), SCRAPE_DB_TIMEOUT_MS).catch(() => null);
      const database = databaseRegistry(figures, now, (performance.now() - started) / 1000);
      return `${await registry.metrics()}\n${await database.metrics()}`;
    },
  };
}
