import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/policy.defaults.js';
import { addYears, closedBeforeForExpiry, isHoldEffective, isRetentionExpired, logsCutoff, retentionExpiry } from './retention.js';

const TZ = 'Asia/Shanghai';
const insuranceLine = defaultPolicy.taxonomies.businessLines.find((l) => l.sector === 'insurance')!.code;
const securitiesLine = defaultPolicy.taxonomies.businessLines.find((l) => l.sector === 'securities')!.code;

describe('retention periods (R-H6)', () => {
  it('adds years to a date, 29 February becoming 28 February in a common year', () => {
    expect(addYears('2016-02-29', 10)).toBe('2026-02-28');
    expect(addYears('2016-02-29', 4)).toBe('2020-02-29');
    expect(addYears('2026-11-30', -3)).toBe('2023-11-30');
  });

  it('expires the closing date (company time) plus the years of the business line', () => {
    // closed 2016-03-31 20:00 UTC = 2016-04-01 04:00 in Shanghai
    const closedAt = new Date('2016-03-31T20:00:00Z');
    expect(retentionExpiry({ businessLine: insuranceLine, status: 'closed', closedAt }, defaultPolicy, TZ)).toBe('2026-04-01');
    expect(retentionExpiry({ businessLine: securitiesLine, status: 'closed', closedAt }, defaultPolicy, TZ)).toBe('2036-04-01');
  });

  it('never expires an open complaint or one of an unknown line', () => {
    const closedAt = new Date('2000-01-01T00:00:00Z');
    expect(retentionExpiry({ businessLine: insuranceLine, status: 'investigating', closedAt: null }, defaultPolicy, TZ)).toBeNull();
    expect(retentionExpiry({ businessLine: insuranceLine, status: 'investigating', closedAt }, defaultPolicy, TZ)).toBeNull();
    expect(retentionExpiry({ businessLine: 'nope', status: 'closed', closedAt }, defaultPolicy, TZ)).toBeNull();
    expect(isRetentionExpired(null, new Date(), TZ)).toBe(false);
  });

  it('is expired from the day after the expiry date, company time', () => {
    expect(isRetentionExpired('2026-04-01', new Date('2026-04-01T15:59:00Z'), TZ)).toBe(false); // 23:59 on the 1st
    expect(isRetentionExpired('2026-04-01', new Date('2026-04-01T16:00:00Z'), TZ)).toBe(true); // 00:00 on the 2nd
  });

  it('the sweep query bound agrees with the expiry', () => {
    const now = new Date('2026-04-01T16:00:00Z'); // 2026-04-02 in Shanghai
    const bound = closedBeforeForExpiry(now, 10, TZ);
    expect(bound.toISOString()).toBe('2016-04-01T16:00:00.000Z');
    const justBefore = new Date(bound.getTime() - 1);
    expect(
      isRetentionExpired(
        retentionExpiry({ businessLine: insuranceLine, status: 'closed', closedAt: justBefore }, defaultPolicy, TZ),
        now,
        TZ,
      ),
    ).toBe(true);
    expect(
      isRetentionExpired(retentionExpiry({ businessLine: insuranceLine, status: 'closed', closedAt: bound }, defaultPolicy, TZ), now, TZ),
    ).toBe(false);
  });

  it('keeps logs for the audit years, from the start of the company-time day', () => {
    expect(logsCutoff(new Date('2026-12-01T06:00:00Z'), { auditRetentionYears: 3 }, TZ).toISOString()).toBe('2023-11-30T16:00:00.000Z');
  });

  it('a hold is effective until released or past its until date', () => {
    const now = new Date('2026-12-01T06:00:00Z');
    expect(isHoldEffective({ releasedAt: null, until: null }, now, TZ)).toBe(true);
    expect(isHoldEffective({ releasedAt: null, until: '2026-12-01' }, now, TZ)).toBe(true);
    expect(isHoldEffective({ releasedAt: null, until: '2026-11-30' }, now, TZ)).toBe(false);
    expect(isHoldEffective({ releasedAt: now, until: null }, now, TZ)).toBe(false);
  });
});
