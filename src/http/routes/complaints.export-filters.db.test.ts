/**
 * The export is the ledger (#9 item 2, R-B5, R-H2): for every filter GET /api/complaints accepts,
 * GET /api/complaints/export with the same filter holds exactly the complaints the listing shows,
 * in the same order. The filters are taken from the query schema itself, so a filter added later
 * without a case here fails this test.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import { appendEvents } from '../../db/repositories/event.repository.js';
import { ledgerQuerystring } from '../schemas/complaint.schemas.js';
import type { ComplaintDetailAnswer, LedgerPageAnswer } from '../schemas/complaint.responses.js';

let t: TestApp;

/** Query parameters that shape the answer (paging, sort, count) rather than choose complaints. */
const NOT_FILTERS = ['sort', 'order', 'limit', 'cursor', 'total'] as const;
type Filter = Exclude<keyof typeof ledgerQuerystring.shape, (typeof NOT_FILTERS)[number]>;

/** Each filter with values that narrow the seeded ledger (the type makes a missing filter a compile error too). */
const CASES: Record<Filter, string[]> = {
  status: ['status=assigned', 'status=registered', 'status=assigned,closed'],
  level: ['level=1', 'level=2,3'],
  channel: ['channel=letter,email', 'channel=hotline'],
  businessLine: ['businessLine=life', 'businessLine=property_casualty'],
  category: ['category=claims_dispute', 'category=surrender_refund,investment_advice'],
  branch: [`branch=${encodeURIComponent('北京朝阳营业部')}`],
  receivedFrom: ['receivedFrom=2026-11-21T00:00:00Z'],
  receivedTo: ['receivedTo=2026-11-22T00:00:00Z', 'receivedFrom=2026-11-21T00:00:00Z&receivedTo=2026-11-24T05:00:00Z'],
  overdue: ['overdue=true', 'overdue=false'],
  q: [`q=${encodeURIComponent('理赔')}`, `q=${encodeURIComponent('50%')}`],
  idNumber: ['idNumber=110101199003071234'],
  account: ['account=6222021234567890123'],
  mine: ['mine=true'],
  unassigned: ['unassigned=true', 'unassigned=false'],
  dueWithinHours: ['dueWithinHours=24', 'dueWithinHours=72'],
  contact: ['contact=13500000000', 'contact=c2%40example.com'],
  // the drill-down of statistics (#13): the facts beforeAll gives the seeded complaints
  closedFrom: ['closedFrom=2026-11-24T00:00:00Z'],
  closedTo: ['closedTo=2026-11-25T00:00:00Z'],
  openAt: ['openAt=2026-11-21T00:00:00Z'],
  branchId: ['branchId=_none'],
  product: ['product=P1', 'product=_none'],
  cause: ['cause=sales_practice', 'cause=_none'],
  department: ['department=_none'],
  handler: ['handler=_none', 'handler=agent'],
  outcome: ['outcome=upheld'],
  customerGroup: ['customerGroup=senior,small_business'],
  imported: ['imported=true', 'imported=false'],
  timeliness: ['timeliness=regulatory_on_time'],
  reopened: ['reopened=true', 'reopened=false'],
  surveyed: ['surveyed=true'],
  satisfied: ['satisfied=true', 'satisfied=false'],
  compensated: ['compensated=proposed', 'compensated=paid'],
  amountGiven: ['amountGiven=true', 'amountGiven=false'],
  riskFlag: ['riskFlag=media', 'riskFlag=media,reputational'],
  major: ['major=true', 'major=false'],
};

