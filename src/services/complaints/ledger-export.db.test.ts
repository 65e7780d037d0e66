/**
 * The ledger exports stream (#16 item 5, R-B5, R-H2): the workbook is written by exceljs's streaming
 * writer a keyset page at a time; read back, it holds every row of the listing, in its order, with
 * the headers, over many pages; the writer waits for the reader (backpressure); and a failure after
 * the first bytes breaks the download instead of ending a truncated file as if complete.
 */
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { sql } from 'kysely';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, TEST_SESSION_SECRET, testSecurity, type TestApp } from '../../../test/test-app.js';
import { permissionsOf, type Principal } from '../../domain/access/permissions.js';
import { findUser } from '../../db/repositories/user.repository.js';
import { buildApp } from '../../http/app.js';
import type { ServiceContext } from '../context.js';
import { createApiToken } from '../people/auth/token.service.js';
import { principalOf } from '../people/principal.service.js';
import { exportLedgerCsv } from './ledger-export-csv.service.js';
import { exportLedger } from './ledger-export.service.js';

const ROWS = 2500;
const meta = { ip: null, userAgent: 'test' };
let t: TestApp;
let tester: Principal;
let numbers: string[];

/** Counts the page reads (one query on the clocks per page) and fails the one numbered `failAt`. */
class PageProbe implements KyselyPlugin {
  pages = 0;
  failAt = Infinity;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (args.node.kind === 'SelectQueryNode' && JSON.stringify(args.node.from).includes('"complaint_clocks"')) {
      this.pages++;
      if (this.pages >= this.failAt) throw new Error('database gone (test)');
    }
    return args.node;
  }
  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}

