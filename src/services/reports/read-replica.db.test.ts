/**
 * Statistics and reports from a replica (#16 item 6, DATABASE_READ_URL): the app on a primary is
 * given a read handle on another database, made to hold different complaints, as a lagging replica
 * would. The statistics, analysis, regulator statistics (and their export), KPI and monthly report
 * figures answer from the replica; every write (the complaints, the audit records of those reads,
 * the statistics cache, the report) lands on the primary; freezing an assessment reads the primary;
 * the read handle refuses writes. Without a read handle everything reads the primary, as before.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { tell } from '../../../test/kpi-scenario.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { createReadDatabase, type Database } from '../../db/database.js';
import type { assessmentDetailAnswer, kpiAnswer } from '../../http/schemas/assessment.schemas.js';
import type { MonthlyFigures } from '../../domain/reports/report-figures.js';
import { readerOf } from '../context.js';
import { COMPANY_PRINCIPAL } from './monthly-report.js';
import { buildReport } from './report-build.js';
import { statisticsCacheEnabled } from './statistics-cached.js';
import { computeStatistics, type StatisticsResult } from './statistics.service.js';

type Kpis = z.output<typeof kpiAnswer>;
type Assessment = z.output<typeof assessmentDetailAnswer>;

/** The "replica": its own database, with one complaint in October and one in November. */
let replica: TestApp;
/** The primary: two complaints in October and two in November; reads its statistics from `readDb`. */
let primary: TestApp;
let readDb: Database;
let cs: string;

const AFTER = '2026-12-01T02:00:00Z';

beforeAll(async () => {
  replica = await createTestApp(AFTER);
  readDb = createReadDatabase(replica.url, 2);
  primary = await createTestApp(AFTER, {}, undefined, { readDb });
  for (const received of ['2026-10-12T02:00:00Z', '2026-11-03T02:00:00Z']) await tell(replica, { received, handler: 'agent' });
  for (const received of ['2026-10-12T02:00:00Z', '2026-10-13T02:00:00Z', '2026-11-03T02:00:00Z', '2026-11-04T02:00:00Z'])
    await tell(primary, { received, handler: 'agent' });
  replica.setNow(AFTER);
  primary.setNow(AFTER);
  cs = (await primary.db.selectFrom('org_units').select('id').where('code', '=', 'CS').executeTakeFirstOrThrow()).id;
});
afterAll(async () => {
  await primary?.close();
  await readDb?.destroy();
  await replica?.close();
});

const auditCount = async (db: Database, actions: string[]) =>
  Number(
    (
      await db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('action', 'in', actions)
        .executeTakeFirstOrThrow()
    ).n,
  );
