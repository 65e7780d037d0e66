import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { connectDatabase } from '../db/connect.js';
import { withDatabaseName } from '../db/database.js';
import {
  checkDatabaseName,
  createEmptyDatabase,
  databaseExists,
  databaseIsEmpty,
  databaseNameOf,
  dropDatabase,
  otherSessions,
  swapDatabases,
} from '../db/backup/database-admin.js';
import { BackupRefused } from '../services/backup/backup-manifest.js';
import { configuredKeys, describeKeySource, installBackupKeys } from '../services/backup/backup-keys.js';
import { decideKeys, openBackup, restoreInto, type RestoreReport } from '../services/backup/restore.service.js';
import { configOrExit, log } from './cli-support.js';

/**
 * npm run restore -- --from DIR [--yes] [--into NAME] (#16 item 7). Checks the whole backup first
 * (every file's sha256, the migrations, a key ring that decrypts its personal data), then loads it
 * into a new database on the same server and verifies it (hash chains, evidence, row counts).
 * Without --into it then replaces the configured database, which is kept under another name; that
 * asks first (--yes for scripts; without a terminal and without --yes it refuses). --into NAME
 * restores beside it into a new (or empty) database and replaces nothing (a restore drill).
 */
function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

let args: { from?: string; yes?: boolean; into?: string };
try {
  args = parseArgs({
    options: { from: { type: 'string' }, yes: { type: 'boolean', default: false }, into: { type: 'string' } },
    strict: true,
  }).values;
} catch (err) {
  fail(`${(err as Error).message}\nusage: npm run restore -- --from DIR [--yes] [--into NAME]`, 2);
}
if (!args.from) fail('--from is required\nusage: npm run restore -- --from DIR [--yes] [--into NAME]', 2);
const from = path.resolve(args.from);
const into = args.into === undefined ? undefined : checkName(args.into);
const replacing = into === undefined;
// refused before anything is read or started: a script without --yes must not hang on a prompt
if (replacing && !args.yes && !process.stdin.isTTY)
  fail('restore replaces the database: run it in a terminal to confirm, or pass --yes (scripts)', 2);

function checkName(name: string): string {
  try {
    return checkDatabaseName(name);
  } catch (err) {
    return fail((err as Error).message, 2);
  }
}

const config = configOrExit();
log(`checking ${from} …`);
let backup;
try {
  backup = await openBackup(from);
} catch (err) {
  if (err instanceof BackupRefused) fail(`${err.message}\nnothing was restored`);
  throw err;
}
const m = backup.manifest;
const rowsOf = (name: string) => m.tables.find((t) => t.schema === 'public' && t.name === name)?.rows ?? 0;
log(
  `backup of ${m.snapshotAt} (${m.source.database}, PostgreSQL ${m.source.serverVersion}): ${rowsOf('complaints')} complaints, ` +
    `${rowsOf('complaint_events')} events, ${rowsOf('evidence_files')} evidence files; every file's sha256 matches`,
);
const keys = configuredKeys(config);
const decision = decideKeys(backup, keys ? { ring: keys.ring, source: describeKeySource(config, keys.source) } : null);
if (decision.kind === 'refuse') fail(`${decision.message}\nnothing was restored`);
if (decision.kind === 'install' && config.env === 'production')
  fail(`no ENCRYPTION_KEYS: set it to encryptionKeys of ${from}/keys.json\nnothing was restored`);
log(decision.checked > 0 ? `key ring checked: it decrypts the ${decision.checked} sampled values` : 'no encrypted values in the backup');

const target = await connectDatabase(config, log);
let exitCode = 1;
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const current = databaseNameOf(target.url);
const restoring = into ?? checkName(`${current.slice(0, 30)}_restoring_${stamp}`);
let created = false;
try {
  if (replacing) {
    const sessions = await otherSessions(target.url, current);
    if (sessions.length > 0)
      fail(
        `${sessions.length} other session(s) use database ${current} (${[...new Set(sessions.map((s) => s.application || 'unnamed'))].join(', ')}): stop every app instance first\nnothing was restored`,
      );
    if (!args.yes) {
      const rl = createInterface({ input: process.stdin, output: process.stdout });
      const answer = await rl.question(
        `Replace database ${current} with this backup? The current data is kept as ${current}_before_${stamp}. Type yes: `,
      );
      rl.close();
      if (answer.trim().toLowerCase() !== 'yes') fail('not confirmed: nothing was restored');
    }
  } else if (await databaseExists(target.url, restoring)) {
    if (!(await databaseIsEmpty(withDatabaseName(target.url, restoring))))
      fail(`database ${restoring} exists and is not empty\nnothing was restored`);
  }
  if (!(await databaseExists(target.url, restoring))) {
    await createEmptyDatabase(target.url, restoring);
    created = true;
  }
  log(`restoring into database ${restoring} …`);
  const report = await restoreInto(backup, { url: withDatabaseName(target.url, restoring), log });
  printReport(report);
  if (!report.ok) {
    if (created) await dropDatabase(target.url, restoring);
    fail('restore did not verify: the restored copy was dropped, nothing was replaced');
  }
  if (decision.kind === 'install') log(`key ring of the backup installed as ${installBackupKeys(config.dataDir, decision.keys)}`);
  if (replacing) {
    await swapDatabases(target.url, current, restoring, `${current}_before_${stamp}`);
    log(`database ${current} replaced; the previous data is kept as ${current}_before_${stamp} (DROP DATABASE it when satisfied)`);
  } else {
    log(`restored into ${restoring}; ${current} was not touched`);
  }
  exitCode = 0;
} catch (err) {
  process.stderr.write(`restore failed: ${err instanceof Error ? err.message : String(err)}\n`);
  if (created) await dropDatabase(target.url, restoring).catch(() => undefined);
} finally {
  await target.stop();
}
process.exit(exitCode);

function printReport(r: RestoreReport): void {
  const rows = r.tables.reduce((n, t) => n + t.rows, 0);
  log(
    `loaded ${r.tables.length} tables, ${rows} rows; ${r.mismatched.length === 0 ? 'row counts equal the manifest' : 'ROW COUNTS DIFFER:'}`,
  );
  for (const line of r.mismatched) log(`  ${line}`);
  if (r.laterMigrations.length > 0) log(`later migrations applied: ${r.laterMigrations.join(', ')}`);
  // what npm run verify-ledger says of the restored database
  log(
    `verify-ledger: checked ${r.ledger.complaints} complaints, ${r.ledger.events} events: ${r.ledger.broken.length === 0 ? 'ledger intact' : `${r.ledger.broken.length} broken chain(s)`}`,
  );
  for (const b of r.ledger.broken) log(`  BROKEN complaint ${b.number ?? '?'} (${b.complaintId}): ${b.break.kind}`);
  log(
    `verify-ledger: checked ${r.evidence.files} evidence files: ${r.evidence.changed === 0 ? 'intact' : `${r.evidence.changed} changed`}`,
  );
  for (const w of r.warnings) log(`note: ${w}`);
  log(`restore took ${r.ms} ms`);
}
