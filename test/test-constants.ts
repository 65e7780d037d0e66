import { DEFAULT_SIGN_IN_THROTTLE } from '../src/domain/access/sign-in-throttle.js';
import { parseKeyRing } from '../src/security/pii-crypto.js';
import type { SecuritySettings } from '../src/services/context.js';

/** Every demo account and the test user have this password in the test template. */
export const TEST_PASSWORD = 'Test-Passw0rd!2026';
export const TEST_SESSION_SECRET = 'test-session-secret-0123456789abcdef';
export const TEST_KEYS = 'k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=';

export function testSecurity(overrides: Partial<SecuritySettings> = {}): SecuritySettings {
  return {
    keyRing: parseKeyRing(TEST_KEYS),
    sessionIdleMinutes: 30,
    sessionMaxHours: 12,
    signInThrottle: DEFAULT_SIGN_IN_THROTTLE,
    ...overrides,
  };
}
