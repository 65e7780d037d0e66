import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.js';
import { amountInput, amountSchema, canonicalAmount, compareAmount, MAX_AMOUNT, parseAmount } from './money.js';

describe('parseAmount', () => {
  it.each([
    ['12000', '12000.00'],
    ['12000.5', '12000.50'],
    ['12000.50', '12000.50'],
    ['0', '0.00'],
    ['0.01', '0.01'],
    ['007', '7.00'],
    ['1.230', '1.23'],
    [MAX_AMOUNT, '999999999999.99'],
    [12000, '12000.00'],
    [12000.5, '12000.50'],
    [0.1, '0.10'],
    [-0, '0.00'],
    [999999999999.99, '999999999999.99'],
  ])('accepts %o as %s', (input, expected) => {
    expect(parseAmount(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', 'format'],
    [' 12', 'format'],
    ['12 ', 'format'],
    ['1,000', 'format'],
    ['1e5', 'format'],
    ['1E5', 'format'],
    ['+5', 'format'],
    ['.5', 'format'],
    ['5.', 'format'],
    ['0x10', 'format'],
    ['Infinity', 'format'],
    ['NaN', 'format'],
    ['１２', 'format'],
    ['¥100', 'format'],
    ['-abc', 'format'],
    [Number.NaN, 'format'],
    [Number.POSITIVE_INFINITY, 'format'],
    [Number.NEGATIVE_INFINITY, 'format'],
    [null, 'format'],
    [undefined, 'format'],
    [true, 'format'],
    [10n, 'format'],
    [{ value: '1' }, 'format'],
    ['-5', 'negative'],
    ['-0', 'negative'],
    ['-5.123', 'negative'],
    [-0.01, 'negative'],
    ['1.234', 'too_many_decimals'],
    ['0.001', 'too_many_decimals'],
    [0.1 + 0.2, 'too_many_decimals'],
    [1e-7, 'too_many_decimals'],
    ['1000000000000', 'too_large'],
    ['999999999999.991', 'too_many_decimals'],
    [1e21, 'too_large'],
    [Number.MAX_SAFE_INTEGER, 'too_large'],
  ])('rejects %o as %s', (input, reason) => {
    expect(parseAmount(input)).toEqual({ ok: false, reason });
  });
});

describe('compareAmount', () => {
  it.each([
    ['10000', '10000.00', 0],
    ['9999.99', '10000', -1],
    ['100000.01', '100000', 1],
    ['0.1', '0.10', 0],
    ['999999999999.99', '999999999999.98', 1],
    // beyond float precision: 2^53 + 1 vs 2^53 would compare equal as numbers
    ['9007199254740993', '9007199254740992', 1],
  ])('compares %s with %s as %i', (a, b, expected) => {
    expect(compareAmount(a, b)).toBe(expected);
  });

  it.each(['1e5', 'abc', '-1', '', 'Infinity'])('throws a DomainError on %j', (bad) => {
    expect(() => compareAmount(bad, '1')).toThrow(DomainError);
    expect(() => compareAmount('1', bad)).toThrow(DomainError);
  });
});

describe('amountSchema', () => {
  it('accepts a valid amount unchanged and reports the reason otherwise', () => {
    expect(amountSchema.parse('10000')).toBe('10000');
    const result = amountSchema.safeParse('1.234');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('too_many_decimals');
  });
});

describe('amountInput and canonicalAmount', () => {
  it('accepts a decimal string or a JSON number and names the error code of a refused one', () => {
    expect(amountInput.parse('12000.5')).toBe('12000.5');
    expect(amountInput.parse(12000.5)).toBe(12000.5);
    expect(canonicalAmount('12000.5')).toBe('12000.50');
    expect(canonicalAmount(7)).toBe('7.00');
    expect(canonicalAmount(null)).toBeNull();
    const messages = ['abc', '-1', '1.234', '1000000000000'].map((v) => amountInput.safeParse(v).error?.issues[0]?.message);
    expect(messages).toEqual(['invalid_amount', 'amount_negative', 'amount_too_many_decimals', 'amount_too_large']);
  });
});
