/**
 * npm run backup / npm run restore as an operator runs them (#16 item 7): a restore without a
 * terminal and without --yes refuses; a damaged backup is refused before any database is created;
 * --into restores beside the data; replacing keeps the previous database under another name.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { TEST_KEYS } from '../../test/test-constants.js';
import { withDatabaseName } from '../db/database.js';
import { databaseExists, dropDatabase } from '../db/backup/database-admin.js';
import { readManifest } from '../services/backup/backup-manifest.js';
import { registerFromChannel } from '../services/complaints/channel-intake.service.js';

let t: TestApp;
let work: string;

beforeAll(async () => {
  t = await createTestApp();
  work = mkdtempSync(path.join(tmpdir(), 'backup-cli-'));
  await registerFromChannel(t.ctx, {
    input: {
      channel: 'web',
      businessLine: 'property_casualty',
      category: 'claims_dispute',
      description: '理赔款迟迟未到账。',
      urgent: false,
      riskFlags: [],
      jointComplainants: 1,
      complainant: { name: '王五', phone: '13800001234', idType: 'id_card', idNumber: '110101199003071234' },
    },
    files: [],
    by: 'portal',
  });
});
afterAll(async () => {
  await t.close();
  const admin = new pg.Client({ connectionString: withDatabaseName(t.url, 'postgres') });
  await admin.connect();
  const left = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${t.name}_%`]);
  await admin.end();
  for (const { datname } of left.rows) await dropDatabase(t.url, datname);
  rmSync(work, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  out: string;
}

function cli(script: string, args: string[], database: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DATABASE_URL: withDatabaseName(t.url, database),
        DATA_DIR: path.join(work, 'data'),
        ENCRYPTION_KEYS: TEST_KEYS,
        SESSION_SECRET: 'test-session-secret-0123456789abcdef',
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.stdin.end();
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, out }));
  });
}

describe('npm run backup and npm run restore (#16 item 7)', () => {
  it('backs up, refuses without --yes and a terminal, refuses a damaged file, restores beside and in place', async () => {
    const dir = path.join(work, 'b1');
    const backup = await cli('backup', ['--out', dir], t.name);
    expect(backup.code, backup.out).toBe(0);
    expect(backup.out).toContain('keys NOT in the backup');
    expect(readManifest(dir).tables.find((x) => x.name === 'complaints')?.rows).toBe(1);

    // no terminal, no --yes: refused before anything is read
    const noYes = await cli('restore', ['--from', dir], t.name);
    expect(noYes.code).toBe(2);
    expect(noYes.out).toContain('pass --yes');

    // a damaged file: refused before any database is created
    const damaged = path.join(work, 'b1-damaged');
    cpSync(dir, damaged, { recursive: true });
    const file = path.join(damaged, 'tables', 'public.complaint_events.copy.gz');
    const bytes = readFileSync(file);
    bytes[20] = (bytes[20] ?? 0) ^ 0x01;
    writeFileSync(file, bytes);
    const refused = await cli('restore', ['--from', damaged, '--into', `${t.name}_x`, '--yes'], t.name);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('public.complaint_events.copy.gz is damaged');
    expect(refused.out).toContain('nothing was restored');
    expect(await databaseExists(t.url, `${t.name}_x`)).toBe(false);

    // beside the data: a new database, the source untouched
    const beside = await cli('restore', ['--from', dir, '--into', `${t.name}_c`], t.name);
    expect(beside.code, beside.out).toBe(0);
    expect(beside.out).toContain('row counts equal the manifest');
    expect(beside.out).toContain('ledger intact');
    expect(beside.out).toContain('key ring checked');

    // in place while a session uses the database: refused
    const session = new pg.Client({ connectionString: t.url });
    await session.connect();
    const busy = await cli('restore', ['--from', dir, '--yes'], t.name).finally(() => session.end());
    expect(busy.code).toBe(1);
    expect(busy.out).toContain('stop every app instance first');

    // in place (on the copy, which nobody uses): replaced, the previous data kept under another name
    const replaced = await cli('restore', ['--from', dir, '--yes'], `${t.name}_c`);
    expect(replaced.code, replaced.out).toBe(0);
    const kept = /previous data is kept as (\S+)/.exec(replaced.out)?.[1] ?? '';
    expect(kept.startsWith(`${t.name}_c_before_`)).toBe(true);
    expect(await databaseExists(t.url, kept)).toBe(true);
    expect(await databaseExists(t.url, `${t.name}_c`)).toBe(true);
  }, 120_000);
});
