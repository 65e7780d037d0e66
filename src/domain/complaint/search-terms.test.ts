import { describe, expect, it } from 'vitest';
import { phoneSearchKey, roundEstimate, searchBigrams, textSearch } from './search-terms.js';

describe('the ledger search term (#16 item 1)', () => {
  it('#16 grams: overlapping pairs of characters, separators excluded, each once', () => {
    expect(searchBigrams('理赔金额')).toEqual(['理赔', '赔金', '金额']);
    expect(searchBigrams('车险 p1')).toEqual(['车险', 'p1']);
    expect(searchBigrams('涉及车险、续保。')).toEqual(['涉及', '及车', '车险', '续保']);
    expect(searchBigrams('ts2026')).toEqual(['ts', 's2', '20', '02', '26']);
    expect(searchBigrams('aaaa')).toEqual(['aa']);
    expect(searchBigrams('𠀀𠀁')).toEqual(['𠀀𠀁']);
    expect(searchBigrams('理')).toEqual([]);
    expect(searchBigrams('a b，c')).toEqual([]);
  });

  it('#16 a one-character term has no grams: the LIKE alone (documented fallback)', () => {
    expect(textSearch('赔')).toEqual({ pattern: '%赔%', indexed: undefined, contactKey: undefined, phoneOnly: false });
    expect(textSearch('TS2026')).toEqual({ pattern: '%ts2026%', indexed: 'ts2026', contactKey: undefined, phoneOnly: false });
    expect(textSearch('50%_x').pattern).toBe('%50\\%\\_x%');
  });

  it('#16 phone digits typed into the search box are the contact key, with spaces, dashes and +86/0086', () => {
    expect(phoneSearchKey('13812345678')).toBe('phone:13812345678');
    expect(phoneSearchKey('138 1234 5678')).toBe('phone:13812345678');
    expect(phoneSearchKey('+86 138-1234-5678')).toBe('phone:13812345678');
    expect(phoneSearchKey('0086 13812345678')).toBe('phone:13812345678');
    expect(phoneSearchKey('(021) 6234-5678')).toBe('phone:02162345678');
    expect(phoneSearchKey('1234567')).toBe('phone:1234567');
    expect(phoneSearchKey('123456')).toBeUndefined();
    expect(phoneSearchKey('p12345678')).toBeUndefined();
    expect(phoneSearchKey('TS20261125000123')).toBeUndefined();
    expect(phoneSearchKey('理赔 13812345678')).toBeUndefined();
    expect(textSearch(' 138 1234 5678 ').contactKey).toBe('phone:13812345678');
    // a whole phone number is the contact lookup alone; shorter digits are searched as text too
    expect(textSearch('+86 138-1234-5678').phoneOnly).toBe(true);
    expect(textSearch('(021) 6234-5678').phoneOnly).toBe(true);
    expect(textSearch('87654321').phoneOnly).toBe(false);
    expect(textSearch('理赔').phoneOnly).toBe(false);
  });

  it('#16 an estimated total keeps two significant digits and never goes below what was counted', () => {
    expect(roundEstimate(109_459, 10_001)).toBe(110_000);
    expect(roundEstimate(66_123, 10_001)).toBe(66_000);
    expect(roundEstimate(1_234_567, 10_001)).toBe(1_200_000);
    expect(roundEstimate(9_000, 10_001)).toBe(10_001);
    expect(roundEstimate(10_040, 10_001)).toBe(10_001);
  });
});
