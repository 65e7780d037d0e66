import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueJobs } from '../db/repositories/job.repository.js';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { QUEUE_ORDER, QUEUES } from './job-queues.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.close());

describe('job runner install (#11 item 1)', () => {
  it('migration installs pg-boss and every queue with its retry rules and dead letter', async () => {
    const queues = await sql<{ name: string; retry_limit: number; retry_backoff: boolean; dead_letter: string | null }>`
      SELECT name, retry_limit, retry_backoff, dead_letter FROM pgboss.queue ORDER BY name`.execute(t.db);
    expect(queues.rows.map((q) => q.name).sort()).toEqual([...QUEUE_ORDER].sort());
    const send = queues.rows.find((q) => q.name === 'message.send');
    expect(send).toMatchObject({ retry_limit: QUEUES['message.send'].retryLimit, retry_backoff: true, dead_letter: 'message.dead' });
  });

  it('a job enqueued in a transaction exists only if the transaction commits', async () => {
    await t.db
      .transaction()
      .execute(async (trx) => {
        await enqueueJobs(trx, [{ name: 'message.send', data: { messageId: '00000000-0000-0000-0000-00000000000a' } }]);
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    await t.db.transaction().execute(async (trx) => {
      await enqueueJobs(trx, [{ name: 'message.send', data: { messageId: '00000000-0000-0000-0000-00000000000b' } }]);
    });
    const jobs = await sql<{ data: { messageId: string }; retry_limit: number }>`
      SELECT data, retry_limit FROM pgboss.job WHERE name = 'message.send'`.execute(t.db);
    expect(jobs.rows.map((j) => j.data.messageId)).toEqual(['00000000-0000-0000-0000-00000000000b']);
    expect(jobs.rows[0]?.retry_limit).toBe(QUEUES['message.send'].retryLimit);
  });
});
