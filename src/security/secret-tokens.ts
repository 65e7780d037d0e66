import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random bearer secret with a recognisable prefix (cms_ for API tokens, session tokens plain). */
export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** Tokens are high-entropy: a plain SHA-256 is enough to store them without keeping them. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
