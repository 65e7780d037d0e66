/**
 * Categories belong to business lines (issue #9 item 7d, R-B1): property insurance has no
 * securities trading. Intake and its preview refuse a category not of the chosen line (400 naming
 * `category`); the policy the intake form reads exposes the mapping (taxonomies.categoryLines).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import type { PolicyVersionAnswer } from '../schemas/administration.responses.js';
import type { errorResponse } from '../schemas/common.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z');
});
afterAll(async () => t.close());

type Problem = z.output<typeof errorResponse>;
const post = (url: string, overrides: Record<string, unknown>, phone: string) =>
  t.inject({ method: 'POST', url, payload: complaintBody({ complainant: { name: '条线', phone }, ...overrides }) }, 'agent');

describe('category by business line', () => {
  it('property insurance does not offer securities trading: intake and preview answer 400 naming category', async () => {
    for (const url of ['/api/complaints', '/api/complaints/preview']) {
      const res = await post(url, { businessLine: 'property_casualty', category: 'securities_trading' }, '13811110001');
      expect(res.statusCode, res.body).toBe(400);
      const body = res.json<Problem>();
      expect(body.fields).toEqual([expect.objectContaining({ field: 'category', code: 'category_not_of_business_line' })]);
      expect(body.fields[0]?.message).toContain('投诉类别「证券交易与执行」不属于业务条线「财产保险」');
    }
    expect(await t.db.selectFrom('complaints').select('id').execute()).toEqual([]);
  });

  it('a category of the line, or one every line has, is registered', async () => {
    expect(
      (
        await post(
          '/api/complaints',
          { businessLine: 'brokerage', category: 'securities_trading', description: '委托单未按时成交' },
          '13811110002',
        )
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await post(
          '/api/complaints',
          { businessLine: 'property_casualty', category: 'personal_data', description: '个人信息被泄露' },
          '13811110003',
        )
      ).statusCode,
    ).toBe(201);
    expect((await post('/api/complaints', { businessLine: 'brokerage', category: 'claims_dispute' }, '13811110004')).statusCode).toBe(400);
  });

  it('the policy the intake form reads names the lines of each category', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/policy' }, 'agent');
    expect(res.statusCode).toBe(200);
    const lines = res.json<PolicyVersionAnswer>().policy.taxonomies.categoryLines;
    expect(lines.securities_trading).not.toContain('property_casualty');
    expect(lines.securities_trading).toContain('brokerage');
    expect(lines.claims_dispute).toEqual(['life', 'health', 'property_casualty']);
    // categories every line has are not listed
    expect(lines.other).toBeUndefined();
  });
});
