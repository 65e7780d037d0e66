import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './webhook-signature.js';

// #11 item 8, R-H5: webhooks signed with HMAC-SHA256 over the timestamp and the body
const SECRET = 'c2VjcmV0LXNob3duLW9uY2UtYXQtY3JlYXRpb24tMzI';
const BODY = '{"id":"event:1:1:webhook:2","type":"received","occurredAt":"2026-11-25T01:30:00.000Z","data":{"number":"TS202611250001"}}';
const NOW = new Date('2026-11-25T02:00:00Z');
const TS = Math.floor(NOW.getTime() / 1000);

describe('signWebhook', () => {
  it('is v1= and the hex HMAC-SHA256 of "<timestamp>.<body>" keyed by the secret text', () => {
    const expected = createHmac('sha256', SECRET).update(`${TS}.${BODY}`).digest('hex');
    expect(signWebhook(SECRET, TS, BODY)).toBe(`v1=${expected}`);
  });

  it('signs the body as UTF-8 bytes, Chinese included', () => {
    const body = '{"data":{"note":"投诉已登记"}}';
    const expected = createHmac('sha256', SECRET)
      .update(Buffer.from(`${TS}.${body}`, 'utf8'))
      .digest('hex');
    expect(signWebhook(SECRET, TS, body)).toBe(`v1=${expected}`);
  });

  it('changes with the timestamp, the body and the secret', () => {
    const base = signWebhook(SECRET, TS, BODY);
    expect(signWebhook(SECRET, TS + 1, BODY)).not.toBe(base);
    expect(signWebhook(SECRET, TS, `${BODY} `)).not.toBe(base);
    expect(signWebhook(`${SECRET}x`, TS, BODY)).not.toBe(base);
  });

  it('refuses a timestamp that is not whole unix seconds', () => {
    expect(() => signWebhook(SECRET, 1.5, BODY)).toThrow(RangeError);
    expect(() => signWebhook(SECRET, -1, BODY)).toThrow(RangeError);
  });
});

describe('verifyWebhookSignature', () => {
  const good = { secret: SECRET, timestamp: String(TS), body: BODY, signature: signWebhook(SECRET, TS, BODY), now: NOW };

  it('accepts the signature of the body and timestamp it was given', () => {
    expect(verifyWebhookSignature(good)).toBe(true);
    expect(verifyWebhookSignature({ ...good, timestamp: TS })).toBe(true);
  });

  it('refuses a changed body, timestamp or secret', () => {
    expect(verifyWebhookSignature({ ...good, body: BODY.replace('TS202611250001', 'TS202611250002') })).toBe(false);
    expect(verifyWebhookSignature({ ...good, timestamp: String(TS - 1) })).toBe(false);
    expect(verifyWebhookSignature({ ...good, secret: 'another secret' })).toBe(false);
  });

  it('refuses a timestamp outside the tolerance (a replay), either way', () => {
    const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
    expect(verifyWebhookSignature({ ...good, now: at(300) })).toBe(true);
    expect(verifyWebhookSignature({ ...good, now: at(301) })).toBe(false);
    expect(verifyWebhookSignature({ ...good, now: at(-301) })).toBe(false);
    expect(verifyWebhookSignature({ ...good, now: at(3600), toleranceSeconds: 3600 })).toBe(true);
  });

  it('refuses malformed headers without throwing', () => {
    for (const signature of [
      '',
      'v1=',
      'v1=xyz',
      `v0=${good.signature.slice(3)}`,
      good.signature.slice(3),
      `v1=${good.signature.slice(3, 60)}`,
    ]) {
      expect(verifyWebhookSignature({ ...good, signature }), signature).toBe(false);
    }
    for (const timestamp of ['', 'abc', '1e9', `${TS}.0`, '-1']) {
      expect(verifyWebhookSignature({ ...good, timestamp }), timestamp).toBe(false);
    }
  });

  it('accepts a header listing several signatures when one of them matches', () => {
    const other = signWebhook('the previous secret', TS, BODY);
    expect(verifyWebhookSignature({ ...good, signature: `${other}, ${good.signature}` })).toBe(true);
    expect(verifyWebhookSignature({ ...good, signature: `${other},v1=${'0'.repeat(64)}` })).toBe(false);
  });
});