const cacheEntries = async (db: Database) =>
  Number(
    (
      await db
        .selectFrom('statistics_cache')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const received = (r: StatisticsResult) => Object.fromEntries(r.rows.map((row) => [row.keys[0]?.value, row.values.received]));
const byMonth = (t: TestApp) =>
  t.inject({ method: 'GET', url: '/api/statistics?from=2026-10-01&to=2026-11-30&groupBy=month&measures=received' }, 'leader');

describe('statistics and reports from a replica (DATABASE_READ_URL, #16 item 6)', () => {
  it('the primary holds its own complaints; without the read handle its figures are its own, as before', async () => {
    expect(await primary.db.selectFrom('complaints').select('id').execute()).toHaveLength(4);
    expect(await replica.db.selectFrom('complaints').select('id').execute()).toHaveLength(2);
    expect(readerOf(primary.ctx)).toBe(readDb);
    const plain = { ...primary.ctx, readDb: undefined };
    expect(readerOf(plain)).toBe(primary.db);
    const own = await computeStatistics(plain, COMPANY_PRINCIPAL, { from: '2026-10-01', to: '2026-11-30', groupBy: ['month'], filter: {} });
    expect(received(own)).toEqual({ '2026-10': 2, '2026-11': 2 });
  });

  it("GET /api/statistics answers from the replica; the read's audit record and the cache entries are written on the primary", async () => {
    const before = await auditCount(replica.db, ['statistics.read']);
    const res = await byMonth(primary);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<StatisticsResult>();
    expect(received(body)).toEqual({ '2026-10': 1, '2026-11': 1 });
    expect(body.totals.values.received).toBe(2);
    expect(await auditCount(primary.db, ['statistics.read'])).toBeGreaterThanOrEqual(1);
    expect(await auditCount(replica.db, ['statistics.read'])).toBe(before);
    // October has ended: its figures, computed on the replica, are cached on the primary (a store on the
    // read handle would have failed: it is read-only)
    if (statisticsCacheEnabled() && new Date() >= new Date('2026-11-03T00:00:00+08:00')) {
      expect(await cacheEntries(primary.db)).toBeGreaterThan(0);
      expect(await cacheEntries(replica.db)).toBe(0);
    }
  });

  it('analysis, the regulator statistics and their export, and the KPI figures answer from the replica; audited on the primary', async () => {
    const impact = await primary.inject({ method: 'GET', url: '/api/statistics/impact?from=2026-11-01&to=2026-11-30' }, 'leader');
    expect(impact.statusCode, impact.body).toBe(200);
    expect(impact.json<{ received: number }>().received).toBe(1);

    const causes = await primary.inject({ method: 'GET', url: '/api/statistics/causes?from=2026-10-01&to=2026-11-30' }, 'leader');
    expect(causes.statusCode, causes.body).toBe(200);
    expect(causes.json<{ complaints: number }>().complaints).toBe(2);

    const regulator = await primary.inject({ method: 'GET', url: '/api/statistics/regulator?year=2026&quarter=4' }, 'leader');
    expect(regulator.statusCode, regulator.body).toBe(200);
    expect(regulator.json<{ totals: { total: number } }>().totals.total).toBe(2);
    const exportsBefore = await auditCount(primary.db, ['statistics.export']);
    const csv = await primary.inject({ method: 'GET', url: '/api/statistics/regulator.csv?year=2026&quarter=4' }, 'leader');
    expect(csv.statusCode, csv.body).toBe(200);
    expect(await auditCount(primary.db, ['statistics.export'])).toBe(exportsBefore + 1);

    const kpis = await primary.inject({ method: 'GET', url: '/api/kpis?from=2026-10-01&to=2026-11-30' }, 'leader');
    expect(kpis.statusCode, kpis.body).toBe(200);
    expect(kpis.json<Kpis>().subject.lines.find((l) => l.code === 'volume')?.value).toBe(2);
    expect(await auditCount(primary.db, ['kpi.read'])).toBe(1);

    expect(await auditCount(replica.db, ['statistics.read', 'statistics.export', 'kpi.read'])).toBe(0);
  });

  it("a monthly report's figures come from the replica; the report is written on the primary", async () => {
    const asked = await primary.inject({ method: 'POST', url: '/api/reports/monthly', payload: { month: '2026-11' } }, 'leader');
    expect(asked.statusCode, asked.body).toBe(202);
    const id = asked.json<{ id: string }>().id;
    await buildReport(primary.ctx, id);
    const row = await primary.db.selectFrom('reports').select(['status', 'figures']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.status).toBe('draft');
    const figures = row.figures as unknown as MonthlyFigures;
    expect(figures.headline.current.received).toBe(1);
    expect(figures.trend.points.find((p) => p.month === '2026-10')).toMatchObject({ received: 1 });
    expect(await replica.db.selectFrom('reports').select('id').execute()).toHaveLength(0);
  });

  it("freezing an assessment reads the primary, in the freeze's own transaction, while the KPI page reads the replica", async () => {
    const page = await primary.inject({ method: 'GET', url: `/api/kpis?from=2026-11-01&to=2026-11-30&department=${cs}` }, 'leader');
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json<Kpis>().subject.lines.find((l) => l.code === 'volume')?.value).toBe(1);

    const opened = await primary.inject(
      { method: 'POST', url: '/api/assessments', payload: { periodKind: 'month', period: '2026-11', departmentId: cs } },
      'inspector',
    );
    expect(opened.statusCode, opened.body).toBe(201);
    const department = opened.json<Assessment>().subjects.find((s) => s.kind === 'department' && s.id === cs);
    expect(department?.lines.find((l) => l.code === 'volume')?.value).toBe(2);
  });

  it('the read handle refuses writes (read-only sessions), whatever it points at', async () => {
    await expect(sql`CREATE TABLE replica_write_probe (id int)`.execute(readDb)).rejects.toThrow(/read-only transaction/);
    await expect(readDb.transaction().execute(async (trx) => sql`CREATE TABLE replica_write_probe (id int)`.execute(trx))).rejects.toThrow(
      /read-only transaction/,
    );
  });

  it('the replica catching up shows the new complaint; an app without DATABASE_READ_URL reads its own writes at once', async () => {
    expect(readerOf(replica.ctx)).toBe(replica.db);
    await tell(replica, { received: '2026-11-20T02:00:00Z', handler: 'agent' });
    replica.setNow(AFTER);
    const own = await byMonth(replica);
    expect(own.statusCode, own.body).toBe(200);
    expect(received(own.json<StatisticsResult>())).toEqual({ '2026-10': 1, '2026-11': 2 });
    expect(received((await byMonth(primary)).json<StatisticsResult>())).toEqual({ '2026-10': 1, '2026-11': 2 });
  });
});
