/**
 * Detectors of the anonymiser (R-G2): regular expressions and check-digit validators. Pure, no I/O.
 *
 * Every detector runs on a "shadow" of the text in which full-width digits, letters and a few
 * punctuation marks are mapped to their ASCII forms one UTF-16 unit for one, so offsets in the
 * shadow are offsets in the original text.
 */

/** Maps full-width ASCII (U+FF01..U+FF5E), the ideographic space and odd dashes to ASCII, same length. */
export function shadowOf(text: string): string {
  let out = '';
  for (const unit of text) {
    const code = unit.codePointAt(0) ?? 0;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000 || code === 0x00a0) out += ' ';
    else if (code === 0x2010 || code === 0x2011 || code === 0x2013) out += '-';
    else out += unit;
  }
  return out;
}

/** ISO 7064 MOD 11-2 check character of the first 17 digits of a mainland resident ID number. */
export function idCheckCharacter(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (weights[i] ?? 0);
  return '10X98765432'[sum % 11] ?? '';
}

function validMonthDay(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** 18 characters with a valid birth date and check character, or 15 digits with a valid YYMMDD. */
export function isMainlandIdNumber(compact: string): boolean {
  if (/^\d{17}[\dX]$/iu.test(compact)) {
    const year = Number(compact.slice(6, 10));
    if (year < 1900 || year > 2100 || !validMonthDay(Number(compact.slice(10, 12)), Number(compact.slice(12, 14)))) return false;
    return idCheckCharacter(compact.slice(0, 17)) === compact.slice(17).toUpperCase();
  }
  if (/^\d{15}$/u.test(compact)) return validMonthDay(Number(compact.slice(8, 10)), Number(compact.slice(10, 12)));
  return false;
}

/** Luhn check of a digit string. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const NOT_BEFORE = '(?<![0-9A-Za-z+])';
const NOT_AFTER = '(?![0-9A-Za-z])';

/** E-mail addresses. */
export const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![A-Za-z0-9-])/gu;

/** 18- or 15-character ID numbers, compact or grouped 6-8-4 / 6-6-3; validated by isMainlandIdNumber. */
export const ID_NUMBER = new RegExp(`${NOT_BEFORE}(?:\\d{6}([ -]?)\\d{8}\\1\\d{3}[\\dXx]|\\d{6}([ -]?)\\d{6}\\2\\d{3})${NOT_AFTER}`, 'gu');

/**
 * Telephone numbers. Mobile numbers 1[3-9]x xxxx xxxx with an optional +86 / 0086 / (+86) prefix and
 * spaces or dashes; landlines with an area code (0 + 2-3 digits, or (0xx) in brackets, or after +86).
 * Not matched, on purpose: 400/800 service numbers and 95xxx short numbers. They are company numbers,
 * not a person's, and case material cites them (a bank's hotline is not personal data).
 */
const PREFIX = '(?:(?:\\+|00)86[ -]?|\\(\\+?86\\)[ -]?)';
const MOBILE = '1[3-9]\\d(?:[ -]?\\d{4}){2}';
const LANDLINE = '(?:\\(0\\d{2,3}\\)[ ]?|0\\d{2,3}[ -]?)[1-9]\\d{2,3}[ -]?\\d{4}';
const LANDLINE_INTL = '\\(?[1-9]\\d{1,2}\\)?[ -]?[1-9]\\d{2,3}[ -]?\\d{4}';
export const PHONE = new RegExp(
  `${NOT_BEFORE}(?<![0-9][ -])(?:${PREFIX}?${MOBILE}|${PREFIX}${LANDLINE_INTL}|${LANDLINE})(?![0-9])(?![A-Za-z])`,
  'gu',
);

