/**
 * The outbox dispatcher (#11 item 2): each row is handed to its channels once, whoever runs it and
 * however often; a row whose job was lost gets one again from the every-minute safety net.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import { dispatchOutboxRow, requeueUndispatched } from './outbox-dispatch.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z');
});
afterAll(async () => t.close());

const dispatchJobs = async (outboxId: string) =>
  (
    await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'outbox.dispatch' AND data->>'outboxId' = ${outboxId}`.execute(t.db)
  ).rows[0]?.n ?? 0;

describe('outbox dispatch (#11 item 2)', () => {
  it('writes the messages once, marks the row, and a lost job is put back by the safety net', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/complaints',
      payload: complaintBody({ channel: 'letter', complainant: { name: '冯十二', email: 'feng@example.com' } }),
    });
    const { id } = res.json<{ id: string }>();
    const row = await t.db
      .selectFrom('outbox')
      .select(['id', 'dispatched_at'])
      .where('idempotency_key', '=', `complaint.registered:${id}`)
      .executeTakeFirstOrThrow();
    const outboxId = String(row.id);
    expect(row.dispatched_at).toBeNull();
    // the job was written with the row, in the same transaction
    expect(await dispatchJobs(outboxId)).toBe(1);

    // the job is lost (a restored backup, say): a minute later the safety net puts one back
    await sql`DELETE FROM pgboss.job WHERE name = 'outbox.dispatch' AND data->>'outboxId' = ${outboxId}`.execute(t.db);
    expect(await requeueUndispatched(t.ctx)).toBe(0); // not yet a minute old
    t.setNow('2026-11-25T02:01:30Z');
    expect(await requeueUndispatched(t.ctx)).toBeGreaterThanOrEqual(1);
    expect(await dispatchJobs(outboxId)).toBe(1);

    // handed over once: a second run (another instance, a retry) writes nothing
    expect(await dispatchOutboxRow(t.ctx, outboxId)).toBe(true);
    expect(await dispatchOutboxRow(t.ctx, outboxId)).toBe(false);
    const messages = await t.db.selectFrom('messages').select(['purpose', 'channel', 'status']).where('complaint_id', '=', id).execute();
    expect(messages).toEqual([{ purpose: 'acknowledgment', channel: 'email', status: 'queued' }]);
    const sendJobs = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'message.send'`.execute(t.db);
    expect(sendJobs.rows[0]?.n).toBe(1);
    expect(await requeueUndispatched(t.ctx)).toBe(0);
  });
});
