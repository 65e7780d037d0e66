import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import { verifyLedger } from './ledger-verify.service.js';

const run = promisify(execFile);
let t: TestApp;
const ids: string[] = [];
const numbers: string[] = [];

beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z');
  for (let i = 0; i < 3; i++) {
    const res = await t.inject({
      method: 'POST',
      url: '/api/complaints',
      payload: complaintBody({ complainant: { name: `链${i}`, phone: `1310000000${i}` } }),
    });
    ids.push(res.json().id);
    numbers.push(res.json().number);
  }
});
afterAll(async () => t.close());

/** Runs `npm run verify-ledger` against this test's database, as an operator would. */
async function verifyCli(): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run('npx', ['tsx', 'src/cli/verify-ledger.ts'], {
      env: { ...process.env, DATABASE_URL: t.url },
      timeout: 60_000,
    });
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string };
    return { code: e.code, out: e.stdout };
  }
}

describe('tamper-evident record (R-A4)', () => {
  it('the database itself refuses UPDATE, DELETE and TRUNCATE on events', async () => {
    await expect(sql`UPDATE complaint_events SET actor = 'mallory'`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM complaint_events`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE complaint_events`.execute(t.db)).rejects.toThrow(/append-only/);
  });

  it('an intact ledger verifies, through the service and the CLI', async () => {
    const r = await verifyLedger(t.db);
    expect(r).toMatchObject({ complaints: 3, broken: [] });
    expect(r.events).toBeGreaterThanOrEqual(9);
    const cli = await verifyCli();
    expect(cli.code).toBe(0);
    expect(cli.out).toContain('ledger intact');
  });

  it('an event edited by SQL (triggers bypassed by a superuser) is found and named', async () => {
    await t.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL session_replication_role = replica`.execute(trx);
      await sql`UPDATE complaint_events SET payload = jsonb_set(payload, '{level}', '1') WHERE complaint_id = ${ids[1]} AND seq = 2`.execute(
        trx,
      );
    });
    const r = await verifyLedger(t.db);
    expect(r.broken).toEqual([
      { complaintId: ids[1], number: numbers[1], break: expect.objectContaining({ kind: 'hash_mismatch', seq: 2 }) },
    ]);
    const cli = await verifyCli();
    expect(cli.code).toBe(1);
    expect(cli.out).toContain(`BROKEN complaint ${numbers[1]}`);
    expect(cli.out).toContain('hash_mismatch at event #2');
  });

  it('a deleted event is found as a gap in the sequence', async () => {
    await t.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL session_replication_role = replica`.execute(trx);
      await sql`DELETE FROM complaint_events WHERE complaint_id = ${ids[2]} AND seq = 1`.execute(trx);
    });
    const r = await verifyLedger(t.db);
    expect(r.broken.find((b) => b.complaintId === ids[2])?.break).toMatchObject({ kind: 'sequence_gap', expectedSeq: 1 });
  });
});
