import { describe, expect, it } from 'vitest';
import { eventHash, GENESIS_HASH } from '../events/hash-chain.js';
import { ValidationError } from '../validation.js';
import { findUnstorableText, isStorableText, printableKey } from './storable-text.js';

describe('text PostgreSQL stores byte for byte (#9 item 1)', () => {
  it('refuses NUL and unpaired surrogates only', () => {
    for (const bad of ['\u0000', 'a\u0000b', '\ud800', 'x\ud83d', '\udc00y', '\ude00\ud83d', '😀\ud800'])
      expect(isStorableText(bad)).toBe(false);
    for (const good of ['', '😀', '👨‍👩‍👧', '𠀀𪚥', '\u200fمرحبا\u200e', 'e\u0301', '\u202eabc\u202c', '\ufffd', '\uffff', '\u0001\u001f'])
      expect(isStorableText(good)).toBe(true);
  });

  it('names the first bad string or key at any depth', () => {
    expect(findUnstorableText({ a: ['ok', { b: 'x\u0000' }] })).toBe('a.1.b');
    expect(findUnstorableText({ a: { 'k\ud800': 1 } })).toBe('a.k\\ud800');
    expect(findUnstorableText({ a: ['😀', { b: 1 }] })).toBeNull();
    expect(printableKey('a\u0000b')).toBe('a\\u0000b');
  });

  it('the hash chain refuses to hash what the database would change (was: hashed as sent, stored as U+FFFD)', () => {
    const e = {
      complaintId: 'c',
      seq: 1,
      type: 'regraded',
      actor: 'a',
      occurredAt: new Date('2026-11-25T00:00:00Z'),
      reason: 'r\ud800',
      payload: {},
    };
    expect(() => eventHash(GENESIS_HASH, e)).toThrow(ValidationError);
    expect(() => eventHash(GENESIS_HASH, { ...e, reason: null, payload: { note: '\u0000' } })).toThrow(ValidationError);
    expect(eventHash(GENESIS_HASH, { ...e, reason: '客户😀𠀀' })).toMatch(/^[0-9a-f]{64}$/);
  });
});
