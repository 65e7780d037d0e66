import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { writeCounts } from '../../../test/db-assertions.js';
import { testSecurity } from '../../../test/test-constants.js';
import { demoComplaintCount, seedDemoComplaints } from './demo-seed.service.js';
import { verifyLedger } from '../complaints/ledger-verify.service.js';
import { sweepClocks } from '../workflow/sweeper.service.js';
import { overdueSql } from '../../db/repositories/complaint-scope.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.close());

describe('demo data (npm run seed-demo, first npm start)', () => {
  it('registers about 200 realistic complaints through the real intake', { timeout: 240_000 }, async () => {
    const progress: number[] = [];
    const n = await seedDemoComplaints(
      { db: t.db, timeZone: 'Asia/Shanghai', security: testSecurity() },
      { count: 200, now: new Date('2026-11-25T02:00:00Z'), onProgress: (d) => progress.push(d) },
    );
    expect(n).toBe(200);
    expect(progress.at(-1)).toBe(200);
    expect(await demoComplaintCount(t.db)).toBe(200);
    const counts = await writeCounts(t.db);
    expect(counts.complaints).toBe(200);
    expect(counts.links).toBeGreaterThanOrEqual(8);
    const byLevel = await t.db
      .selectFrom('complaints')
      .select(['level', (eb) => eb.fn.countAll<string>().as('n')])
      .groupBy('level')
      .execute();
    expect(byLevel.map((r) => r.level).sort()).toEqual([1, 2, 3]);
    const channels = await t.db.selectFrom('complaints').select('channel').distinct().execute();
    expect(channels.length).toBeGreaterThanOrEqual(7);
    const numbers = await t.db.selectFrom('complaints').select('number').execute();
    expect(new Set(numbers.map((r) => r.number)).size).toBe(200);
    expect((await verifyLedger(t.db)).broken).toEqual([]);
  });

  it(
    'looks like a working office after the first sweep: few open complaints overdue, tens of unread notices per person (#9 item 8)',
    { timeout: 120_000 },
    async () => {
      // the first start: seeded at now, then the sweeper's first run at the same now
      const now = new Date('2026-11-25T02:00:00Z');
      await sweepClocks({ db: t.db, timeZone: 'Asia/Shanghai', security: testSecurity(), now: () => now });
      const open = await t.db
        .selectFrom('complaints')
        .select('id')
        .where('status', 'not in', ['closed', 'withdrawn', 'transferred', 'merged'])
        .execute();
      const overdue = await t.db
        .selectFrom('complaints as c')
        .select('c.id')
        .where('c.status', 'not in', ['closed', 'withdrawn', 'transferred', 'merged'])
        .where(overdueSql(now, 'c'))
        .execute();
      expect(open.length).toBeGreaterThanOrEqual(10);
      // "78 of 82 open complaints overdue" before: now a realistic few
      expect(overdue.length / open.length).toBeLessThanOrEqual(0.15);
      expect(overdue.length).toBeGreaterThan(0);
      const unread = await t.db
        .selectFrom('notifications as n')
        .innerJoin('users as u', 'u.id', 'n.user_id')
        .select(['u.username', (eb) => eb.fn.countAll<string>().as('n')])
        .where('n.read_at', 'is', null)
        .groupBy('u.username')
        .execute();
      const byUser = Object.fromEntries(unread.map((r) => [r.username, Number(r.n)]));
      for (const user of ['agent', 'supervisor', 'handler', 'leader', 'senior', 'inspector']) {
        expect(byUser[user] ?? 0, `${user}: ${JSON.stringify(byUser)}`).toBeLessThanOrEqual(60);
      }
      // the people who handle complaints still have something to read
      expect(Math.max(...Object.values(byUser))).toBeGreaterThanOrEqual(10);
      // older notices were read at the time; what is unread is the last day's
      const stale = await t.db
        .selectFrom('notifications')
        .select('id')
        .where('read_at', 'is', null)
        .where('created_at', '<', new Date(now.getTime() - 86_400_000))
        .execute();
      expect(stale).toEqual([]);
    },
  );
});
