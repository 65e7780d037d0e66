/**
 * Scale benchmark (#16): the ledger, free-text search, board, workbench and complaint detail of the
 * REAL app on a large existing database (DATABASE_URL, e.g. the 1,000,000 complaints of
 * bench/statistics-data.sql kept by `bench/statistics.bench.ts --keep DIR --generate-only`), timed
 * as full HTTP round trips: p50 and p95 of --runs requests after one warm-up, next to the issue's
 * targets. Prints a markdown table. Bounded; stops by itself.
 *
 *   DATABASE_URL=postgres://… npx tsx bench/scale.bench.ts [--runs 30] [--only floor,ledger,search,board,detail] [--intake 2000 [--clients 8]]
 *
 * The app is built as `npm start` builds it (loadConfig, openDatabase: migrations, reference data,
 * secrets; buildApp) and listens on 127.0.0.1; the clock sweeper and the job runner are not started,
 * so the figures are the requests' own. DATA_DIR defaults to a temporary directory here (the
 * development secrets are generated there, not in the working tree). Two people are created on
 * the first run and reused: `scale-leader` (leadership member: every complaint) and
 * `scale-supervisor` (supervisor of the department BD01), password SCALE_PASSWORD or the default
 * below; they sign in over HTTP (POST /api/auth/login, the session cookie). Each row also says how
 * many SQL statements one request sent (every pg client of this process is counted).
 *
 * --intake N (off by default; it WRITES into the database): after the reads, N demo complaints
 * (src/db/demo) registered by the supervisor over HTTP, the first half from 1 client, the second
 * from --clients concurrent clients, then the raw commit rate of the same PostgreSQL (single-row
 * INSERTs in autocommit into a table bench_commit, dropped afterwards, 5 s from 1 and from
 * --clients connections), as bench/intake.bench.ts does on an empty database. --slow-ms M also
 * lists the statements slower than M ms during the intake.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { rawCommitRate } from './commit-rate.js';
import { countStatements } from '../test/statement-counter.js';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? dflt) : dflt;
};
const RUNS = Number(arg('runs', '30'));
const INTAKE = Number(arg('intake', '0'));
const CLIENTS = Number(arg('clients', '8'));
const SLOW_MS = Number(arg('slow-ms', '0'));
const ONLY = arg('only', '')
  .split(',')
  .filter((s) => s !== '');
if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is required (a database holding the complaints)');
const ownDataDir = process.env.DATA_DIR ? null : mkdtempSync(path.join(tmpdir(), 'complaints-scale-'));
if (ownDataDir) process.env.DATA_DIR = ownDataDir;
process.env.SEED_DEMO ??= 'false';
const PASSWORD = process.env.SCALE_PASSWORD ?? 'Scale-Bench-Passw0rd!16';

// imported after the environment is set: the configuration is read when the database opens
const { buildConfiguredApp, openDatabase } = await import('../src/cli/cli-support.js');
const { findOrgUnit } = await import('../src/db/repositories/org.repository.js');
const { findUser } = await import('../src/db/repositories/user.repository.js');
const { createUser } = await import('../src/services/people/user.service.js');
const { generateDemoComplaints } = await import('../src/db/demo/demo-complaints.js');

/** --slow-ms: statements slower than this while the intake runs, by their first 100 characters */
const slow = new Map<string, { n: number; ms: number }>();
let watchSlow = false;
/** every statement any pg client of this process sends (the app's pool included) */
const statements = countStatements((sent, result) => {
  if (!watchSlow || !(result instanceof Promise)) return;
  const t = performance.now();
  const text = sent.replace(/\s+/g, ' ').slice(0, 100);
  void result.then(
    () => {
      const ms = performance.now() - t;
      if (ms < SLOW_MS) return;
      const s = slow.get(text) ?? { n: 0, ms: 0 };
      slow.set(text, { n: s.n + 1, ms: s.ms + ms });
    },
    () => undefined,
  );
});

