import { describe, expect, it } from 'vitest';
import { noticeGroupOf, planNotice, quietUntil } from './notice-preferences.js';

describe('notice preferences (#11 item 6)', () => {
  it('groups notification kinds; unknown kinds are workflow notices', () => {
    expect(noticeGroupOf('level1_registered')).toBe('level1');
    expect(noticeGroupOf('clock_escalated')).toBe('escalation');
    expect(noticeGroupOf('clock_warning')).toBe('deadline');
    expect(noticeGroupOf('assign')).toBe('workflow');
  });

  it('defaults: level-1 alerts and escalations by e-mail and SMS, workflow steps only in the app', () => {
    expect(planNotice('level1_registered', {})).toEqual({ email: true, sms: true, digest: false, respectQuietHours: false });
    expect(planNotice('clock_breached', {})).toEqual({ email: true, sms: false, digest: false, respectQuietHours: true });
    expect(planNotice('assign', {})).toEqual({ email: false, sms: false, digest: false, respectQuietHours: true });
  });

  it('a digest replaces e-mail and SMS, but never for level-1 alerts', () => {
    expect(planNotice('clock_warning', { deadline: ['in_app', 'digest', 'email'] })).toMatchObject({
      email: false,
      sms: false,
      digest: true,
    });
    expect(planNotice('level1_regraded', { level1: ['in_app', 'digest', 'sms'] })).toEqual({
      email: false,
      sms: true,
      digest: false,
      respectQuietHours: false,
    });
  });

  it('quiet hours hold a notice until they end, across midnight too', () => {
    const at = new Date('2026-11-25T15:30:00Z'); // 23:30 in Shanghai
    expect(quietUntil(at, 23 * 60 + 30, { start: '22:00', end: '07:00' }).toISOString()).toBe('2026-11-25T23:00:00.000Z');
    expect(quietUntil(at, 23 * 60 + 30, { start: '08:00', end: '12:00' })).toBe(at);
    const noon = new Date('2026-11-25T04:10:00Z'); // 12:10
    expect(quietUntil(noon, 12 * 60 + 10, { start: '12:00', end: '13:30' }).toISOString()).toBe('2026-11-25T05:30:00.000Z');
    expect(quietUntil(noon, 12 * 60 + 10, null)).toBe(noon);
  });
});
