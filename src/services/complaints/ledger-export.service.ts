/**
 * The ledger as an .xlsx workbook (R-B5, R-H2): the current filter and sort, within the user's data
 * scope, personal data as masked as on screen (the name only; no phone, e-mail or ID). Every export
 * is written to the audit log with its filter and row count before the first byte leaves.
 *
 * Streamed (#16 item 5): exceljs's streaming writer, each row committed as its page arrives (keyset
 * pages of the listing's own search, ledger-export-reader.ts), the zip written into the answer as it
 * is made; the next page is read only once the answer has taken the previous one (backpressure), so
 * memory stays flat in the number of rows. No product limit: only a worksheet's own (1,048,576 rows
 * with the header), beyond which the CSV export is the way. A failure mid-way destroys the stream,
 * so the client sees a broken download, never a truncated file that looks complete.
 */
import type { Readable, Writable } from 'node:stream';
import type { Principal } from '../../domain/access/permissions.js';
import { DomainError } from '../../domain/errors.js';
import type { RequestMeta, ServiceContext } from '../context.js';
import { drained, streamingWorkbook, streamOut } from '../xlsx-stream.js';
import { openLedgerExport, type ExportFilter, type ExportOptions, type LedgerExportSource } from './ledger-export-reader.js';

/** A worksheet holds 1,048,576 rows; one is the header. */
export const XLSX_MAX_ROWS = 1_048_575;

export interface LedgerWorkbook {
  fileName: string;
  /** the rows matching when the export began */
  rows: number;
  /** the .xlsx bytes as they are made; destroyed with the error if the export fails mid-way */
  stream: Readable;
}

export async function exportLedger(
  ctx: ServiceContext,
  meta: RequestMeta,
  p: Principal,
  q: ExportFilter,
  english: boolean,
  opts: ExportOptions = {},
): Promise<LedgerWorkbook> {
  const source = await openLedgerExport(ctx, meta, p, q, english, 'xlsx', { ...opts, maxRows: XLSX_MAX_ROWS });
  const stream = streamOut((out) => writeWorkbook(source, out));
  return { fileName: `${source.labels.fileStem}-${source.labels.stamp(source.now)}.xlsx`, rows: source.rows, stream };
}

async function writeWorkbook(source: LedgerExportSource, out: Writable): Promise<void> {
  const { labels } = source;
  const book = streamingWorkbook(out, source.now);
  const sheet = book.addWorksheet(labels.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = labels.columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();

  let written = 0;
  for await (const page of source.pages()) {
    // the client went away: stop reading the ledger
    if (out.destroyed) return;
    written += page.length;
    if (written > XLSX_MAX_ROWS) throw new DomainError('export_too_large', { max: XLSX_MAX_ROWS });
    for (const row of page) sheet.addRow(row).commit();
    await drained(out);
  }
  if (out.destroyed) return;
  sheet.commit();
  await book.commit();
}
