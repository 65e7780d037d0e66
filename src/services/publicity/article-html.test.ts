import { describe, expect, it } from 'vitest';
import { imageIdsIn, publicBody } from '../../domain/publicity/article-rules.js';
import { sanitizeArticleHtml } from './article-html.js';

const ID = '0b7a2f4e-1c3d-4e5f-8a9b-0c1d2e3f4a5b';

describe('article HTML allow-list (R-G3)', () => {
  it.each([
    ['<p>a<script>alert(1)</script>b</p>', '<p>ab</p>'],
    ['<p onclick="x()" onmouseover="y()">a</p>', '<p>a</p>'],
    ['<img src="x" onerror="alert(1)">', ''],
    ['<a href="javascript:alert(1)">x</a>', '<a target="_blank" rel="noopener noreferrer nofollow">x</a>'],
    ['<a href="JaVaScRiPt:alert(1)">x</a>', '<a target="_blank" rel="noopener noreferrer nofollow">x</a>'],
    ['<a href="data:text/html,<script>1</script>">x</a>', '<a target="_blank" rel="noopener noreferrer nofollow">x</a>'],
    ['<p style="background:url(javascript:1)">a</p>', '<p>a</p>'],
    ['<style>p{}</style><p>a</p>', '<p>a</p>'],
    ['<iframe src="https://x.example"></iframe><p>a</p>', '<p>a</p>'],
    ['<svg><script>1</script></svg><p>a</p>', '<p>a</p>'],
    ['<object data="x"></object><embed src="x"><p>a</p>', '<p>a</p>'],
    ['<form action="x"><input value="1"></form><p>a</p>', '<p>a</p>'],
    ['<img src="//evil.example/x.png">', ''],
    [`<img src="data:image/png;base64,AAAA">`, ''],
    [`<img src="/api/publicity/images/${ID}" alt="a" onload="x()">`, `<img src="/api/publicity/images/${ID}" alt="a" />`],
    ['<h1>t</h1><h2 class="x">u</h2>', 't<h2>u</h2>'],
    [
      '<p><strong>b</strong><em>i</em><u>u</u></p><ul><li>x</li></ul><ol><li>y</li></ol>',
      '<p><strong>b</strong><em>i</em><u>u</u></p><ul><li>x</li></ul><ol><li>y</li></ol>',
    ],
    [
      '<a href="tel:4000123456" target="_self">call</a>',
      '<a href="tel:4000123456" target="_blank" rel="noopener noreferrer nofollow">call</a>',
    ],
  ])('%s', (input, output) => {
    expect(sanitizeArticleHtml(input)).toBe(output);
  });

  it('finds our images and gives them their public address', () => {
    const html = sanitizeArticleHtml(`<p><img src="/api/publicity/images/${ID}"><img src="/api/publicity/images/${ID}"></p>`);
    expect(imageIdsIn(html)).toEqual([ID]);
    expect(publicBody(html)).toBe(`<p><img src="/api/public/articles/images/${ID}" /><img src="/api/public/articles/images/${ID}" /></p>`);
  });
});