async function bytesOf(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

async function sheetRows(bytes: Buffer | ArrayBuffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return { name: sheet.name, rows, bold: sheet.getRow(1).font?.bold };
}

beforeAll(async () => {
  t = await createTestApp();
  const res = await t.inject({ method: 'POST', url: '/api/complaints', payload: complaintBody() });
  expect(res.statusCode).toBe(201);
  const id = res.json<{ id: string }>().id;
  // 2,499 copies by SQL (new id, number and time of receipt): 2,500 rows, three pages of 1,000
  await sql`
    INSERT INTO complaints
    SELECT (jsonb_populate_record(c, jsonb_build_object(
      'id', gen_random_uuid(),
      'number', c.number || '-' || lpad(g::text, 4, '0'),
      'received_at', c.received_at - g * interval '1 minute'))).*
    FROM complaints c, generate_series(1, ${ROWS - 1}) g
    WHERE c.id = ${id}`.execute(t.db);
  const user = await findUser(t.db, { username: 'tester' });
  tester = await principalOf(t.db, user!);
  const listed = await sql<{ number: string }>`SELECT number FROM complaints ORDER BY number, id`.execute(t.db);
  numbers = listed.rows.map((r) => r.number);
}, 60_000);

afterAll(async () => {
  await t?.app.close();
  await t?.close();
});

describe('streamed ledger exports (#16 item 5)', () => {
  it('the workbook read back holds the headers and every row of the listing in its order, across pages (R-B5)', async () => {
    const total = (await t.inject({ method: 'GET', url: '/api/complaints?total=true' })).json<{ total: number }>().total;
    expect(total).toBe(numbers.length);
    expect(total).toBeGreaterThanOrEqual(ROWS);
    const res = await t.inject({ method: 'GET', url: '/api/complaints/export?sort=number&order=asc' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-export-rows']).toBe(String(total));
    const { name, rows, bold } = await sheetRows(res.rawPayload);
    expect(name).toBe('投诉台账');
    expect(bold).toBe(true);
    expect(rows[0]).toEqual([
      '投诉编号',
      '受理时间',
      '等级',
      '状态',
      '渠道',
      '业务条线',
      '投诉类别',
      '机构',
      '投诉人',
      '涉及金额（元）',
      '紧急',
      '下一期限',
      '已逾期',
    ]);
    expect(rows).toHaveLength(total + 1);
    expect(rows.slice(1).map((r) => r[0])).toEqual(numbers);
    // as on screen: the complainant's name, no phone
    expect(new Set(rows.slice(1).map((r) => r[8]))).toEqual(new Set(['张三']));
    expect(rows.flat().some((c) => c.includes('13812345678'))).toBe(false);
    expect(rows[1]?.[9]).toBe('3500');

    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'complaint.export')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor: 'tester', outcome: 'success', details: { rows: total, format: 'xlsx' } });
  });

  it('small pages give the same workbook and the same CSV rows (keyset paging, no row lost or repeated)', async () => {
    const q = { sort: 'number', order: 'desc' } as const;
    const book = await exportLedger(t.ctx, meta, tester, q, true, { pageSize: 7 });
    const { name, rows } = await sheetRows(await bytesOf(book.stream));
    expect(name).toBe('Complaints');
    expect(rows[0]?.[0]).toBe('Number');
    expect(rows.slice(1).map((r) => r[0])).toEqual([...numbers].reverse());

    const csv = await exportLedgerCsv(t.ctx, meta, tester, q, true, { pageSize: 13 });
    let text = '';
    for await (const chunk of csv.chunks) text += chunk;
    const lines = text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(csv.rows).toBe(numbers.length);
    expect(lines).toHaveLength(numbers.length + 1);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual([...numbers].reverse());
  });

  it('waits for its reader: an unread export reads only the pages its buffers hold, then resumes', async () => {
    const probe = new PageProbe();
    const ctx: ServiceContext = { ...t.ctx, db: t.db.withPlugin(probe) };
    const book = await exportLedger(ctx, meta, tester, { sort: 'number', order: 'asc' }, false, { pageSize: 10 });
    const pages = Math.ceil(numbers.length / 10);
    // nobody reads: the writer stops once the stream's buffers are full
    let seen = -1;
    while (seen !== probe.pages) {
      seen = probe.pages;
      await new Promise((r) => setTimeout(r, 150));
    }
    expect(probe.pages).toBeLessThan(pages / 2);
    const { rows } = await sheetRows(await bytesOf(book.stream));
    expect(rows).toHaveLength(numbers.length + 1);
    expect(probe.pages).toBe(pages);
  });

  it('a failure after the first bytes breaks the download (no complete-looking truncated file)', async () => {
    const probe = new PageProbe();
    let app: FastifyInstance | undefined;
    try {
      app = await buildApp({
        db: t.db.withPlugin(probe),
        timeZone: 'Asia/Shanghai',
        now: t.now,
        logLevel: 'silent',
        security: testSecurity(),
        sessionSecret: TEST_SESSION_SECRET,
      });
      const base = await app.listen({ port: 0, host: '127.0.0.1' });
      const { token } = await createApiToken(t.ctx, meta, tester, {
        name: 'stream',
        actions: permissionsOf(tester.roles),
        expiresInDays: 1,
      });
      const get = (path: string) => fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });

      // the second page of 1,000 fails: the first is already on its way
      probe.failAt = probe.pages + 2;
      const xlsx = await get('/api/complaints/export?sort=number&order=asc');
      expect(xlsx.status).toBe(200);
      await expect(xlsx.arrayBuffer()).rejects.toThrow();

      probe.failAt = probe.pages + 2;
      const csv = await get('/api/complaints/export.csv?sort=number&order=asc');
      expect(csv.status).toBe(200);
      await expect(csv.text()).rejects.toThrow();

      // and the same app answers in full when nothing fails
      probe.failAt = Infinity;
      const whole = await get('/api/complaints/export?sort=number&order=asc');
      expect((await sheetRows(await whole.arrayBuffer())).rows).toHaveLength(numbers.length + 1);
    } finally {
      await app?.close();
    }
  });
});
