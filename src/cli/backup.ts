import path from 'node:path';
import { parseArgs } from 'node:util';
import { connectDatabase } from '../db/connect.js';
import { configuredKeys, describeKeySource } from '../services/backup/backup-keys.js';
import { createBackup } from '../services/backup/backup.service.js';
import { configOrExit, log } from './cli-support.js';

/**
 * npm run backup -- --out DIR [--include-keys] (#16 item 7): a consistent backup of the embedded
 * PostgreSQL or DATABASE_URL, evidence files included (they are stored in the database), taken while
 * the system runs. The key ring that decrypts personal data goes in only with --include-keys.
 */
function usage(message: string): never {
  process.stderr.write(`${message}\nusage: npm run backup -- --out DIR [--include-keys]\n`);
  process.exit(2);
}

let args: { out?: string; 'include-keys'?: boolean };
try {
  args = parseArgs({ options: { out: { type: 'string' }, 'include-keys': { type: 'boolean', default: false } }, strict: true }).values;
} catch (err) {
  usage((err as Error).message);
}
if (!args.out) usage('--out is required');
const out = path.resolve(args.out);
const includeKeys = args['include-keys'] === true;

const config = configOrExit();
const target = await connectDatabase(config, log);
let exitCode = 1;
try {
  const keys = configuredKeys(config);
  log(`backing up ${target.embedded ? 'the embedded PostgreSQL' : 'DATABASE_URL'} into ${out} (one snapshot; the system may keep running)`);
  const summary = await createBackup({
    url: target.url,
    embedded: target.embedded,
    out,
    keys,
    includeKeys,
    onTable: (t) => log(`  ${t.schema}.${t.name}: ${t.rows} rows, ${(t.bytes / 1024).toFixed(0)} KiB`),
  });
  const rowsOf = (name: string) => summary.manifest.tables.find((t) => t.schema === 'public' && t.name === name)?.rows ?? 0;
  log(
    `backup written: ${summary.manifest.tables.length} tables, ${summary.rows} rows, ${(summary.bytes / 1024 / 1024).toFixed(1)} MiB in ${summary.ms} ms; ` +
      `${rowsOf('complaints')} complaints, ${rowsOf('complaint_events')} events, ${rowsOf('evidence_files')} evidence files; snapshot at ${summary.manifest.snapshotAt}`,
  );
  const source = describeKeySource(config, keys?.source ?? 'none');
  if (includeKeys && keys) {
    log(
      `WARNING: ${out}/keys.json holds the key ring that decrypts the personal data (from ${source}): whoever has this backup can read it. Keep it encrypted and access-controlled.`,
    );
  } else {
    log(
      `keys NOT in the backup: the personal data in it can be read only with the key ring in use (${source}; key ids ${summary.manifest.keys.keyIds.join(', ') || 'none'}). ` +
        'Back it up separately (or run again with --include-keys).',
    );
  }
  if (summary.undecryptable.length > 0)
    log(`WARNING: personal data under key id(s) ${summary.undecryptable.join(', ')} cannot be decrypted with the key ring in use`);
  exitCode = 0;
} catch (err) {
  process.stderr.write(`backup failed: ${err instanceof Error ? err.message : String(err)}\n`);
} finally {
  await target.stop();
}
process.exit(exitCode);
