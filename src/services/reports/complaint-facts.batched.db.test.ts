/**
 * complaint_facts refreshed once per transaction for every complaint it touched (#16, migration
 * 0034): statement triggers queue the ids, the first deferred firing refreshes them all. The facts
 * of several complaints changed in one transaction are all current at COMMIT, the queue is empty
 * afterwards, and what a rolled-back savepoint or transaction queued is gone with it.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import { findFacts } from '../../db/repositories/statistics.repository.js';

let t: TestApp;
const ids: string[] = [];

beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z');
  for (let i = 0; i < 3; i++) {
    const res = await t.inject({ method: 'POST', url: '/api/complaints', payload: complaintBody({ description: `批量刷新 ${i}` }) });
    expect(res.statusCode).toBe(201);
    ids.push(res.json<{ id: string }>().id);
  }
});
afterAll(async () => t.close());

const pending = async () => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM complaint_facts_pending`.execute(t.db)).rows[0]?.n);
const assignees = async () => Promise.all(ids.map(async (id) => (await findFacts(t.db, id))?.assignee));

describe('the facts refresh, batched per transaction (#16, migration 0034)', () => {
  it('registration left nothing queued and wrote every facts row', async () => {
    expect(await pending()).toBe(0);
    expect(await assignees()).toEqual(['tester', 'tester', 'tester']);
  });

  it('one transaction changing three complaints in two statements: all three facts rows are current at COMMIT', async () => {
    await t.db.transaction().execute(async (trx) => {
      await sql`UPDATE complaints SET assignee = 'agent' WHERE id = ANY(${ids.slice(0, 2)}::uuid[])`.execute(trx);
      await sql`UPDATE complaints SET assignee = 'handler' WHERE id = ${ids[2]}`.execute(trx);
      // queued, not yet refreshed: the refresh runs after the last statement
      expect(Number((await sql<{ n: string }>`SELECT count(*) AS n FROM complaint_facts_pending`.execute(trx)).rows[0]?.n)).toBe(3);
      expect((await findFacts(trx, ids[0]!))?.assignee).toBe('tester');
    });
    expect(await assignees()).toEqual(['agent', 'agent', 'handler']);
    expect(await pending()).toBe(0);
  });

  it('a clock change refreshes its complaint too; a rolled-back savepoint queues nothing', async () => {
    await t.db.transaction().execute(async (trx) => {
      await sql`SAVEPOINT s`.execute(trx);
      await sql`UPDATE complaints SET assignee = 'leader' WHERE id = ${ids[0]}`.execute(trx);
      await sql`ROLLBACK TO SAVEPOINT s`.execute(trx);
      await sql`UPDATE complaint_clocks SET due_at = due_at + interval '1 day' WHERE complaint_id = ${ids[1]} AND kind = 'regulatory'`.execute(
        trx,
      );
    });
    const due = await sql<{
      due: Date;
    }>`SELECT due_at AS due FROM complaint_clocks WHERE complaint_id = ${ids[1]} AND kind = 'regulatory'`.execute(t.db);
    expect((await findFacts(t.db, ids[1]!))?.regulatory_due_at?.toISOString()).toBe(due.rows[0]?.due.toISOString());
    expect(await assignees()).toEqual(['agent', 'agent', 'handler']);
    expect(await pending()).toBe(0);
  });

  it('a rolled-back transaction leaves the facts and the queue as they were', async () => {
    await expect(
      t.db.transaction().execute(async (trx) => {
        await sql`UPDATE complaints SET assignee = 'senior' WHERE id = ANY(${ids}::uuid[])`.execute(trx);
        throw new Error('abandon');
      }),
    ).rejects.toThrow('abandon');
    expect(await assignees()).toEqual(['agent', 'agent', 'handler']);
    expect(await pending()).toBe(0);
  });
});
