/**
 * The contact a portal customer verifies (#12 item 1): a phone number or an e-mail address, in the
 * form it is stored on the complaint and compared by (the same normalisation as tracking and
 * duplicate detection), and masked for the answer ("a code was sent to 138****5678"). Pure.
 */
import { normalizeEmail, normalizePhone } from '../complaint/contact.js';
import { contactKind, type ContactKind } from '../complaint/public-track.js';
import { maskEmail, maskPhone } from '../personal-data/masking.js';

export interface VerifiedContact {
  kind: ContactKind;
  /** digits only (+86 dropped) for a phone, lower-cased and trimmed for an e-mail */
  value: string;
}

/** The contact as typed, normalised; null when it is neither a phone number nor an e-mail address. */
export function portalContact(input: string): VerifiedContact | null {
  const kind = contactKind(input);
  if (!kind) return null;
  const value = input.normalize('NFKC').trim();
  return kind === 'phone' ? { kind, value: normalizePhone(value) } : { kind, value: normalizeEmail(value) };
}

/** The text the keyed hash is computed over: kind and value, so a phone and an e-mail never collide. */
export function contactHashInput(c: VerifiedContact): string {
  return `${c.kind}:${c.value}`;
}

/** 138****5678 or w***@example.com. */
export function maskContact(c: VerifiedContact): string {
  return (c.kind === 'phone' ? maskPhone(c.value) : maskEmail(c.value)) ?? '***';
}

/** The channel a code goes out by. */
export function channelFor(c: VerifiedContact): 'sms' | 'email' {
  return c.kind === 'phone' ? 'sms' : 'email';
}
