/**
 * The ledger as CSV, streamed (#13 item 7): the same filter, sort, data scope, columns and masking
 * as the .xlsx export (ledger-export.service.ts, ledger-export.labels.ts), but without its row
 * limit: the rows are read a cursor page at a time and written out as they come, so neither the
 * server nor the database holds the whole result. The export is written to the audit log, with its
 * filter and the row count, before the first byte leaves.
 */
import type { Principal } from '../../domain/access/permissions.js';
import type { LedgerQuery } from '../../domain/complaint/ledger-query.js';
import { CSV_BOM, csvLine } from '../../domain/imports/csv-writer.js';
import { countLedger, cursorAfter, listLedger } from '../../db/repositories/ledger.repository.js';
import { audit } from '../administration/audit.service.js';
import { currentPolicy } from '../administration/policy.service.js';
import type { RequestMeta, ServiceContext } from '../context.js';
import { ledgerSearch, summaries } from './complaint-query.service.js';
import { auditedFilter } from './ledger-export.service.js';
import { ledgerLabels } from './ledger-export.labels.js';

const PAGE = 1000;

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
  q: Omit<LedgerQuery, 'limit' | 'cursor'>,
  english: boolean,
): Promise<LedgerCsv> {
  const now = ctx.now();
  // the same builder as the listing, its count and the workbook: every filter of the ledger applies
  const search = ledgerSearch(ctx, p, { ...q, limit: PAGE });
  const rows = await countLedger(ctx.db, search, now);
  const { policy } = await currentPolicy(ctx.db);
  const labels = ledgerLabels(policy, english, ctx.timeZone);
  await audit(ctx.db, meta, {
    at: now,
    actor: p.username,
    action: 'complaint.export',
    outcome: 'success',
    targetType: 'ledger',
    details: { filter: auditedFilter(q), rows, format: 'csv' },
  });
  const keys = labels.columns.map((c) => c.key);

  async function* chunks(): AsyncGenerator<string> {
    yield CSV_BOM + csvLine(labels.columns.map((c) => c.header));
    let cursor: string | undefined;
    for (;;) {
      const { rows: page, hasMore } = await listLedger(ctx.db, { ...search, cursor }, now);
      let text = '';
      for (const s of await summaries(ctx.db, page, now)) {
        const row: Record<string, string | number | null | undefined> = labels.row(s);
        text += csvLine(keys.map((k) => row[k] ?? null));
      }
      if (text !== '') yield text;
      const last = page[page.length - 1];
      if (!hasMore || !last) return;
      cursor = cursorAfter(last, q.sort, q.order);
    }
  }

  return { fileName: `${labels.fileStem}-${labels.stamp(now)}.csv`, rows, chunks: chunks() };
}
