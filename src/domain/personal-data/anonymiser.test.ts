import { describe, expect, it } from 'vitest';
import { PLACEHOLDERS, anonymiseFileName, anonymiseText, type PersonalDataKind } from './anonymiser.js';
import { idCheckCharacter, isMainlandIdNumber, luhnValid } from './anonymiser-patterns.js';

const text = (input: string, known = {}) => anonymiseText(input, known).text;
const kinds = (input: string, known = {}) => anonymiseText(input, known).redactions.map((r) => r.kind);

function expectUntouched(input: string): void {
  expect(anonymiseText(input)).toEqual({ text: input, redactions: [] });
}

describe('names', () => {
  it('replaces the name before 先生/女士/小姐 and keeps the title', () => {
    expect(text('张先生来电')).toBe('某先生来电');
    expect(text('客户张三女士称')).toBe('客户某女士称');
    expect(text('欧阳娜娜女士和李小姐')).toBe('某女士和某小姐');
    expect(text('王小明先生')).toBe('某先生');
  });
  it('keeps a preposition that is also a surname', () => {
    expect(text('坐席向王先生解释')).toBe('坐席向某先生解释');
    expect(text('经办人与李女士联系')).toBe('经办人与某女士联系');
  });
  it('leaves 王某先生 (already anonymised) and titles without a surname alone', () => {
    expectUntouched('王某先生');
    expectUntouched('某先生');
    expectUntouched('女士们先生们');
  });
  it('replaces known names anywhere, in Chinese and Latin letters', () => {
    expect(text('投诉人张三称，张三的保单', { names: ['张三'] })).toBe('投诉人某称，某的保单');
    expect(text('Dear zhang san, ...', { names: ['Zhang San'] })).toBe('Dear 某, ...');
  });
  it('ignores known names of one character', () => {
    expectUntouched('张');
    expect(text('张的', { names: ['张'] })).toBe('张的');
  });
});

describe('phones', () => {
  it.each([
    '13812345678',
    '138-1234-5678',
    '138 1234 5678',
    '+86 138 1234 5678',
    '+8613812345678',
    '0086-13812345678',
    '(+86) 13812345678',
    '１３８１２３４５６７８',
    '010-12345678',
    '01012345678',
    '(021) 1234 5678',
    '（021）12345678',
    '0755-8765432',
  ])('finds %s', (phone) => {
    expect(anonymiseText(`电话${phone}。`)).toEqual({
      text: `电话${PLACEHOLDERS.phone}。`,
      redactions: [{ kind: 'phone', start: 2, end: 6 }],
    });
  });
  it('leaves service numbers (company numbers) alone', () => {
    expectUntouched('客服热线400-820-8888，或800 820 8888，或95555');
  });
  it('finds a known phone in any spelling', () => {
    expect(text('联系 138.1234.5678', { phones: ['+86 138 1234 5678'] })).toBe('联系 138.1234.5678');
    expect(text('联系 138-1234 5678', { phones: ['+86 138 1234 5678'] })).toBe('联系 [电话]');
    expect(text('分机 5678 1234', { phones: ['56781234'] })).toBe('分机 [电话]');
  });
});

describe('e-mail, ID numbers, bank cards, accounts', () => {
  it('finds e-mail addresses', () => {
    expect(text('请发至 zhang.san+cs@mail.example.com.cn，谢谢')).toBe('请发至 [邮箱]，谢谢');
    expect(text('Email: Li_Si@EXAMPLE.org')).toBe('Email: [邮箱]');
  });
  it('checks the ID check character', () => {
    expect(idCheckCharacter('11010119900307123')).toBe('3');
    expect(isMainlandIdNumber('110101199003071233')).toBe(true);
    expect(isMainlandIdNumber('110101199003071234')).toBe(false);
    expect(isMainlandIdNumber('11010519491231002X')).toBe(true);
    expect(isMainlandIdNumber('110101900307123')).toBe(true);
  });
  it('finds ID numbers, compact, grouped, with X, old 15-digit ones', () => {
    expect(text('身份证110101199003071233号')).toBe('身份证[身份证号]号');
    expect(text('证件 110101 19900307 1233')).toBe('证件 [身份证号]');
    expect(text('证件11010519491231002x。')).toBe('证件[身份证号]。');
    expect(text('旧证 110101900307123')).toBe('旧证 [身份证号]');
  });
  it('does not take an 18-digit number with a wrong check digit for an ID', () => {
    expectUntouched('编号110101199003071234');
    // Luhn-valid: a card number
    expect(kinds('卡6217000123456789019')).toEqual(['bank_card']);
  });
  it('finds Luhn-valid card numbers, compact, spaced, dashed', () => {
    expect(text('卡号6222021234567894')).toBe('卡号[银行卡号]');
    expect(text('卡号 6222 0212 3456 7894 已冻结')).toBe('卡号 [银行卡号] 已冻结');
    expect(text('卡号 6222-0212-3456-7894')).toBe('卡号 [银行卡号]');
    expect(text('卡号 621700 0123456789019')).toBe('卡号 [银行卡号]');
    expect(luhnValid('4111111111111111')).toBe(true);
  });
  it('leaves numbers that are not Luhn-valid alone', () => {
    expectUntouched('卡号 6222 0212 3456 7891');
  });
  it('finds known accounts and policy numbers with or without separators', () => {
    const known = { accounts: ['P2026-0001-88', 'A88776655'] };
    expect(text('保单P2026000188与账户 a88776655', known)).toBe('保单[账号]与账户 [账号]');
    expect(text('保单 P2026-0001-88。', known)).toBe('保单 [账号]。');
  });
});

