/**
 * The statistics cache (#13 speed, migration 0020): figures of ended months come from the cache and
 * are always those of the live query. A change to a complaint of a cached month, a due time passing
 * among its open complaints, and a prune racing a reader each make the cache step aside.
 */
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import { inSnapshot, pruneStatisticsCache, storeCacheEntries } from '../../db/repositories/statistics-cache.repository.js';
import type { ComplaintDetailAnswer } from '../../http/schemas/complaint.responses.js';
import type { StatisticsResult } from './statistics.service.js';
import { maintainStatisticsCache } from './statistics-warmup.js';

let t: TestApp;
const ids: string[] = [];
const LONG_AGO = '2026-07-15T02:00:00Z';

beforeAll(async () => {
  t = await createTestApp(LONG_AGO);
  // July to September 2026: months that ended long before the database's clock (the cache follows it)
  for (const [i, when] of ['2026-07-15T02:00:00Z', '2026-07-20T02:00:00Z', '2026-08-10T02:00:00Z', '2026-09-05T02:00:00Z'].entries()) {
    t.setNow(when);
    const res = await t.inject({
      method: 'POST',
      url: '/api/complaints',
      payload: complaintBody({ receivedAt: when, customerGroup: 'individual', complainant: { name: `客户${i}`, phone: `1390000100${i}` } }),
    });
    expect(res.statusCode, res.body).toBe(201);
    ids.push(res.json<ComplaintDetailAnswer>().id);
  }
  t.setNow('2026-10-20T02:00:00Z');
});
afterAll(async () => t.close());
afterEach(() => {
  delete process.env.STATISTICS_CACHE;
});

const Q = 'from=2026-07-01&to=2026-10-20&groupBy=month,customer_group';

async function stats(qs: string, cache = true): Promise<StatisticsResult> {
  if (cache) delete process.env.STATISTICS_CACHE;
  else process.env.STATISTICS_CACHE = 'off';
  const res = await t.inject({ method: 'GET', url: `/api/statistics?${qs}` }, 'inspector');
  expect(res.statusCode, res.body).toBe(200);
  return res.json<StatisticsResult>();
}

const entries = async () => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM statistics_cache`.execute(t.db)).rows[0]!.n);
const changes = async () => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM statistics_month_changes`.execute(t.db)).rows[0]!.n);

describe('statistics cache (#13 speed)', () => {
  it('ended months come from the cache, with the live figures; the months after are computed', async () => {
    const live = await stats(Q, false);
    expect(await entries()).toBe(0);
    const first = await stats(Q);
    expect(first).toEqual(live);
    // July, August and September for each of received, closed and open at the end; and the totals
    // of the range (it ended before the database's clock too), each of the three
    expect(await entries()).toBe(12);
    await sql`UPDATE statistics_cache SET rows = jsonb_set(rows, '{0,received}', '999') WHERE rows @> '[{"received": 2}]'`.execute(t.db);
    const second = await stats(Q);
    // the doctored entry was read: the figures came from the cache
    expect(second.rows.find((r) => r.keys[0]?.value === '2026-07')?.values.received).toBe(999);
    await sql`TRUNCATE statistics_cache`.execute(t.db);
    expect(await stats(Q)).toEqual(live);
    expect(await stats('from=2026-07-01&to=2026-09-30&groupBy=level')).toEqual(
      await stats('from=2026-07-01&to=2026-09-30&groupBy=level', false),
    );
  });

  it('a change to a complaint of a cached month is seen at once; the prune then drops what missed it and keeps the rest', async () => {
    const before = await stats(Q);
    expect(before.rows.find((r) => r.keys[0]?.value === '2026-08')?.keys[1]?.value).toBe('individual');
    await t.db.updateTable('complaints').set({ customer_group: 'senior' }).where('id', '=', ids[2]!).execute();
    expect(await changes()).toBeGreaterThan(0);
    const after = await stats(Q);
    expect(after).toEqual(await stats(Q, false));
    expect(after.rows.find((r) => r.keys[0]?.value === '2026-08')?.keys[1]?.value).toBe('senior');

    const pruned = await pruneStatisticsCache(t.db, 30);
    expect(pruned.changes).toBeGreaterThan(0);
    expect(await changes()).toBe(0);
    // entries computed after the change saw it and stay
    expect(await entries()).toBeGreaterThan(0);
    expect(await stats(Q)).toEqual(after);
  });

  it('an entry computed before a prune of its month is not stored (it may have missed a pruned change)', async () => {
    const { snapshot } = await inSnapshot(t.db, async () => undefined);
    await t.db.updateTable('complaints').set({ customer_group: 'other' }).where('id', '=', ids[0]!).execute();
    await pruneStatisticsCache(t.db, 30);
    const stored = await storeCacheEntries(t.db, snapshot, [
      { key: 'stale', months: ['2026-07-01'], rows: [], validFrom: null, validUntil: null },
    ]);
    expect(stored).toBe(0);
    expect(await stats(Q)).toEqual(await stats(Q, false));
  });

  it('overdue counts of a cached month hold only until the next due time among its open complaints', async () => {
    const q = 'from=2026-09-01&to=2026-09-30&groupBy=month&measures=received,policy_open_overdue,regulatory_open_overdue';
    t.setNow('2026-09-06T02:00:00Z');
    const early = await stats(q);
    expect(early.totals.values.regulatory_open_overdue).toBe(0);
    // the regulatory clock of the September complaint runs out weeks later; no sweep runs, no facts change
    t.setNow('2026-12-20T02:00:00Z');
    const late = await stats(q);
    expect(late).toEqual(await stats(q, false));
    expect(late.totals.values.regulatory_open_overdue).toBe(1);
    // and reading at an earlier time again does not take the later figures
    t.setNow('2026-09-06T02:00:00Z');
    expect(await stats(q)).toEqual(early);
  });

  it('the upkeep job computes the ended months the dashboards open with; a 12-month chart then computes only the months after them', async () => {
    await sql`TRUNCATE statistics_cache`.execute(t.db);
    await t.db.updateTable('complaints').set({ customer_group: 'institution' }).where('id', '=', ids[1]!).execute();
    const done = await maintainStatisticsCache(t.ctx);
    expect(done.warmed).toBe(true);
    expect(done.changes).toBeGreaterThan(0);
    const months = await sql<{ month: string }>`
      SELECT DISTINCT to_char(unnest(months), 'YYYY-MM') AS month FROM statistics_cache ORDER BY 1`.execute(t.db);
    expect(months.rows.map((r) => r.month)).toEqual(expect.arrayContaining(['2026-07', '2026-08', '2026-09']));
    const q = 'from=2025-11-01&to=2026-10-31&groupBy=month&measures=received,closed,open_at_end,reopen_rate';
    expect(await stats(q)).toEqual(await stats(q, false));
  });

  it('grouped by month, the totals are the sums of the rows: the same as the range computed ungrouped', async () => {
    const measures = 'measures=received,closed,open_at_end,policy_on_time,policy_open_overdue,satisfaction_rate,amount_involved';
    const whole = await stats(`from=2026-07-10&to=2026-10-20&${measures}`);
    for (const by of ['month', 'month,level', 'month,customer_group']) {
      expect((await stats(`from=2026-07-10&to=2026-10-20&groupBy=${by}&${measures}`)).totals.values).toEqual(whole.totals.values);
    }
  });
});
