import { describe, expect, it } from 'vitest';
import { MAX_NESTING, textIssues } from './text-guard.js';

describe('textIssues: every string of a parsed request, named like zod names fields (#9 item 1)', () => {
  it('names values and keys at any depth, in the convention of each part', () => {
    expect(
      textIssues({ a: ['ok', { 'b\u0000': 1, c: 'x\ud800' }] }, 'body')
        .map((i) => i.field)
        .sort(),
    ).toEqual(['a.1.b\\u0000', 'a.1.c']);
    expect(textIssues('\u0000', 'body')).toEqual([{ field: 'body', code: 'invalid_characters' }]);
    expect(textIssues({ q: ['a', '\u0000'] }, 'querystring')).toEqual([{ field: 'querystring.q.1', code: 'invalid_characters' }]);
    expect(textIssues({ 'user-agent': 'x\udc00' }, 'headers')).toEqual([{ field: 'headers.user-agent', code: 'invalid_characters' }]);
    expect(textIssues({ name: '张三😀𠀀', note: 'e\u0301\u200d\u200f' }, 'body')).toEqual([]);
  });

  it('skips binary data and streams, and stops at the nesting limit, cycles included', () => {
    expect(textIssues({ file: Buffer.from([0, 0xd8]), at: new Date(0) }, 'body')).toEqual([]);
    let deep: unknown = [];
    for (let i = 0; i < MAX_NESTING + 5; i++) deep = [deep];
    expect(textIssues(deep, 'body')[0]).toMatchObject({ code: 'nesting_too_deep' });
    const cyclic: Record<string, unknown> = { a: 'x' };
    cyclic.self = cyclic;
    cyclic.again = cyclic;
    expect(textIssues(cyclic, 'body')[0]).toMatchObject({ code: 'nesting_too_deep' });
  });

  it('walks the widest JSON body the app accepts (4 MiB of small objects) without recursion', () => {
    const body = JSON.parse(JSON.stringify(Array.from({ length: 400_000 }, (_, i) => ({ a: i === 399_999 ? '\u0000' : 'x' }))));
    expect(textIssues(body, 'body')).toEqual([{ field: '399999.a', code: 'invalid_characters' }]);
  });
});
