/**
 * Intake and ledger benchmark: the real server (fastify listening on loopback) on the embedded
 * PostgreSQL, driven over HTTP by this process. Bounded: a fixed number of requests, then it stops.
 *
 *   npm run bench -- [--count 1000] [--concurrency 4]
 *
 * Also measured in the same run (#16 item 3): the raw commit rate of the same PostgreSQL (single-row
 * INSERTs in autocommit from 1 and --concurrency clients on their own connections, for 5 s each), so
 * intake throughput can be read as a share of what the database commits; and the statements and
 * transactions one intake costs (counted on the pg client and from pg_stat_database).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import pgLib from 'pg';
import { rawCommitRate } from './commit-rate.js';
import { countStatements } from '../test/statement-counter.js';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateDemoComplaints } from '../src/db/demo/demo-complaints.js';
import { createDatabase } from '../src/db/database.js';
import { startEmbeddedPostgres } from '../src/db/embedded.js';
import { migrate } from '../src/db/migrate.js';
import { seedReferenceData } from '../src/db/seed-reference.js';
import { buildApp } from '../src/http/app.js';
import { permissionsOf } from '../src/domain/access/permissions.js';
import { findUser } from '../src/db/repositories/user.repository.js';
import { createApiToken } from '../src/services/people/auth/token.service.js';
import { principalOf } from '../src/services/people/principal.service.js';
import { TEST_SESSION_SECRET, testSecurity } from '../test/test-constants.js';
import { seedTestPeople } from '../test/test-people.js';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const COUNT = arg('count', 1000);
const CONCURRENCY = arg('concurrency', 4);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
function summary(name: string, ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / s.length;
  return `${name.padEnd(34)} n=${String(s.length).padStart(5)}  mean ${mean.toFixed(1)} ms  p50 ${percentile(s, 50).toFixed(1)}  p95 ${percentile(s, 95).toFixed(1)}  p99 ${percentile(s, 99).toFixed(1)}  max ${s[s.length - 1]!.toFixed(1)}`;
}

/** every statement any pg client of this process sends (the app's pool included) */
const statements = countStatements();

async function committedTransactions(url: string): Promise<number> {
  const c = new pgLib.Client({ connectionString: url });
  await c.connect();
  const r = await c.query<{ n: string }>('SELECT xact_commit::text AS n FROM pg_stat_database WHERE datname = current_database()');
  await c.end();
  return Number(r.rows[0]?.n ?? 0);
}

const dir = mkdtempSync(path.join(tmpdir(), 'complaints-bench-'));
rmSync(dir, { recursive: true, force: true });
const t0 = performance.now();
const pg = await startEmbeddedPostgres({ dataDir: dir, persistent: false });
await migrate(pg.url);
const db = createDatabase(pg.url, 10);
await seedReferenceData(db, 'bench');
const security = testSecurity();
await seedTestPeople(db);
const app = await buildApp({ db, timeZone: 'Asia/Shanghai', logLevel: 'silent', security, sessionSecret: TEST_SESSION_SECRET });
const base = await app.listen({ port: 0, host: '127.0.0.1' });
const tester = await findUser(db, { username: 'tester' });
if (!tester) throw new Error('test people not seeded');
const principal = await principalOf(db, tester);
const { token } = await createApiToken(
  { db, timeZone: 'Asia/Shanghai', now: () => new Date(), security },
  { ip: null, userAgent: 'bench' },
  principal,
  {
    name: 'bench',
    actions: permissionsOf(principal.roles),
    expiresInDays: 1,
  },
);
const auth = { authorization: `Bearer ${token}` };
const json = { ...auth, 'content-type': 'application/json' };
console.log(`set-up (initdb, start, migrate, seed): ${Math.round(performance.now() - t0)} ms`);

const now = new Date();
const items = generateDemoComplaints(COUNT, now, 7);
const bodies = items.map((i) => ({
  ...i.input,
  receivedAt: i.input.receivedAt?.toISOString() ?? null,
}));

async function timed(fn: () => Promise<Response>): Promise<number> {
  const s = performance.now();
  const res = await fn();
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return performance.now() - s;
}

