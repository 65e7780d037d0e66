import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { AppConfig } from '../config/config.js';
import { DEFAULT_SIGN_IN_THROTTLE } from '../domain/access/sign-in-throttle.js';
import { generateKeySpec, parseKeyRing } from '../security/pii-crypto.js';
import type { SecuritySettings } from '../services/context.js';

interface StoredSecrets {
  sessionSecret: string;
  encryptionKeys: string;
}

/**
 * Outside production, missing secrets are generated once into DATA_DIR/secrets.json (mode 0600)
 * so a demo keeps its sessions and can read its encrypted data after a restart. Production must
 * set SESSION_SECRET and ENCRYPTION_KEYS (checked by loadConfig).
 */
function localSecrets(dataDir: string, log: (m: string) => void): StoredSecrets {
  const file = path.join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as StoredSecrets;
  const fresh: StoredSecrets = { sessionSecret: randomBytes(32).toString('base64url'), encryptionKeys: generateKeySpec('k1') };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(fresh, null, 2), { mode: 0o600 });
  log(`generated development secrets in ${file} (set SESSION_SECRET and ENCRYPTION_KEYS in production)`);
  return fresh;
}

export function securityFromConfig(config: AppConfig, log: (m: string) => void): { settings: SecuritySettings; sessionSecret: string } {
  const s = config.security;
  const local = s.sessionSecret && s.encryptionKeys ? undefined : localSecrets(config.dataDir, log);
  const sessionSecret = s.sessionSecret ?? local?.sessionSecret ?? '';
  const keyRing = parseKeyRing(s.encryptionKeys ?? local?.encryptionKeys ?? '', s.encryptionKeyId);
  return {
    sessionSecret,
    settings: {
      keyRing,
      sessionIdleMinutes: s.sessionIdleMinutes,
      sessionMaxHours: s.sessionMaxHours,
      signInThrottle: DEFAULT_SIGN_IN_THROTTLE,
    },
  };
}
