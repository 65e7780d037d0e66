/**
 * The telephony system's webhook signature (#12 item 3): `X-Hotline-Signature: v1=<hex>` where hex
 * is HMAC-SHA256 keyed by HOTLINE_WEBHOOK_SECRET (its UTF-8 bytes) over the bytes
 * `<X-Hotline-Timestamp>.<raw body>`, the timestamp in unix seconds. The body is signed as received
 * (bytes, before any JSON parsing), so re-serialising cannot change what was signed. Pure: the clock
 * is an argument.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { withinWindow } from './hotline-window.js';

export const HOTLINE_SIGNATURE_VERSION = 'v1';

const TIMESTAMP = /^\d{1,12}$/;
const HEX_SHA256 = /^[0-9a-f]{64}$/i;

function hmac(secret: string, timestamp: string, body: Buffer): Buffer {
  return createHmac('sha256', secret).update(`${timestamp}.`, 'utf8').update(body).digest();
}

/** The X-Hotline-Signature header for this timestamp (unix seconds) and raw body: `v1=<hex>`. */
export function signHotlineEvent(secret: string, timestamp: number, body: Buffer | string): string {
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) throw new RangeError('the hotline timestamp is whole unix seconds');
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return `${HOTLINE_SIGNATURE_VERSION}=${hmac(secret, String(timestamp), bytes).toString('hex')}`;
}

export interface HotlineSignatureCheck {
  secret: string;
  /** X-Hotline-Timestamp as received */
  timestamp: string | undefined;
  /** X-Hotline-Signature as received */
  signature: string | undefined;
  /** the raw body as received */
  body: Buffer;
  /** the receiver's clock */
  now: Date;
}

export type HotlineSignatureOutcome =
  | { ok: true; timestamp: number; /** the matching signature (lower-case hex): the replay key */ signature: string }
  | { ok: false; reason: 'invalid' | 'stale' };

/**
 * Whether the request was signed with the secret, and recently. A missing or malformed header and a
 * wrong signature are `invalid`; a correct signature whose timestamp is outside the window is
 * `stale` (so only a holder of the secret learns that the clock was the problem). The signature is
 * compared in constant time.
 */
export function checkHotlineSignature(c: HotlineSignatureCheck): HotlineSignatureOutcome {
  const ts = c.timestamp?.trim() ?? '';
  const header = c.signature?.trim() ?? '';
  if (!TIMESTAMP.test(ts) || c.secret === '') return { ok: false, reason: 'invalid' };
  const [version, hex] = header.split('=', 2);
  if (version !== HOTLINE_SIGNATURE_VERSION || hex === undefined || !HEX_SHA256.test(hex)) return { ok: false, reason: 'invalid' };
  const expected = hmac(c.secret, ts, c.body);
  if (!timingSafeEqual(Buffer.from(hex, 'hex'), expected)) return { ok: false, reason: 'invalid' };
  const timestamp = Number(ts);
  if (!withinWindow(timestamp, c.now)) return { ok: false, reason: 'stale' };
  return { ok: true, timestamp, signature: hex.toLowerCase() };
}
