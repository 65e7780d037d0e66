/**
 * Board and workbench benchmark (#16 item 2): `getBoard` and `workbench` through the services, on a
 * database that already holds bench/statistics-data.sql's data (see bench/statistics.bench.ts
 * --generate-only), as a company-wide leader, a department supervisor and a handler. Prints p50 and
 * p95 per call and, for the last run, every statement with its time; --explain runs EXPLAIN
 * (ANALYZE, BUFFERS) of every statement slower than --explain-ms (default 20 ms) five times and
 * prints the fastest execution and its buffers (--plans: and the plan).
 *
 *   DATABASE_URL=postgres://… npx tsx bench/board.bench.ts [--runs 20] [--now 2026-11-25T02:00:00Z] [--explain [--plans]]
 */
import { Kysely, PostgresDialect, type LogEvent } from 'kysely';
import pg from 'pg';
import type { Principal } from '../src/domain/access/permissions.js';
import type { DB } from '../src/db/schema.js';
import type { ServiceContext } from '../src/services/context.js';
import { getBoard } from '../src/services/workflow/board.service.js';
import { workbench } from '../src/services/workflow/workbench.service.js';
import { testSecurity } from '../test/test-constants.js';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? dflt) : dflt;
};
const RUNS = Number(arg('runs', '20'));
const NOW = arg('now', '2026-11-25T02:00:00Z');
const EXPLAIN = process.argv.includes('--explain');
const EXPLAIN_MS = Number(arg('explain-ms', '20'));
const PLANS = process.argv.includes('--plans');
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');

const say = (m: string) => process.stdout.write(`${m}\n`);
let captured: Array<{ sql: string; parameters: readonly unknown[]; ms: number }> = [];
const pool = new pg.Pool({ connectionString: url, max: 10 });
const db = new Kysely<DB>({
  dialect: new PostgresDialect({ pool }),
  log: (e: LogEvent) => {
    if (e.level === 'query') captured.push({ sql: e.query.sql, parameters: e.query.parameters, ms: e.queryDurationMillis });
  },
});
const ctx: ServiceContext = { db, timeZone: 'Asia/Shanghai', now: () => new Date(NOW), security: testSecurity() };
const department = (await pool.query<{ id: string }>(`SELECT id FROM org_units WHERE code = 'BD01'`)).rows[0]?.id;
const leader: Principal = {
  userId: '00000000-0000-4000-8000-000000000001',
  username: 'bench-leader',
  roles: ['leadership_member'],
  branchIds: [],
  departmentIds: [],
};
const supervisor: Principal = {
  userId: '00000000-0000-4000-8000-000000000002',
  username: 'supervisor',
  roles: ['supervisor'],
  branchIds: [],
  departmentIds: department ? [department] : [],
};
const handler: Principal = {
  userId: '00000000-0000-4000-8000-000000000003',
  username: 'handler1',
  roles: ['department_handler'],
  branchIds: [],
  departmentIds: department ? [department] : [],
};

const pct = (s: number[], p: number) => [...s].sort((a, b) => a - b)[Math.min(s.length - 1, Math.floor((s.length * p) / 100))] ?? NaN;
const oneLine = (s: string) => s.replace(/\s+/g, ' ').slice(0, 110);

async function measure(name: string, run: () => Promise<unknown>): Promise<void> {
  await run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    captured = [];
    const t = performance.now();
    await run();
    samples.push(performance.now() - t);
  }
  say(`${name.padEnd(34)} p50 ${pct(samples, 50).toFixed(1).padStart(7)} ms  p95 ${pct(samples, 95).toFixed(1).padStart(7)} ms`);
  const last = captured;
  for (const s of last) say(`    ${s.ms.toFixed(1).padStart(7)} ms  ${oneLine(s.sql)}`);
  if (!EXPLAIN) return;
  for (const st of last.filter((x) => x.ms >= EXPLAIN_MS && /^\s*(select|with)/i.test(x.sql))) {
    // the fastest of 5 executions (the machine may be shared), its buffers, and the plan
    let best = { ms: Infinity, plan: [] as string[] };
    for (let i = 0; i < 5; i++) {
      const r = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${st.sql}`, [...st.parameters]);
      const lines = r.rows.map((x) => x['QUERY PLAN']);
      const ms = Number(/Execution Time: ([\d.]+)/.exec(lines.join('\n'))?.[1] ?? NaN);
      if (ms < best.ms) best = { ms, plan: lines };
    }
    const buffers = /Buffers: (.*)/.exec(best.plan.join('\n'))?.[1] ?? '';
    say(`  --- execution ${best.ms.toFixed(1)} ms, ${buffers}: ${oneLine(st.sql)}`);
    if (PLANS) for (const line of best.plan) say(`      ${line}`);
  }
}

say(`now ${NOW}; ${(await pool.query<{ n: string }>('SELECT count(*) AS n FROM complaints')).rows[0]?.n} complaints; ${RUNS} runs`);
await measure('board, leader (company-wide)', () => getBoard(ctx, leader));
await measure('board, supervisor (department)', () => getBoard(ctx, supervisor));
await measure('workbench, leader', () => workbench(ctx, leader, { english: false }));
await measure('workbench, supervisor', () => workbench(ctx, supervisor, { english: false }));
await measure('workbench, handler', () => workbench(ctx, handler, { english: false }));
await db.destroy();
