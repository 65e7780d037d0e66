/**
 * #9 item 3 (R-B1 intake must not lose or duplicate complaints): PostgreSQL is killed (SIGKILL of
 * the postmaster) while complaints are being registered concurrently. The process stays up, the
 * supervisor restarts PostgreSQL (crash recovery), requests during the outage get 503
 * database_unavailable, and clients that retry with their Idempotency-Key end with exactly one
 * complaint each. Always runs on its own embedded PostgreSQL (also when TEST_DATABASE_URL names a
 * shared server), since it kills it.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SESSION_SECRET, testSecurity } from '../../test/test-constants.js';
import { seedTestPeople } from '../../test/test-people.js';
import { complaintBody } from '../../test/test-app.js';
import { permissionsOf } from '../domain/access/permissions.js';
import { buildApp } from '../http/app.js';
import { createApiToken } from '../services/people/auth/token.service.js';
import { principalOf } from '../services/people/principal.service.js';
import { createDatabase, type Database } from './database.js';
import { startEmbeddedPostgres, type EmbeddedServer } from './embedded.js';
import { superviseEmbeddedPostgres, type EmbeddedSupervisor } from './embedded-supervisor.js';
import { migrate } from './migrate.js';
import { findUser } from './repositories/user.repository.js';
import { seedReferenceData } from './seed-reference.js';
import type { healthResponse } from '../http/schemas/administration.responses.js';
import type { z } from 'zod';
import type { ApiErrorBody } from '../../test/db-assertions.js';

/** The liveness answer, as /healthz declares it. */
type HealthAnswer = z.output<typeof healthResponse>;

const COMPLAINTS = 40;
const WORKERS = 8;
const KILL_AFTER_ACKS = 12;
/** the supervisor's first restart waits this long: an outage long enough to be seen by every worker */
const RESTART_DELAY_MS = 1_500;
const RETRY_MS = 100; // a real client waits Retry-After (2 s); the test retries sooner to stay fast

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Attempt {
  status: number | 'network';
  code?: string;
  retryAfter?: string | null;
}
interface Outcome {
  key: string;
  complaintId: string;
  attempts: Attempt[];
}

let dir: string;
let server: EmbeddedServer;
let supervisor: EmbeddedSupervisor;
let db: Database;
let app: FastifyInstance;
let base: string;
let token: string;
const logLines: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'complaints-outage-'));
  chmodSync(dir, 0o755); // as root, PostgreSQL runs as its own user and must reach the cluster
  server = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), persistent: false, log: (m) => logLines.push(m) });
  if (!server.postmaster) throw new Error('the embedded PostgreSQL cannot be supervised');
  await migrate(server.url);
  db = createDatabase(server.url, 10);
  await seedReferenceData(db, 'system');
  await seedTestPeople(db);
  supervisor = superviseEmbeddedPostgres(server.postmaster, { log: (m) => logLines.push(m), initialDelayMs: RESTART_DELAY_MS });
  const now = () => new Date();
  const ctx = { db, timeZone: 'Asia/Shanghai', now, security: testSecurity() };
  const user = await findUser(db, { username: 'tester' });
  if (!user) throw new Error('no tester');
  const p = await principalOf(db, user);
  token = (
    await createApiToken(ctx, { ip: null, userAgent: 'test' }, p, { name: 'outage', actions: permissionsOf(p.roles), expiresInDays: 30 })
  ).token;
  app = await buildApp({
    db,
    timeZone: 'Asia/Shanghai',
    now,
    logLevel: 'silent',
    security: testSecurity(),
    sessionSecret: TEST_SESSION_SECRET,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}, 120_000);