const seeds: Array<Record<string, unknown>> = [
  {
    channel: 'hotline',
    receivedAt: '2026-11-20T01:00:00Z',
    branch: '上海浦东营业部',
    description: '理赔款迟迟未到账',
    complainant: {
      name: '客户甲',
      phone: '13500000000',
      idType: 'resident_id',
      idNumber: '110101199003071234',
      account: '6222021234567890123',
    },
  },
  {
    channel: 'branch',
    category: 'surrender_refund',
    businessLine: 'life',
    amount: '20000',
    receivedAt: '2026-11-21T02:00:00Z',
    branch: '北京朝阳营业部',
    description: '退保手续费过高',
    complainant: { name: '客户乙', phone: '13500000000', idType: 'resident_id', idNumber: '110101199003075678' },
  },
  {
    channel: 'app',
    businessLine: 'brokerage',
    category: 'securities_trading',
    amount: '500000',
    receivedAt: '2026-11-22T03:00:00Z',
    riskFlags: ['media'],
    description: '交易系统卡顿导致无法卖出，损失50%',
    complainant: { name: '客户丙', email: 'c2@example.com', account: '6222020000000000001' },
  },
  {
    channel: 'letter',
    category: 'premiums_fees',
    amount: null,
    receivedAt: '2026-10-01T03:00:00Z',
    description: '保费扣款两次',
    complainant: { name: '信件客户', address: '杭州市西湖区1号' },
  },
  {
    channel: 'email',
    businessLine: 'investment_advisory',
    category: 'investment_advice',
    amount: '8000',
    receivedAt: '2026-11-24T05:00:00Z',
    description: '投顾建议与风险等级不符',
    complainant: { name: '客户丁', email: 'd@example.com' },
  },
  {
    channel: 'web',
    receivedAt: '2026-11-25T01:50:00Z',
    description: '网上报案后无人联系',
    complainant: { name: '客户戊', phone: '13600000000' },
  },
];

beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z');
  const ids: string[] = [];
  for (const s of seeds) {
    // registered by the agent (whom intake makes the handler), so "mine" of the tester is only what they track
    const res = await t.inject({ method: 'POST', url: '/api/complaints', payload: complaintBody(s) }, 'agent');
    expect(res.statusCode, res.body).toBe(201);
    ids.push(res.json<ComplaintDetailAnswer>().id);
  }
  // two complaints move on: assigned (status) and tracked by the tester (mine)
  for (const id of [ids[0]!, ids[4]!]) {
    const res = await t.inject({ method: 'POST', url: `/api/complaints/${id}/assign`, payload: { tracker: 'tester' } });
    expect(res.statusCode, res.body).toBe(200);
  }
  // one arrived by itself (portal, app, e-mail: #12) and waits for a handler
  await t.db.updateTable('complaints').set({ assignee: null, tracker: null }).where('id', '=', ids[5]!).execute();
  await drillDownFacts(ids);
});

/**
 * Facts for the drill-down filters (#13), written straight into the tables the facts are computed
 * from (complaint_facts follows at each commit): one complaint closed, reopened, analysed, surveyed
 * and compensated, one surveyed and unsatisfied with a proposal, one imported.
 */
async function drillDownFacts(ids: string[]) {
  const [b, c, d] = [ids[1]!, ids[2]!, ids[3]!];
  const unit = (await t.db.selectFrom('org_units').select('id').where('code', '=', 'SH-PD').executeTakeFirstOrThrow()).id;
  await t.db.updateTable('complaints').set({ product: null, branch_id: unit }).execute();
  await t.db.updateTable('complaints').set({ branch_id: null, department_ids: [] }).where('id', '=', d).execute();
  await t.db
    .updateTable('complaints')
    .set({ product: 'P1', outcome: 'upheld', closed_at: new Date('2026-11-24T06:00:00Z'), round: 2, customer_group: 'senior' })
    .where('id', '=', b)
    .execute();
  await t.db.updateTable('complaints').set({ customer_group: 'small_business', major: true }).where('id', '=', c).execute();
  const at = new Date('2026-11-24T06:00:00Z');
  const record = (complaintId: string, kind: string, status: string | null, data: Record<string, unknown>) => ({
    id: crypto.randomUUID(),
    complaint_id: complaintId,
    kind,
    round: 1,
    status,
    data: JSON.stringify(data),
    created_at: at,
    created_by: 'tester',
    updated_at: at,
    updated_by: 'tester',
  });
  await t.db
    .insertInto('complaint_records')
    .values([
      record(b, 'analysis', null, { causes: ['sales_practice'] }),
      record(b, 'survey', null, { satisfied: true }),
      record(b, 'compensation', 'approved', { amount: '500.00', payment: { status: 'paid' } }),
      record(c, 'survey', null, { satisfied: false }),
      record(c, 'compensation', 'proposed', { amount: '100.00' }),
    ])
    .execute();
  await t.db
    .updateTable('complaint_clocks')
    .set({ status: 'met', met_at: new Date('2026-11-21T03:00:00Z') })
    .where('complaint_id', '=', b)
    .where('kind', '=', 'regulatory')
    .execute();
  const payload = { source: 'tdi', sourceId: 'X1', runId: null, number: 'n', channel: 'letter', businessLine: 'life', category: 'other' };
  await appendEvents(t.db, d, [
    {
      type: 'complaint_imported',
      actor: 'tester',
      occurredAt: at,
      payload: { ...payload, product: null, receivedAt: at.toISOString(), closedAt: null, outcome: null, causes: [] },
    },
  ]);
}
afterAll(async () => t.close());

