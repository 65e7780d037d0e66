/**
 * The ledger as CSV, streamed (#13 item 7, #16 item 5): the same filter, sort, data scope, columns,
 * masking and audit as the .xlsx export (ledger-export-reader.ts, ledger-export.labels.ts), with no
 * row limit: the rows are read a keyset page at a time and written out as they come (the answer
 * pulls the next page only when it has sent the last), so neither the server nor the database holds
 * the whole result. The export is written to the audit log, with its filter and the row count,
 * before the first byte leaves.
 */
import type { Principal } from '../../domain/access/permissions.js';
import { CSV_BOM, csvLine } from '../../domain/imports/csv-writer.js';
import type { RequestMeta, ServiceContext } from '../context.js';
import { openLedgerExport, type ExportFilter, type ExportOptions, type LedgerExportRow } from './ledger-export-reader.js';

export interface LedgerCsv {
  fileName: string;
  rows: number;
  /** the file's text, a page of rows at a time (the first piece is the BOM and the header) */
  chunks: AsyncGenerator<string>;
}

export async function exportLedgerCsv(
  ctx: ServiceContext,
  meta: RequestMeta,
  p: Principal,
  q: ExportFilter,
  english: boolean,
  opts: ExportOptions = {},
): Promise<LedgerCsv> {
  const source = await openLedgerExport(ctx, meta, p, q, english, 'csv', opts);
  const { labels } = source;
  const keys = labels.columns.map((c) => c.key as keyof LedgerExportRow);

  async function* chunks(): AsyncGenerator<string> {
    yield CSV_BOM + csvLine(labels.columns.map((c) => c.header));
    for await (const page of source.pages()) {
      let text = '';
      for (const row of page) text += csvLine(keys.map((k) => row[k] ?? null));
      yield text;
    }
  }

  return { fileName: `${labels.fileStem}-${labels.stamp(source.now)}.csv`, rows: source.rows, chunks: chunks() };
}
