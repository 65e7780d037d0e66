/** The contact a portal customer verifies (#12 item 1). */
import { describe, expect, it } from 'vitest';
import { channelFor, contactHashInput, maskContact, portalContact } from './portal-contact.js';

describe('portal contact', () => {
  it('a phone is kept as its digits (+86, spaces, full-width forgiven) and goes by SMS', () => {
    const c = portalContact('+86 １３８-1234-5678');
    expect(c).toEqual({ kind: 'phone', value: '13812345678' });
    expect(maskContact(c!)).toBe('138****5678');
    expect(channelFor(c!)).toBe('sms');
    expect(contactHashInput(c!)).toBe('phone:13812345678');
  });

  it('an e-mail is kept lower-cased and goes by e-mail', () => {
    const c = portalContact(' Wang.Li@Example.COM ');
    expect(c).toEqual({ kind: 'email', value: 'wang.li@example.com' });
    expect(maskContact(c!)).toBe('w***@example.com');
    expect(channelFor(c!)).toBe('email');
  });

  it('anything else is refused', () => {
    for (const bad of ['', 'abc', '1234', 'a@b', '138 1234 abcd']) expect(portalContact(bad), bad).toBeNull();
  });
});
