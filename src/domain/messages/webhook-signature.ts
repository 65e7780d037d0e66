/**
 * The webhook signature (#11 item 8, R-H5): `X-Webhook-Signature: v1=<hex>` where hex is
 * HMAC-SHA256 keyed by the subscription's secret (the text shown once, its UTF-8 bytes) over
 * `<X-Webhook-Timestamp>.<raw body>`. The timestamp (unix seconds) is signed with the body, so a
 * captured request cannot be replayed later than the receiver's tolerance. Pure: the clock is an
 * argument; receivers may copy these two functions (README "Webhooks").
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The signature scheme's version, the prefix of each signature in the header. */
export const WEBHOOK_SIGNATURE_VERSION = 'v1';
/** How far a timestamp may be from the receiver's clock, either way (5 minutes, as Stripe and Svix). */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

const TIMESTAMP = /^\d{1,12}$/;
const HEX_SHA256 = /^[0-9a-f]{64}$/;

function hmacHex(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}

/** The X-Webhook-Signature header value for this timestamp (unix seconds) and raw body: `v1=<hex>`. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) throw new RangeError('the webhook timestamp is whole unix seconds');
  return `${WEBHOOK_SIGNATURE_VERSION}=${hmacHex(secret, timestamp, body)}`;
}

export interface WebhookVerification {
  secret: string;
  /** the X-Webhook-Timestamp header as received */
  timestamp: string | number;
  /** the raw body as received (before any JSON parsing) */
  body: string;
  /** the X-Webhook-Signature header as received; several `v1=…` may be given, comma-separated */
  signature: string;
  /** the receiver's clock */
  now: Date;
  toleranceSeconds?: number;
}

/**
 * True when one `v1=` signature of the header matches the body and timestamp under the secret,
 * and the timestamp is within the tolerance of `now`. Compared in constant time.
 */
export function verifyWebhookSignature(v: WebhookVerification): boolean {
  const ts = String(v.timestamp).trim();
  if (!TIMESTAMP.test(ts)) return false;
  const timestamp = Number(ts);
  const tolerance = v.toleranceSeconds ?? WEBHOOK_TOLERANCE_SECONDS;
  if (Math.abs(Math.floor(v.now.getTime() / 1000) - timestamp) > tolerance) return false;
  const expected = Buffer.from(hmacHex(v.secret, timestamp, v.body), 'hex');
  let found = false;
  for (const part of v.signature.split(',')) {
    const [version, hex] = part.trim().split('=', 2);
    if (version !== WEBHOOK_SIGNATURE_VERSION || hex === undefined || !HEX_SHA256.test(hex)) continue;
    // every candidate is compared, so the time taken does not tell which one matched
    if (timingSafeEqual(Buffer.from(hex, 'hex'), expected)) found = true;
  }
  return found;
}
