/**
 * A backup directory (#16 item 7): `manifest.json` (written last: a directory without it is not a
 * backup), `tables/<schema>.<table>.copy.gz` (COPY text of one snapshot, gzipped) and, only with
 * --include-keys, `keys.json` (the key ring that decrypts the personal data, and the session secret).
 * Every file is listed with its size and sha256, checked before a restore writes anything.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const BACKUP_FORMAT = 'complaints-backup';
export const MANIFEST_FILE = 'manifest.json';
export const KEYS_FILE = 'keys.json';

const fileEntry = {
  file: z.string().regex(/^[A-Za-z0-9_./-]+$/),
  bytes: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
};

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(1),
  createdAt: z.string(),
  /** the instant of the snapshot every table was read in */
  snapshotAt: z.string(),
  source: z.object({ database: z.string(), serverVersion: z.string(), embedded: z.boolean() }),
  migrations: z.array(z.object({ name: z.string(), checksum: z.string() })),
  jobSchemaVersion: z.number().int().nullable(),
  tables: z.array(
    z.object({ schema: z.string(), name: z.string(), columns: z.array(z.string()).min(1), rows: z.number().int().min(0), ...fileEntry }),
  ),
  sequences: z.array(
    z.object({
      schema: z.string(),
      name: z.string(),
      lastValue: z
        .string()
        .regex(/^-?\d+$/)
        .nullable(),
      definition: z.object({
        dataType: z.string(),
        start: z.string(),
        min: z.string(),
        max: z.string(),
        increment: z.string(),
        cycle: z.boolean(),
      }),
    }),
  ),
  keys: z.object({
    /** keys.json is in the backup */
    included: z.boolean(),
    file: z.object(fileEntry).nullable(),
    /** where the running system took its keys from, for the operator */
    source: z.enum(['environment', 'data_dir', 'none']),
    keyIds: z.array(z.string()),
    /** a few enc:v1 ciphertexts of the dump: a restore checks that its key ring decrypts them */
    samples: z.array(z.string()),
  }),
});

export type BackupManifest = z.infer<typeof manifestSchema>;

export const keysFileSchema = z.object({
  encryptionKeys: z.string().min(1),
  encryptionKeyId: z.string().optional(),
  sessionSecret: z.string().optional(),
});

export type BackupKeys = z.infer<typeof keysFileSchema>;

/** A backup that cannot be restored, with every reason found. */
export class BackupRefused extends Error {
  constructor(readonly problems: string[]) {
    super(`backup refused:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'BackupRefused';
  }
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export function readManifest(dir: string): BackupManifest {
  const file = path.join(dir, MANIFEST_FILE);
  if (!existsSync(file)) throw new BackupRefused([`${file} is missing: not a backup, or one that did not finish`]);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new BackupRefused([`${file} is not JSON: ${(err as Error).message}`]);
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) throw new BackupRefused(parsed.error.issues.map((i) => `manifest ${i.path.join('.')}: ${i.message}`));
  return parsed.data;
}

/** Every file of the manifest present, of its size and sha256: the problems found (empty: intact). */
export async function checkBackupFiles(dir: string, manifest: BackupManifest): Promise<string[]> {
  const entries = [...manifest.tables, ...(manifest.keys.file ? [manifest.keys.file] : [])];
  const problems: string[] = [];
  for (const e of entries) {
    const file = path.join(dir, e.file);
    if (!existsSync(file)) {
      problems.push(`${e.file} is missing`);
      continue;
    }
    const actual = await sha256OfFile(file);
    if (actual !== e.sha256) problems.push(`${e.file} is damaged: sha256 ${actual}, the manifest says ${e.sha256}`);
  }
  return problems;
}

export function readBackupKeys(dir: string, manifest: BackupManifest): BackupKeys | null {
  if (!manifest.keys.file) return null;
  return keysFileSchema.parse(JSON.parse(readFileSync(path.join(dir, manifest.keys.file.file), 'utf8')));
}