/** Every complaint number the listing shows for the query, page after page. */
async function listed(qs: string): Promise<string[]> {
  const numbers: string[] = [];
  let cursor: string | null = null;
  do {
    const url: string = `/api/complaints?limit=2${qs ? `&${qs}` : ''}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await t.inject({ method: 'GET', url });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    const page = res.json<LedgerPageAnswer>();
    numbers.push(...page.items.map((i) => i.number));
    cursor = page.nextCursor;
  } while (cursor);
  return numbers;
}

/** The complaint numbers in the exported workbook, top to bottom (the first column under the header). */
async function exported(qs: string): Promise<string[]> {
  const res = await t.inject({ method: 'GET', url: `/api/complaints/export${qs ? `?${qs}` : ''}` });
  expect(res.statusCode, res.body).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const numbers: string[] = [];
  book.worksheets[0]!.eachRow((row, i) => {
    if (i > 1) numbers.push(String(row.getCell(1).value));
  });
  expect(Number(res.headers['x-export-rows'])).toBe(numbers.length);
  return numbers;
}

describe('the export holds exactly the listed complaints, filter by filter (#9 item 2)', () => {
  it('covers every filter of the ledger query schema', () => {
    const filters = Object.keys(ledgerQuerystring.shape).filter((k) => !(NOT_FILTERS as readonly string[]).includes(k));
    expect(Object.keys(CASES).sort()).toEqual(filters.sort());
  });

  it('without a filter: the whole ledger', async () => {
    const all = await listed('');
    expect(all).toHaveLength(seeds.length);
    expect(await exported('')).toEqual(all);
  });

  const cases = Object.entries(CASES).flatMap(([filter, list]) => list.map((qs) => ({ filter, qs })));
  it.each(cases)('$filter: $qs', async ({ qs }) => {
    const rows = await listed(qs);
    // the data makes the filter bite: some complaints, not all of them
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(seeds.length);
    expect(await exported(qs)).toEqual(rows);
  });

  it('filters combined, and a filter matching nothing exports an empty sheet', async () => {
    const combined = 'channel=hotline,branch&contact=13500000000&idNumber=110101199003075678';
    expect(await listed(combined)).toHaveLength(1);
    expect(await exported(combined)).toEqual(await listed(combined));
    expect(await listed('idNumber=000000000000000000')).toEqual([]);
    expect(await exported('idNumber=000000000000000000')).toEqual([]);
    expect(await exported('account=0000000000')).toEqual([]);
  });

  it('the audit row keeps the filter with the ID document and account numbers masked', async () => {
    await exported('idNumber=110101199003071234&account=6222021234567890123');
    const row = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'complaint.export')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const details = row.details as { rows: number; filter: Record<string, unknown> };
    expect(details.rows).toBe(1);
    expect(details.filter.idNumber).toBe('110***********1234');
    expect(details.filter.account).toBe('***************0123');
    expect(JSON.stringify(details)).not.toContain('110101199003071234');
  });
});
