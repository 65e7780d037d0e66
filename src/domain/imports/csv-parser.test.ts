import { describe, expect, it } from 'vitest';
import { CsvParser, parseCsv } from './csv-parser.js';

describe('CSV parser (R-H7 import)', () => {
  it('reads plain, quoted, escaped and multi-line fields with their starting lines', () => {
    const text = 'a,b,c\r\n1,"x, y","say ""hi"""\r\n2,"line one\r\nline two",\n3,,z';
    expect(parseCsv(text)).toEqual([
      { fields: ['a', 'b', 'c'], line: 1 },
      { fields: ['1', 'x, y', 'say "hi"'], line: 2 },
      { fields: ['2', 'line one\r\nline two', ''], line: 3 },
      { fields: ['3', '', 'z'], line: 5 },
    ]);
  });

  it('drops a byte-order mark and blank lines, and accepts CR-only line ends', () => {
    expect(parseCsv('\uFEFFh1,h2\r\r\nv1,v2\rv3,v4\n\n')).toEqual([
      { fields: ['h1', 'h2'], line: 1 },
      { fields: ['v1', 'v2'], line: 3 },
      { fields: ['v3', 'v4'], line: 4 },
    ]);
  });

  it('gives the same records whatever the chunk boundaries', () => {
    const text = 'id,text\n1,"a ""quoted"" word\r\nand more"\r\n2,plain\r\n3,"end"';
    const whole = parseCsv(text);
    for (let size = 1; size <= 7; size++) {
      const p = new CsvParser();
      const got = [];
      for (let i = 0; i < text.length; i += size) got.push(...p.push(text.slice(i, i + size)));
      got.push(...p.end());
      expect(got).toEqual(whole);
    }
  });

  it('is lenient with stray quotes and reports a quote never closed', () => {
    expect(parseCsv('a,b\n5" pipe,"x"y\n')).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['5" pipe', 'xy'], line: 2 },
    ]);
    expect(parseCsv('a,b\n1,"open\n2,3\n')).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['1', 'open\n2,3\n'], line: 2, error: 'unterminated_quote' },
    ]);
  });

  it('keeps an empty quoted field as a record', () => {
    expect(parseCsv('""\n')).toEqual([{ fields: [''], line: 1 }]);
  });
});
