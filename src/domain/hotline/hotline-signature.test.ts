import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkHotlineSignature, signHotlineEvent } from './hotline-signature.js';
import { HOTLINE_WINDOW_SECONDS, replayExpiry, withinWindow } from './hotline-window.js';

const SECRET = 'hotline-secret-for-tests';
const NOW = new Date('2026-11-25T02:00:00Z');
const TS = NOW.getTime() / 1000;
const BODY = Buffer.from('{"event":"call.started","callId":"C-1","caller":"13912345678","startedAt":"2026-11-25T01:59:00Z"}');

const check = (o: { timestamp?: string; signature?: string; body?: Buffer; now?: Date; secret?: string }) =>
  checkHotlineSignature({
    secret: o.secret ?? SECRET,
    timestamp: o.timestamp ?? String(TS),
    signature: o.signature ?? signHotlineEvent(SECRET, TS, BODY),
    body: o.body ?? BODY,
    now: o.now ?? NOW,
  });

describe('hotline signature (#12 item 3)', () => {
  it('is v1= hex HMAC-SHA256 of "timestamp.rawBody" under the secret', () => {
    const expected = createHmac('sha256', SECRET)
      .update(`${TS}.${BODY.toString('utf8')}`)
      .digest('hex');
    expect(signHotlineEvent(SECRET, TS, BODY)).toBe(`v1=${expected}`);
    expect(signHotlineEvent(SECRET, TS, BODY.toString('utf8'))).toBe(`v1=${expected}`);
  });

  it('accepts the right signature and returns it as the replay key', () => {
    const sig = signHotlineEvent(SECRET, TS, BODY);
    expect(check({})).toEqual({ ok: true, timestamp: TS, signature: sig.slice(3) });
    // upper-case hex is the same signature, remembered in one spelling
    expect(check({ signature: sig.toUpperCase().replace('V1=', 'v1=') })).toEqual({ ok: true, timestamp: TS, signature: sig.slice(3) });
  });

  it('refuses missing, malformed and wrong signatures as invalid', () => {
    const sig = signHotlineEvent(SECRET, TS, BODY);
    const invalid = { ok: false, reason: 'invalid' };
    expect(check({ signature: '' })).toEqual(invalid);
    expect(check({ signature: sig.slice(3) })).toEqual(invalid);
    expect(check({ signature: `v2=${sig.slice(3)}` })).toEqual(invalid);
    expect(check({ signature: `${sig.slice(0, -2)}zz` })).toEqual(invalid);
    expect(check({ body: Buffer.concat([BODY, Buffer.from(' ')]) })).toEqual(invalid);
    expect(check({ secret: 'another-secret' })).toEqual(invalid);
    expect(check({ timestamp: String(TS + 1) })).toEqual(invalid);
    expect(check({ timestamp: 'soon' })).toEqual(invalid);
    expect(check({ timestamp: '' })).toEqual(invalid);
    expect(check({ secret: '' })).toEqual(invalid);
  });

  it('refuses a correct signature outside ±5 minutes as stale', () => {
    for (const offset of [-HOTLINE_WINDOW_SECONDS - 1, HOTLINE_WINDOW_SECONDS + 1]) {
      const ts = TS + offset;
      expect(check({ timestamp: String(ts), signature: signHotlineEvent(SECRET, ts, BODY) })).toEqual({ ok: false, reason: 'stale' });
    }
    for (const offset of [-HOTLINE_WINDOW_SECONDS, HOTLINE_WINDOW_SECONDS]) {
      const ts = TS + offset;
      expect(check({ timestamp: String(ts), signature: signHotlineEvent(SECRET, ts, BODY) }).ok).toBe(true);
    }
  });

  it('remembers a signature until its timestamp has left the window', () => {
    expect(withinWindow(TS - 300, NOW)).toBe(true);
    expect(withinWindow(TS - 301, NOW)).toBe(false);
    const expiry = replayExpiry(TS);
    expect(withinWindow(TS, new Date(expiry.getTime() - 1000))).toBe(true);
    expect(withinWindow(TS, expiry)).toBe(false);
  });

  it('signs only whole unix seconds', () => {
    expect(() => signHotlineEvent(SECRET, 1.5, BODY)).toThrow(RangeError);
    expect(() => signHotlineEvent(SECRET, -1, BODY)).toThrow(RangeError);
  });
});
