/**
 * Round trips per request (#16): at a million complaints a request's time is mostly its statements,
 * each a round trip to PostgreSQL. These budgets hold the counts measured when #16 cut them (the
 * principal in one statement, the detail's reads in one round): a change that adds statements to
 * registration, the ledger page or the detail fails here and has to raise the budget on purpose.
 * Counted on the pg client of this process, as bench/scale.bench.ts counts them; by API token (its
 * use is recorded: one more statement than a session cookie).
 */
import pgLib from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let statements = 0;
const original = pgLib.Client.prototype.query as (...args: unknown[]) => unknown;

beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z');
  // the first request of a user creates their token: not counted
  await t.inject({ method: 'GET', url: '/api/complaints?limit=1' });
  pgLib.Client.prototype.query = function (this: pgLib.Client, ...args: unknown[]) {
    statements++;
    return original.apply(this, args);
  } as typeof pgLib.Client.prototype.query;
});
afterAll(async () => {
  pgLib.Client.prototype.query = original as typeof pgLib.Client.prototype.query;
  await t.close();
});

async function counted<T>(run: () => Promise<T>): Promise<{ result: T; n: number }> {
  const before = statements;
  const result = await run();
  return { result, n: statements - before };
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
