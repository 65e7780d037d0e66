import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import type { ComplaintDetailAnswer, ComplaintEventsAnswer } from '../schemas/complaint.responses.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z');
});
afterAll(async () => t.close());

const post = async (overrides: Record<string, unknown>) => {
  const res = await t.inject({ method: 'POST', url: '/api/complaints', payload: complaintBody(overrides) });
  expect(res.statusCode).toBe(201);
  return res.json<ComplaintDetailAnswer>();
};
const get = async (id: string) => (await t.inject({ method: 'GET', url: `/api/complaints/${id}` })).json<ComplaintDetailAnswer>();
const eventTypes = async (id: string) =>
  (await t.inject({ method: 'GET', url: `/api/complaints/${id}/events` })).json<ComplaintEventsAnswer>().items.map((e) => e.type);

describe('duplicates (R-B7)', () => {
  it('same contact and category within 30 days: linked on both, shown on both, nothing merged', async () => {
    const first = await post({ receivedAt: '2026-11-01T02:00:00Z', complainant: { name: '刘一', phone: '138 0000 1111' } });
    const second = await post({ complainant: { name: '刘一', phone: '+86-13800001111' } });
    expect(second.related).toEqual([expect.objectContaining({ id: first.id, number: first.number, kind: 'possible_duplicate' })]);
    expect((await get(first.id)).related).toEqual([expect.objectContaining({ id: second.id, kind: 'possible_duplicate' })]);
    expect(await eventTypes(first.id)).toContain('duplicate_suspected');
    expect(await eventTypes(second.id)).toContain('duplicate_suspected');
    expect(second.gradingReasons.map((r) => r.rule)).toContain('repeat_complaint');
    expect(second.level).toBe(2);
    const rows = await t.db.selectFrom('complaints').select('id').where('complainant_name', '=', '刘一').execute();
    expect(rows).toHaveLength(2);
  });

  it('matches by e-mail too, case-insensitively', async () => {
    const a = await post({ channel: 'email', complainant: { name: '陈二', email: 'Chen.Er@Example.com' } });
    const b = await post({ channel: 'email', complainant: { name: '陈二', email: 'chen.er@example.com' } });
    expect(b.related.map((r) => r.id)).toEqual([a.id]);
  });

  it('a different category or more than 30 days apart is not a duplicate', async () => {
    await post({ receivedAt: '2026-10-20T02:00:00Z', complainant: { name: '张三', phone: '13800002222' } });
    const later = await post({ complainant: { name: '张三', phone: '13800002222' } });
    expect(later.related).toEqual([]);
    const other = await post({ category: 'premiums_fees', complainant: { name: '张三', phone: '13800002222' } });
    expect(other.related).toEqual([]);
  });
});

describe('mass-incident signal (R-C1)', () => {
  it('the 20th complaint on one product and category within 7 days proposes level 1', async () => {
    let last: Awaited<ReturnType<typeof post>> | undefined;
    for (let i = 0; i < 20; i++) {
      last = await post({
        product: '家用车商业险',
        category: 'underwriting',
        receivedAt: new Date(Date.parse('2026-11-20T02:00:00Z') + i * 3_600_000).toISOString(),
        complainant: { name: `群体${i}`, phone: `1391111${String(i).padStart(4, '0')}` },
      });
      if (i === 18) expect(last.level).toBe(3);
    }
    expect(last!.level).toBe(1);
    expect(last!.gradingReasons.map((r) => r.rule)).toContain('mass_same_matter');
  });

  it('#16 a matter that is always busy does not fire at the count alone: 20 this week against 10 a week before is ordinary', async () => {
    // eight weeks of baseline: 10 a week on this product (80 in all), then 20 in the last 7 days
    const at = (ms: number) => new Date(ms).toISOString();
    const end = Date.parse('2026-11-24T02:00:00Z');
    for (let i = 0; i < 80; i++)
      await post({
        product: '团体意外险',
        category: 'underwriting',
        receivedAt: at(end - 8 * 86_400_000 - i * 16 * 3_600_000),
        complainant: { name: `常量${i}`, phone: `1392222${String(i).padStart(4, '0')}` },
      });
    let last: Awaited<ReturnType<typeof post>> | undefined;
    for (let i = 0; i < 20; i++)
      last = await post({
        product: '团体意外险',
        category: 'underwriting',
        receivedAt: at(end - i * 3_600_000),
        complainant: { name: `本周${i}`, phone: `1393333${String(i).padStart(4, '0')}` },
      });
    expect(last!.gradingReasons.map((r) => r.rule)).not.toContain('mass_same_matter');
    // ten more in the same week: 30, three times the baseline of 10: a possible mass incident
    for (let i = 0; i < 10; i++)
      last = await post({
        product: '团体意外险',
        category: 'underwriting',
        receivedAt: at(end + (i + 1) * 3_600_000),
        complainant: { name: `激增${i}`, phone: `1394444${String(i).padStart(4, '0')}` },
      });
    const reason = last!.gradingReasons.find((r) => r.rule === 'mass_same_matter');
    expect(reason?.detail).toEqual({ count: 30, threshold: 20, windowDays: 7, baseline: 10 });
    expect(last!.level).toBe(1);
  });
});
