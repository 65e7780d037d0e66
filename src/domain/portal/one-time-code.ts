/**
 * One-time codes of the public portal and the app (#12 item 1): a complainant proves they hold a
 * phone number or e-mail address before a complaint is accepted or shown. The rules: six digits,
 * valid ten minutes, at most five tries, a new one not before a minute has passed, and the session
 * a right code opens lasts thirty minutes. The code is kept only as a keyed hash (the key and the
 * hashing are the service's: pii-crypto keyedHash). Pure: time is an argument; the random source
 * is node:crypto's unless a test passes its own.
 */
import { randomInt } from 'node:crypto';

export const PORTAL_PURPOSES = ['submit', 'track'] as const;
export type PortalPurpose = (typeof PORTAL_PURPOSES)[number];

export interface CodePolicy {
  /** digits in a code */
  length: number;
  ttlSeconds: number;
  /** wrong tries before the code is spent */
  maxAttempts: number;
  /** a new code for the same contact and purpose not before this */
  resendAfterSeconds: number;
  /** how long the session a right code opens lasts */
  sessionTtlSeconds: number;
}

export const DEFAULT_CODE_POLICY: CodePolicy = {
  length: 6,
  ttlSeconds: 10 * 60,
  maxAttempts: 5,
  resendAfterSeconds: 60,
  sessionTtlSeconds: 30 * 60,
};

/** `length` random decimal digits (leading zeros kept), uniformly chosen. */
export function generateCode(length: number, random: (max: number) => number = randomInt): string {
  let out = '';
  for (let i = 0; i < length; i++) out += String(random(10));
  return out;
}

/** What a customer typed as the code: full-width digits and spaces forgiven; null when it cannot be a code. */
export function normalizeCode(input: string, length: number): string | null {
  const value = input.normalize('NFKC').replace(/\s/g, '');
  return value.length === length && /^\d+$/.test(value) ? value : null;
}

/** The stored state of a code, as the check needs it. */
export interface CodeState {
  attempts: number;
  maxAttempts: number;
  expiresAt: Date;
  usedAt: Date | null;
  supersededAt: Date | null;
}

/**
 * The outcome of one try:
 * - `expired`: no code, a used one, a replaced one, or past its time (a new code is needed);
 * - `attempts_exceeded`: the tries were spent before or with this one (a new code is needed);
 * - `invalid`: wrong, with the tries left;
 * - `ok`.
 * `counts` tells whether this try is to be counted against the code.
 */
export type CodeCheck =
  | { outcome: 'ok'; counts: false }
  | { outcome: 'invalid'; attemptsLeft: number; counts: true }
  | { outcome: 'attempts_exceeded'; counts: boolean }
  | { outcome: 'expired'; counts: false };

export function checkCode(state: CodeState | null, matches: boolean, now: Date): CodeCheck {
  if (!state || state.usedAt || state.supersededAt || now.getTime() >= state.expiresAt.getTime())
    return { outcome: 'expired', counts: false };
  if (state.attempts >= state.maxAttempts) return { outcome: 'attempts_exceeded', counts: false };
  if (matches) return { outcome: 'ok', counts: false };
  const left = state.maxAttempts - state.attempts - 1;
  return left > 0 ? { outcome: 'invalid', attemptsLeft: left, counts: true } : { outcome: 'attempts_exceeded', counts: true };
}

/** Seconds until another code may be sent (0: now), after the last one was created at `last`. */
export function resendWaitSeconds(last: Date | null, now: Date, policy: Pick<CodePolicy, 'resendAfterSeconds'>): number {
  if (!last) return 0;
  const wait = last.getTime() + policy.resendAfterSeconds * 1000 - now.getTime();
  return wait > 0 ? Math.ceil(wait / 1000) : 0;
}

export function addSeconds(at: Date, seconds: number): Date {
  return new Date(at.getTime() + seconds * 1000);
}

/** Replaces every occurrence of the code in a text (what is kept as the proof of a sent message). */
export function redactCode(text: string, code: string): string {
  return code === '' ? text : text.split(code).join('*'.repeat(code.length));
}
