/**
 * CSV lines for downloads (the ledger export, an import's error report): RFC 4180 quoting, CRLF line
 * ends, and text that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) made
 * inert with a leading apostrophe (OWASP "CSV injection"). Numbers are written as they are.
 */

/** The UTF-8 byte-order mark, so spreadsheets read the file as UTF-8 (Chinese text). */
export const CSV_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: ReadonlyArray<string | number | boolean | null | undefined>): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
