import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import { searchBigrams } from '../../domain/complaint/search-terms.js';
import type { LedgerPageAnswer } from '../../http/schemas/complaint.responses.js';
import { countLedgerTotal, ledgerPageQuery, listLedger, type LedgerSearch } from './ledger.repository.js';

let t: TestApp;
const numbers: string[] = [];

const seeds = [
  { description: '理赔款迟迟未到账，保单号 P12345678。', phone: '13800000001' },
  { description: '宠物险理赔被拒，保单号 P87654321。', phone: '13800000002' },
  { description: '可转债交易系统卡顿，涉及 BM2026 账户。', phone: '13800000003' },
  { description: '车险 P1 类保单续保保费上涨。', phone: '13912345678' },
  { description: '退保手续费过高。', phone: '13800000005' },
];

beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z');
  for (const [i, s] of seeds.entries()) {
    const body = complaintBody({
      description: s.description,
      receivedAt: `2026-11-2${i}T01:00:00Z`,
      complainant: { name: `客户${i}`, phone: s.phone },
    });
    const res = await t.inject({ method: 'POST', url: '/api/complaints', payload: body });
    expect(res.statusCode).toBe(201);
    numbers.push(res.json<{ number: string }>().number);
  }
});
afterAll(async () => t.close());

const search = async (q: string) => {
  const res = await t.inject({ method: 'GET', url: `/api/complaints?total=true&q=${encodeURIComponent(q)}` });
  expect(res.statusCode).toBe(200);
  const page = res.json<LedgerPageAnswer>();
  // complainant 客户i has the phone of seeds[i]
  return { phones: page.items.map((i) => seeds[Number(i.complainantName.replace('客户', ''))]?.phone), page };
};
const phonesOf = async (q: string) => (await search(q)).phones.sort();

describe('the ledger free text through the bigram index (#16 item 1)', () => {
  it('#16 Chinese terms of two characters and more, rare and absent', async () => {
    // every seed's category is 理赔纠纷 (search_text holds the labels too)
    expect(await phonesOf('理赔')).toHaveLength(5);
    expect(await phonesOf('到账')).toEqual(['13800000001']);
    expect(await phonesOf('宠物险')).toEqual(['13800000002']);
    expect(await phonesOf('可转债')).toEqual(['13800000003']);
    expect(await phonesOf('无人机')).toEqual([]);
    // the grams are all there, not adjacent: the LIKE rechecks
    expect(await phonesOf('理赔被')).toEqual(['13800000002']);
    expect(await phonesOf('赔理')).toEqual([]);
  });

  it('#16 Latin and digits, mixed terms, policy and complaint numbers, any case', async () => {
    expect(await phonesOf('bm2026')).toEqual(['13800000003']);
    expect(await phonesOf('BM2026')).toEqual(['13800000003']);
    expect(await phonesOf('车险 p1')).toEqual(['13912345678']);
    expect(await phonesOf('p12345678')).toEqual(['13800000001']);
    expect(await phonesOf('12345678')).toEqual(['13800000001']);
    const number = numbers[1] as string;
    expect(await phonesOf(number)).toEqual(['13800000002']);
    expect(await phonesOf(number.slice(2, 12).toLowerCase())).toContain('13800000002');
  });

  it('#16 a one-character term falls back to the LIKE alone', async () => {
    expect(await phonesOf('债')).toEqual(['13800000003']);
    expect(await phonesOf('拒')).toEqual(['13800000002']);
  });

  it('#16 phone digits typed into the search box find the complainant by contact, with spaces, dashes or +86', async () => {
    expect(await phonesOf('13912345678')).toEqual(['13912345678']);
    expect(await phonesOf('139 1234 5678')).toEqual(['13912345678']);
    expect(await phonesOf('+86 139-1234-5678')).toEqual(['13912345678']);
    expect(await phonesOf('0086 13912345678')).toEqual(['13912345678']);
    // digits that are text still match as text
    expect(await phonesOf('87654321')).toEqual(['13800000002']);
  });

  it('#16 the total with a term is exact and says so; a large one is estimated', async () => {
    const { page } = await search('保单号');
    expect(page).toMatchObject({ total: 2, totalEstimated: false });
    const q: LedgerSearch = {
      scope: { all: true, branchIds: [], departmentIds: [], createdBy: '' },
      sort: 'receivedAt',
      order: 'desc',
      limit: 50,
    };
    // as if the table were large: a sample of a fraction of its one page cannot read it whole
    expect(await countLedgerTotal(t.db, { ...q, q: '理赔' }, t.now(), { exactUpTo: 1, samplePages: 0.99 })).toMatchObject({
      estimated: true,
    });
    expect(await countLedgerTotal(t.db, { ...q, q: '保单号' }, t.now())).toEqual({ total: 2, estimated: false });
    const res = await t.inject({ method: 'GET', url: '/api/complaints' });
    expect(res.json<LedgerPageAnswer>()).toMatchObject({ total: null, totalEstimated: false });
  });

  it('#16 search_bigrams in SQL and searchBigrams in the app give the same grams', async () => {
    for (const text of [
      '理赔金额与定损结果不符，要求重新核定。',
      '车险 p1',
      'ts20261125000123',
      'a-b_c d',
      '涉及车险、续保',
      '“引号”（括号）',
      '𠀀𠀁x',
      '',
    ]) {
      const r = await sql<{ g: string[] }>`SELECT search_bigrams(${text}::text) AS g`.execute(t.db);
      expect([...new Set(r.rows[0]?.g)].sort(), text).toEqual(searchBigrams(text).sort());
    }
  });

  it('#16 the GIN index exists and a rare term can use it (no statistics in a fresh database)', async () => {
    const idx = await sql<{ indexdef: string }>`SELECT indexdef FROM pg_indexes WHERE indexname = 'complaints_search_bigrams_idx'`.execute(
      t.db,
    );
    expect(idx.rows[0]?.indexdef).toContain('gin (search_bigrams(search_text))');
    const q: LedgerSearch = {
      scope: { all: true, branchIds: [], departmentIds: [], createdBy: '' },
      sort: 'receivedAt',
      order: 'desc',
      limit: 50,
      q: '可转债',
    };
    const compiled = ledgerPageQuery(t.db, q, t.now()).compile();
    // a table of five rows is read whole whatever the index: forbid that to see the index match the expression
    const explained = await t.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL enable_seqscan = off`.execute(trx);
      return trx.executeQuery<{ 'QUERY PLAN': string }>({ ...compiled, sql: `EXPLAIN ${compiled.sql}` });
    });
    expect(explained.rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('complaints_search_bigrams_idx');
    const { rows } = await listLedger(t.db, q, t.now());
    expect(rows.map((r) => r.number)).toEqual([numbers[2]]);
  });
});
