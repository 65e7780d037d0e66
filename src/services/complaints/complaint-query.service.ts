import { inScope, scopeFilter, type Principal } from '../../domain/access/permissions.js';
import type { LedgerQuery } from '../../domain/complaint/ledger-query.js';
import { listClocks } from '../../db/repositories/clock.repository.js';
import { listEvents } from '../../db/repositories/event.repository.js';
import { listLinks } from '../../db/repositories/complaint.repository.js';
import type { Database } from '../../db/database.js';
import { countLedgerTotal, cursorAfter, listLedger, type LedgerRow, type LedgerSearch } from '../../db/repositories/ledger.repository.js';
import { keyedHash } from '../../security/pii-crypto.js';
import { complaintInScope } from './complaint-access.js';
import { auditComplaintRead } from './complaint-read-audit.service.js';
import type { RequestMeta, ServiceContext } from '../context.js';
import { complaintSummary } from './complaint-view.js';
import { decisionDuty } from '../../domain/workflow/decision-duty.js';

/**
 * THE ledger query builder: the filter as the database runs it, within the principal's scope (R-H1),
 * with the exact values of encrypted fields turned into their keyed hashes. The listing, its count
 * and the export all go through it, so a filter cannot apply to one and not the other (#9).
 */
export function ledgerSearch(ctx: ServiceContext, p: Principal, q: LedgerQuery): LedgerSearch {
  const { idNumber, account, ...filter } = q;
  const ring = ctx.security.keyRing;
  return {
    ...filter,
    scope: scopeFilter(p),
    idNumberHash: idNumber ? keyedHash(ring, 'id_number', idNumber) : undefined,
    accountHash: account ? keyedHash(ring, 'account', account) : undefined,
    // "mine" is the person's to-do: also what waits on their roles' decisions
    todo: filter.involves === p.username ? decisionDuty(p) : undefined,
  };
}

/**
 * The ledger within the principal's scope: listing and count honour it alike (R-H1). With a search
 * term the total is estimated when counting exactly would be expensive, and says so (#16 item 3).
 */
export async function listComplaints(ctx: ServiceContext, p: Principal, q: LedgerQuery, withTotal: boolean) {
  const now = ctx.now();
  const search = ledgerSearch(ctx, p, q);
  const [{ rows, hasMore }, count] = await Promise.all([
    listLedger(ctx.db, search, now),
    withTotal ? countLedgerTotal(ctx.db, search, now) : Promise.resolve(null),
  ]);
  const last = rows[rows.length - 1];
  return {
    items: await summaries(ctx.db, rows, now),
    nextCursor: hasMore && last ? cursorAfter(last, q.sort, q.order) : null,
    total: count?.total ?? null,
    totalEstimated: count?.estimated ?? false,
  };
}

/** Ledger rows as the API shows them, with their clocks (one query for the page). */
export async function summaries(db: Database, rows: readonly LedgerRow[], now: Date) {
  const clocks = await listClocks(
    db,
    rows.map((r) => r.id),
  );
  const byComplaint = new Map<string, typeof clocks>();
  for (const c of clocks) byComplaint.set(c.complaintId, [...(byComplaint.get(c.complaintId) ?? []), c]);
  return rows.map((r) => complaintSummary(r, byComplaint.get(r.id) ?? [], now));
}

/**
 * The complaint's history. Events naming related complaints (`payload.related`, e.g.
 * duplicate_suspected) keep only those inside the principal's scope, as the detail's `related`
 * does (R-H1); such an event is marked `redacted` because its hash covers the stored payload.
 * Each read is recorded in the audit log.
 */
export async function complaintEvents(ctx: ServiceContext, meta: RequestMeta, p: Principal, idOrNumber: string) {
  const r = await complaintInScope(ctx.db, p, idOrNumber);
  const [events, links] = await Promise.all([
    listEvents(ctx.db, r.id),
    listLinks(ctx.db, r.id),
    // the history holds no contact data: a masked read
    auditComplaintRead(ctx, meta, p, { view: 'events', complaint: r, masked: true }),
  ]);
  const visible = new Set(
    links.filter((l) => inScope(p, { branchId: l.branch_id, departmentIds: l.department_ids, createdBy: l.created_by })).map((l) => l.id),
  );
  return events.map((e) => {
    const view = { seq: e.seq, type: e.type, actor: e.actor, occurredAt: e.occurredAt, reason: e.reason, payload: e.payload, hash: e.hash };
    if (e.type !== 'duplicate_suspected') return view;
    const related = e.payload.related;
    const kept = related.filter((x) => visible.has(x.id));
    if (kept.length === related.length) return view;
    // `by` names who registered the related complaint: hidden with it
    const { by: _by, ...unnamed } = e.payload;
    return { ...view, payload: { ...(kept.length > 0 ? e.payload : unnamed), related: kept }, redacted: true };
  });
}
