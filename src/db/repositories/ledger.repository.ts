import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { ScopeFilter } from '../../domain/access/permissions.js';
import { decodeCursor, encodeCursor, likePattern, type LedgerQuery, type LedgerSort } from '../../domain/complaint/ledger-query.js';
import type { DecisionDuty } from '../../domain/workflow/decision-duty.js';
import type { DB } from '../schema.js';
import { overdueSql, scopeSql } from './complaint-scope.js';
import { factOnlyFilterSql, sharedFilterSql } from './facts-filter.js';
import { todoSql } from './complaint-todo.js';
import type { ComplaintRecord } from './complaint.repository.js';

const sortColumn: Record<LedgerSort, 'received_at' | 'registered_at' | 'level' | 'number'> = {
  receivedAt: 'received_at',
  registeredAt: 'registered_at',
  level: 'level',
  number: 'number',
};

type Eb = ExpressionBuilder<DB, 'complaints'>;

/**
 * A ledger query as the database runs it: the filters, the principal's scope, and the exact values
 * of encrypted fields as keyed hashes (the clear values are not accepted here, so a caller cannot
 * pass them and have them silently ignored). Built by `ledgerSearch` (complaint-query.service.ts)
 * for the listing, the count and the export alike.
 */
export interface LedgerSearch extends Omit<LedgerQuery, 'idNumber' | 'account'> {
  scope: ScopeFilter;
  idNumberHash?: string;
  accountHash?: string;
  /** "my to-do": what the person handles or tracks, or what waits for their decision (replaces `involves`) */
  todo?: DecisionDuty;
}

function filters(eb: Eb, q: LedgerSearch, now: Date): Expression<SqlBool>[] {
  const where: Expression<SqlBool>[] = [];
  if (!q.scope.all) where.push(scopeSql(q.scope, 'complaints'));
  if (q.idNumberHash) where.push(eb('complainant_id_number_hash', '=', q.idNumberHash));
  if (q.accountHash) where.push(eb('complainant_account_hash', '=', q.accountHash));
  if (q.status?.length) where.push(eb('status', 'in', q.status));
  if (q.level?.length) where.push(eb('level', 'in', q.level));
  if (q.channel?.length) where.push(eb('channel', 'in', q.channel));
  if (q.businessLine?.length) where.push(eb('business_line', 'in', q.businessLine));
  if (q.category?.length) where.push(eb('category', 'in', q.category));
  if (q.branch?.length) where.push(eb('branch', 'in', q.branch));
  if (q.receivedFrom) where.push(eb('received_at', '>=', q.receivedFrom));
  if (q.receivedTo) where.push(eb('received_at', '<', q.receivedTo));
  if (q.q) where.push(sql<SqlBool>`search_text LIKE ${likePattern(q.q)}`);
  if (q.todo) where.push(todoSql(q.todo, 'complaints'));
  else if (q.involves) where.push(eb.or([eb('assignee', '=', q.involves), eb('tracker', '=', q.involves)]));
  if (q.unassigned !== undefined) where.push(q.unassigned ? eb('assignee', 'is', null) : eb('assignee', 'is not', null));
  if (q.contactKeys) where.push(sql<SqlBool>`contact_keys && ${sql.val(q.contactKeys)}::text[]`);
  if (q.dueBefore) {
    const dueBefore = q.dueBefore;
    where.push(
      eb.exists(
        eb
          .selectFrom('complaint_clocks as d')
          .select(sql`1`.as('one'))
          .whereRef('d.complaint_id', '=', 'complaints.id')
          .where((k) => k.and([k('d.status', '=', 'running'), k('d.due_at', '>=', now), k('d.due_at', '<', dueBefore)])),
      ),
    );
  }
  if (q.overdue !== undefined) {
    const overdue = overdueSql(now, 'complaints');
    where.push(q.overdue ? overdue : eb.not(overdue));
  }
  // the drill-down of statistics (#13): the same SQL as the figures (facts-filter.ts)
  if (q.closedFrom) where.push(eb('closed_at', '>=', q.closedFrom));
  if (q.closedTo) where.push(eb('closed_at', '<', q.closedTo));
  if (q.openAt) {
    where.push(eb('received_at', '<', q.openAt));
    where.push(eb.or([eb('closed_at', 'is', null), eb('closed_at', '>=', q.openAt)]));
  }
  where.push(...sharedFilterSql(q, 'complaints'));
  const facts = factOnlyFilterSql(q, 'f', now);
  if (facts.length > 0) {
    where.push(sql<SqlBool>`EXISTS (SELECT 1 FROM complaint_facts f WHERE f.id = complaints.id AND ${sql.join(facts, sql` AND `)})`);
  }
  return where;
}

/** One page of the ledger, keyset-paged on (sort column, id); fetches one extra row to know if more follow. */
export async function listLedger(db: Kysely<DB>, q: LedgerSearch, now: Date): Promise<{ rows: ComplaintRecord[]; hasMore: boolean }> {
  const col = sortColumn[q.sort];
  const dir = q.order;
  let query = db
    .selectFrom('complaints')
    .selectAll()
    .where((eb) => eb.and(filters(eb, q, now)));
  if (q.cursor) {
    const pos = decodeCursor(q.cursor, q.sort, q.order);
    const value = col === 'received_at' || col === 'registered_at' ? new Date(String(pos.value)) : pos.value;
    const cmp = dir === 'desc' ? '<' : '>';
    query = query.where(sql<SqlBool>`(${sql.ref(col)}, id) ${sql.raw(cmp)} (${value}, ${pos.id}::uuid)`);
  }
  const rows = await query
    .orderBy(col, dir)
    .orderBy('id', dir)
    .limit(q.limit + 1)
    .execute();
  return { rows: rows.slice(0, q.limit), hasMore: rows.length > q.limit };
}

export async function countLedger(db: Kysely<DB>, q: LedgerSearch, now: Date): Promise<number> {
  const r = await db
    .selectFrom('complaints')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where((eb) => eb.and(filters(eb, q, now)))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export function cursorValue(row: ComplaintRecord, sort: LedgerSort): string | number {
  switch (sort) {
    case 'receivedAt':
      return row.received_at.toISOString();
    case 'registeredAt':
      return row.registered_at.toISOString();
    case 'level':
      return row.level;
    case 'number':
      return row.number;
  }
}

/** The cursor that continues a listing after `row` (same sort and order). */
export function cursorAfter(row: ComplaintRecord, sort: LedgerSort, order: 'asc' | 'desc'): string {
  return encodeCursor({ sort, order, value: cursorValue(row, sort), id: row.id });
}
