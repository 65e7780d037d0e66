/** Fixed windows of the portal's limits (#12 item 1) and their configuration. */
import { describe, expect, it } from 'vitest';
import { parseRateLimit, secondsUntil, windowOf } from './rate-limit.js';

describe('portal rate limits', () => {
  it('windows are aligned to the epoch; Retry-After is the rest of the window, at least 1 s', () => {
    const w = windowOf(new Date('2026-11-25T02:03:20Z'), { max: 5, windowSeconds: 600 });
    expect(w).toEqual({ start: new Date('2026-11-25T02:00:00Z'), end: new Date('2026-11-25T02:10:00Z') });
    expect(secondsUntil(w.end, new Date('2026-11-25T02:03:20Z'))).toBe(400);
    expect(secondsUntil(w.end, new Date('2026-11-25T02:09:59.900Z'))).toBe(1);
    expect(secondsUntil(w.end, w.end)).toBe(1);
  });

  it('reads "requests/seconds"', () => {
    expect(parseRateLimit('60/600')).toEqual({ max: 60, windowSeconds: 600 });
    expect(parseRateLimit(' 5 / 3600 ')).toEqual({ max: 5, windowSeconds: 3600 });
    for (const bad of ['60', '0/60', '60/0', 'a/b', '60/9999999', '-1/60']) expect(parseRateLimit(bad), bad).toBeNull();
  });
});
