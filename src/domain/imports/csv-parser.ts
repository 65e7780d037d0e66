/**
 * An incremental CSV reader (RFC 4180 and what spreadsheets write): feed it text as it arrives and
 * it hands back every record completed so far, so a file of any size is read in constant memory.
 * Fields may be quoted; a quoted field may hold the delimiter, line breaks and doubled quotes. Line
 * ends are CRLF, LF or CR. A byte-order mark at the very start is dropped. Blank lines are skipped.
 *
 * Lenient where files in the wild are sloppy (like Python's csv module): a quote inside an unquoted
 * field is kept as a character, and text after a closing quote is appended to the field. Only a
 * quote still open at the end of the file is reported (`unterminated_quote`), on the record it began.
 *
 * Written here rather than taken from npm: the parser that is installed comes in only through
 * exceljs (fast-csv 4, with its own @types/node 14), and this is small enough to own and test.
 */

export interface CsvRecord {
  fields: string[];
  /** the line of the file the record starts on (1-based; the header is line 1) */
  line: number;
  /** set when the record's quote was never closed (it then runs to the end of the file) */
  error?: 'unterminated_quote';
}

export class CsvParser {
  private field = '';
  private fields: string[] = [];
  private inQuotes = false;
  /** the field began with a quote (so a quote inside it closes or escapes) */
  private quoted = false;
  /** just saw a quote inside a quoted field: the next character decides (quote = escaped, else closed) */
  private quotePending = false;
  /** a CR was the last character: a following LF belongs to it */
  private afterCr = false;
  private line = 1;
  private recordLine = 1;
  private atStart = true;

  constructor(private readonly delimiter = ',') {}

  /** Reads more text; returns the records it completed. */
  push(text: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    let s = text;
    if (this.atStart && s.length > 0) {
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
      this.atStart = false;
    }
    for (let i = 0; i < s.length; i++) {
      const ch = s[i]!;
      if (this.afterCr) {
        this.afterCr = false;
        if (ch === '\n') {
          // the LF of a CRLF: the line was counted at the CR; inside quotes it is part of the value
          if (this.inQuotes && !this.quotePending) this.field += ch;
          continue;
        }
      }
      if (this.inQuotes) {
        if (this.quotePending) {
          this.quotePending = false;
          if (ch === '"') {
            this.field += '"';
            continue;
          }
          this.inQuotes = false; // the quote closed the field; fall through to handle ch unquoted
        } else if (ch === '"') {
          this.quotePending = true;
          continue;
        } else {
          if (ch === '\n' || ch === '\r') this.line += 1;
          if (ch === '\r') this.afterCr = true;
          this.field += ch;
          continue;
        }
      }
      if (ch === this.delimiter) {
        this.endField();
      } else if (ch === '\n' || ch === '\r') {
        if (ch === '\r') this.afterCr = true;
        this.endRecord(out);
        this.line += 1;
        this.recordLine = this.line;
      } else if (ch === '"' && this.field.length === 0 && !this.quoted) {
        this.inQuotes = true;
        this.quoted = true;
      } else {
        this.field += ch;
      }
    }
    return out;
  }

  /** The end of the text: the last record, if the file did not end with a line break. */
  end(): CsvRecord[] {
    const out: CsvRecord[] = [];
    if (this.inQuotes && !this.quotePending) {
      this.endField();
      out.push({ fields: this.fields, line: this.recordLine, error: 'unterminated_quote' });
      this.fields = [];
      this.inQuotes = false;
      return out;
    }
    this.inQuotes = false;
    this.quotePending = false;
    this.endRecord(out);
    return out;
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.quoted = false;
  }

  private endRecord(out: CsvRecord[]): void {
    const blank = this.fields.length === 0 && this.field.length === 0 && !this.quoted;
    this.endField();
    if (!blank) out.push({ fields: this.fields, line: this.recordLine });
    this.fields = [];
  }
}

/** Parses a whole text (tests, small files). */
export function parseCsv(text: string): CsvRecord[] {
  const p = new CsvParser();
  return [...p.push(text), ...p.end()];
}
