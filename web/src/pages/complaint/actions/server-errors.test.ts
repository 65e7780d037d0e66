import { describe, expect, it } from 'vitest';
import { bare, labelChoices } from './server-errors';

const IMPACT = [
  { value: 'low', label: '低' },
  { value: 'medium', label: '中' },
  { value: 'high', label: '高' },
];

describe('field errors read as the form reads (#9 item 8)', () => {
  it('a refused choice names the labels the form shows, not the codes', () => {
    expect(labelChoices('取值无效，可选：low、medium、high', IMPACT)).toBe('取值无效，可选：低、中、高');
    expect(
      labelChoices('is not an allowed value; allowed: low, medium, high', [
        { value: 'low', label: 'Low' },
        { value: 'high', label: 'High' },
      ]),
    ).toBe('is not an allowed value; allowed: Low, medium, High');
    expect(
      labelChoices('取值无效，可选：upheld、partly_upheld', [
        { value: 'upheld', label: '属实' },
        { value: 'partly_upheld', label: '部分属实' },
      ]),
    ).toBe('取值无效，可选：属实、部分属实');
  });

  it('other messages stay as they are', () => {
    expect(labelChoices('必填', IMPACT)).toBe('必填');
    expect(labelChoices('取值无效，可选：low', [])).toBe('取值无效，可选：low');
    expect(bare('impact', 'impact: 取值无效')).toBe('取值无效');
  });
});
