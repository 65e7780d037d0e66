/**
 * The Texas data imported whole and read back through the statistics API (#13 "Tests that must
 * exist", R-H7, R-F1): per received month, closed per month, the median days from received to
 * closed, per coverage type (our product) and per reason under the tdi mapping (category and
 * cause), each compared with figures this test computes from the CSV itself.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { parseCsv } from '../../domain/imports/csv-parser.js';
import { CATEGORY_PRIORITY, TDI_REASONS } from '../../domain/imports/tdi-mapping.js';
import { importComplaints, type ImportReport } from './import.service.js';

const TDI_CSV = fileURLToPath(new URL('../../../../shared/data/tdi_statefarm_complaints/Statefarm_complaints.csv', import.meta.url));

interface TdiFigures {
  rows: number;
  receivedByMonth: Map<string, number>;
  closedByMonth: Map<string, number>;
  medianDays: number;
  byCoverage: Map<string, number>;
  byCategory: Map<string, number>;
  byCause: Map<string, number>;
  from: string;
  to: string;
}

const add = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
const isoOf = (us: string) => {
  const [m, d, y] = us.trim().split('/');
  return `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
};

/** Counted from the file with plain dates; only the reason table is the mapping's ("under the mapping"). */
function tdiFigures(path: string): TdiFigures {
  const [head, ...records] = parseCsv(readFileSync(path, 'utf8'));
  const col = (name: string) => head!.fields.indexOf(name);
  const [rec, clo, cov, rea] = [col('Received date'), col('Closed date'), col('Coverage type'), col('Reason complaint filed')];
  const f: TdiFigures = {
    rows: records.length,
    receivedByMonth: new Map(),
    closedByMonth: new Map(),
    medianDays: 0,
    byCoverage: new Map(),
    byCategory: new Map(),
    byCause: new Map(),
    from: '9999-12-31',
    to: '0000-01-01',
  };
  const days: number[] = [];
  for (const { fields } of records) {
    const received = isoOf(fields[rec]!);
    const closed = fields[clo]!.trim() === '' ? null : isoOf(fields[clo]!);
    add(f.receivedByMonth, received.slice(0, 7));
    if (received < f.from) f.from = received;
    if (closed && closed > f.to) f.to = closed;
    if (received > f.to) f.to = received;
    if (closed) {
      add(f.closedByMonth, closed.slice(0, 7));
      days.push((Date.parse(closed) - Date.parse(received)) / 86_400_000);
    }
    add(f.byCoverage, fields[cov]!.trim());
    const reasons = [...new Set(fields[rea]!.split(';').map((r) => r.trim().toLowerCase()))].filter((r) => r !== '');
    const pairs = reasons.map((r) => TDI_REASONS[r] ?? (['other', 'other'] as const));
    const categories = new Set<string>(pairs.map(([c]) => c));
    add(f.byCategory, CATEGORY_PRIORITY.find((c) => categories.has(c)) ?? 'other');
    const causes = new Set<string>(pairs.map(([, c]) => c));
    if (causes.size === 0) causes.add('other');
    for (const c of causes) add(f.byCause, c);
  }
  days.sort((a, b) => a - b);
  const mid = (days.length - 1) / 2;
  f.medianDays = (days[Math.floor(mid)]! + days[Math.ceil(mid)]!) / 2;
  return f;
}

let t: TestApp;
let figures: TdiFigures;
let report: ImportReport;
let seconds: number;

beforeAll(async () => {
  figures = tdiFigures(TDI_CSV);
  t = await createTestApp('2026-11-25T02:00:00Z');
  const started = Date.now();
  report = await importComplaints(t.ctx, { id: 'tester' }, createReadStream(TDI_CSV), { mapping: 'tdi', dryRun: false });
  seconds = (Date.now() - started) / 1000;
  console.info(`tdi import: ${report.rowsImported} complaints in ${seconds.toFixed(1)} s`);
}, 600_000);

afterAll(async () => {
  await t?.close();
});

interface StatisticsAnswer {
  rows: Array<{ keys: Array<{ dimension: string; value: string | null }>; values: Record<string, number | null> }>;
  totals: { values: Record<string, number | null> };
}

/** GET /api/statistics over the whole file's period, imported complaints only. */
async function statistics(groupBy: string, measures: string): Promise<StatisticsAnswer> {
  const url = `/api/statistics?from=${figures.from}&to=${figures.to}&imported=true&measures=${measures}${groupBy ? `&groupBy=${groupBy}` : ''}`;
  const res = await t.inject({ method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<StatisticsAnswer>();
}

/** One measure by the first key's value, zeros left out (the CSV side has no zero entries). */
function byKey(a: StatisticsAnswer, measure: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of a.rows) {
    const v = r.values[measure] ?? 0;
    if (v !== 0) m.set(r.keys[0]!.value ?? '', v);
  }
  return m;
}

const sorted = (m: Map<string, number>) => [...m.entries()].sort(([a], [b]) => a.localeCompare(b));

describe('TDI import and statistics (R-H7, R-F1)', () => {
  it('imports every one of the 11,173 rows, closed, in reasonable time', () => {
    expect(figures.rows).toBe(11_173);
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({
      rowsRead: 11_173,
      rowsValid: 11_173,
      rowsImported: 11_173,
      rowsFailed: 0,
      rowsClosed: 11_173,
      rowsOpen: 0,
    });
    expect(seconds).toBeLessThan(120);
  });

  it('counts per received month and closed per month as the CSV has them', async () => {
    const a = await statistics('month', 'received,closed');
    expect(sorted(byKey(a, 'received'))).toEqual(sorted(figures.receivedByMonth));
    expect(sorted(byKey(a, 'closed'))).toEqual(sorted(figures.closedByMonth));
    expect(a.totals.values.received).toBe(11_173);
  });

  it('has the median days from received to closed of the CSV', async () => {
    const a = await statistics('', 'closed,handling_days_p50');
    expect(a.totals.values.closed).toBe(11_173);
    expect(a.totals.values.handling_days_p50).toBe(Math.round(figures.medianDays * 10) / 10);
  });

  it('counts per coverage type (the product) and per reason under the mapping (category and cause)', async () => {
    expect(sorted(byKey(await statistics('product', 'received'), 'received'))).toEqual(sorted(figures.byCoverage));
    expect(sorted(byKey(await statistics('category', 'received'), 'received'))).toEqual(sorted(figures.byCategory));
    expect(sorted(byKey(await statistics('cause', 'received'), 'received'))).toEqual(sorted(figures.byCause));
  });

  it('lists every imported complaint in the streamed CSV ledger export (R-H7)', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/complaints/export.csv?imported=true' });
    expect(res.statusCode).toBe(200);
    expect(parseCsv(res.body)).toHaveLength(11_173 + 1);
  });
});
