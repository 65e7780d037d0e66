import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  COMMON_PASSWORDS,
  generateOneTimePassword,
  ONE_TIME_PASSWORD_ALPHABET,
  ONE_TIME_PASSWORD_LENGTH,
  passwordIssues,
} from './password-policy.js';

const realRandom = (n: number): Uint8Array => randomBytes(n);

/** Deterministic byte source (a full-period LCG), the same sequence on every call of counter(). */
function counter(): (n: number) => Uint8Array {
  let next = 0;
  return (n) => Uint8Array.from({ length: n }, () => (next = (next * 37 + 11) % 256));
}

describe('passwordIssues', () => {
  it.each([
    ['Tr4in-Station-Blue', 'zhangsan'],
    ['correct horse Battery staple', 'zhangsan'],
    ['投诉处理Complaint2026', 'zhangsan'],
    ['abcdefghiJK1', 'zhangsan'],
    ['Zx9!Zx9!Zx9!', 'zhangsan'],
    ['Welcome-to-the-Team7', 'zhangsan'],
    ['PasswordManagerX1!', 'zhangsan'],
    ['Ab1!' + 'x'.repeat(124), 'zhangsan'],
    ['Secure-Pass-w0rd-99', 'ab'],
  ])('accepts %s', (password, username) => {
    expect(passwordIssues(password, username)).toEqual([]);
  });

  it.each([
    ['Abcdefgh1!x', ['password_too_short']],
    ['Ab1!', ['password_too_short']],
    ['', ['password_too_short', 'password_too_simple']],
    ['Ab1!' + 'x'.repeat(125), ['password_too_long']],
    ['abcdefghijklmnop', ['password_too_simple']],
    ['abcdefghij123456', ['password_too_simple']],
    ['ABCDEFGHIJKL!!!!', ['password_too_simple']],
    ['投诉处理投诉处理投诉处理投诉处理', ['password_too_simple']],
  ])('%s -> %o', (password, expected) => {
    expect(passwordIssues(password, 'zhangsan')).toEqual(expected);
  });

  it('counts length in code points', () => {
    expect(passwordIssues('投诉处理投诉处理Ab1', 'zhangsan')).toEqual(['password_too_short']);
    expect(passwordIssues('投诉处理投诉处理投Ab1', 'zhangsan')).toEqual([]);
  });

  it.each([
    ['My-zhangsan-Key-9', 'zhangsan'],
    ['My-ZHANGSAN-Key-9', 'ZhangSan'],
    ['Wang.Li.Works.2026', 'wang.li'],
    ['Long-Secret-abc-9', 'ABC'],
    ['Long-Secret-abc-9', ' abc '],
  ])('%s contains username %s', (password, username) => {
    expect(passwordIssues(password, username)).toEqual(['password_contains_username']);
  });

  it.each([
    ['Long-Secret-ab-9', 'ab'],
    ['Long-Secret-a-9', 'a'],
    ['Long-Secret-9', ''],
  ])('ignores usernames shorter than 3 (%s, %s)', (password, username) => {
    expect(passwordIssues(password, username)).toEqual([]);
  });

  it.each([
    'Password2024!',
    'P@ssw0rd2024',
    'P@SSW0RD!2024',
    '!!Qwerty!!2024',
    'Admin@1234567',
    'AdminAdmin@1',
    'Welcome@123456',
    '2024-LetMeIn-2024',
    'Woaini5201314!',
  ])('%s is common', (password) => {
    expect(passwordIssues(password, 'zhangsan')).toEqual(['password_common']);
  });

  it('reports a short common password for both rules, in a stable order', () => {
    expect(passwordIssues('admin', 'admin')).toEqual([
      'password_too_short',
      'password_too_simple',
      'password_contains_username',
      'password_common',
    ]);
  });

  it('flags all-digit passwords built around a common number', () => {
    expect(passwordIssues('1234567890123', 'zhangsan')).toEqual(['password_too_simple', 'password_common']);
  });

  it('keeps the built-in list lower-case and small', () => {
    expect(COMMON_PASSWORDS.every((w) => w === w.toLowerCase())).toBe(true);
    expect(COMMON_PASSWORDS.length).toBeGreaterThanOrEqual(25);
    expect(COMMON_PASSWORDS.length).toBeLessThanOrEqual(40);
  });
});

describe('generateOneTimePassword', () => {
  it('1000 passwords all satisfy the policy', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i += 1) {
      const password = generateOneTimePassword(realRandom);
      expect(password).toHaveLength(ONE_TIME_PASSWORD_LENGTH);
      expect(passwordIssues(password, 'admin')).toEqual([]);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/[0-9]/);
      expect(password).toMatch(/[-_.!@#]/);
      expect(password).not.toMatch(/[0O1lI]/);
      expect([...password].every((ch) => ONE_TIME_PASSWORD_ALPHABET.includes(ch))).toBe(true);
      seen.add(password);
    }
    expect(seen.size).toBe(1000);
  });

  it('redraws a candidate that contains the username', () => {
    const first = generateOneTimePassword(counter());
    const username = first.slice(0, 4);
    const password = generateOneTimePassword(counter(), username);
    expect(password).not.toBe(first);
    expect(passwordIssues(password, username)).toEqual([]);
  });

  it('uses the injected random source deterministically', () => {
    expect(generateOneTimePassword(counter())).toBe(generateOneTimePassword(counter()));
  });

  it('refuses a broken random source', () => {
    expect(() => generateOneTimePassword(() => new Uint8Array(0))).toThrow('no bytes');
    expect(() => generateOneTimePassword((n) => new Uint8Array(n).fill(255))).toThrow('not random');
  });
});