const say = (m: string) => process.stdout.write(`${m}\n`);
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;

const opened = await openDatabase();
const { config, db, readDb, security } = opened;
const ctx = { db, readDb, timeZone: config.timeZone, security, now: () => new Date() };

// ---- the people
const department = await findOrgUnit(db, 'BD01');
if (!department) throw new Error('org unit BD01 missing: is this the bench/statistics-data.sql database?');
const people = [
  { username: 'scale-leader', displayName: '压测领导 Scale leader', roles: ['leadership_member'], orgUnitIds: [] as string[] },
  { username: 'scale-supervisor', displayName: '压测主管 Scale supervisor', roles: ['supervisor'], orgUnitIds: [department.id] },
];
for (const p of people) {
  if (await findUser(db, { username: p.username })) continue;
  await createUser(ctx, { ip: null, userAgent: 'scale-bench' }, { id: 'scale-bench' }, p, { value: PASSWORD, mustChange: false });
  say(`created ${p.username} (${p.roles.join(', ')})`);
}

// ---- the app, as npm start builds it (without the sweeper and jobs)
const app = await buildConfiguredApp(opened, { logLevel: 'silent' });
const base = await app.listen({ port: 0, host: '127.0.0.1' });

async function signIn(username: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in of ${username}: HTTP ${res.status} ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, csrf: csrfToken };
}
const sessions = { leader: await signIn('scale-leader'), supervisor: await signIn('scale-supervisor') };
type Who = keyof typeof sessions;

async function get(who: Who, url: string): Promise<unknown> {
  const res = await fetch(`${base}${url}`, { headers: { cookie: sessions[who].cookie } });
  const body = await res.text();
  if (!res.ok) throw new Error(`GET ${url} as ${who}: HTTP ${res.status} ${body.slice(0, 300)}`);
  return JSON.parse(body) as unknown;
}

// ---- what to ask for
const one = async <T>(q: Promise<{ rows: T[] }>): Promise<T> => {
  const row = (await q).rows[0];
  if (!row) throw new Error('no row');
  return row;
};
const count = await one(sql<{ n: string }>`SELECT count(*)::text AS n FROM complaints`.execute(db));
// a complaint with a known policy number and phone (the generator's row 42: phone 138 + 8 digits of g,
// policy number P + 8 digits of g × 7919 mod 10^8); any row of the data would do
const sample = await one(
  sql<{ id: string; phone: string; policy: string }>`
    SELECT id, complainant_phone AS phone, substring(search_text from 'p[0-9]{8}') AS policy
    FROM complaints WHERE contact_keys && ARRAY['phone:13800000042'] ORDER BY received_at DESC LIMIT 1`.execute(db),
);
// an open complaint of the department (the supervisor's detail view)
const open = await one(
  sql<{ id: string }>`SELECT id FROM complaints WHERE status NOT IN ('closed', 'withdrawn', 'merged', 'transferred')
                      AND ${department.id}::uuid = ANY (department_ids) ORDER BY received_at DESC LIMIT 1`.execute(db),
);
const firstPage = (await get('leader', '/api/complaints?limit=50')) as { nextCursor: string | null };
if (!firstPage.nextCursor) throw new Error('no second page');
const cursor = encodeURIComponent(firstPage.nextCursor);
const enc = encodeURIComponent;
const month = `receivedFrom=${enc('2026-10-01T00:00:00+08:00')}&receivedTo=${enc('2026-10-31T23:59:59+08:00')}`;

