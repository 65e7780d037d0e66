/**
 * The keyed hashes of the portal (#12 item 1): HMAC-SHA256 with the server's hash key (the key of
 * the keyed hashes of ID and account numbers, ctx.security.keyRing.hashKey), over the exact
 * normalised value. A contact is found by its hash; a code is kept only as the hash of its row id
 * and the code, so the same code in two rows hashes differently and a stolen table reveals nothing
 * without the key. Domain-separated from pii-crypto's keyedHash by a prefix its kinds cannot have.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { contactHashInput, type VerifiedContact } from '../../domain/portal/portal-contact.js';
import type { KeyRing } from '../../security/pii-crypto.js';

function hmac(ring: KeyRing, text: string): string {
  return createHmac('sha256', ring.hashKey).update(text, 'utf8').digest('hex');
}

export function contactHash(ring: KeyRing, c: VerifiedContact): string {
  return hmac(ring, `portal-contact:${contactHashInput(c)}`);
}

export function codeHash(ring: KeyRing, codeId: string, code: string): string {
  return hmac(ring, `portal-code:${codeId}:${code}`);
}

/** Whether `code` is the one hashed into `stored` (constant time). */
export function codeMatches(ring: KeyRing, codeId: string, code: string, stored: string): boolean {
  const a = Buffer.from(codeHash(ring, codeId, code), 'hex');
  const b = Buffer.from(stored, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