describe('addresses', () => {
  it.each([
    ['地址：上海市浦东新区世纪大道100号', '地址：[地址]'],
    ['住在北京市朝阳区建国路88号3号楼2单元1201室，', '住在[地址]，'],
    ['反映上海市浦东新区世纪大道100号的网点', '反映[地址]的网点'],
    ['寄到广东省深圳市南山区科技园路1号', '寄到[地址]'],
    ['他住阳光花园5栋1201室。', '他住[地址]。'],
    ['位于南京西路1266号', '位于[地址]'],
  ])('%s', (input, output) => {
    expect(text(input)).toBe(output);
  });
  it('leaves a region without a street alone', () => {
    expectUntouched('上海市浦东新区的客户');
    expectUntouched('上海分公司');
  });
  it('finds known addresses, also with other spacing', () => {
    expect(text('家在 幸福里 7号', { addresses: ['幸福里7号'] })).toBe('家在 [地址]');
  });
});

describe('the text around', () => {
  it('leaves amounts, dates, complaint numbers and clause numbers alone', () => {
    expectUntouched('理赔金额200,000元，于2026-11-30到账，投诉编号TS20261130-0001，依据第3.2.1条及第十二条。');
    expectUntouched('2026年11月30日 14:30，¥1,234.56，保单年度2025，比例12.5%');
    expectUntouched('The customer asked for a refund of 3,000 CNY on 2026/11/30.');
  });
  it('anonymises mixed text and reports the placeholders at their output offsets', () => {
    const input = '张三女士（电话13812345678，邮箱zs@example.com）住上海市浦东新区世纪大道100号，卡号6222021234567894，保单P88001。';
    const result = anonymiseText(input, { accounts: ['P88001'] });
    expect(result.text).toBe('某女士（电话[电话]，邮箱[邮箱]）住[地址]，卡号[银行卡号]，保单[账号]。');
    const found: [PersonalDataKind, string][] = result.redactions.map((r) => [r.kind, result.text.slice(r.start, r.end)]);
    expect(found).toEqual([
      ['name', '某'],
      ['phone', '[电话]'],
      ['email', '[邮箱]'],
      ['address', '[地址]'],
      ['bank_card', '[银行卡号]'],
      ['account', '[账号]'],
    ]);
  });
  it('never redacts twice: overlapping findings give one placeholder', () => {
    const result = anonymiseText('联系13812345678', { phones: ['13812345678'], accounts: ['13812345678'] });
    expect(result.text).toBe('联系[电话]');
    expect(result.redactions).toHaveLength(1);
  });
  it('is idempotent', () => {
    const inputs = [
      '张先生、向王先生，电话138 1234 5678，(021) 1234 5678，邮箱a@b.cn，证件110101199003071233，卡6222021234567894，地址北京市朝阳区建国路88号',
      '投诉人张三称，张三的账户A1234567',
    ];
    for (const input of inputs) {
      const known = { names: ['张三'], accounts: ['A1234567'] };
      const once = anonymiseText(input, known);
      expect(anonymiseText(once.text, known).text).toBe(once.text);
      expect(anonymiseText(once.text).redactions).toEqual([]);
    }
  });
  it('gives back empty text as it is', () => {
    expect(anonymiseText('')).toEqual({ text: '', redactions: [] });
  });
});

describe('file names', () => {
  it('keeps the extension', () => {
    expect(anonymiseFileName('张三_13812345678_身份证.jpg', { names: ['张三'] })).toBe('某_[电话]_身份证.jpg');
    expect(anonymiseFileName('110101199003071233.PDF')).toBe('[身份证号].PDF');
    expect(anonymiseFileName('理赔材料.tar.gz')).toBe('理赔材料.tar.gz');
    expect(anonymiseFileName('李女士来信')).toBe('某女士来信');
    expect(anonymiseFileName('.env')).toBe('.env');
  });
});
