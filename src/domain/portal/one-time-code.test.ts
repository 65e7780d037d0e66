/** One-time code rules (#12 item 1): format, tries, expiry, resend wait, redaction. */
import { describe, expect, it } from 'vitest';
import {
  checkCode,
  DEFAULT_CODE_POLICY,
  generateCode,
  normalizeCode,
  redactCode,
  resendWaitSeconds,
  type CodeState,
} from './one-time-code.js';

const at = (s: string) => new Date(s);
const state = (o: Partial<CodeState> = {}): CodeState => ({
  attempts: 0,
  maxAttempts: 5,
  expiresAt: at('2026-11-25T02:10:00Z'),
  usedAt: null,
  supersededAt: null,
  ...o,
});

describe('one-time codes (R-B1)', () => {
  it('six digits, leading zeros kept, from the random source', () => {
    expect(generateCode(6, () => 0)).toBe('000000');
    let n = 0;
    expect(generateCode(6, () => n++ % 10)).toBe('012345');
    expect(generateCode(DEFAULT_CODE_POLICY.length)).toMatch(/^\d{6}$/);
  });

  it('forgives full-width digits and spaces, refuses anything else', () => {
    expect(normalizeCode(' １２3 456 ', 6)).toBe('123456');
    expect(normalizeCode('12345', 6)).toBeNull();
    expect(normalizeCode('12345a', 6)).toBeNull();
  });

  it('a right code is ok; wrong ones count down, the last is attempts_exceeded', () => {
    const now = at('2026-11-25T02:05:00Z');
    expect(checkCode(state(), true, now)).toEqual({ outcome: 'ok', counts: false });
    expect(checkCode(state(), false, now)).toEqual({ outcome: 'invalid', attemptsLeft: 4, counts: true });
    expect(checkCode(state({ attempts: 3 }), false, now)).toEqual({ outcome: 'invalid', attemptsLeft: 1, counts: true });
    expect(checkCode(state({ attempts: 4 }), false, now)).toEqual({ outcome: 'attempts_exceeded', counts: true });
    expect(checkCode(state({ attempts: 5 }), true, now)).toEqual({ outcome: 'attempts_exceeded', counts: false });
  });

  it('no code, a used, replaced or expired one: expired, not counted', () => {
    const now = at('2026-11-25T02:05:00Z');
    expect(checkCode(null, false, now).outcome).toBe('expired');
    expect(checkCode(state({ usedAt: now }), true, now).outcome).toBe('expired');
    expect(checkCode(state({ supersededAt: now }), true, now).outcome).toBe('expired');
    expect(checkCode(state(), true, at('2026-11-25T02:10:00Z'))).toEqual({ outcome: 'expired', counts: false });
  });

  it('a new code 60 s after the last one', () => {
    const last = at('2026-11-25T02:00:00Z');
    expect(resendWaitSeconds(null, last, DEFAULT_CODE_POLICY)).toBe(0);
    expect(resendWaitSeconds(last, at('2026-11-25T02:00:00.500Z'), DEFAULT_CODE_POLICY)).toBe(60);
    expect(resendWaitSeconds(last, at('2026-11-25T02:00:59Z'), DEFAULT_CODE_POLICY)).toBe(1);
    expect(resendWaitSeconds(last, at('2026-11-25T02:01:00Z'), DEFAULT_CODE_POLICY)).toBe(0);
  });

  it('the proof of a sent message has the code hidden', () => {
    expect(redactCode('您的验证码是 012345，10 分钟内有效。012345', '012345')).toBe('您的验证码是 ******，10 分钟内有效。******');
    expect(redactCode('nothing', '')).toBe('nothing');
  });
});
