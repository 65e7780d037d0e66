import { describe, expect, it } from 'vitest';
import {
  ADDRESS_VISIBLE_CHARS,
  type ComplainantPersonalData,
  MASKED_FIELDS,
  maskAccount,
  maskAddress,
  maskComplainant,
  maskEmail,
  maskIdNumber,
  maskPhone,
} from './masking.js';

const EMPTY: Array<[string | null | undefined]> = [[null], [undefined], [''], ['   '], ['\u3000']];

describe('maskPhone', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['138 1234 5678', '138****5678'],
    ['138-1234-5678', '138****5678'],
    ['+86 138 1234 5678', '138****5678'],
    ['+8613812345678', '138****5678'],
    ['0086 13812345678', '138****5678'],
    ['１３８１２３４５６７８', '138****5678'],
    ['021-12345678', '021****5678'],
    ['(021) 1234 5678', '021****5678'],
    ['0755-12345678', '075*****5678'],
    ['12345678', '12****78'],
    ['1234567', '1****67'],
    ['95588', '9***8'],
    ['1234', '1**4'],
    ['110', '**0'],
    ['12', '*2'],
    ['1', '*'],
    ['无号码', '****'],
  ])('%s -> %s', (input, expected) => {
    expect(maskPhone(input)).toBe(expected);
  });

  it.each(EMPTY)('%o -> null', (input) => {
    expect(maskPhone(input)).toBeNull();
  });

  it('hides at least half of the digits of short numbers', () => {
    for (let n = 1; n <= 10; n += 1) {
      const masked = maskPhone('9'.repeat(n)) ?? '';
      expect(masked).toHaveLength(n);
      expect(Array.from(masked).filter((ch) => ch === '*').length).toBeGreaterThanOrEqual(n / 2);
    }
  });
});

describe('maskEmail', () => {
  it.each([
    ['wang.xiaoming@example.com', 'w***@example.com'],
    ['  Wang@Example.COM ', 'W***@Example.COM'],
    ['a@b.cn', 'a***@b.cn'],
    ['王小明@例子.中国', '王***@例子.中国'],
    ['😀smile@example.com', '😀***@example.com'],
    ['not-an-email', '***'],
    ['@example.com', '***'],
    ['wang@', '***'],
    ['wang@@example.com', '***'],
    ['wang@exa@mple.com', '***'],
    ['wang xiao@example.com', '***'],
  ])('%s -> %s', (input, expected) => {
    expect(maskEmail(input)).toBe(expected);
  });

  it.each(EMPTY)('%o -> null', (input) => {
    expect(maskEmail(input)).toBeNull();
  });
});

describe('maskIdNumber', () => {
  it.each([
    ['110101199003071234', '110***********1234'],
    ['11010119900307123X', '110***********123X'],
    ['110101 19900307 123X', '110***********123X'],
    ['110101-19900307-1234', '110***********1234'],
    ['E12345678', 'E12**5678'],
    ['12345678', '123*5678'],
    ['1234567', '*****67'],
    ['港澳通行证号ABC', '港澳通**号ABC'],
    ['ABC', '*BC'],
    ['AB', '**'],
    ['A', '*'],
  ])('%s -> %s', (input, expected) => {
    expect(maskIdNumber(input)).toBe(expected);
  });

  it.each(EMPTY)('%o -> null', (input) => {
    expect(maskIdNumber(input)).toBeNull();
  });

  it('preserves the length in code points', () => {
    const masked = maskIdNumber('身份证号码一二三四五六') ?? '';
    expect(Array.from(masked)).toHaveLength(11);
    expect(masked).toBe('身份证****三四五六');
  });
});

describe('maskAccount', () => {
  it.each([
    ['6222021234567890123', '***************0123'],
    ['6222 0212 3456 7890 123', '***************0123'],
    ['6222-0212-3456-7890', '************7890'],
    ['A0012345', '****2345'],
    ['1234567', '*****67'],
    ['账户一二三四五六七', '*****四五六七'],
    ['账户一二', '**一二'],
    ['12', '**'],
    ['1', '*'],
  ])('%s -> %s', (input, expected) => {
    expect(maskAccount(input)).toBe(expected);
  });

  it.each(EMPTY)('%o -> null', (input) => {
    expect(maskAccount(input)).toBeNull();
  });
});

describe('maskAddress', () => {
  it.each([
    ['上海市浦东新区世纪大道100号', '上海市浦东新****'],
    ['  北京市朝阳区建国路88号 ', '北京市朝阳区****'],
    ['上海市浦东新区', '上海市浦东新****'],
    ['上海市浦东新', '上海****'],
    ['浦东新区', '浦东****'],
    ['上海', '上****'],
    ['沪', '****'],
    ['𠀀𠀁𠀂𠀃𠀄𠀅𠀆', '𠀀𠀁𠀂𠀃𠀄𠀅****'],
    ['1 Main Street, Springfield', '1 Main****'],
  ])('%s -> %s', (input, expected) => {
    expect(maskAddress(input)).toBe(expected);
  });

  it.each(EMPTY)('%o -> null', (input) => {
    expect(maskAddress(input)).toBeNull();
  });

  it('keeps ADDRESS_VISIBLE_CHARS code points, not UTF-16 units', () => {
    expect(ADDRESS_VISIBLE_CHARS).toBe(6);
    // Each of these characters is a surrogate pair (2 UTF-16 units).
    expect(Array.from(maskAddress('𠀀𠀁𠀂𠀃𠀄𠀅𠀆') ?? '')).toHaveLength(ADDRESS_VISIBLE_CHARS + 4);
  });
});

describe('maskComplainant', () => {
  const complainant: ComplainantPersonalData = {
    name: '王小明',
    phone: '13812345678',
    email: 'wang.xiaoming@example.com',
    address: '上海市浦东新区世纪大道100号',
    idType: 'resident_id',
    idNumber: '110101199003071234',
    account: '6222021234567890123',
  };

  it('masks every personal field but the name and the ID type', () => {
    expect(maskComplainant(complainant)).toEqual({
      name: '王小明',
      phone: '138****5678',
      email: 'w***@example.com',
      address: '上海市浦东新****',
      idType: 'resident_id',
      idNumber: '110***********1234',
      account: '***************0123',
    });
  });

  it('changes exactly MASKED_FIELDS and does not mutate the input', () => {
    const before = { ...complainant };
    const masked = maskComplainant(complainant);
    expect(complainant).toEqual(before);
    const changed = (Object.keys(complainant) as Array<keyof ComplainantPersonalData>).filter((key) => masked[key] !== complainant[key]);
    expect(new Set(changed)).toEqual(new Set(MASKED_FIELDS));
  });

  it('keeps absent fields null', () => {
    const bare: ComplainantPersonalData = {
      name: '李四',
      phone: null,
      email: null,
      address: null,
      idType: null,
      idNumber: null,
      account: null,
    };
    expect(maskComplainant(bare)).toEqual(bare);
  });
});
