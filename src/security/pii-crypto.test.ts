import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  decryptField,
  encryptField,
  generateKeySpec,
  isEncrypted,
  keyedHash,
  type KeyRing,
  needsRotation,
  normaliseForHash,
  parseKeyRing,
  PiiDecryptError,
} from './pii-crypto.js';

const K1 = generateKeySpec('k1');
const K2 = generateKeySpec('k2');
const ring1 = parseKeyRing(K1);
const ring12 = parseKeyRing(`${K1},${K2}`);

/** Flips one bit in the base64 segment `index` (0 = key id ... 3 = ciphertext) of a stored value. */
function tamper(stored: string, index: number, byte = 0): string {
  const parts = stored.slice('enc:v1:'.length).split(':');
  const bytes = Buffer.from(parts[index] ?? '', 'base64');
  bytes[byte] = (bytes[byte] ?? 0) ^ 0x01;
  parts[index] = bytes.toString('base64');
  return `enc:v1:${parts.join(':')}`;
}

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('expected an Error to be thrown');
}

function decryptReason(ring: KeyRing, stored: string): string {
  try {
    decryptField(ring, stored);
  } catch (error) {
    if (error instanceof PiiDecryptError) return error.reason;
    throw error;
  }
  return 'decrypted';
}

describe('parseKeyRing', () => {
  it('takes the last entry as current unless told otherwise', () => {
    expect(ring12.current).toBe('k2');
    expect([...ring12.keys.keys()]).toEqual(['k1', 'k2']);
    expect(ring12.keys.get('k1')).toHaveLength(32);
    expect(parseKeyRing(`${K1},${K2}`, 'k1').current).toBe('k1');
  });

  it('tolerates spaces around entries', () => {
    expect(parseKeyRing(` ${K1} , ${K2} `).current).toBe('k2');
  });

  it('derives a 32-byte hash key from the first key, or takes an explicit one', () => {
    expect(ring12.hashKey).toHaveLength(32);
    expect(ring12.hashKey.equals(ring1.hashKey)).toBe(true);
    expect(parseKeyRing(K2).hashKey.equals(ring1.hashKey)).toBe(false);
    const explicit = randomBytes(32);
    expect(parseKeyRing(K2, undefined, explicit).hashKey.equals(explicit)).toBe(true);
  });

  const key = (bytes: number): string => randomBytes(bytes).toString('base64');
  it.each([
    ['', /empty entry/],
    [' ', /empty entry/],
    [`${K1},`, /empty entry/],
    ['k1', /not '<id>:<base64 key>'/],
    [`k1:${key(16)}`, /k1' must be 32 bytes, got 16/],
    [`k1:${key(33)}`, /must be 32 bytes, got 33/],
    ['k1:not base64!', /k1' is not valid base64/],
    [`k1:${key(32).replace(/=$/, '')}`, /not valid base64/],
    [`k1:${key(32).slice(0, 40)}\n${key(32).slice(40)}`, /not valid base64/],
    [`${K1},k1:${key(32)}`, /'k1' appears more than once/],
    [`k.1:${key(32)}`, /invalid PII key id 'k\.1'/],
    [`:${key(32)}`, /invalid PII key id ''/],
    [`${'k'.repeat(17)}:${key(32)}`, /invalid PII key id/],
  ])('rejects %j', (spec, message) => {
    expect(() => parseKeyRing(spec)).toThrow(message);
  });

  it('rejects an unknown current key and a hash key of the wrong size', () => {
    expect(() => parseKeyRing(K1, 'k9')).toThrow("current PII key 'k9' is not in the key spec");
    expect(() => parseKeyRing(K1, undefined, randomBytes(16))).toThrow('hash key must be 32 bytes');
  });

  it('never puts key material in error messages', () => {
    const secret = key(16);
    expect(thrown(() => parseKeyRing(`k1:${secret}`)).message).not.toContain(secret);
  });
});

describe('encryptField / decryptField', () => {
  const samples = ['13812345678', '上海市浦东新区世纪大道100号', '王小明 😀', '', 'a:b:c'];
  it.each(samples)('round-trips %j', (plaintext) => {
    const stored = encryptField(ring12, plaintext);
    expect(stored).toMatch(/^enc:v1:k2:[A-Za-z0-9+/]{16}:[A-Za-z0-9+/]{22}==:[A-Za-z0-9+/=]*$/);
    expect(decryptField(ring12, stored)).toBe(plaintext);
  });

  it('uses a fresh IV every time', () => {
    const stored = Array.from({ length: 50 }, () => encryptField(ring1, '110101199003071234'));
    expect(new Set(stored).size).toBe(50);
    expect(new Set(stored.map((s) => s.split(':')[3])).size).toBe(50);
  });

  it('detects a flipped bit in the ciphertext, tag or IV', () => {
    const stored = encryptField(ring1, '6222021234567890123');
    expect(decryptReason(ring1, tamper(stored, 3))).toBe('auth');
    expect(decryptReason(ring1, tamper(stored, 3, 18))).toBe('auth');
    expect(decryptReason(ring1, tamper(stored, 2))).toBe('auth');
    expect(decryptReason(ring1, tamper(stored, 2, 15))).toBe('auth');
    expect(decryptReason(ring1, tamper(stored, 1))).toBe('auth');
  });

  it('fails authentication with the wrong key under the same id', () => {
    const other = parseKeyRing(generateKeySpec('k1'));
    expect(decryptReason(other, encryptField(ring1, 'secret'))).toBe('auth');
  });

  it('rejects an unknown key id', () => {
    expect(decryptReason(ring1, encryptField(ring12, 'secret'))).toBe('unknown_key');
  });

  it.each([
    'plain text',
    'enc:v1:',
    'enc:v2:k1:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA==:AAAA',
    'enc:v1:k1:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA==',
    'enc:v1:k1:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA==:AAAA:extra',
    'enc:v1:k1:AAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA==:AAAA',
    'enc:v1:k1:AAAAAAAAAAAAAAAA:AAAAAAAA:AAAA',
    'enc:v1:k1:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA==:AA*A',
    'enc:v1:k.1:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA==:AAAA',
  ])('rejects the malformed %j', (stored) => {
    expect(decryptReason(ring1, stored)).toBe('format');
  });

  it('decrypts old values after rotation and encrypts new ones with the new key', () => {
    const old = encryptField(ring1, '王小明');
    const rotated = parseKeyRing(`${K1},${K2}`);
    expect(decryptField(rotated, old)).toBe('王小明');
    const fresh = encryptField(rotated, '王小明');
    expect(fresh.startsWith('enc:v1:k2:')).toBe(true);
    expect(decryptField(rotated, fresh)).toBe('王小明');
  });

  it('PiiDecryptError is an Error that does not leak the value', () => {
    const stored = `enc:v1:k1:${'A'.repeat(7)}`;
    const error = thrown(() => decryptField(ring1, stored));
    expect(error).toBeInstanceOf(PiiDecryptError);
    expect(error.name).toBe('PiiDecryptError');
    expect(error.message).not.toContain(stored);
  });
});

describe('isEncrypted / needsRotation', () => {
  it('tells encrypted values from legacy plaintext', () => {
    expect(isEncrypted(encryptField(ring1, 'x'))).toBe(true);
    expect(isEncrypted('13812345678')).toBe(false);
    expect(isEncrypted('')).toBe(false);
  });

  it('is true for values under an older key and for plaintext', () => {
    const old = encryptField(ring1, 'x');
    expect(needsRotation(ring1, old)).toBe(false);
    expect(needsRotation(ring12, old)).toBe(true);
    expect(needsRotation(ring12, encryptField(ring12, 'x'))).toBe(false);
    expect(needsRotation(ring12, 'plain')).toBe(true);
    expect(() => needsRotation(ring12, 'enc:v1:broken')).toThrow(PiiDecryptError);
  });
});

describe('keyedHash', () => {
  it('is hex HMAC-SHA256 and separates kinds', () => {
    const h = keyedHash(ring1, 'id_number', '110101199003071234');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(keyedHash(ring1, 'account', '110101199003071234')).not.toBe(h);
    expect(keyedHash(ring1, 'id_number', '110101199003071235')).not.toBe(h);
  });

  it.each([
    ['110101 1990 0307 123x', '1101011990030712 3X'],
    ['110101-19900307-123X', '11010119900307123x'],
    ['  11010119900307123X\t', '11010119900307123X'],
    ['１１０１０１１９９００３０７１２３Ｘ', '11010119900307123X'],
    ['6222 0212 3456 7890 123', '6222021234567890123'],
  ])('normalises %j like %j', (a, b) => {
    expect(normaliseForHash(a)).toBe(normaliseForHash(b));
    expect(keyedHash(ring1, 'id_number', a)).toBe(keyedHash(ring1, 'id_number', b));
  });

  it('stays stable across rotation while the first key stays first', () => {
    const value = '11010119900307123X';
    const rotated = parseKeyRing(`${K1},${K2},${generateKeySpec('k3')}`);
    expect(keyedHash(rotated, 'id_number', value)).toBe(keyedHash(ring1, 'id_number', value));
    expect(keyedHash(parseKeyRing(`${K1},${K2}`, 'k1'), 'id_number', value)).toBe(keyedHash(ring1, 'id_number', value));
    expect(keyedHash(parseKeyRing(K2), 'id_number', value)).not.toBe(keyedHash(ring1, 'id_number', value));
  });

  it.each(['', 'ID', 'id:number', 'a'.repeat(33)])('rejects the kind %j', (kind) => {
    expect(() => keyedHash(ring1, kind, 'x')).toThrow('invalid keyed-hash kind');
  });
});

describe('generateKeySpec', () => {
  it('makes a parseable entry with a random 32-byte key', () => {
    const spec = generateKeySpec('2026-q1');
    expect(spec).toMatch(/^2026-q1:[A-Za-z0-9+/]{43}=$/);
    expect(parseKeyRing(spec).keys.get('2026-q1')).toHaveLength(32);
    expect(generateKeySpec('k1')).not.toBe(generateKeySpec('k1'));
  });

  it('rejects a bad id', () => {
    expect(() => generateKeySpec('bad id')).toThrow('invalid PII key id');
  });
});
