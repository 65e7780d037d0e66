/**
 * Where the key ring that decrypts the personal data comes from (#16 item 7): ENCRYPTION_KEYS, or
 * outside production DATA_DIR/secrets.json (src/cli/secrets.ts). Neither is in the database, so a
 * database backup alone cannot be read: the keys go into a backup only with --include-keys.
 * Unlike start-up, nothing here generates keys: a restore must not invent a key ring.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { AppConfig } from '../../config/config.js';
import { parseKeyRing } from '../../security/pii-crypto.js';
import type { BackupKeys } from './backup-manifest.js';
import type { BackupKeySource } from './backup.service.js';

export const secretsFile = (dataDir: string) => path.join(dataDir, 'secrets.json');

export function configuredKeys(config: AppConfig): BackupKeySource | null {
  const s = config.security;
  if (s.encryptionKeys) {
    return {
      ring: parseKeyRing(s.encryptionKeys, s.encryptionKeyId),
      spec: {
        encryptionKeys: s.encryptionKeys,
        ...(s.encryptionKeyId ? { encryptionKeyId: s.encryptionKeyId } : {}),
        ...(s.sessionSecret ? { sessionSecret: s.sessionSecret } : {}),
      },
      source: 'environment',
    };
  }
  const file = secretsFile(config.dataDir);
  if (!existsSync(file)) return null;
  const stored = JSON.parse(readFileSync(file, 'utf8')) as { sessionSecret?: string; encryptionKeys: string };
  return {
    ring: parseKeyRing(stored.encryptionKeys, s.encryptionKeyId),
    spec: { encryptionKeys: stored.encryptionKeys, sessionSecret: s.sessionSecret ?? stored.sessionSecret },
    source: 'data_dir',
  };
}

export function describeKeySource(config: AppConfig, source: BackupKeySource['source'] | 'none'): string {
  if (source === 'environment') return 'ENCRYPTION_KEYS (environment)';
  if (source === 'data_dir') return secretsFile(config.dataDir);
  return 'none configured';
}

/** Writes the backup's key ring as DATA_DIR/secrets.json (mode 0600) for a system that had none. */
export function installBackupKeys(dataDir: string, keys: BackupKeys): string {
  const file = secretsFile(dataDir);
  mkdirSync(dataDir, { recursive: true });
  const stored = { sessionSecret: keys.sessionSecret ?? randomBytes(32).toString('base64url'), encryptionKeys: keys.encryptionKeys };
  writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600, flag: 'wx' });
  return file;
}