// 1. sequential intake, with the statements and transactions it costs
const seq: number[] = [];
const half = Math.floor(bodies.length / 2);
const statementsBefore = statements.count;
// pg_stat_database is updated when a backend reports (at most every second): wait it out
await new Promise((r) => setTimeout(r, 1100));
const xactBefore = await committedTransactions(pg.url);
const seqStart = performance.now();
for (const b of bodies.slice(0, half)) {
  seq.push(await timed(() => fetch(`${base}/api/complaints`, { method: 'POST', headers: json, body: JSON.stringify(b) })));
}
const seqWall = performance.now() - seqStart;
const perIntakeStatements = (statements.count - statementsBefore) / half;
await new Promise((r) => setTimeout(r, 1100));
const perIntakeXacts = ((await committedTransactions(pg.url)) - xactBefore - 2) / half;
// 2. concurrent intake
const conc: number[] = [];
const rest = bodies.slice(half);
const wallStart = performance.now();
await Promise.all(
  Array.from({ length: CONCURRENCY }, async (_, w) => {
    for (let i = w; i < rest.length; i += CONCURRENCY) {
      const b = rest[i]!;
      conc.push(await timed(() => fetch(`${base}/api/complaints`, { method: 'POST', headers: json, body: JSON.stringify(b) })));
    }
  }),
);
const wall = performance.now() - wallStart;
// 3. ledger reads
const ledger: number[] = [];
const search: number[] = [];
const detail: number[] = [];
let cursor: string | null = null;
for (let i = 0; i < 100; i++) {
  ledger.push(await timed(() => fetch(`${base}/api/complaints?limit=50${cursor && i % 5 ? `&cursor=${cursor}` : ''}`, { headers: auth })));
  if (i % 5 === 0)
    cursor = ((await (await fetch(`${base}/api/complaints?limit=50`, { headers: auth })).json()) as { nextCursor: string | null })
      .nextCursor;
}
for (const q of ['理赔', '退保', '交易', '保费', '骚扰']) {
  for (let i = 0; i < 20; i++)
    search.push(await timed(() => fetch(`${base}/api/complaints?limit=50&q=${encodeURIComponent(q)}`, { headers: auth })));
}
const some = ((await (await fetch(`${base}/api/complaints?limit=100`, { headers: auth })).json()) as { items: Array<{ id: string }> })
  .items;
for (const c of some) detail.push(await timed(() => fetch(`${base}/api/complaints/${c.id}`, { headers: auth })));

// 4. the raw commit rate of the same PostgreSQL, after the intake (same table sizes do not matter: its own table)
const raw1 = await rawCommitRate(pg.url, 1, 5);
const rawN = await rawCommitRate(pg.url, CONCURRENCY, 5);

console.log(`complaints registered: ${bodies.length}`);
console.log(
  `per intake: ${perIntakeStatements.toFixed(1)} statements, ${perIntakeXacts.toFixed(1)} committed transactions (pg_stat_database)`,
);
console.log(summary('POST /api/complaints (sequential)', seq));
console.log(`  throughput with 1 client: ${((half / seqWall) * 1000).toFixed(0)} complaints/s`);
console.log(summary(`POST /api/complaints (${CONCURRENCY} clients)`, conc));
console.log(`  throughput with ${CONCURRENCY} clients: ${((rest.length / wall) * 1000).toFixed(0)} complaints/s`);
console.log(`raw commit rate (single-row INSERT, autocommit): 1 client ${raw1.toFixed(0)}/s, ${CONCURRENCY} clients ${rawN.toFixed(0)}/s`);
console.log(
  `intake as a share of the raw commit rate: 1 client ${((((half / seqWall) * 1000) / raw1) * 100).toFixed(1)} %, ${CONCURRENCY} clients ${((((rest.length / wall) * 1000) / rawN) * 100).toFixed(1)} %`,
);
console.log(summary('GET /api/complaints?limit=50', ledger));
console.log(summary('GET /api/complaints?q=<Chinese>', search));
console.log(summary('GET /api/complaints/{id}', detail));

await app.close();
await db.destroy();
await pg.stop();
rmSync(dir, { recursive: true, force: true });
