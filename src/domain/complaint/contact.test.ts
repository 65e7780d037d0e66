import { describe, expect, it } from 'vitest';
import { contactKeys, normalizePhone } from './contact.js';
import { formatComplaintNumber } from './complaint-number.js';

describe('contact keys (R-B7)', () => {
  it('treats spaced, dashed and +86 numbers as one phone', () => {
    expect(normalizePhone('+86 138-1234-5678')).toBe('13812345678');
    expect(normalizePhone('0086 13812345678')).toBe('13812345678');
    expect(contactKeys({ phone: '138 1234 5678', email: ' Wang@Example.COM ' })).toEqual(['phone:13812345678', 'email:wang@example.com']);
  });
  it('no contact, no keys', () => {
    expect(contactKeys({})).toEqual([]);
  });
});

describe('complaint number (R-B5)', () => {
  it('is prefix + date + 4-digit sequence', () => {
    expect(formatComplaintNumber('TS', '2026-11-25', 1)).toBe('TS202611250001');
    expect(formatComplaintNumber('TS', '2026-11-25', 12345)).toBe('TS2026112512345');
  });
});