/** Bank card numbers: 13-19 digits compact, or in groups of 4 (last group 1-4) or 6-13, spaces or dashes. */
export const BANK_CARD = new RegExp(
  `${NOT_BEFORE}(?:\\d{13,19}|\\d{4}([ -])\\d{4}(?:\\1\\d{4}){1,2}(?:\\1\\d{1,4})?|\\d{6}([ -])\\d{7,13})${NOT_AFTER}`,
  'gu',
);

/**
 * Characters that stand right before an address (住在, 位于, 寄到, 地址是 ...): never part of a place
 * name, and an address may start right after one of them.
 */
const STOP = '在住于到至往从自是的了和与及寄送位址为向由经去把将给对称说反映诉述告知请问迁';
const PLACE_CHAR = `(?:(?![${STOP}])[\\u4e00-\\u9fff])`;
/** Provinces and large cities: an address may start at one of them anywhere in a sentence. */
const KNOWN_PLACES =
  '北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|' +
  '台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门|石家庄|太原|呼和浩特|沈阳|长春|哈尔滨|南京|杭州|合肥|福州|南昌|济南|郑州|武汉|长沙|广州|' +
  '南宁|海口|成都|贵阳|昆明|拉萨|西安|兰州|西宁|银川|乌鲁木齐|深圳|苏州|宁波|青岛|大连|厦门|无锡|佛山|东莞|珠海|温州|烟台|常州|南通|' +
  '泉州|徐州|绍兴|嘉兴|金华|台州|惠州|中山|汕头|洛阳|唐山|保定|廊坊';
/** An address starts at the text's start, after a non-ideograph or a stop character, or at a known place. */
const START = `(?:(?<=^|[^\\u4e00-\\u9fff]|[${STOP}])|(?=${KNOWN_PLACES}))`;
const NUMERAL = '[0-9一二三四五六七八九十百零〇]';
const ADMIN = `(?:${PLACE_CHAR}{2,3}?(?:省|自治区|特别行政区))?(?:${PLACE_CHAR}{2,3}?(?:市|州|盟))?(?:${PLACE_CHAR}{1,4}?(?:区|县|旗))?(?:${PLACE_CHAR}{1,5}?(?:镇|乡|街道))?`;
const ROAD = `${PLACE_CHAR}{1,8}?(?:大道|路|街|巷|胡同|道)(?:${NUMERAL}+(?:段|巷|弄))?`;
const PLACE = `${PLACE_CHAR}{1,8}?(?:小区|花园|大厦|公寓|新村|村|苑|广场|中心)`;
const NUMBER = `${NUMERAL}+(?:号|弄)`;
const UNIT = `(?:-?[0-9A-Za-z一二三四五六七八九十]+(?:号楼|号院|栋|幢|座|单元|楼|层|室|号|户))*`;
/** Addresses: [admin units] (road number [place] | place) [building, floor, room]. Admin units alone are not an address. */
export const ADDRESS = new RegExp(
  `${START}${ADMIN}(?:${ROAD}${NUMBER}(?:${PLACE})?|${PLACE}(?=[0-9A-Za-z一二三四五六七八九十]))${UNIT}`,
  'gu',
);

/** Titles after which a Chinese name is replaced (张先生 -> 某先生). */
export const NAME_TITLES = ['先生', '女士', '小姐'] as const;

/** Common single-character surnames (百家姓, most frequent first). */
export const SINGLE_SURNAMES = new Set(
  Array.from(
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝',
  ),
);

/** Compound surnames. */
export const COMPOUND_SURNAMES = new Set([
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '令狐',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '轩辕',
  '端木',
  '独孤',
  '南宫',
  '西门',
  '百里',
  '呼延',
  '澹台',
  '万俟',
  '闻人',
  '申屠',
  '赫连',
  '钟离',
]);

/**
 * Surname characters that are also common function words (向王先生: "toward Mr Wang"); when such a
 * character starts a candidate and the rest also starts with a surname, the shorter name is taken.
 */
export const FUNCTION_WORD_SURNAMES = new Set(Array.from('向和于由与及时应和全连尚单成管经给对把被让'));
