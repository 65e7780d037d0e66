/**
 * Export memory benchmark (#16 item 5): the real server (fastify on loopback) on an existing
 * database (DATABASE_URL, e.g. one holding bench/statistics-data.sql's complaints), driven over
 * HTTP by this process: the ledger's .xlsx and CSV exports of about 10k, 50k and all rows, each
 * download read as it comes and thrown away, while the process's resident memory is sampled every
 * 10 ms (the app and this client share the process: the client keeps no bytes). Reports rows,
 * bytes, time, RSS before and at peak, and the peak heap. Bounded; stops by itself.
 *
 *   DATABASE_URL=postgres://… npx tsx --expose-gc bench/export.bench.ts [--sizes 10000,50000,all] [--formats xlsx,csv] [--buffered]
 *
 * --buffered also times the previous way for the smallest size (the whole workbook built in memory
 * with exceljs's Workbook and writeBuffer, the rows read by the same pages), for comparison.
 * Signs in as `tester` (seeded with the test people when missing) by an API token.
 */
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { cpus, totalmem } from 'node:os';
import { createDatabase } from '../src/db/database.js';
import { findUser } from '../src/db/repositories/user.repository.js';
import { permissionsOf } from '../src/domain/access/permissions.js';
import { buildApp } from '../src/http/app.js';
import { openLedgerExport } from '../src/services/complaints/ledger-export-reader.js';
import { createApiToken } from '../src/services/people/auth/token.service.js';
import { principalOf } from '../src/services/people/principal.service.js';
import { TEST_SESSION_SECRET, testSecurity } from '../test/test-constants.js';
import { seedTestPeople } from '../test/test-people.js';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? dflt) : dflt;
};
const SIZES = arg('sizes', '10000,50000,all').split(',');
const FORMATS = arg('formats', 'xlsx,csv').split(',');
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required (a database with complaints)');

const MB = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
const say = (m: string) => process.stdout.write(`${m}\n`);
const gc = (globalThis as { gc?: () => void }).gc;
const settle = async () => {
  for (let i = 0; i < 3; i++) {
    gc?.();
    await new Promise((r) => setTimeout(r, 200));
  }
};

/** Peak RSS and heap while `fn` runs, sampled every 10 ms. */
async function sampled<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; before: number; peak: number; heapPeak: number }> {
  await settle();
  const before = process.memoryUsage().rss;
  let peak = before;
  let heapPeak = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.rss);
    heapPeak = Math.max(heapPeak, m.heapUsed);
  };
  const timer = setInterval(sample, 10);
  const start = performance.now();
  try {
    const value = await fn();
    sample();
    return { value, ms: performance.now() - start, before, peak, heapPeak };
  } finally {
    clearInterval(timer);
  }
}

const db = createDatabase(url, 10);
const security = testSecurity();
const ctx = { db, timeZone: 'Asia/Shanghai', now: () => new Date(), security };
if (!(await findUser(db, { username: 'tester' }))) await seedTestPeople(db);
const user = await findUser(db, { username: 'tester' });
if (!user) throw new Error('no tester');
const principal = await principalOf(db, user);
const { token } = await createApiToken(ctx, { ip: null, userAgent: 'bench' }, principal, {
  name: 'export-bench',
  actions: permissionsOf(principal.roles),
  expiresInDays: 1,
});
const app = await buildApp({ db, timeZone: 'Asia/Shanghai', logLevel: 'silent', security, sessionSecret: TEST_SESSION_SECRET });
const base = await app.listen({ port: 0, host: '127.0.0.1' });

const total = Number((await sql<{ n: string }>`SELECT count(*)::text AS n FROM complaints`.execute(db)).rows[0]?.n ?? 0);
say(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${MB(totalmem())}; node ${process.version}; ${total} complaints`);

/** The filter giving about `n` rows: received since the n-th newest complaint. */
async function filterFor(size: string): Promise<string> {
  if (size === 'all') return '';
  const r = await sql<{
    at: Date;
  }>`SELECT received_at AS at FROM complaints ORDER BY received_at DESC OFFSET ${Number(size) - 1} LIMIT 1`.execute(db);
  const at = r.rows[0]?.at;
  return at ? `receivedFrom=${encodeURIComponent(at.toISOString())}` : '';
}

/** Downloads and discards; returns rows (X-Export-Rows) and bytes. */
async function download(path: string): Promise<{ rows: number; bytes: number }> {
  const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok || !res.body) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
  let bytes = 0;
  for await (const chunk of res.body) bytes += (chunk as Uint8Array).byteLength;
  return { rows: Number(res.headers.get('x-export-rows')), bytes };
}

say('format  rows      bytes     time      rows/s   RSS before  RSS peak  (+delta)   heap peak');
const line = (f: string, rows: number, bytes: number, r: { ms: number; before: number; peak: number; heapPeak: number }) =>
  say(
    `${f.padEnd(7)} ${String(rows).padStart(7)}  ${MB(bytes).padStart(7)}  ${`${(r.ms / 1000).toFixed(1)} s`.padStart(7)}  ${String(Math.round((rows / r.ms) * 1000)).padStart(7)}  ${MB(r.before).padStart(10)}  ${MB(r.peak).padStart(8)}  (+${MB(r.peak - r.before)})  ${MB(r.heapPeak).padStart(9)}`,
  );

for (const size of SIZES) {
  const filter = await filterFor(size);
  for (const format of FORMATS) {
    const path = `/api/complaints/export${format === 'csv' ? '.csv' : ''}?${filter}`;
    const r = await sampled(() => download(path));
    line(format, r.value.rows, r.value.bytes, r);
  }
}

if (process.argv.includes('--buffered')) {
  const filter = await filterFor(SIZES[0] ?? '10000');
  const receivedFrom = new URLSearchParams(filter).get('receivedFrom');
  const r = await sampled(async () => {
    const source = await openLedgerExport(
      ctx,
      { ip: null, userAgent: 'bench' },
      principal,
      { sort: 'receivedAt', order: 'desc', ...(receivedFrom ? { receivedFrom: new Date(receivedFrom) } : {}) },
      false,
      'xlsx',
    );
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet(source.labels.sheet);
    sheet.columns = source.labels.columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
    for await (const page of source.pages()) for (const row of page) sheet.addRow(row);
    const buffer = await book.xlsx.writeBuffer();
    return { rows: source.rows, bytes: buffer.byteLength };
  });
  line('xlsx*', r.value.rows, r.value.bytes, r);
  say('xlsx* = the whole workbook built in memory (exceljs Workbook + writeBuffer), the way before #16');
}

say(`process peak RSS (getrusage): ${MB(process.resourceUsage().maxRSS * 1024)}`);
await app.close();
await db.destroy();
