/**
 * What the ledger exports (xlsx and CSV) share (R-B5, R-H2, #16 item 5): the listing's own search
 * (`ledgerSearch`: scope, every filter, keyed hashes), its count, the labels in the reader's
 * language, the audit row written before the first byte, and the rows read a keyset page at a time,
 * so the server holds one page, never the whole result, whatever the number of rows.
 */
import type { Principal } from '../../domain/access/permissions.js';
import type { LedgerQuery } from '../../domain/complaint/ledger-query.js';
import { DomainError } from '../../domain/errors.js';
import { maskAccount, maskIdNumber } from '../../domain/personal-data/masking.js';
import { countLedger, cursorAfter, listLedger } from '../../db/repositories/ledger.repository.js';
import { audit } from '../administration/audit.service.js';
import { currentPolicy } from '../administration/policy.service.js';
import type { RequestMeta, ServiceContext } from '../context.js';
import { ledgerSearch, summaries } from './complaint-query.service.js';
import { ledgerLabels } from './ledger-export.labels.js';

/** Rows read per query: a page of the listing's keyset order. */
export const EXPORT_PAGE = 1000;

export type ExportFilter = Omit<LedgerQuery, 'limit' | 'cursor'>;
export type LedgerLabels = ReturnType<typeof ledgerLabels>;
export type LedgerExportRow = ReturnType<LedgerLabels['row']>;

export interface ExportOptions {
  /** rows per query (tests use small pages); EXPORT_PAGE by default */
  pageSize?: number;
}

export interface LedgerExportSource {
  now: Date;
  labels: LedgerLabels;
  /** the rows matching when the export began (audited, and sent as X-Export-Rows) */
  rows: number;
  /** the rows in the ledger's order, a page at a time, as cells keyed by column */
  pages(): AsyncGenerator<LedgerExportRow[]>;
}

/**
 * Counts, checks the limit of the format (`maxRows`, a 422 `export_too_large` naming it), audits
 * `complaint.export` with the filter and the count, and hands back the page reader. Nothing is read
 * before the audit row is written.
 */
export async function openLedgerExport(
  ctx: ServiceContext,
  meta: RequestMeta,
  p: Principal,
  q: ExportFilter,
  english: boolean,
  format: 'xlsx' | 'csv',
  opts: ExportOptions & { maxRows?: number } = {},
): Promise<LedgerExportSource> {
  const now = ctx.now();
  // the same builder as the listing and its count: every filter of the ledger applies here too
  const search = ledgerSearch(ctx, p, { ...q, limit: opts.pageSize ?? EXPORT_PAGE });
  const rows = await countLedger(ctx.db, search, now);
  if (opts.maxRows !== undefined && rows > opts.maxRows) throw new DomainError('export_too_large', { max: opts.maxRows });
  const { policy } = await currentPolicy(ctx.db);
  const labels = ledgerLabels(policy, english, ctx.timeZone);
  await audit(ctx.db, meta, {
    at: now,
    actor: p.username,
    action: 'complaint.export',
    outcome: 'success',
    targetType: 'ledger',
    details: { filter: auditedFilter(q), rows, format },
  });

  async function* pages(): AsyncGenerator<LedgerExportRow[]> {
    let cursor: string | undefined;
    for (;;) {
      const { rows: page, hasMore } = await listLedger(ctx.db, { ...search, cursor }, now);
      if (page.length > 0) yield (await summaries(ctx.db, page, now)).map(labels.row);
      const last = page[page.length - 1];
      if (!hasMore || !last) return;
      cursor = cursorAfter(last, q.sort, q.order);
    }
  }

  return { now, labels, rows, pages };
}

/** The export's filter as the audit log keeps it: dates as ISO text, ID document and account numbers masked. */
export function auditedFilter(q: ExportFilter) {
  return {
    ...q,
    receivedFrom: q.receivedFrom?.toISOString(),
    receivedTo: q.receivedTo?.toISOString(),
    dueBefore: q.dueBefore?.toISOString(),
    idNumber: maskIdNumber(q.idNumber ?? null) ?? undefined,
    account: maskAccount(q.account ?? null) ?? undefined,
  };
}
