import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { writeCounts } from '../../test/db-assertions.js';
import { testSecurity } from '../../test/test-constants.js';
import { demoComplaintCount, seedDemoComplaints } from './demo-seed.service.js';
import { verifyLedger } from './ledger-verify.service.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.close());

describe('demo data (npm run seed-demo, first npm start)', () => {
  it('registers about 200 realistic complaints through the real intake', async () => {
    const progress: number[] = [];
    const n = await seedDemoComplaints({ db: t.db, timeZone: 'Asia/Shanghai', security: testSecurity() }, { count: 200, now: new Date('2026-11-25T02:00:00Z'), onProgress: (d) => progress.push(d) });
    expect(n).toBe(200);
    expect(progress.at(-1)).toBe(200);
    expect(await demoComplaintCount(t.db)).toBe(200);
    const counts = await writeCounts(t.db);
    expect(counts.complaints).toBe(200);
    expect(counts.links).toBeGreaterThanOrEqual(8);
    const byLevel = await t.db.selectFrom('complaints').select(['level', (eb) => eb.fn.countAll<string>().as('n')]).groupBy('level').execute();
    expect(byLevel.map((r) => r.level).sort()).toEqual([1, 2, 3]);
    const channels = await t.db.selectFrom('complaints').select('channel').distinct().execute();
    expect(channels.length).toBeGreaterThanOrEqual(7);
    const numbers = await t.db.selectFrom('complaints').select('number').execute();
    expect(new Set(numbers.map((r) => r.number)).size).toBe(200);
    expect((await verifyLedger(t.db)).broken).toEqual([]);
  });
});
