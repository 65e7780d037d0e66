import { randomUUID } from 'node:crypto';
import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { ScopeFilter } from '../../domain/access/permissions.js';
import type { DB } from '../schema.js';
import { scopeSql } from './complaint-scope.js';

import type { ExceptionKind } from '../../domain/codes.js';
import type { SpikeSubject } from '../../domain/reports/analysis-spike.js';

/** Inserts a tracked exception once per source fact (unique source_key); returns whether it was new. */
export interface NewException {
  /** null only for a spike, which names its subject instead */
  complaintId: string | null;
  kind: ExceptionKind;
  clockId: string | null;
  sourceKey: string;
  details: Record<string, unknown>;
  at: Date;
  subject?: { kind: SpikeSubject; code: string };
}

export async function insertException(db: Kysely<DB>, e: NewException): Promise<boolean> {
  return (await insertExceptions(db, [e])) > 0;
}

/** Raises several exceptions in one insert (#16: the sweeper's batches); a source key already raised is skipped. Returns how many were new. */
export async function insertExceptions(db: Kysely<DB>, items: readonly NewException[]): Promise<number> {
  if (items.length === 0) return 0;
  const r = await db
    .insertInto('complaint_exceptions')
    .values(
      items.map((e) => ({
        id: randomUUID(),
        complaint_id: e.complaintId,
        kind: e.kind,
        clock_id: e.clockId,
        source_key: e.sourceKey,
        status: 'open',
        raised_at: e.at,
        details: JSON.stringify(e.details),
        subject_kind: e.subject?.kind ?? null,
        subject_code: e.subject?.code ?? null,
      })),
    )
    .onConflict((oc) => oc.column('source_key').doNothing())
    .returning('id')
    .execute();
  return r.length;
}

/** Resolves a complaint's open exceptions; returns their ids. */
export async function resolveOpenExceptionsOf(
  db: Kysely<DB>,
  complaintId: string,
  r: { at: Date; by: string; resolution: string },
): Promise<string[]> {
  const rows = await db
    .updateTable('complaint_exceptions')
    .set({ status: 'resolved', resolved_at: r.at, resolved_by: r.by, resolution: r.resolution })
    .where('complaint_id', '=', complaintId)
    .where('status', '=', 'open')
    .returning('id')
    .execute();
  return rows.map((x) => x.id);
}

/** Spikes (no complaint) are company-wide figures: only readers who see every complaint see them. */
function inScopeSql(scope: ScopeFilter): RawBuilder<SqlBool> {
  if (scope.all) return sql<SqlBool>`true`;
  return sql<SqlBool>`(complaint_exceptions.complaint_id IS NOT NULL AND ${scopeSql(scope, 'complaints')})`;
}

function selectExceptions(db: Kysely<DB>) {
  return db
    .selectFrom('complaint_exceptions')
    .leftJoin('complaints', 'complaints.id', 'complaint_exceptions.complaint_id')
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
      'complaint_exceptions.subject_kind',
      'complaint_exceptions.subject_code',
      'complaint_clocks.kind as clock_kind',
      'complaints.id as complaint_id',
      'complaints.number',
      'complaints.level',
      'complaints.status as complaint_status',
    ]);
}

/** An exception with its clock's kind and its complaint's number, level and status (all null for a spike). */
export type ExceptionRow = Awaited<ReturnType<ReturnType<typeof selectExceptions>['execute']>>[number];

/** Exceptions on complaints within the scope (and spikes for readers of every complaint), newest first, after a keyset position. */
export async function listExceptionRows(
  db: Kysely<DB>,
  scope: ScopeFilter,
  q: { status?: 'open' | 'resolved'; kind?: ExceptionKind; after?: { at: Date; id: string }; limit: number },
): Promise<ExceptionRow[]> {
  let query = selectExceptions(db).where((eb) => {
    const where: Expression<SqlBool>[] = [];
    if (!scope.all) where.push(inScopeSql(scope));
    if (q.status) where.push(eb('complaint_exceptions.status', '=', q.status));
    if (q.kind) where.push(eb('complaint_exceptions.kind', '=', q.kind));
    return eb.and(where);
  });
  const pos = q.after;
  if (pos) {
    query = query.where(sql<SqlBool>`(complaint_exceptions.raised_at, complaint_exceptions.id) < (${pos.at}, ${pos.id}::uuid)`);
  }
  return query.orderBy('complaint_exceptions.raised_at', 'desc').orderBy('complaint_exceptions.id', 'desc').limit(q.limit).execute();
}

/** How many exceptions on complaints within the scope (and spikes for readers of every complaint) are still open. */
export async function countOpenExceptionsInScope(db: Kysely<DB>, scope: ScopeFilter): Promise<number> {
  const r = await db
    .selectFrom('complaint_exceptions')
    .leftJoin('complaints', 'complaints.id', 'complaint_exceptions.complaint_id')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where((eb) => eb.and([inScopeSql(scope), eb('complaint_exceptions.status', '=', 'open')]))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The complaint an exception is on (null: a spike; undefined: no such exception); nothing is locked. */
export async function findExceptionComplaintId(db: Kysely<DB>, id: string): Promise<string | null | undefined> {
  return (await db.selectFrom('complaint_exceptions').select('complaint_id').where('id', '=', id).executeTakeFirst())?.complaint_id;
}

/** Open spikes, newest first; optionally only those on the given subjects (grading's mass-incident input). */
export async function listOpenSpikeRows(
  db: Kysely<DB>,
  subjects?: ReadonlyArray<{ kind: SpikeSubject; code: string }>,
): Promise<ExceptionRow[]> {
  if (subjects && subjects.length === 0) return [];
  let query = selectExceptions(db).where('complaint_exceptions.kind', '=', 'spike').where('complaint_exceptions.status', '=', 'open');
  if (subjects) {
    query = query.where((eb) =>
      eb.or(
        subjects.map((s) =>
          eb.and([eb('complaint_exceptions.subject_kind', '=', s.kind), eb('complaint_exceptions.subject_code', '=', s.code)]),
        ),
      ),
    );
  }
  return query.orderBy('complaint_exceptions.raised_at', 'desc').orderBy('complaint_exceptions.id', 'desc').execute();
}

/** The exception, locked. */
export async function lockException(db: Kysely<DB>, id: string) {
  return db.selectFrom('complaint_exceptions').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
}

export async function markExceptionResolved(db: Kysely<DB>, id: string, r: { at: Date; by: string; resolution: string }): Promise<void> {
  await db
    .updateTable('complaint_exceptions')
    .set({ status: 'resolved', resolved_at: r.at, resolved_by: r.by, resolution: r.resolution })
    .where('id', '=', id)
    .execute();
}

export async function findExceptionRow(db: Kysely<DB>, id: string): Promise<ExceptionRow> {
  return selectExceptions(db).where('complaint_exceptions.id', '=', id).executeTakeFirstOrThrow();
}