interface Case {
  group: string;
  name: string;
  who: Who;
  url: string;
  target: number;
}
const L = '/api/complaints?limit=50';
const cases: Case[] = [
  { group: 'floor', name: 'GET /api/auth/me (sign-in check only)', who: 'leader', url: '/api/auth/me', target: NaN },
  { group: 'ledger', name: 'first page', who: 'leader', url: L, target: 20 },
  { group: 'ledger', name: 'level=1', who: 'leader', url: `${L}&level=1`, target: 20 },
  { group: 'ledger', name: 'status=investigating', who: 'leader', url: `${L}&status=investigating`, target: 20 },
  { group: 'ledger', name: 'status=closed', who: 'leader', url: `${L}&status=closed`, target: 20 },
  { group: 'ledger', name: 'property + October 2026', who: 'leader', url: `${L}&businessLine=property_casualty&${month}`, target: 20 },
  { group: 'ledger', name: 'department BD01', who: 'leader', url: `${L}&department=${department.id}`, target: 20 },
  { group: 'ledger', name: 'second page (cursor)', who: 'leader', url: `${L}&cursor=${cursor}`, target: 20 },
  { group: 'ledger', name: 'first page, supervisor BD01', who: 'supervisor', url: L, target: 20 },
  { group: 'search', name: 'q=理赔 (common)', who: 'leader', url: `${L}&q=${enc('理赔')}`, target: 100 },
  { group: 'search', name: 'q=宠物险 (rare)', who: 'leader', url: `${L}&q=${enc('宠物险')}`, target: 100 },
  { group: 'search', name: 'q=可转债 (rare)', who: 'leader', url: `${L}&q=${enc('可转债')}`, target: 100 },
  { group: 'search', name: 'q=无人机 (absent)', who: 'leader', url: `${L}&q=${enc('无人机')}`, target: 100 },
  { group: 'search', name: `q=${sample.policy} (policy number)`, who: 'leader', url: `${L}&q=${sample.policy}`, target: 100 },
  { group: 'search', name: `q=${sample.phone} (phone)`, who: 'leader', url: `${L}&q=${sample.phone}`, target: 100 },
  { group: 'search', name: 'q=+86 138-0000-0042 (phone, typed)', who: 'leader', url: `${L}&q=${enc('+86 138-0000-0042')}`, target: 100 },
  { group: 'search', name: 'q=理赔&total=true', who: 'leader', url: `${L}&q=${enc('理赔')}&total=true`, target: 100 },
  { group: 'search', name: 'q=宠物险&total=true', who: 'leader', url: `${L}&q=${enc('宠物险')}&total=true`, target: 100 },
  { group: 'search', name: 'q=理赔, supervisor BD01', who: 'supervisor', url: `${L}&q=${enc('理赔')}`, target: 100 },
  { group: 'board', name: 'board, leader', who: 'leader', url: '/api/board', target: 300 },
  { group: 'board', name: 'board, supervisor BD01', who: 'supervisor', url: '/api/board', target: 300 },
  { group: 'board', name: 'workbench, leader', who: 'leader', url: '/api/workbench', target: 300 },
  { group: 'board', name: 'workbench, supervisor BD01', who: 'supervisor', url: '/api/workbench', target: 300 },
  { group: 'detail', name: 'detail (closed)', who: 'leader', url: `/api/complaints/${sample.id}`, target: 20 },
  { group: 'detail', name: 'events (closed)', who: 'leader', url: `/api/complaints/${sample.id}/events`, target: 20 },
  { group: 'detail', name: 'detail (open), supervisor', who: 'supervisor', url: `/api/complaints/${open.id}`, target: 20 },
  { group: 'detail', name: 'events (open), supervisor', who: 'supervisor', url: `/api/complaints/${open.id}/events`, target: 20 },
];

