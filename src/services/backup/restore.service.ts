/**
 * Restoring a backup (#16 item 7) into a new, empty database: the backup is checked whole first
 * (manifest, every file's sha256, migrations this version knows, a key ring that decrypts its
 * sampled personal data) so a damaged or unreadable backup is refused before anything is written.
 * Then: the migrations the backup recorded, the tables loaded as they were (triggers off: the hash
 * chain is restored as is), the sequences, the later migrations of this version, ANALYZE, and the
 * checks of `verify-ledger` (every hash chain, every evidence file's sha256) and of the row counts.
 */
import { createDatabase } from '../../db/database.js';
import { migrate, migrationFiles } from '../../db/migrate.js';
import { databaseIsEmpty } from '../../db/backup/database-admin.js';
import { analyzeDatabase, loadDatabase, type LoadedTable } from '../../db/backup/snapshot-load.js';
import { parseKeyRing, type KeyRing } from '../../security/pii-crypto.js';
import { verifyEvidence } from '../complaints/evidence-verify.service.js';
import { verifyLedger, type LedgerVerification } from '../complaints/ledger-verify.service.js';
import { BackupRefused, checkBackupFiles, readBackupKeys, readManifest, type BackupKeys, type BackupManifest } from './backup-manifest.js';
import { undecryptableKeyIds } from './backup.service.js';

export interface OpenedBackup {
  dir: string;
  manifest: BackupManifest;
  /** keys.json when the backup holds it */
  keys: BackupKeys | null;
}

/** Why this version cannot restore the backup's schema (empty: it can). */
export function migrationProblems(manifest: BackupManifest): string[] {
  const code = new Map(migrationFiles().map((f) => [f.name, f.checksum]));
  const recorded = new Set(manifest.migrations.map((m) => m.name));
  const problems: string[] = [];
  if (manifest.migrations.length === 0) problems.push('the backup records no migrations');
  for (const m of manifest.migrations) {
    const checksum = code.get(m.name);
    if (checksum === undefined)
      problems.push(`migration ${m.name} is unknown to this version: restore with the version that took the backup, or a newer one`);
    else if (checksum !== m.checksum) problems.push(`migration ${m.name} differs from the one the backup's database applied`);
  }
  const last = [...recorded].sort().at(-1) ?? '';
  for (const name of code.keys())
    if (name <= last && !recorded.has(name)) problems.push(`migration ${name} was never applied to the backup's database`);
  return problems;
}

/** Reads the manifest and checks every file and the migrations; throws BackupRefused naming each problem. */
export async function openBackup(dir: string): Promise<OpenedBackup> {
  const manifest = readManifest(dir);
  const problems = [...migrationProblems(manifest), ...(await checkBackupFiles(dir, manifest))];
  if (problems.length > 0) throw new BackupRefused(problems);
  return { dir, manifest, keys: readBackupKeys(dir, manifest) };
}

export type KeyDecision =
  | { kind: 'ok'; checked: number }
  /** no key ring configured here: the backup's own (keys.json) decrypts its data and is to be installed */
  | { kind: 'install'; checked: number; keys: BackupKeys }
  | { kind: 'refuse'; message: string };

function ringOf(keys: BackupKeys): KeyRing {
  return parseKeyRing(keys.encryptionKeys, keys.encryptionKeyId);
}

/**
 * Whether the restored system will read the backup's personal data: the key ring it will run with
 * (`target`, null when none is configured yet) must decrypt every sampled value.
 */
export function decideKeys(backup: OpenedBackup, target: { ring: KeyRing; source: string } | null): KeyDecision {
  const samples = backup.manifest.keys.samples;
  const fromBackup = backup.keys;
  if (target) {
    const failed = undecryptableKeyIds(samples, target.ring);
    if (failed.length === 0) return { kind: 'ok', checked: samples.length };
    const hint =
      fromBackup && undecryptableKeyIds(samples, ringOf(fromBackup)).length === 0
        ? ` The backup's own key ring (${backup.dir}/keys.json) does: set ENCRYPTION_KEYS to its encryptionKeys (or remove ${target.source} so the restore installs it).`
        : ' Restore the key ring kept with this backup (ENCRYPTION_KEYS or DATA_DIR/secrets.json of the system that took it) first.';
    return {
      kind: 'refuse',
      message: `the key ring in use (${target.source}) cannot decrypt the backup's personal data (key id(s) ${failed.join(', ')}).${hint}`,
    };
  }
  if (samples.length === 0) return { kind: 'ok', checked: 0 };
  if (fromBackup) {
    const failed = undecryptableKeyIds(samples, ringOf(fromBackup));
    if (failed.length === 0) return { kind: 'install', checked: samples.length, keys: fromBackup };
    return { kind: 'refuse', message: `the backup's keys.json cannot decrypt its own personal data (key id(s) ${failed.join(', ')})` };
  }
  return {
    kind: 'refuse',
    message: `no key ring is configured and the backup holds none (taken without --include-keys): set ENCRYPTION_KEYS, or put the secrets.json kept with the backup (key id(s) ${backup.manifest.keys.keyIds.join(', ')}) into DATA_DIR`,
  };
}

