import { describe, expect, it } from 'vitest';
import { smsSegments, withSignature } from './sms.js';

// R-H4 / #11 item 4: Chinese SMS conventions (signature, segment counting, no personal data in logs)
describe('smsSegments', () => {
  it('counts a Chinese text as UCS-2: 70 in one SMS, 67 per part after that', () => {
    expect(smsSegments('投'.repeat(70))).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(smsSegments('投'.repeat(71))).toEqual({ encoding: 'UCS-2', units: 71, segments: 2 });
    expect(smsSegments('投'.repeat(134))).toEqual({ encoding: 'UCS-2', units: 134, segments: 2 });
    expect(smsSegments('投'.repeat(135))).toEqual({ encoding: 'UCS-2', units: 135, segments: 3 });
  });

  it('counts a GSM-7 text: 160 in one SMS, 153 per part after that', () => {
    expect(smsSegments('a'.repeat(160))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(smsSegments('a'.repeat(161))).toEqual({ encoding: 'GSM-7', units: 161, segments: 2 });
    expect(smsSegments('a'.repeat(306)).segments).toBe(2);
    expect(smsSegments('a'.repeat(307)).segments).toBe(3);
  });

  it('counts an extension-table character as two septets and never splits the pair', () => {
    expect(smsSegments('€'.repeat(80))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(smsSegments(`${'a'.repeat(159)}[`)).toEqual({ encoding: 'GSM-7', units: 161, segments: 2 });
    // 152 septets then a two-septet character: it goes whole into the second part
    expect(smsSegments(`${'a'.repeat(152)}€${'a'.repeat(152)}`)).toEqual({ encoding: 'GSM-7', units: 306, segments: 3 });
    expect(smsSegments(`${'a'.repeat(153)}€${'a'.repeat(151)}`)).toEqual({ encoding: 'GSM-7', units: 306, segments: 2 });
  });

  it('switches to UCS-2 for one character outside GSM-7 and counts an emoji as two units', () => {
    expect(smsSegments(`${'a'.repeat(69)}é`).encoding).toBe('GSM-7');
    expect(smsSegments(`${'a'.repeat(69)}你`)).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(smsSegments(`${'投'.repeat(68)}😀`)).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(smsSegments(`${'投'.repeat(69)}😀`)).toEqual({ encoding: 'UCS-2', units: 71, segments: 2 });
    // the surrogate pair is not split across parts: 66 units, then the emoji starts part two
    expect(smsSegments(`${'投'.repeat(66)}😀${'投'.repeat(67)}`)).toEqual({ encoding: 'UCS-2', units: 135, segments: 3 });
  });

  it('bills an empty text as one SMS', () => {
    expect(smsSegments('')).toEqual({ encoding: 'GSM-7', units: 0, segments: 1 });
  });

  it('counts the signature in, as the carrier does', () => {
    const text = withSignature('【示例保险证券】', '您的投诉CP20261125000001已受理，预计10个工作日内处理完毕。');
    expect(smsSegments(text)).toEqual({ encoding: 'UCS-2', units: Array.from(text).length, segments: 1 });
  });
});

describe('withSignature', () => {
  it('puts the signature first', () => {
    expect(withSignature('【示例保险证券】', '您的投诉已受理。')).toBe('【示例保险证券】您的投诉已受理。');
  });

  it('adds the brackets to a bare company name and does not sign twice', () => {
    expect(withSignature('示例保险证券', '已受理')).toBe('【示例保险证券】已受理');
    expect(withSignature(' 【示例】 ', '【示例】已受理')).toBe('【示例】已受理');
  });

  it('leaves the text alone without a signature', () => {
    expect(withSignature('  ', '已受理')).toBe('已受理');
  });
});
