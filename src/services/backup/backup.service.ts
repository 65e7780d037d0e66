/**
 * Taking a backup (#16 item 7): the database in one consistent snapshot, evidence files included
 * (their bytes live in evidence_file_chunks, R-D1), while the system keeps running; then the
 * manifest. The key ring that decrypts the personal data is outside the database: it is written
 * into the backup only when asked (`includeKeys`), otherwise the operator is told to keep it apart.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dumpDatabase, type DumpedTable } from '../../db/backup/snapshot-dump.js';
import { decryptField, type KeyRing } from '../../security/pii-crypto.js';
import { BACKUP_FORMAT, KEYS_FILE, MANIFEST_FILE, type BackupKeys, type BackupManifest } from './backup-manifest.js';

export interface BackupKeySource {
  ring: KeyRing;
  /** the key ring as configured ('id:base64,…'), its current id, the session secret: what keys.json holds */
  spec: BackupKeys;
  source: 'environment' | 'data_dir';
}

export interface BackupOptions {
  /** the database to back up */
  url: string;
  embedded: boolean;
  /** a new or empty directory */
  out: string;
  /** null: no key ring configured (nothing encrypted can have been written with one) */
  keys: BackupKeySource | null;
  /** write keys.json into the backup */
  includeKeys: boolean;
  onTable?: (t: DumpedTable) => void | Promise<void>;
}

export interface BackupSummary {
  dir: string;
  manifest: BackupManifest;
  rows: number;
  bytes: number;
  ms: number;
  /** key ids of sampled values the running key ring cannot decrypt (data already unreadable) */
  undecryptable: string[];
}

/** Key ids whose sampled ciphertexts `ring` cannot decrypt. */
export function undecryptableKeyIds(samples: readonly string[], ring: KeyRing): string[] {
  const failed = new Set<string>();
  for (const s of samples) {
    try {
      decryptField(ring, s);
    } catch {
      failed.add(s.split(':')[2] ?? '?');
    }
  }
  return [...failed].sort();
}

function prepareDirectory(out: string): void {
  if (existsSync(out) && readdirSync(out).length > 0) throw new Error(`${out} is not empty: a backup goes into a new or empty directory`);
  mkdirSync(path.join(out, 'tables'), { recursive: true });
}

export async function createBackup(opts: BackupOptions): Promise<BackupSummary> {
  const started = performance.now();
  prepareDirectory(opts.out);
  const dump = await dumpDatabase(opts.url, opts.out, opts.onTable);
  let keysFile: BackupManifest['keys']['file'] = null;
  if (opts.includeKeys && opts.keys) {
    const text = `${JSON.stringify(opts.keys.spec, null, 2)}\n`;
    writeFileSync(path.join(opts.out, KEYS_FILE), text, { mode: 0o600, flag: 'wx' });
    keysFile = { file: KEYS_FILE, bytes: Buffer.byteLength(text), sha256: createHash('sha256').update(text).digest('hex') };
  }
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    formatVersion: 1,
    createdAt: new Date().toISOString(),
    snapshotAt: dump.snapshotAt.toISOString(),
    source: { database: dump.database, serverVersion: dump.serverVersion, embedded: opts.embedded },
    migrations: dump.migrations,
    jobSchemaVersion: dump.jobSchemaVersion,
    tables: dump.tables.map((t) => ({
      schema: t.schema,
      name: t.name,
      columns: t.columns,
      rows: t.rows,
      file: t.file,
      bytes: t.bytes,
      sha256: t.sha256,
    })),
    sequences: dump.sequences,
    keys: {
      included: keysFile !== null,
      file: keysFile,
      source: opts.keys?.source ?? 'none',
      keyIds: opts.keys ? [...opts.keys.ring.keys.keys()] : [],
      samples: dump.keySamples,
    },
  };
  // the manifest last: a directory without one is a backup that did not finish
  writeFileSync(path.join(opts.out, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, { flag: 'wx' });
  return {
    dir: opts.out,
    manifest,
    rows: dump.tables.reduce((n, t) => n + t.rows, 0),
    bytes: dump.tables.reduce((n, t) => n + t.bytes, 0),
    ms: Math.round(performance.now() - started),
    undecryptable: opts.keys ? undecryptableKeyIds(dump.keySamples, opts.keys.ring) : [],
  };
}
