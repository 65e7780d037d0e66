/**
 * Installs the job runner's tables (pg-boss's own schema, `pgboss`) and the queues of the
 * catalogue, after the SQL migrations and under their advisory lock: a migrated database can take
 * jobs before any app instance starts (tests' template databases included). pg-boss creates or
 * upgrades its schema itself; each queue's options are written again, so a change in job-queues.ts
 * applies at the next start.
 */
import PgBoss from 'pg-boss';
import type pg from 'pg';
import { JOB_SCHEMA, QUEUE_ORDER, QUEUES } from './job-queues.js';

export async function installJobQueues(client: pg.Client): Promise<void> {
  const boss = new PgBoss({
    db: { executeSql: async (text: string, values?: unknown[]) => client.query(text, values) },
    schema: JOB_SCHEMA,
    migrate: true,
    supervise: false,
    schedule: false,
  });
  boss.on('error', () => undefined);
  await boss.start();
  try {
    const existing = new Set((await boss.getQueues()).map((q) => q.name));
    for (const name of QUEUE_ORDER) {
      const spec = QUEUES[name];
      const options = {
        name,
        policy: 'standard' as const,
        retryLimit: spec.retryLimit,
        retryDelay: spec.retryDelay,
        retryBackoff: spec.retryBackoff,
        expireInSeconds: spec.expireInSeconds,
        ...(spec.deadLetter ? { deadLetter: spec.deadLetter } : {}),
      };
      if (existing.has(name)) await boss.updateQueue(name, options);
      else await boss.createQueue(name, options);
    }
  } finally {
    await boss.stop({ graceful: false, wait: true, close: false });
  }
}
