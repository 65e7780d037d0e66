/**
 * Tracked exceptions for leaders (R-E3): breaches, dissatisfied customers, stalled progress. They
 * are raised by the workflow and the sweeper (workflow/exceptions.service.ts); here they are
 * listed within the reader's complaint scope and resolved with a note, which the complaint's
 * history records in the same transaction. A spike (#13, reports/spike.service.ts) is about many
 * complaints and none in particular: no complaint, its subject instead; it is listed to readers of
 * every complaint only (its figures are company-wide), and resolving it writes no complaint history.
 */
import { can, inScope, scopeFilter, type Principal } from '../../domain/access/permissions.js';
import type { SpikeSubject } from '../../domain/reports/analysis-spike.js';
import { DomainError } from '../../domain/errors.js';
import { findComplaint } from '../../db/repositories/complaint.repository.js';
import {
  countOpenExceptionsInScope,
  findExceptionComplaintId,
  findExceptionRow,
  listExceptionRows,
  lockException,
  markExceptionResolved,
  type ExceptionRow,
} from '../../db/repositories/exception.repository.js';
import { appendEvents } from '../../db/repositories/event.repository.js';
import { scopeFacts } from '../complaints/complaint-access.js';
import type { ServiceContext } from '../context.js';
import { decodeKeyset, encodeKeyset, isUuid } from './sweep/keyset-cursor.js';

export type { ExceptionKind } from '../../domain/codes.js';
import type { ExceptionKind } from '../../domain/codes.js';
export type ExceptionStatus = 'open' | 'resolved';

export interface ExceptionItem {
  id: string;
  kind: ExceptionKind;
  status: ExceptionStatus;
  raisedAt: Date;
  clockId: string | null;
  clockKind: string | null;
  details: Record<string, unknown>;
  resolvedAt: Date | null;
  resolvedBy: string | null;
  resolution: string | null;
  /** null for a spike, which is about many complaints */
  complaint: { id: string; number: string; level: number; status: string } | null;
  /** what rose (spikes only): a product, category code or branch id */
  subject: { kind: SpikeSubject; code: string } | null;
}

export interface ExceptionQuery {
  status?: ExceptionStatus;
  kind?: ExceptionKind;
  limit: number;
  cursor?: string;
}

function toItem(r: ExceptionRow): ExceptionItem {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    raisedAt: r.raised_at,
    clockId: r.clock_id,
    clockKind: r.clock_kind,
    details: r.details,
    resolvedAt: r.resolved_at,
    resolvedBy: r.resolved_by,
    resolution: r.resolution,
    complaint:
      r.complaint_id !== null && r.number !== null && r.level !== null && r.complaint_status !== null
        ? { id: r.complaint_id, number: r.number, level: r.level, status: r.complaint_status }
        : null,
    subject: r.subject_kind !== null && r.subject_code !== null ? { kind: r.subject_kind, code: r.subject_code } : null,
  };
}

/** Exceptions on complaints the principal may see, newest first, keyset-paged. */
export async function listExceptions(
  ctx: ServiceContext,
  p: Principal,
  q: ExceptionQuery,
): Promise<{ items: ExceptionItem[]; nextCursor: string | null }> {
  const scope = scopeFilter(p);
  const after = q.cursor ? decodeKeyset(q.cursor, 'cursor') : undefined;
  const rows = await listExceptionRows(ctx.db, scope, { status: q.status, kind: q.kind, after, limit: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return { items: page.map(toItem), nextCursor: rows.length > q.limit && last ? encodeKeyset({ at: last.raised_at, id: last.id }) : null };
}

/** How many exceptions on complaints the principal may see are still open. */
export async function countOpenExceptions(ctx: ServiceContext, p: Principal): Promise<number> {
  const scope = scopeFilter(p);
  return countOpenExceptionsInScope(ctx.db, scope);
}

/**
 * Resolves an open exception with a note; the complaint's history gets `exception_resolved` in the
 * same transaction. Unknown or outside the principal's scope: 404 (nobody learns it exists);
 * already resolved: 409.
 */
export async function resolveException(ctx: ServiceContext, p: Principal, id: string, resolution: string): Promise<ExceptionItem> {
  if (!can(p, 'exception.manage')) throw new DomainError('forbidden', { action: 'exception.manage' });
  const notFound = () => new DomainError('not_found', {}, 'id');
  if (!isUuid(id)) throw notFound();
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const complaintId = await findExceptionComplaintId(trx, id);
    if (complaintId === undefined) throw notFound();
    if (complaintId === null) {
      // a spike: seen (and so resolved) only by readers of every complaint; no complaint history to write
      if (!scopeFilter(p).all) throw notFound();
      const e = await lockException(trx, id);
      if (e.status === 'resolved')
        throw new DomainError('invalid_transition', { action: 'resolve', status: 'resolved', reason: 'already_resolved' });
      await markExceptionResolved(trx, id, { at: now, by: p.username, resolution });
      return toItem(await findExceptionRow(trx, id));
    }
    // the complaint first (as every writer does), then the exception
    const complaint = await findComplaint(trx, complaintId, true);
    if (!complaint || !inScope(p, scopeFacts(complaint))) throw notFound();
    const e = await lockException(trx, id);
    if (e.status === 'resolved')
      throw new DomainError('invalid_transition', { action: 'resolve', status: 'resolved', reason: 'already_resolved' });
    await markExceptionResolved(trx, id, { at: now, by: p.username, resolution });
    await appendEvents(trx, complaint.id, [
      {
        type: 'exception_resolved',
        actor: p.username,
        occurredAt: now,
        reason: resolution,
        payload: { exceptionId: e.id, kind: e.kind, clockId: e.clock_id, raisedAt: e.raised_at, resolution },
      },
    ]);
    return toItem(await findExceptionRow(trx, id));
  });
}
