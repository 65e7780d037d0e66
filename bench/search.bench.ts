/**
 * Ledger search benchmark (#16 item 1): the first page (limit 50, newest first) and the total of
 * free-text searches against an existing database already holding the data (bench/statistics-data.sql)
 * and migrated to 0030, timed through the repository the API uses, p50 and p95 of --runs runs after
 * one warm-up; --explain prints EXPLAIN (ANALYZE, BUFFERS) of every statement of the last run.
 *
 *   DATABASE_URL=postgres://… npx tsx bench/search.bench.ts [--runs 20] [--explain] [--terms 理赔,无人机]
 */
import { Kysely, PostgresDialect, type CompiledQuery } from 'kysely';
import pg from 'pg';
import type { DB } from '../src/db/schema.js';
import { countLedgerTotal, listLedger, type LedgerSearch } from '../src/db/repositories/ledger.repository.js';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? dflt) : dflt;
};
const RUNS = Number(arg('runs', '20'));
const EXPLAIN = process.argv.includes('--explain');
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');

const DEFAULT_TERMS = [
  '理赔',
  '宠物险',
  '可转债',
  'p12345678',
  '无人机',
  'bm2026',
  '车险 p1',
  '保单号 p12',
  '13800199996',
  '+86 138-0019-9996',
];
const terms = arg('terms', DEFAULT_TERMS.join(',')).split(',');
const cases: Array<{ name: string; extra: Partial<LedgerSearch> }> = [
  { name: '', extra: {} },
  { name: 'level=1', extra: { level: [1] } },
  { name: 'status=closed', extra: { status: ['closed'] } },
];

const captured: CompiledQuery[] = [];
const pool = new pg.Pool({ connectionString: url, max: 4, options: '-c jit=off' });
const db = new Kysely<DB>({
  dialect: new PostgresDialect({ pool }),
  log: (e) => {
    if (EXPLAIN && e.level === 'query') captured.push(e.query);
  },
});

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;
const now = new Date();
const base: LedgerSearch = {
  scope: { all: true, branchIds: [], departmentIds: [], createdBy: '' },
  sort: 'receivedAt',
  order: 'desc',
  limit: 50,
};

async function time<T>(f: () => Promise<T>): Promise<{ ms: number[]; last: T }> {
  let last = await f();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    last = await f();
    ms.push(performance.now() - t0);
  }
  return { ms, last };
}

console.log(`runs=${RUNS}; page = first page of 50 newest first; total = countLedgerTotal`);
for (const c of cases) {
  for (const term of terms) {
    const q: LedgerSearch = { ...base, ...c.extra, q: term };
    captured.length = 0;
    const page = await time(() => listLedger(db, q, now));
    const pageSql = [...captured.slice(-2)];
    captured.length = 0;
    const total = await time(() => countLedgerTotal(db, q, now));
    const totalSql = [...captured.slice(-4)];
    const label = `${c.name ? `${c.name} ` : ''}q=${term}`.padEnd(34);
    console.log(
      `${label} page p50 ${pct(page.ms, 50).toFixed(1)} p95 ${pct(page.ms, 95).toFixed(1)} ms rows ${page.last.rows.length}` +
        ` | total p50 ${pct(total.ms, 50).toFixed(1)} p95 ${pct(total.ms, 95).toFixed(1)} ms = ${total.last.total}${total.last.estimated ? ' (estimated)' : ''}`,
    );
    if (EXPLAIN) {
      for (const query of [...pageSql, ...totalSql]) {
        if (!/^select/i.test(query.sql)) continue;
        const r = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${query.sql}`, [...query.parameters]);
        console.log(`  -- ${query.sql.slice(0, 160)}`);
        console.log(r.rows.map((x) => `     ${x['QUERY PLAN']}`).join('\n'));
      }
    }
  }
}
await db.destroy();
