/**
 * The sweeper's batches (#16 item 4): a batch's clocks are swept together (one update, one insert of
 * each kind); when any clock of it fails, the batch is swept again one clock at a time, so the
 * failing clock is left due and counted as failed while every other clock of the batch is swept.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import { verifyLedger } from '../complaints/ledger-verify.service.js';
import { sweepClocks } from './sweeper.service.js';

let t: TestApp;
const T0 = '2026-11-25T02:00:00.000Z';
const SWEEP_AT = new Date(Date.parse(T0) + 2 * 24 * 60 * 60_000);
const ids: string[] = [];

beforeAll(async () => {
  t = await createTestApp(T0);
  for (let i = 0; i < 12; i++) {
    const res = await t.inject(
      {
        method: 'POST',
        url: '/api/complaints',
        payload: complaintBody({
          amount: '150000',
          receivedAt: T0,
          complainant: { name: `批量${i}`, phone: `1371111${String(i).padStart(4, '0')}` },
        }),
      },
      'agent',
    );
    expect(res.statusCode, res.body).toBe(201);
    ids.push(res.json<{ id: string }>().id);
  }
});
afterAll(async () => t.close());

const dueClocks = async (complaintId?: string) => {
  let q = t.db.selectFrom('complaint_clocks').select('id').where('next_check_at', '<=', SWEEP_AT);
  if (complaintId) q = q.where('complaint_id', '=', complaintId);
  return (await q.execute()).map((r) => r.id);
};

describe('sweeper batches (#16 item 4)', () => {
  it('a clock that fails in a batch is left due and named; the batch is swept clock by clock', async () => {
    const bad = ids[5]!;
    const badClocks = await dueClocks(bad);
    expect(badClocks.length).toBeGreaterThan(0);
    const allDue = (await dueClocks()).length;
    // a real failure in the database: events of one complaint cannot be written
    await sql`CREATE FUNCTION test_refuse_events() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.complaint_id = ${sql.lit(bad)}::uuid THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$`.execute(
      t.db,
    );
    await sql`CREATE TRIGGER test_refuse_events BEFORE INSERT ON complaint_events FOR EACH ROW EXECUTE FUNCTION test_refuse_events()`.execute(
      t.db,
    );

    const failedIds: string[] = [];
    const ctx = { ...t.ctx, now: () => new Date(SWEEP_AT) };
    const counts = await sweepClocks(ctx, { batch: 500, onError: (_err, clockId) => failedIds.push(clockId) });
    expect(counts.failed).toBe(badClocks.length);
    expect(failedIds.sort()).toEqual([...badClocks].sort());
    expect(counts.checked).toBe(allDue - badClocks.length);
    expect(counts.breaches).toBeGreaterThan(0);
    // the others are swept, the failing complaint's clocks are still due and wrote nothing
    expect((await dueClocks()).sort()).toEqual([...badClocks].sort());
    const badEvents = await t.db
      .selectFrom('complaint_events')
      .select('type')
      .where('complaint_id', '=', bad)
      .where('type', 'in', ['clock_warning', 'clock_breached', 'clock_escalated'])
      .execute();
    expect(badEvents).toEqual([]);
    const badNotices = await t.db
      .selectFrom('notifications')
      .select('id')
      .where('complaint_id', '=', bad)
      .where('kind', 'like', 'clock_%')
      .execute();
    expect(badNotices).toEqual([]);

    // the cause removed, the next sweep catches them up
    await sql`DROP TRIGGER test_refuse_events ON complaint_events`.execute(t.db);
    await sql`DROP FUNCTION test_refuse_events()`.execute(t.db);
    const again = await sweepClocks(ctx, { batch: 500 });
    expect(again.checked).toBe(badClocks.length);
    expect(again.failed).toBe(0);
    expect(await dueClocks()).toEqual([]);
    const ledger = await verifyLedger(t.db);
    expect(ledger.broken).toEqual([]);
  });
});
