import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z');
});
afterAll(async () => t.close());

describe('POST /api/complaints (R-B1, R-B3..B6)', () => {
  it('registers a hotline complaint with number, proposed level, reasons and clocks', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/complaints', payload: complaintBody() });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.number).toBe('TS202611250001');
    expect(body.level).toBe(3);
    expect(body.amount).toBe('3500.00');
    expect(body.gradingReasons.map((r: { rule: string }) => r.rule)).toContain('amount_below_l2');
    const kinds = body.clocks.map((c: { kind: string }) => c.kind).sort();
    expect(kinds).toEqual(['l3_answer', 'regulatory']);
    const regulatory = body.clocks.find((c: { kind: string }) => c.kind === 'regulatory');
    // received 2026-11-25 09:30 Shanghai; day 15 = Thu 2026-12-10, a working day: due at its end
    expect(regulatory.dueAt).toBe('2026-12-10T16:00:00.000Z');
    const l3 = body.clocks.find((c: { kind: string }) => c.kind === 'l3_answer');
    // 5 working days after Wed 11-25: Thu 26, Fri 27, Mon 30, Tue 1, Wed 2 -> 2026-12-02 17:30 +08:00
    expect(l3.dueAt).toBe('2026-12-02T09:30:00.000Z');
    expect(l3.warnAt).toHaveLength(2);
  });
});
