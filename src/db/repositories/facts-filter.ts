/**
 * Filters on complaint facts (#13): the statistics' filters and the ledger's drill-down parameters
 * as SQL, one builder for both, so a figure and the ledger it opens select the same complaints.
 * `_none` (domain/reports/statistics-drill.ts NONE) in a list asks for "none" (no product, no cause …).
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { TimelinessState } from '../../domain/codes.js';
import type { LedgerDrillFilter } from '../../domain/complaint/ledger-query.js';
import { NONE } from '../../domain/reports/statistics-drill.js';

/**
 * The statistics' filters: the ledger's drill-down filters (one list of names, so a figure's drill
 * string is always a filter the ledger takes) plus the classification the ledger filters itself.
 */
export type FactsFilter = Omit<LedgerDrillFilter, 'closedFrom' | 'closedTo' | 'openAt'> & {
  level?: number[];
  channel?: string[];
  businessLine?: string[];
  category?: string[];
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A scalar column equals one of the values (`_none`: is null). */
function oneOf(col: RawBuilder<unknown>, values: readonly string[], cast = 'text'): RawBuilder<SqlBool> {
  const some = values.filter((v) => v !== NONE);
  const parts: RawBuilder<SqlBool>[] = [];
  if (some.length > 0) parts.push(sql<SqlBool>`${col} = ANY(${sql.val(some)}::${sql.raw(cast)}[])`);
  if (values.includes(NONE)) parts.push(sql<SqlBool>`${col} IS NULL`);
  return parts.length === 0 ? sql<SqlBool>`false` : sql<SqlBool>`(${sql.join(parts, sql` OR `)})`;
}

/** An array column holds one of the values (`_none`: is empty). */
function overlaps(col: RawBuilder<unknown>, values: readonly string[], cast = 'text'): RawBuilder<SqlBool> {
  const some = values.filter((v) => v !== NONE);
  const parts: RawBuilder<SqlBool>[] = [];
  if (some.length > 0) parts.push(sql<SqlBool>`${col} && ${sql.val(some)}::${sql.raw(cast)}[]`);
  if (values.includes(NONE)) parts.push(sql<SqlBool>`cardinality(${col}) = 0`);
  return parts.length === 0 ? sql<SqlBool>`false` : sql<SqlBool>`(${sql.join(parts, sql` OR `)})`;
}

/** Ids that are not uuids cannot match a uuid column (and must not reach the cast). */
function ids(values: readonly string[]): string[] {
  return values.filter((v) => v === NONE || UUID.test(v));
}

/**
 * Filters on the columns complaints and complaint_facts share (same names): usable on either.
 * Level, channel, business line and category are the ledger's own (ledger.repository.ts).
 */
export function sharedFilterSql(f: FactsFilter, table: string): RawBuilder<SqlBool>[] {
  const col = (name: string) => sql.ref(`${table}.${name}`);
  const where: RawBuilder<SqlBool>[] = [];
  if (f.branchId?.length) where.push(oneOf(col('branch_id'), ids(f.branchId), 'uuid'));
  if (f.product?.length) where.push(oneOf(col('product'), f.product));
  if (f.department?.length) where.push(overlaps(col('department_ids'), ids(f.department), 'uuid'));
  if (f.handler?.length) where.push(oneOf(col('assignee'), f.handler));
  if (f.outcome?.length) where.push(oneOf(col('outcome'), f.outcome));
  if (f.customerGroup?.length) where.push(oneOf(col('customer_group'), f.customerGroup));
  if (f.riskFlag?.length) where.push(overlaps(col('risk_flags'), f.riskFlag));
  if (f.major !== undefined) where.push(sql<SqlBool>`${col('major')} = ${f.major}`);
  return where;
}

/** A clock's timeliness (the brief's definitions; on time and late never overlap). */
export function timelinessSql(state: TimelinessState, table: string, now: Date): RawBuilder<SqlBool> {
  const clock = state.startsWith('policy_') ? 'policy' : 'regulatory';
  const due = sql.ref(`${table}.${clock}_due_at`);
  const met = sql.ref(`${table}.${clock}_met_at`);
  const breached = sql`COALESCE(${sql.ref(`${table}.${clock}_breached`)}, false)`;
  if (state.endsWith('_on_time')) return sql<SqlBool>`(${met} IS NOT NULL AND ${met} <= ${due} AND NOT ${breached})`;
  if (state.endsWith('_late')) return sql<SqlBool>`(${met} IS NOT NULL AND (${met} > ${due} OR ${breached}))`;
  return sql<SqlBool>`(${met} IS NULL AND (${breached} OR ${due} < ${now}::timestamptz))`;
}

/** Filters only complaint_facts has (`table` must be a complaint_facts row). */
export function factOnlyFilterSql(f: FactsFilter, table: string, now: Date): RawBuilder<SqlBool>[] {
  const col = (name: string) => sql.ref(`${table}.${name}`);
  const where: RawBuilder<SqlBool>[] = [];
  if (f.cause?.length) where.push(overlaps(col('causes'), f.cause));
  if (f.imported !== undefined) where.push(sql<SqlBool>`${col('imported')} = ${f.imported}`);
  if (f.timeliness) where.push(timelinessSql(f.timeliness, table, now));
  if (f.reopened !== undefined)
    where.push(f.reopened ? sql<SqlBool>`${col('reopen_count')} > 0` : sql<SqlBool>`${col('reopen_count')} = 0`);
  if (f.surveyed !== undefined) where.push(sql<SqlBool>`${col('surveyed')} = ${f.surveyed}`);
  if (f.satisfied !== undefined) where.push(sql<SqlBool>`${col('satisfied')} IS NOT DISTINCT FROM ${f.satisfied}`);
  if (f.compensated === 'proposed') where.push(sql<SqlBool>`${col('compensation_proposed')} > 0`);
  if (f.compensated === 'paid') where.push(sql<SqlBool>`${col('compensation_paid')} > 0`);
  if (f.amountGiven !== undefined)
    where.push(f.amountGiven ? sql<SqlBool>`${col('amount')} IS NOT NULL` : sql<SqlBool>`${col('amount')} IS NULL`);
  return where;
}

/** Every facts filter on a complaint_facts row (statistics). */
export function factsFilterSql(f: FactsFilter, table: string, now: Date): RawBuilder<SqlBool>[] {
  const col = (name: string) => sql.ref(`${table}.${name}`);
  const where: RawBuilder<SqlBool>[] = [];
  if (f.level?.length) where.push(sql<SqlBool>`${col('level')} = ANY(${sql.val(f.level)}::int[])`);
  if (f.channel?.length) where.push(oneOf(col('channel'), f.channel));
  if (f.businessLine?.length) where.push(oneOf(col('business_line'), f.businessLine));
  if (f.category?.length) where.push(oneOf(col('category'), f.category));
  return [...where, ...sharedFilterSql(f, table), ...factOnlyFilterSql(f, table, now)];
}
