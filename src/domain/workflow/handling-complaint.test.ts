import { describe, expect, it } from 'vitest';
import { handledOriginal, isAboutHandling, originalHandlers } from './handling-complaint.js';

describe('complaints about complaint handling (R-E5)', () => {
  it('the original handlers: current assignee and tracker and everyone assigned before', () => {
    expect(originalHandlers({ assignee: 'agent', tracker: 'agent' }, ['handler', 'supervisor'])).toEqual([
      'agent',
      'handler',
      'supervisor',
    ]);
    expect(originalHandlers({ assignee: null, tracker: null }, [])).toEqual([]);
  });

  it('a candidate who handled the original is named', () => {
    expect(handledOriginal(['inspector', 'agent'], ['agent'])).toBe('agent');
    expect(handledOriginal(['inspector', undefined, null], ['agent'])).toBeNull();
  });

  it('an e-mail says it is about the handling in its subject or first lines', () => {
    expect(isAboutHandling('关于投诉 TS202611250001 的投诉处理问题', '')).toBe(true);
    expect(isAboutHandling('Re: TS202611250001', 'I am unhappy with the handling of my complaint')).toBe(true);
    expect(isAboutHandling('Re: TS202611250001', '补充材料见附件')).toBe(false);
  });
});
