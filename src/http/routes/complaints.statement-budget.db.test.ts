/**
 * Round trips per request (#16): at a million complaints a request's time is mostly its statements,
 * each a round trip to PostgreSQL. These budgets hold the counts measured when #16 cut them (the
 * principal in one statement, the detail's reads in one round): a change that adds statements to
 * registration, the ledger page or the detail fails here and has to raise the budget on purpose.
 * Counted on the pg client of this process, as bench/scale.bench.ts counts them; by API token (its
 * use is recorded: one more statement than a session cookie).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import { countStatements, type StatementCounter } from '../../../test/statement-counter.js';

let t: TestApp;
let statements: StatementCounter;

beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z');
  // the first request of a user creates their token: not counted
  await t.inject({ method: 'GET', url: '/api/complaints?limit=1' });
  statements = countStatements();
});
afterAll(async () => {
  statements.restore();
  await t.close();
});

async function counted<T>(run: () => Promise<T>): Promise<{ result: T; n: number }> {
  const before = statements.count;
  const result = await run();
  return { result, n: statements.count - before };
}

describe('statements per request (#16)', () => {
  let id = '';

  it('registering a complaint (and answering with its detail)', async () => {
    const { result, n } = await counted(() => t.inject({ method: 'POST', url: '/api/complaints', payload: complaintBody() }));
    expect(result.statusCode, result.body).toBe(201);
    id = result.json<{ id: string }>().id;
    // 26 today (the day's first registration: its number sequence is created too), 2 to spare
    expect(n).toBeLessThanOrEqual(28);
  });

  it('a ledger page', async () => {
    const { result, n } = await counted(() => t.inject({ method: 'GET', url: '/api/complaints?limit=50' }));
    expect(result.statusCode).toBe(200);
    expect(n).toBeLessThanOrEqual(4);
  });

  it('a complaint detail (with its read in the audit log)', async () => {
    const { result, n } = await counted(() => t.inject({ method: 'GET', url: `/api/complaints/${id}` }));
    expect(result.statusCode).toBe(200);
    expect(n).toBeLessThanOrEqual(8);
  });
});
