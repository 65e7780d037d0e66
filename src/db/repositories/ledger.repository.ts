import { expressionBuilder, sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { ScopeFilter } from '../../domain/access/permissions.js';
import { decodeCursor, encodeCursor, type LedgerQuery, type LedgerSort } from '../../domain/complaint/ledger-query.js';
import { roundEstimate, textSearch } from '../../domain/complaint/search-terms.js';
import type { DecisionDuty } from '../../domain/workflow/decision-duty.js';
import type { DB } from '../schema.js';
import { overdueSql, scopeSql } from './complaint-scope.js';
import { factOnlyFilterSql, sharedFilterSql } from './facts-filter.js';
import { todoSql } from './complaint-todo.js';
import type { ComplaintRecord } from './complaint.repository.js';

/**
 * The columns a ledger row shows (`complaintSummary`) and pages on (the sort columns and id): not the
 * description, the search text or the encrypted personal data. #16: a page of 50 whole rows cost
 * more to transfer and parse than to find.
 */
export const LEDGER_COLUMNS = [
  'id',
  'number',
  'status',
  'level',
  'proposed_level',
  'level_confirmed',
  'major',
  'channel',
  'business_line',
  'category',
  'product',
  'customer_group',
  'branch',
  'branch_id',
  'complainant_name',
  'amount',
  'urgent',
  'received_at',
  'registered_at',
] as const;
/** A row of the ledger: what a page, its cursor and the export read. */
export type LedgerRow = Pick<ComplaintRecord, (typeof LEDGER_COLUMNS)[number]>;

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

/**
 * The free text `q` (#16 item 1, docs/architecture.md "Search"). `walk`: the LIKE alone, for a walk
 * of the sort index that stops at a page (cheap per row). `index`: also the containment of the
 * term's grams, which only the GIN index evaluates cheaply (migration 0030). A term without grams
 * (one character) is the LIKE alone either way. A phone number typed as the term also finds the
 * complaints of that contact (contact_keys, its own GIN index).
 */
function textSql(term: string, mode: 'walk' | 'index'): Expression<SqlBool> {
  const t = textSearch(term);
  if (t.phoneOnly && t.contactKey !== undefined) return sql<SqlBool>`contact_keys && ${sql.val([t.contactKey])}::text[]`;
  const like = sql<SqlBool>`search_text LIKE ${t.pattern}`;
  const text =
    mode === 'index' && t.indexed !== undefined
      ? sql<SqlBool>`(search_bigrams(search_text) @> search_bigrams(${t.indexed}::text) AND ${like})`
      : like;
  return t.contactKey === undefined ? text : sql<SqlBool>`(${text} OR contact_keys && ${sql.val([t.contactKey])}::text[])`;
}

function filters(eb: Eb, q: LedgerSearch, now: Date, text: 'walk' | 'index' = 'index'): Expression<SqlBool>[] {
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
  if (q.q) where.push(textSql(q.q, text));
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

/** Rows of the sort index a search walks before it turns to the text index (at least 20 pages' worth). */
export const SEARCH_WALK_ROWS = 5000;

function cursorSql(q: LedgerSearch): Expression<SqlBool> | undefined {
  if (!q.cursor) return undefined;
  const col = sortColumn[q.sort];
  const pos = decodeCursor(q.cursor, q.sort, q.order);
  const value = col === 'received_at' || col === 'registered_at' ? new Date(String(pos.value)) : pos.value;
  const cmp = q.order === 'desc' ? '<' : '>';
  return sql<SqlBool>`(${sql.ref(col)}, id) ${sql.raw(cmp)} (${value}, ${pos.id}::uuid)`;
}

/**
 * The page as one query. With a term that has grams, the text index finds the candidates (see
 * textSql) and the date order is written so that no index provides it (`+ interval '0 s'`, the
 * same instants): the walk of the date index has been tried (walkQuery) and found the term rare,
 * so walking on would read far more rows than the bitmap, whatever the statistics say. A whole
 * phone number is the same with the contact keys' index (a few complaints at most).
 */
export function ledgerPageQuery(db: Kysely<DB>, q: LedgerSearch, now: Date) {
  const col = sortColumn[q.sort];
  const after = cursorSql(q);
  const text = q.q ? textSearch(q.q) : undefined;
  // a term's candidates come from an index (grams, or a whole phone number's contact key)
  const byText = text !== undefined && (text.indexed !== undefined || text.phoneOnly);
  const byDate = col === 'received_at' || col === 'registered_at';
  return db
    .selectFrom('complaints')
    .select(LEDGER_COLUMNS)
    .where((eb) => eb.and(after ? [...filters(eb, q, now), after] : filters(eb, q, now)))
    .orderBy(byText && byDate ? sql`${sql.ref(col)} + interval '0 s'` : sql.ref(col), q.order)
    .orderBy('id', q.order)
    .limit(q.limit + 1);
}

/**
 * Memory for the bitmap of a search's candidates: within work_mem it stays exact; beyond, pages turn
 * lossy and their rows are rechecked by computing search_bigrams row by row (35 s instead of 0.5 s
 * for 400,000 candidates at a million complaints). About 64 bytes a page: 64 MB holds a million
 * pages. Set for the one statement's transaction only.
 */
const SEARCH_WORK_MEM = '64MB';

async function withSearchMemory<T>(db: Kysely<DB>, run: (d: Kysely<DB>) => Promise<T>): Promise<T> {
  const set = sql`SELECT set_config('work_mem', ${SEARCH_WORK_MEM}, true)`;
  if (db.isTransaction) {
    await set.execute(db);
    return run(db);
  }
  return db.transaction().execute(async (trx) => {
    await set.execute(trx);
    return run(trx);
  });
}

/**
 * A search's first try (#16 item 1): the next SEARCH_WALK_ROWS complaints in the sort order (the
 * date index, whatever the statistics say), then every filter and the LIKE on those. A term in
 * more than a few per cent of the complaints fills the page here in a few milliseconds; otherwise
 * the caller asks the text index.
 */
function walkQuery(db: Kysely<DB>, q: LedgerSearch, now: Date, rows: number) {
  const col = sortColumn[q.sort];
  const after = cursorSql(q);
  let next = db.selectFrom('complaints').selectAll();
  if (after) next = next.where(after);
  const eb = expressionBuilder<DB, 'complaints'>();
  return db
    .selectFrom(next.orderBy(col, q.order).orderBy('id', q.order).limit(rows).as('complaints'))
    .select(LEDGER_COLUMNS)
    .where(eb.and(filters(eb, q, now, 'walk')))
    .orderBy(col, q.order)
    .orderBy('id', q.order)
    .limit(q.limit + 1);
}

/** One page of the ledger, keyset-paged on (sort column, id); fetches one extra row to know if more follow. */
export async function listLedger(db: Kysely<DB>, q: LedgerSearch, now: Date): Promise<{ rows: LedgerRow[]; hasMore: boolean }> {
  const page = (rows: LedgerRow[]) => ({ rows: rows.slice(0, q.limit), hasMore: rows.length > q.limit });
  const byDate = q.sort === 'receivedAt' || q.sort === 'registeredAt';
  const text = q.q ? textSearch(q.q) : undefined;
  // a whole phone number is the contact lookup alone: its index, never a walk (ledgerPageQuery)
  if (text?.phoneOnly) return page(await ledgerPageQuery(db, q, now).execute());
  if (q.q && byDate && text?.indexed !== undefined) {
    const walked = await walkQuery(db, q, now, Math.max(SEARCH_WALK_ROWS, 20 * q.limit)).execute();
    if (walked.length > q.limit) return page(walked);
  }
  if (text?.indexed !== undefined) return page(await withSearchMemory(db, (d) => ledgerPageQuery(d, q, now).execute()));
  return page(await ledgerPageQuery(db, q, now).execute());
}

/** The exact number of matching complaints (the export's count). */
export async function countLedger(db: Kysely<DB>, q: LedgerSearch, now: Date): Promise<number> {
  const r = await db
    .selectFrom('complaints')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    // a term's grams would be a bitmap of every match: for a common term the LIKE scan is cheaper
    .where((eb) => eb.and(filters(eb, q, now, 'walk')))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Above this many matches a search's total is estimated (#16 item 3). */
export const EXACT_SEARCH_COUNT = 10_000;
/** Pages of the table read to estimate a search's total (about 1 % of a million complaints). */
const SAMPLE_PAGES = 1000;

/**
 * The ledger's total, exact, or with `q` estimated when exactness would be expensive (#16 item 3):
 * a fixed sample of about SAMPLE_PAGES pages (`complaints_sample`, migration 0030) with every filter
 * and the LIKE gives the estimate; a term the sample puts at no more than twice EXACT_SEARCH_COUNT
 * is counted exactly through the text index, up to EXACT_SEARCH_COUNT + 1.
 */
export async function countLedgerTotal(
  db: Kysely<DB>,
  q: LedgerSearch,
  now: Date,
  // tests make a small table behave like a large one
  opts: { exactUpTo?: number; samplePages?: number } = {},
): Promise<{ total: number; estimated: boolean }> {
  const exactUpTo = opts.exactUpTo ?? EXACT_SEARCH_COUNT;
  if (!q.q) return { total: await countLedger(db, q, now), estimated: false };
  const { pages } = await sql<{ pages: string }>`SELECT pg_relation_size('complaints') / current_setting('block_size')::int AS pages`
    .execute(db)
    .then((r) => r.rows[0] ?? { pages: '0' });
  const percent = Math.min(100, (100 * (opts.samplePages ?? SAMPLE_PAGES)) / Math.max(1, Number(pages)));
  const eb = expressionBuilder<DB, 'complaints'>();
  const sampled = await db
    .selectFrom(sql<ComplaintRecord>`complaints_sample(${percent}::real)`.as('complaints'))
    .select((e) => e.fn.countAll<string>().as('n'))
    .where(eb.and(filters(eb, q, now, 'walk')))
    .executeTakeFirstOrThrow();
  // the whole table was read: that is the count
  if (percent >= 100) return { total: Number(sampled.n), estimated: false };
  const estimate = (Number(sampled.n) * 100) / percent;
  if (estimate <= 2 * exactUpTo) {
    const capped = await withSearchMemory(db, (d) =>
      d
        .selectFrom(
          d
            .selectFrom('complaints')
            .select(sql<number>`1`.as('one'))
            .where((e) => e.and(filters(e, q, now)))
            .limit(exactUpTo + 1)
            .as('m'),
        )
        .select((e) => e.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow(),
    );
    const n = Number(capped.n);
    if (n <= exactUpTo) return { total: n, estimated: false };
  }
  return { total: roundEstimate(estimate, exactUpTo + 1), estimated: true };
}

export function cursorValue(row: LedgerRow, sort: LedgerSort): string | number {
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
export function cursorAfter(row: LedgerRow, sort: LedgerSort, order: 'asc' | 'desc'): string {
  return encodeCursor({ sort, order, value: cursorValue(row, sort), id: row.id });
}
