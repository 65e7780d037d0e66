import { describe, expect, it } from 'vitest';
import { formatInstant } from './i18n';
import { dateFormats } from './locale';

const zh = dateFormats('zh-CN').dateTime;
const en = dateFormats('en-US').dateTime;

describe('deadline display (issue #5)', () => {
  it('midnight in Shanghai is 24:00 of the day before: the end of the last day', () => {
    expect(formatInstant(zh, new Date('2026-12-10T16:00:00Z'))).toBe('2026/12/10 24:00');
    expect(formatInstant(en, new Date('2026-12-10T16:00:00Z'))).toBe('12/10/2026, 24:00');
  });
  it('any other time is shown as it is', () => {
    expect(formatInstant(zh, new Date('2026-12-02T09:30:00Z'))).toBe('2026/12/02 17:30');
    expect(formatInstant(zh, new Date('2026-12-10T16:00:30Z'))).toBe('2026/12/11 00:00');
  });
});
