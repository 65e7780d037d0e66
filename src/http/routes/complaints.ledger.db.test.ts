import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import type { LedgerPageAnswer } from '../schemas/complaint.responses.js';

let t: TestApp;

const seeds: Array<Record<string, unknown>> = [
  {
    channel: 'hotline',
    category: 'claims_dispute',
    amount: '2000',
    receivedAt: '2026-11-20T01:00:00Z',
    branch: '上海浦东营业部',
    description: '理赔款迟迟未到账',
  },
  {
    channel: 'branch',
    category: 'surrender_refund',
    businessLine: 'life',
    amount: '20000',
    receivedAt: '2026-11-21T02:00:00Z',
    branch: '北京朝阳营业部',
    description: '退保手续费过高',
  },
  {
    channel: 'app',
    businessLine: 'brokerage',
    category: 'securities_trading',
    amount: '500000',
    receivedAt: '2026-11-22T03:00:00Z',
    description: '交易系统卡顿导致无法卖出，损失50%',
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
  },
];

beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z');
  for (const [i, s] of seeds.entries()) {
    const body = complaintBody({ complainant: { name: `客户${i}`, phone: `1350000000${i}`, email: `c${i}@example.com` }, ...s });
    const res = await t.inject({ method: 'POST', url: '/api/complaints', payload: body });
    expect(res.statusCode).toBe(201);
  }
});
afterAll(async () => t.close());

const list = async (qs = '') => {
  const res = await t.inject({ method: 'GET', url: `/api/complaints${qs ? `?${qs}` : ''}` });
  expect(res.statusCode).toBe(200);
  return res.json<LedgerPageAnswer>();
};

describe('GET /api/complaints: the ledger (R-B5)', () => {
  it('lists newest receipt first by default with the ledger fields', async () => {
    const { items } = await list();
    expect(items.map((i) => i.receivedAt)).toEqual([...items.map((i) => i.receivedAt)].sort().reverse());
    expect(items[0]).toMatchObject({ channel: 'email', level: 3, status: 'registered', complainantName: '客户4' });
    expect(items[0]).toHaveProperty('nextDue.dueAt');
  });

  it('filters by channel, level, business line, category, branch and status', async () => {
    expect((await list('channel=letter,email')).items.map((i) => i.channel).sort()).toEqual(['email', 'letter']);
    expect((await list('channel=letter&channel=email')).items).toHaveLength(2);
    expect((await list('level=1')).items.map((i) => i.category)).toEqual(['securities_trading']);
    expect((await list('level=2')).items.map((i) => i.category)).toEqual(['surrender_refund']);
    expect((await list('businessLine=life')).items).toHaveLength(1);
    expect((await list('category=claims_dispute')).items).toHaveLength(1);
    expect((await list('branch=北京朝阳营业部')).items).toHaveLength(1);
    expect((await list('status=registered&total=true')).total).toBe(5);
    expect((await list('status=closed&total=true')).total).toBe(0);
  });

  it('filters by received range (from inclusive, to exclusive)', async () => {
    const { items } = await list('receivedFrom=2026-11-21T00:00:00Z&receivedTo=2026-11-24T05:00:00Z');
    expect(items.map((i) => i.category).sort()).toEqual(['securities_trading', 'surrender_refund']);
  });

  it('filters overdue: the October letter and the level-1/2 complaints past their hour clocks', async () => {
    const overdue = await list('overdue=true');
    // level 1 (11-22): supervisor within 15 min; level 2 (11-21): supervisor within 2 h; letter (10-01): all clocks
    expect(overdue.items.map((i) => i.category).sort()).toEqual(['premiums_fees', 'securities_trading', 'surrender_refund']);
    expect(overdue.items.every((i) => i.overdue)).toBe(true);
    expect((await list('overdue=false&total=true')).total).toBe(2);
  });

  it('free text in Chinese: 理赔 finds the claims dispute by its category 理赔纠纷 and its text', async () => {
    const { items } = await list(`q=${encodeURIComponent('理赔')}`);
    expect(items.map((i) => i.category)).toEqual(['claims_dispute']);
    expect((await list(`q=${encodeURIComponent('卡顿')}`)).items).toHaveLength(1);
    expect((await list(`q=${encodeURIComponent('50%')}`)).items).toHaveLength(1);
    expect((await list(`q=${encodeURIComponent('%')}`)).items).toHaveLength(1);
    expect((await list(`q=${encodeURIComponent('不存在的内容')}`)).items).toHaveLength(0);
    const byNumber = (await list()).items[2]!.number;
    expect((await list(`q=${byNumber.toLowerCase()}`)).items.map((i) => i.number)).toEqual([byNumber]);
  });

  it('sorts by level and by number, both directions', async () => {
    const asc = (await list('sort=level&order=asc')).items.map((i) => i.level);
    expect(asc).toEqual([...asc].sort());
    const desc = (await list('sort=number&order=desc')).items.map((i) => i.number);
    expect(desc).toEqual([...desc].sort().reverse());
  });

  it('pages by cursor without gaps or repeats, for every sort', async () => {
    for (const sort of ['receivedAt', 'registeredAt', 'level', 'number']) {
      for (const order of ['asc', 'desc']) {
        const all = (await list(`sort=${sort}&order=${order}&limit=200`)).items.map((i) => i.id);
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const page: Awaited<ReturnType<typeof list>> = await list(
            `sort=${sort}&order=${order}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
          );
          seen.push(...page.items.map((i) => i.id));
          cursor = page.nextCursor;
        } while (cursor);
        expect(seen).toEqual(all);
      }
    }
  });

  it('a cursor from another sort is refused', async () => {
    const { nextCursor } = await list('sort=level&limit=1');
    const res = await t.inject({ method: 'GET', url: `/api/complaints?sort=number&cursor=${nextCursor}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].field).toBe('cursor');
  });
});
