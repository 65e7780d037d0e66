/**
 * Tracked exceptions for leaders (R-E3): breaches, dissatisfied customers, stalled progress. They
 * are raised by the workflow and the sweeper (workflow/exceptions.service.ts); here they are
 * listed within the reader's complaint scope and resolved with a note, which the complaint's
 * history records in the same transaction.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import { can, inScope, scopeFilter, type Principal } from '../../domain/access/permissions.js';
import { DomainError } from '../../domain/errors.js';
import type { Database } from '../../db/database.js';
import { findComplaint } from '../../db/repositories/complaint.repository.js';
import { scopeSql } from '../../db/repositories/complaint-scope.js';
import { appendEvents } from '../../db/repositories/event.repository.js';
import { scopeFacts } from '../complaints/complaint-access.js';
import type { ServiceContext } from '../context.js';
import { decodeKeyset, encodeKeyset, isUuid } from './sweep/keyset-cursor.js';

export type ExceptionKind = 'breach' | 'dissatisfied' | 'stalled';
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
  complaint: { id: string; number: string; level: number; status: string };
}

export interface ExceptionQuery {
  status?: ExceptionStatus;
  kind?: ExceptionKind;
  limit: number;
  cursor?: string;
}

function selectExceptions(db: Database) {
  return db
    .selectFrom('complaint_exceptions')
    .innerJoin('complaints', 'complaints.id', 'complaint_exceptions.complaint_id')
    .leftJoin('complaint_clocks', 'complaint_clocks.id', 'complaint_exceptions.clock_id')
    .select([
      'complaint_exceptions.id',
      'complaint_exceptions.kind',
      'complaint_exceptions.status',
      'complaint_exceptions.raised_at',
      'complaint_exceptions.clock_id',
      'complaint_exceptions.details',
      'complaint_exceptions.resolved_at',
      'complaint_exceptions.resolved_by',
      'complaint_exceptions.resolution',
      'complaint_clocks.kind as clock_kind',
      'complaints.id as complaint_id',
      'complaints.number',
      'complaints.level',
      'complaints.status as complaint_status',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectExceptions>['execute']>>[number];

function toItem(r: Row): ExceptionItem {
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
    complaint: { id: r.complaint_id, number: r.number, level: r.level, status: r.complaint_status },
  };
}

/** Exceptions on complaints the principal may see, newest first, keyset-paged. */
export async function listExceptions(
  ctx: ServiceContext,
  p: Principal,
  q: ExceptionQuery,
): Promise<{ items: ExceptionItem[]; nextCursor: string | null }> {
  const scope = scopeFilter(p);
  let query = selectExceptions(ctx.db).where((eb) => {
    const where: Expression<SqlBool>[] = [];
    if (!scope.all) where.push(scopeSql(scope, 'complaints'));
    if (q.status) where.push(eb('complaint_exceptions.status', '=', q.status));
    if (q.kind) where.push(eb('complaint_exceptions.kind', '=', q.kind));
    return eb.and(where);
  });
  if (q.cursor) {
    const pos = decodeKeyset(q.cursor, 'cursor');
    query = query.where(sql<SqlBool>`(complaint_exceptions.raised_at, complaint_exceptions.id) < (${pos.at}, ${pos.id}::uuid)`);
  }
  const rows = await query
    .orderBy('complaint_exceptions.raised_at', 'desc')
    .orderBy('complaint_exceptions.id', 'desc')
    .limit(q.limit + 1)
    .execute();
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return { items: page.map(toItem), nextCursor: rows.length > q.limit && last ? encodeKeyset({ at: last.raised_at, id: last.id }) : null };
}

/** How many exceptions on complaints the principal may see are still open. */
export async function countOpenExceptions(ctx: ServiceContext, p: Principal): Promise<number> {
  const scope = scopeFilter(p);
  const r = await ctx.db
    .selectFrom('complaint_exceptions')
    .innerJoin('complaints', 'complaints.id', 'complaint_exceptions.complaint_id')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where((eb) => eb.and([scopeSql(scope, 'complaints'), eb('complaint_exceptions.status', '=', 'open')]))
    .executeTakeFirstOrThrow();
  return Number(r.n);
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
    const seen = await trx.selectFrom('complaint_exceptions').select('complaint_id').where('id', '=', id).executeTakeFirst();
    if (!seen) throw notFound();
    // the complaint first (as every writer does), then the exception
    const complaint = await findComplaint(trx, seen.complaint_id, true);
    if (!complaint || !inScope(p, scopeFacts(complaint))) throw notFound();
    const e = await trx.selectFrom('complaint_exceptions').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (e.status === 'resolved')
      throw new DomainError('invalid_transition', { action: 'resolve', status: 'resolved', reason: 'already_resolved' });
    await trx
      .updateTable('complaint_exceptions')
      .set({ status: 'resolved', resolved_at: now, resolved_by: p.username, resolution })
      .where('id', '=', id)
      .execute();
    await appendEvents(trx, complaint.id, [
      {
        type: 'exception_resolved',
        actor: p.username,
        occurredAt: now,
        reason: resolution,
        payload: { exceptionId: e.id, kind: e.kind, clockId: e.clock_id, raisedAt: e.raised_at, resolution },
      },
    ]);
    const row = await selectExceptions(trx).where('complaint_exceptions.id', '=', id).executeTakeFirstOrThrow();
    return toItem(row);
  });
}
