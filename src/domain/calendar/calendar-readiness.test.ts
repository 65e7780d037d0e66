import { describe, expect, it } from 'vitest';
import { calendarReadiness } from './calendar-readiness.js';

const confirmed = new Set([2025, 2026]);

describe('calendarReadiness (#9 item 10, R-H2)', () => {
  it('asks for next year from 1 November, not before', () => {
    expect(calendarReadiness('2026-10-31', confirmed)).toEqual({ pending: [], nextYearAlertFrom: '2026-11-01' });
    expect(calendarReadiness('2026-11-01', confirmed).pending).toEqual([2027]);
    expect(calendarReadiness('2026-12-31', confirmed).pending).toEqual([2027]);
  });

  it('nothing once next year is confirmed', () => {
    expect(calendarReadiness('2026-11-30', new Set([2026, 2027])).pending).toEqual([]);
  });

  it('a current year still unconfirmed is asked for all year', () => {
    expect(calendarReadiness('2027-01-04', confirmed).pending).toEqual([2027]);
    expect(calendarReadiness('2027-11-02', confirmed).pending).toEqual([2027, 2028]);
  });
});
