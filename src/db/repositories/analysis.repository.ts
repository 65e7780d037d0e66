/**
 * The analysis figures (#13 item 2, R-F3) read from the statistics read model `complaint_facts`
 * (never from the complaints' records at query time): causes per complaint received, the impact
 * totals, and the per-day counts of products, categories and branches that the spike alert judges.
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { ScopeFilter } from '../../domain/access/permissions.js';
import type { SpikeSubject } from '../../domain/reports/analysis-spike.js';
import type { DB } from '../schema.js';
import { scopeSql } from './complaint-scope.js';
import { factsFilterSql, type FactsFilter } from './facts-filter.js';

/** Complaints received from..to (local dates, inclusive) within the scope and the filter. */
export interface FactsSelection {
  scope: ScopeFilter;
  from: string;
  to: string;
  filter: FactsFilter;
  /** for the timeliness filter (open overdue is judged now) */
  now: Date;
}

function whereSql(s: FactsSelection): RawBuilder<SqlBool> {
  const all = [
    sql<SqlBool>`f.received_on BETWEEN ${s.from}::date AND ${s.to}::date`,
    ...(s.scope.all ? [] : [scopeSql(s.scope, 'f')]),
    ...factsFilterSql(s.filter, 'f', s.now),
  ];
  return sql<SqlBool>`${sql.join(all, sql` AND `)}`;
}

export interface CauseCountRow {
  cause: string;
  count: number;
}

/** Per cause: the complaints of the selection whose latest analysis names it. */
export async function causeCounts(db: Kysely<DB>, s: FactsSelection): Promise<CauseCountRow[]> {
  const r = await sql<CauseCountRow>`
    SELECT c.cause, count(*)::int AS count
    FROM complaint_facts f CROSS JOIN LATERAL unnest(f.causes) AS c(cause)
    WHERE ${whereSql(s)}
    GROUP BY c.cause`.execute(db);
  return r.rows;
}

export interface CauseTotalsRow {
  complaints: number;
  withCause: number;
}

/** The selection's complaints, and those with at least one cause recorded. */
export async function causeTotals(db: Kysely<DB>, s: FactsSelection): Promise<CauseTotalsRow> {
  const r = await sql<CauseTotalsRow>`
    SELECT count(*)::int AS complaints, (count(*) FILTER (WHERE cardinality(f.causes) > 0))::int AS "withCause"
    FROM complaint_facts f
    WHERE ${whereSql(s)}`.execute(db);
  return r.rows[0] ?? { complaints: 0, withCause: 0 };
}

/** Money as numeric text (sums of numeric(14,2)); counts as numbers. */
export interface ImpactRow {
  received: number;
  amountSum: string;
  amountCount: number;
  proposedSum: string;
  proposedCount: number;
  paidSum: string;
  paidCount: number;
  reputational: number;
  media: number;
  legal: number;
  massIncident: number;
  regulatorReferral: number;
  major: number;
}

/** The impact of the selection's complaints: amounts involved, compensation, risk flags, referrals, major complaints. */
export async function impactTotals(db: Kysely<DB>, s: FactsSelection): Promise<ImpactRow> {
  const flag = (name: string) => sql`(count(*) FILTER (WHERE ${name} = ANY(f.risk_flags)))::int`;
  const r = await sql<ImpactRow>`
    SELECT count(*)::int AS received,
      coalesce(sum(f.amount), 0)::text AS "amountSum",
      (count(*) FILTER (WHERE f.amount IS NOT NULL))::int AS "amountCount",
      coalesce(sum(f.compensation_proposed) FILTER (WHERE f.compensation_proposed > 0), 0)::text AS "proposedSum",
      (count(*) FILTER (WHERE f.compensation_proposed > 0))::int AS "proposedCount",
      coalesce(sum(f.compensation_paid) FILTER (WHERE f.compensation_paid > 0), 0)::text AS "paidSum",
      (count(*) FILTER (WHERE f.compensation_paid > 0))::int AS "paidCount",
      ${flag('reputational')} AS reputational,
      ${flag('media')} AS media,
      ${flag('legal')} AS legal,
      ${flag('mass_incident')} AS "massIncident",
      (count(*) FILTER (WHERE f.channel = 'regulator_referral'))::int AS "regulatorReferral",
      (count(*) FILTER (WHERE f.major))::int AS major
    FROM complaint_facts f
    WHERE ${whereSql(s)}`.execute(db);
  const row = r.rows[0];
  if (!row) throw new Error('impactTotals: an aggregate answers one row');
  return row;
}

const SUBJECT_COLUMN: Record<SpikeSubject, RawBuilder<string>> = {
  product: sql<string>`f.product`,
  category: sql<string>`f.category`,
  branch: sql<string>`f.branch_id::text`,
};

export interface SubjectDayRow {
  code: string;
  day: string;
  count: number;
}

/** Complaints received per subject (product, category or branch) and local day, company-wide, from..to inclusive. */
export async function subjectDailyCounts(db: Kysely<DB>, subject: SpikeSubject, from: string, to: string): Promise<SubjectDayRow[]> {
  const col = SUBJECT_COLUMN[subject];
  const r = await sql<SubjectDayRow>`
    SELECT ${col} AS code, to_char(f.received_on, 'YYYY-MM-DD') AS day, count(*)::int AS count
    FROM complaint_facts f
    WHERE f.received_on BETWEEN ${from}::date AND ${to}::date AND ${col} IS NOT NULL
    GROUP BY 1, 2`.execute(db);
  return r.rows;
}