say(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; node ${process.version}; ` +
    `${(await one(sql<{ v: string }>`SELECT version() AS v`.execute(db))).v.split(' ').slice(0, 2).join(' ')}; ${Number(count.n).toLocaleString('en')} complaints`,
);
say(`runs ${RUNS} after one warm-up; load average before: ${load()}`);
say('');
say('| request | as | p50 ms | p95 ms | max ms | target p95 | rows | statements |');
say('|---|---|---|---|---|---|---|---|');
const started = performance.now();
for (const c of cases.filter((x) => ONLY.length === 0 || ONLY.includes(x.group))) {
  const first = (await get(c.who, c.url)) as { items?: unknown[]; total?: number | null; totalEstimated?: boolean };
  const ms: number[] = [];
  const statementsBefore = statements.count;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await get(c.who, c.url);
    ms.push(performance.now() - t);
  }
  const perRequest = (statements.count - statementsBefore) / RUNS;
  const p95 = pct(ms, 95);
  const target = Number.isNaN(c.target) ? '' : `< ${c.target}${p95 < c.target ? '' : ' **missed**'}`;
  const rows = Array.isArray(first.items)
    ? `${first.items.length}${typeof first.total === 'number' ? `, total ${first.totalEstimated ? '≈' : ''}${first.total}` : ''}`
    : '';
  say(
    `| ${c.name} | ${c.who} | ${pct(ms, 50).toFixed(1)} | ${p95.toFixed(1)} | ${Math.max(...ms).toFixed(1)} | ${target} | ${rows} | ${perRequest.toFixed(1)} |`,
  );
}
say('');
say(`took ${((performance.now() - started) / 1000).toFixed(0)} s; load average after: ${load()}`);

if (INTAKE > 0) {
  const bodies = generateDemoComplaints(INTAKE, new Date(), 16).map((i) => ({
    ...i.input,
    receivedAt: i.input.receivedAt?.toISOString() ?? null,
  }));
  const post = async (body: unknown): Promise<number> => {
    const t = performance.now();
    const res = await fetch(`${base}/api/complaints`, {
      method: 'POST',
      headers: { cookie: sessions.supervisor.cookie, 'x-csrf-token': sessions.supervisor.csrf, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`POST /api/complaints: HTTP ${res.status} ${text.slice(0, 300)}`);
    return performance.now() - t;
  };
  const half = Math.floor(bodies.length / 2);
  const seq: number[] = [];
  const statementsBefore = statements.count;
  watchSlow = SLOW_MS > 0;
  const seqStart = performance.now();
  for (const b of bodies.slice(0, half)) seq.push(await post(b));
  const seqWall = performance.now() - seqStart;
  const perIntake = (statements.count - statementsBefore) / half;
  const rest = bodies.slice(half);
  const conc: number[] = [];
  const concStart = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, w) => {
      for (let i = w; i < rest.length; i += CLIENTS) conc.push(await post(rest[i]));
    }),
  );
  const concWall = performance.now() - concStart;
  watchSlow = false;
  const raw1 = await rawCommitRate(opened.target.url, 1, 5);
  const rawN = await rawCommitRate(opened.target.url, CLIENTS, 5);
  await sql`DROP TABLE bench_commit`.execute(db);
  const rate1 = (half / seqWall) * 1000;
  const rateN = (rest.length / concWall) * 1000;
  say('');
  say(`intake of ${bodies.length} demo complaints by HTTP (${perIntake.toFixed(1)} statements each); load average after: ${load()}`);
  say('');
  say('| clients | p50 ms | p95 ms | complaints/s | raw commits/s | share |');
  say('|---|---|---|---|---|---|');
  say(
    `| 1 | ${pct(seq, 50).toFixed(1)} | ${pct(seq, 95).toFixed(1)} | ${rate1.toFixed(0)} | ${raw1.toFixed(0)} | ${((rate1 / raw1) * 100).toFixed(1)} % |`,
  );
  say(
    `| ${CLIENTS} | ${pct(conc, 50).toFixed(1)} | ${pct(conc, 95).toFixed(1)} | ${rateN.toFixed(0)} | ${rawN.toFixed(0)} | ${((rateN / rawN) * 100).toFixed(1)} % |`,
  );
  if (SLOW_MS > 0) {
    say('');
    say(`statements slower than ${SLOW_MS} ms during the intake (count, mean):`);
    for (const [text, v] of [...slow].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15))
      say(`  ${String(v.n).padStart(5)} × ${(v.ms / v.n).toFixed(1).padStart(7)} ms  ${text}`);
  }
}
await app.close();
await opened.close();
if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
