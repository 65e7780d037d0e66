import { encodeCursor, type LedgerQuery } from '../domain/complaint/ledger-query.js';
import { DomainError } from '../domain/errors.js';
import { listClocks } from '../db/repositories/clock.repository.js';
import { findComplaint } from '../db/repositories/complaint.repository.js';
import { listEvents } from '../db/repositories/event.repository.js';
import { countLedger, cursorValue, listLedger } from '../db/repositories/ledger.repository.js';
import type { ServiceContext } from './context.js';
import { complaintSummary } from './complaint-view.js';

export async function listComplaints(ctx: ServiceContext, q: LedgerQuery, withTotal: boolean) {
  const now = ctx.now();
  const [{ rows, hasMore }, total] = await Promise.all([
    listLedger(ctx.db, q, now),
    withTotal ? countLedger(ctx.db, q, now) : Promise.resolve(null),
  ]);
  const clocks = await listClocks(ctx.db, rows.map((r) => r.id));
  const byComplaint = new Map<string, typeof clocks>();
  for (const c of clocks) byComplaint.set(c.complaintId, [...(byComplaint.get(c.complaintId) ?? []), c]);
  const last = rows[rows.length - 1];
  return {
    items: rows.map((r) => complaintSummary(r, byComplaint.get(r.id) ?? [], now)),
    nextCursor: hasMore && last ? encodeCursor({ sort: q.sort, order: q.order, value: cursorValue(last, q.sort), id: last.id }) : null,
    total,
  };
}

export async function complaintEvents(ctx: ServiceContext, idOrNumber: string) {
  const r = await findComplaint(ctx.db, idOrNumber);
  if (!r) throw new DomainError('complaint_not_found', {}, 'id');
  const events = await listEvents(ctx.db, r.id);
  return events.map((e) => ({ seq: e.seq, type: e.type, actor: e.actor, occurredAt: e.occurredAt, reason: e.reason, payload: e.payload, hash: e.hash }));
}
