import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import { nextComplaintSequence } from '../../db/repositories/complaint.repository.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z');
});
afterAll(async () => t.close());

const register = async (i: number) => {
  const res = await t.inject({
    method: 'POST',
    url: '/api/complaints',
    payload: complaintBody({ complainant: { name: `编号${i}`, phone: `1370000${String(i).padStart(4, '0')}` } }),
  });
  expect(res.statusCode).toBe(201);
  return res.json<{ number: string }>().number;
};

const sequences = async () =>
  (
    await sql<{
      relname: string;
    }>`SELECT relname FROM pg_class WHERE relkind = 'S' AND relname LIKE 'complaint_number_%' ORDER BY 1`.execute(t.db)
  ).rows.map((r) => r.relname);

describe('complaint numbers without contention (#16 item 3)', () => {
  it('concurrent registrations get unique numbers of the day, 1..n with none skipped when none fails', async () => {
    const numbers = await Promise.all(Array.from({ length: 16 }, (_, i) => register(i)));
    const seq = numbers.map((n) => Number(n.slice(-4))).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(16);
    expect(numbers.every((n) => n.startsWith('TS20261125'))).toBe(true);
    expect(seq).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
  });

  it('a registration day that began before the migration continues after its counter row', async () => {
    await t.db.insertInto('complaint_number_counters').values({ day: '2026-11-26', last: 41 }).execute();
    t.setNow('2026-11-26T02:00:00Z');
    expect((await register(100)).slice(-4)).toBe('0042');
  });

  it('each day starts at 1; the sequences of days before yesterday are dropped when a day starts', async () => {
    t.setNow('2026-11-28T02:00:00Z');
    expect((await register(200)).slice(-4)).toBe('0001');
    expect(await sequences()).toEqual(['complaint_number_20261128']);
    t.setNow('2026-11-29T02:00:00Z');
    expect((await register(201)).slice(-4)).toBe('0001');
    expect(await sequences()).toEqual(['complaint_number_20261128', 'complaint_number_20261129']);
  });

  it('a number taken by a transaction that rolls back is not reused (numbers stay unique)', async () => {
    await t.db
      .transaction()
      .execute(async (trx) => {
        expect(await nextComplaintSequence(trx, '2026-11-29')).toBe(2);
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    expect((await register(202)).slice(-4)).toBe('0003');
  });

  it('the first registrations of a day, at once, create its sequence once', async () => {
    t.setNow('2026-11-30T02:00:00Z');
    const numbers = await Promise.all(Array.from({ length: 8 }, (_, i) => register(300 + i)));
    expect(numbers.map((n) => n.slice(-4)).sort()).toEqual(['0001', '0002', '0003', '0004', '0005', '0006', '0007', '0008']);
  });
});
