import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv-parser.js';
import { csvCell, csvLine } from './csv-writer.js';

describe('CSV writer (ledger export, import error report)', () => {
  it('quotes what needs it and reads back the same', () => {
    const values = ['plain', 'a,b', 'say "hi"', 'two\r\nlines', '投诉', ''];
    const line = csvLine(values);
    expect(line).toBe('plain,"a,b","say ""hi""","two\r\nlines",投诉,\r\n');
    expect(parseCsv(line)[0]!.fields).toEqual(values);
  });

  it('makes formulas inert and writes numbers and empties as they are', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell(null)).toBe('');
    expect(csvCell(true)).toBe('true');
  });
});