export interface RestoreReport {
  tables: Array<LoadedTable & { expected: number }>;
  /** tables whose loaded rows differ from the manifest */
  mismatched: string[];
  jobsLoaded: boolean;
  laterMigrations: string[];
  ledger: LedgerVerification;
  /** files whose bytes differ from the sha256 their event recorded; and files no add_evidence event names */
  evidence: { files: number; changed: number; unrecorded: number };
  warnings: string[];
  ok: boolean;
  ms: number;
}

export interface RestoreOptions {
  /** a new, empty database on the target server */
  url: string;
  log?: (m: string) => void;
}

/** Restores an opened (checked) backup into the empty database at `url`, then verifies it. */
export async function restoreInto(backup: OpenedBackup, opts: RestoreOptions): Promise<RestoreReport> {
  const log = opts.log ?? (() => undefined);
  const started = performance.now();
  if (!(await databaseIsEmpty(opts.url))) throw new Error('the database to restore into is not empty');
  const { manifest } = backup;
  const upTo = manifest.migrations
    .map((m) => m.name)
    .sort()
    .at(-1);
  await migrate(opts.url, { upTo });
  log(`schema created up to ${upTo ?? '?'}`);
  const loaded = await loadDatabase(
    opts.url,
    { dir: backup.dir, tables: manifest.tables, sequences: manifest.sequences, jobSchemaVersion: manifest.jobSchemaVersion },
    (t) => log(`  ${t.schema}.${t.name}: ${t.rows} rows`),
  );
  const warnings: string[] = [];
  if (!loaded.jobsLoaded && manifest.jobSchemaVersion !== null)
    warnings.push('pending jobs not restored (another job runner version); undispatched outbox rows are queued again by outbox.sweep');
  const expected = new Map(manifest.tables.map((t) => [`${t.schema}.${t.name}`, t.rows]));
  const tables = loaded.tables.map((t) => ({ ...t, expected: expected.get(`${t.schema}.${t.name}`) ?? 0 }));
  const mismatched: string[] = [];
  for (const t of tables) {
    if (t.rows === t.expected) continue;
    if (t.schema === 'public') mismatched.push(`${t.schema}.${t.name}: ${t.rows} rows loaded, ${t.expected} in the backup`);
    else warnings.push(`${t.schema}.${t.name}: ${t.expected - t.rows} job(s) of queues this version no longer has left out`);
  }
  const { applied } = await migrate(opts.url);
  if (applied.length > 0) log(`later migrations applied: ${applied.join(', ')}`);
  await analyzeDatabase(opts.url);
  const db = createDatabase(opts.url, 2);
  try {
    const ledger = await verifyLedger(db);
    const evidence = await verifyEvidence(db);
    const changed = evidence.mismatched.filter((m) => m.recorded !== null).length;
    const unrecorded = evidence.mismatched.length - changed;
    // a file no event names (add_evidence, attachments_received, correspondence_received) cannot be checked against the chain
    if (unrecorded > 0) warnings.push(`${unrecorded} evidence file(s) named by no event: their bytes were not checked against the chain`);
    return {
      tables,
      mismatched,
      jobsLoaded: loaded.jobsLoaded,
      laterMigrations: applied,
      ledger,
      evidence: { files: evidence.files, changed, unrecorded },
      warnings,
      ok: mismatched.length === 0 && ledger.broken.length === 0 && changed === 0,
      ms: Math.round(performance.now() - started),
    };
  } finally {
    await db.destroy();
  }
}
