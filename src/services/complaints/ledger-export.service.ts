import ExcelJS from 'exceljs';
import type { Principal } from '../../domain/access/permissions.js';
import type { LedgerQuery } from '../../domain/complaint/ledger-query.js';
import { DomainError } from '../../domain/errors.js';
import { maskAccount, maskIdNumber } from '../../domain/personal-data/masking.js';
import { countLedger, cursorAfter, listLedger } from '../../db/repositories/ledger.repository.js';
import { audit } from '../administration/audit.service.js';
import { ledgerSearch, summaries } from './complaint-query.service.js';
import type { RequestMeta, ServiceContext } from '../context.js';
import { currentPolicy } from '../administration/policy.service.js';
import { ledgerLabels } from './ledger-export.labels.js';

/** The largest export: beyond it the user is asked to narrow the filter (a 422 naming the limit). */
export const EXPORT_MAX_ROWS = 20_000;
const BATCH = 500;

/**
 * The ledger as an .xlsx workbook (R-B5, R-H2): the current filter and sort, within the user's data
 * scope, personal data as masked as on screen (the name only; no phone, e-mail or ID). Every export
 * is written to the audit log with its filter and row count before the file is returned.
 */
export async function exportLedger(
  ctx: ServiceContext,
  meta: RequestMeta,
  p: Principal,
  q: Omit<LedgerQuery, 'limit' | 'cursor'>,
  english: boolean,
) {
  const now = ctx.now();
  // the same builder as the listing and its count: every filter of the ledger applies here too
  const search = ledgerSearch(ctx, p, { ...q, limit: BATCH });
  const total = await countLedger(ctx.db, search, now);
  if (total > EXPORT_MAX_ROWS) throw new DomainError('export_too_large', { max: EXPORT_MAX_ROWS });
  const { policy } = await currentPolicy(ctx.db);
  const labels = ledgerLabels(policy, english, ctx.timeZone);

  const book = new ExcelJS.Workbook();
  book.created = now;
  const sheet = book.addWorksheet(labels.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = labels.columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };

  let rows = 0;
  let cursor: string | undefined;
  for (;;) {
    const { rows: page, hasMore } = await listLedger(ctx.db, { ...search, cursor }, now);
    for (const s of await summaries(ctx.db, page, now)) sheet.addRow(labels.row(s));
    rows += page.length;
    const last = page[page.length - 1];
    if (!hasMore || !last) break;
    cursor = cursorAfter(last, q.sort, q.order);
  }
  await audit(ctx.db, meta, {
    at: now,
    actor: p.username,
    action: 'complaint.export',
    outcome: 'success',
    targetType: 'ledger',
    details: { filter: auditedFilter(q), rows, format: 'xlsx' },
  });
  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  return { buffer, rows, fileName: `${labels.fileStem}-${labels.stamp(now)}.xlsx` };
}

/** The export's filter as the audit log keeps it: dates as ISO text, ID document and account numbers masked. */
export function auditedFilter(q: Omit<LedgerQuery, 'limit' | 'cursor'>) {
  return {
    ...q,
    receivedFrom: q.receivedFrom?.toISOString(),
    receivedTo: q.receivedTo?.toISOString(),
    dueBefore: q.dueBefore?.toISOString(),
    idNumber: maskIdNumber(q.idNumber ?? null) ?? undefined,
    account: maskAccount(q.account ?? null) ?? undefined,
  };
}