afterAll(async () => {
  await app?.close();
  await supervisor?.stop();
  await db?.destroy();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Registers one complaint as a careful client does: on 503 or a dropped connection, again with the same key. */
async function register(key: string, index: number, deadline: number): Promise<Outcome> {
  const attempts: Attempt[] = [];
  const body = complaintBody({ complainant: { name: `客户${index}`, phone: `1391234${String(index).padStart(4, '0')}` } });
  for (;;) {
    if (Date.now() > deadline) throw new Error(`complaint ${key} not acknowledged in time: ${JSON.stringify(attempts)}`);
    let res: Response;
    try {
      res = await fetch(`${base}/api/complaints`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify(body),
      });
    } catch {
      attempts.push({ status: 'network' });
      await sleep(RETRY_MS);
      continue;
    }
    const json = (await res.json()) as Partial<ApiErrorBody>;
    attempts.push({ status: res.status, code: json.code, retryAfter: res.headers.get('retry-after') });
    if (res.status === 503) {
      await sleep(RETRY_MS);
      continue;
    }
    if (res.status !== 201) throw new Error(`complaint ${key}: ${res.status} ${JSON.stringify(json)}`);
    return { key, complaintId: (res.headers.get('location') ?? '').split('/').pop() ?? '', attempts };
  }
}

async function probe(url: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${base}${url}`);
  return { status: res.status, body: await res.json() };
}

describe('PostgreSQL killed under concurrent intake (#9 item 3)', () => {
  it('keeps serving, answers 503 during the outage, restarts PostgreSQL, and loses or duplicates nothing', async () => {
    const deadline = Date.now() + 90_000;
    const keys = Array.from({ length: COMPLAINTS }, (_, i) => ({ key: `outage-${i}`, index: i }));
    const outcomes: Outcome[] = [];
    const queue = [...keys];
    const workers = Array.from({ length: WORKERS }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) outcomes.push(await register(next.key, next.index, deadline));
    });
    let settled = false;
    const failed = Promise.all(workers).then(
      () => null,
      (err: unknown) => err,
    );
    void failed.finally(() => (settled = true));

    // mid-way: kill the postmaster as the OOM killer or an operator's kill -9 would
    while (outcomes.length < KILL_AFTER_ACKS && !settled) await sleep(10);
    expect(await Promise.race([failed, sleep(0).then(() => 'running')])).toBe('running');
    const pid = server.postmaster?.pid();
    expect(pid).toBeDefined();
    process.kill(pid as number, 'SIGKILL');

    // readiness goes 503 while PostgreSQL is down, liveness stays 200 with the database down
    const seen: Array<{ ready: number; health: number; database: unknown }> = [];
    while (!seen.some((s) => s.ready === 503) && Date.now() < deadline) {
      const [ready, health] = await Promise.all([probe('/readyz'), probe('/healthz')]);
      seen.push({ ready: ready.status, health: health.status, database: (health.body as HealthAnswer).database });
      await sleep(20);
    }
    while (seen.at(-1)?.ready !== 200 && Date.now() < deadline) {
      const [ready, health] = await Promise.all([probe('/readyz'), probe('/healthz')]);
      seen.push({ ready: ready.status, health: health.status, database: (health.body as HealthAnswer).database });
      await sleep(50);
    }
    const down = seen.findIndex((s) => s.ready === 503);
    expect(down).toBeGreaterThanOrEqual(0);
    expect(seen.slice(down).some((s) => s.ready === 200)).toBe(true);
    expect(seen.every((s) => s.health === 200)).toBe(true);
    expect(seen.some((s) => s.database === 'down')).toBe(true);

    expect(await failed).toBeNull();
    expect(outcomes).toHaveLength(COMPLAINTS);

    // during the outage: 503 database_unavailable with Retry-After, never a 500
    const attempts = outcomes.flatMap((o) => o.attempts);
    const unavailable = attempts.filter((a) => a.status === 503);
    expect(unavailable.length).toBeGreaterThan(0);
    expect(unavailable.every((a) => a.code === 'database_unavailable' && a.retryAfter === '2')).toBe(true);
    expect(attempts.filter((a) => a.status !== 201 && a.status !== 503)).toEqual([]);

    // every acknowledged complaint is stored, one per key, nothing else
    const acknowledged = new Set(outcomes.map((o) => o.complaintId));
    expect(acknowledged.size).toBe(COMPLAINTS);
    const stored = await db.selectFrom('complaints').select('id').execute();
    expect(new Set(stored.map((r) => r.id))).toEqual(acknowledged);
    const keysStored = await db
      .selectFrom('idempotency_keys')
      .select(['key', 'response_status'])
      .where('scope', 'like', 'complaints.register:%')
      .execute();
    expect(keysStored).toHaveLength(COMPLAINTS);
    expect(keysStored.every((k) => k.response_status === 201)).toBe(true);

    // the supervisor noticed and restarted it; the app served again without a restart
    expect(logLines.some((l) => /exited unexpectedly \(signal SIGKILL\)/.test(l))).toBe(true);
    expect(logLines.some((l) => /restarted \(pid \d+\)/.test(l))).toBe(true);
    expect((await probe('/readyz')).status).toBe(200);
  }, 150_000);
});
