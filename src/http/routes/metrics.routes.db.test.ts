/**
 * GET /metrics and request ids (#16 item 8): the token guard, the route pattern as the histogram's
 * label, the database's gauges (job queue, sweeper lag, breaches), the scrape without a database,
 * and X-Request-Id on every answer.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { createDatabase } from '../../db/database.js';
import { enqueueJobs } from '../../db/repositories/job.repository.js';
import { sweepClocksAndCalendar } from '../../jobs/clock-sweeper.job.js';
import { countedSweep } from '../metrics/process-metrics.js';
import { complaintBody, createTestApp, TEST_SESSION_SECRET, testSecurity, type TestApp } from '../../../test/test-app.js';
import type { ComplaintDetailAnswer } from '../schemas/complaint.responses.js';

const TOKEN = 'metrics-token-0123456789abcdef';
const REPORT_ID = '00000000-0000-4000-8000-00000000a001';

let t: TestApp;
let guarded: FastifyInstance;
let complaintId: string;

const scrape = async (app: FastifyInstance = guarded) => {
  const res = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.statusCode, res.body).toBe(200);
  return res.body;
};

/** The value of one series, e.g. value(text, 'complaints_job_queue_depth{queue="report.build",state="created"}'). */
function value(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

beforeAll(async () => {
  t = await createTestApp();
  guarded = await buildApp({
    db: t.db,
    timeZone: 'Asia/Shanghai',
    now: t.now,
    logLevel: 'silent',
    security: testSecurity(),
    sessionSecret: TEST_SESSION_SECRET,
    metrics: { token: TOKEN },
  });
  await guarded.ready();
  const res = await t.inject({ method: 'POST', url: '/api/complaints', payload: complaintBody() });
  expect(res.statusCode, res.body).toBe(201);
  complaintId = res.json<ComplaintDetailAnswer>().id;
});
afterAll(async () => {
  await guarded.close();
  await t.close();
});

describe('GET /metrics (#16 item 8)', () => {
  it('answers 404 when METRICS_TOKEN is not set', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.statusCode).toBe(404);
    expect(res.json<{ code: string }>().code).toBe('route_not_found');
  });

  it('answers 401 without the token or with a wrong one, 200 with the right one', async () => {
    for (const authorization of [undefined, 'Bearer wrong', `Bearer ${TOKEN}x`, `Basic ${TOKEN}`, TOKEN]) {
      const res = await guarded.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });
      expect(res.statusCode, authorization).toBe(401);
      expect(res.headers['www-authenticate']).toContain('Bearer');
    }
    const ok = await guarded.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toContain('text/plain');
    expect(ok.body).toContain('process_cpu_user_seconds_total');
    expect(ok.body).toContain('complaints_database_up 1');
    expect(ok.body).toMatch(/complaints_db_pool_connections\{state="in_use"\} \d+/);
  });

  it('is not in the OpenAPI document', async () => {
    const doc = (await guarded.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(doc.paths)).not.toContain('/metrics');
  });

  it('labels request durations by the route pattern, never the raw URL with its id', async () => {
    for (let i = 0; i < 2; i++) await guarded.inject({ method: 'GET', url: `/api/complaints/${complaintId}` });
    await guarded.inject({ method: 'GET', url: '/no/such/route/123' });
    const text = await scrape();
    expect(value(text, 'http_request_duration_seconds_count{method="GET",route="/api/complaints/:id",status_class="4xx"}')).toBe(2);
    expect(value(text, 'http_request_duration_seconds_count{method="GET",route="unmatched",status_class="4xx"}')).toBe(1);
    expect(text).not.toContain(complaintId);
    expect(text).not.toContain('/no/such/route');
  });

  it('shows a job enqueued in its queue depth', async () => {
    const series = 'complaints_job_queue_depth{queue="report.build",state="created"}';
    const before = value(await scrape(), series) ?? 0;
    await enqueueJobs(t.db, [{ name: 'report.build', data: { reportId: REPORT_ID } }]);
    const text = await scrape();
    expect(value(text, series)).toBe(before + 1);
    expect(value(text, 'complaints_job_queue_oldest_ready_seconds{queue="report.build"}')).toBeGreaterThanOrEqual(0);
    expect(value(text, 'complaints_messages{status="dead"}')).toBe(0);
    expect(value(text, 'complaints_outbox_pending')).toBeGreaterThanOrEqual(0);
  });

  it('shows the sweeper lag while clocks are overdue, and a breach once swept', async () => {
    expect(value(await scrape(), 'complaints_sweeper_lag_seconds')).toBe(0);
    // sixty days on: the complaint's clocks are past due and nobody has swept them
    t.setNow(new Date(t.now().getTime() + 60 * 86_400_000));
    expect(value(await scrape(), 'complaints_sweeper_lag_seconds')).toBeGreaterThan(86_400);
    const breachesBefore = value(await scrape(), 'complaints_clock_breaches_total') ?? 0;
    const counts = await countedSweep(sweepClocksAndCalendar)(t.ctx, {});
    expect(counts.breaches).toBeGreaterThan(0);
    const text = await scrape();
    expect(value(text, 'complaints_clock_breaches_total')).toBe(breachesBefore + counts.breaches);
    expect(value(text, 'complaints_sweeper_lag_seconds')).toBe(0);
    expect(value(text, 'complaints_sweeper_last_run_timestamp_seconds')).toBeGreaterThan(0);
  });

  it('still answers 200 when the database is down, without the database figures', async () => {
    const dead = createDatabase('postgres://nobody@127.0.0.1:1/none', 1);
    const app = await buildApp({
      db: dead,
      timeZone: 'Asia/Shanghai',
      logLevel: 'silent',
      security: testSecurity(),
      sessionSecret: TEST_SESSION_SECRET,
      metrics: { token: TOKEN },
    });
    try {
      const text = await scrape(app);
      expect(text).toContain('complaints_database_up 0');
      expect(text).not.toContain('complaints_job_queue_depth');
      expect(text).toContain('http_request_duration_seconds');
    } finally {
      await app.close();
      await dead.destroy();
    }
  });
});

describe('request ids (#16 item 8)', () => {
  it('echoes a sane X-Request-Id and makes one otherwise, on errors too', async () => {
    const given = await guarded.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'lb-7f3a.01_x' } });
    expect(given.headers['x-request-id']).toBe('lb-7f3a.01_x');
    for (const insane of ['has space', 'x'.repeat(129), 'semi;colon', '']) {
      const res = await guarded.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': insane } });
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
    const notFound = await guarded.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(notFound.statusCode).toBe(404);
    expect(notFound.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const unauthenticated = await guarded.inject({ method: 'GET', url: '/api/complaints', headers: { 'x-request-id': 'abc' } });
    expect(unauthenticated.statusCode).toBe(401);
    expect(unauthenticated.headers['x-request-id']).toBe('abc');
    const invalid = await t.inject({
      method: 'POST',
      url: '/api/complaints',
      payload: { channel: 'nope' },
      headers: { 'x-request-id': 'v1' },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.headers['x-request-id']).toBe('v1');
  });
});
