import { describe, expect, it } from 'vitest';
import { escapeHtml, textToHtml } from './text-to-html.js';

// #11 item 3: an e-mail has an HTML part made from its text part
describe('textToHtml', () => {
  it('escapes every character HTML would read', () => {
    expect(escapeHtml(`<b>"A" & 'B'</b>`)).toBe('&#60;b&#62;&#34;A&#34; &#38; &#39;B&#39;&#60;/b&#62;');
    expect(textToHtml('<script>alert(1)</script>')).toBe('<p>&#60;script&#62;alert(1)&#60;/script&#62;</p>');
  });

  it('makes a paragraph of each block and a <br> of a single line break', () => {
    expect(textToHtml('尊敬的客户：\r\n\r\n您的投诉已受理。\n编号 CP1\n\n\n此致')).toBe(
      '<p>尊敬的客户：</p>\n<p>您的投诉已受理。<br>\n编号 CP1</p>\n<p>此致</p>',
    );
  });

  it('treats a line of spaces as a blank line and drops empty paragraphs', () => {
    expect(textToHtml('\n\nA\n  \nB\n\n')).toBe('<p>A</p>\n<p>B</p>');
    expect(textToHtml('')).toBe('');
  });

  it('links http(s) addresses, ending one at Chinese or sentence punctuation', () => {
    expect(textToHtml('查询：https://portal.example.cn/track?no=CP1&k=2。谢谢')).toBe(
      '<p>查询：<a href="https://portal.example.cn/track?no=CP1&#38;k=2">https://portal.example.cn/track?no=CP1&#38;k=2</a>。谢谢</p>',
    );
    expect(textToHtml('See http://localhost:3000/a.')).toBe('<p>See <a href="http://localhost:3000/a">http://localhost:3000/a</a>.</p>');
    expect(textToHtml('(see https://x.cn/a_(b))')).toBe('<p>(see <a href="https://x.cn/a_(b)">https://x.cn/a_(b)</a>)</p>');
  });

  it('links several addresses on a line and leaves other schemes as text', () => {
    expect(textToHtml('https://a.cn and https://b.cn/x, javascript:alert(1) ftp://c.cn')).toBe(
      '<p><a href="https://a.cn">https://a.cn</a> and <a href="https://b.cn/x">https://b.cn/x</a>, javascript:alert(1) ftp://c.cn</p>',
    );
  });

  it('does not let a quote in an address break out of the attribute', () => {
    expect(textToHtml(`https://x.cn/a'onmouseover=alert(1)`)).toBe(
      '<p><a href="https://x.cn/a&#39;onmouseover=alert(1)">https://x.cn/a&#39;onmouseover=alert(1)</a></p>',
    );
  });
});
