/**
 * Reports to the leadership (#13 items 4 and 5, migration 0015): one row per version, its progress
 * while it builds, the figures snapshot and the files. Rows are read without their bytes except by
 * `reportFile`. Also the few figures a report reads straight from the read model: the level-1 cases
 * of a period and the improvement actions' state.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, ReportsTable } from '../schema.js';

export type ReportRow = Omit<Selectable<ReportsTable>, 'pdf' | 'xlsx'> & { pdf_bytes: number | null; xlsx_bytes: number | null };

export interface NewReport {
  id: string;
  kind: 'monthly' | 'special';
  series: string;
  title: string;
  periodFrom: string;
  periodTo: string;
  parameters: Record<string, unknown>;
  automatic: boolean;
  requestedBy: string;
  commentary: string | null;
  recommendations: string | null;
  at: Date;
}

const COLUMNS = [
  'id',
  'kind',
  'series',
  'version',
  'title',
  'period_from',
  'period_to',
  'parameters',
  'status',
  'progress',
  'step',
  'error',
  'automatic',
  'figures',
  'commentary',
  'recommendations',
  'requested_by',
  'created_at',
  'started_at',
  'built_at',
  'commentary_by',
  'commentary_at',
  'finalised_by',
  'finalised_at',
  'updated_at',
] as const;

function selectReports(db: Kysely<DB>) {
  return db
    .selectFrom('reports')
    .select(COLUMNS)
    .select([sql<number | null>`octet_length(pdf)`.as('pdf_bytes'), sql<number | null>`octet_length(xlsx)`.as('xlsx_bytes')]);
}

/**
 * A new version of its series (queued), numbered after the series' last. An automatic report is
 * written once per series (the partial unique index): a second try returns null.
 */
export async function insertReport(db: Kysely<DB>, r: NewReport): Promise<{ id: string; version: number } | null> {
  // versions of one series are numbered one at a time
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`reports:${r.series}`}))`.execute(db);
  const found = await sql<{ id: string; version: number }>`
    INSERT INTO reports (id, kind, series, version, title, period_from, period_to, parameters, status, progress, step, automatic,
      commentary, recommendations, requested_by, created_at, updated_at)
    SELECT ${r.id}::uuid, ${r.kind}, ${r.series}, COALESCE(max(version), 0) + 1, ${r.title}, ${r.periodFrom}::date, ${r.periodTo}::date,
      ${JSON.stringify(r.parameters)}::jsonb, 'queued', 0, 'queued', ${r.automatic}, ${r.commentary}, ${r.recommendations},
      ${r.requestedBy}, ${r.at}, ${r.at}
    FROM reports WHERE series = ${r.series}
    ON CONFLICT (series) WHERE automatic DO NOTHING
    RETURNING id, version`.execute(db);
  return found.rows[0] ?? null;
}

export async function findReport(db: Kysely<DB>, id: string, forUpdate = false): Promise<ReportRow | undefined> {
  let q = selectReports(db).where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** The latest version of a series (for a new version's carried-over texts). */
export async function latestOfSeries(db: Kysely<DB>, series: string): Promise<ReportRow | undefined> {
  return selectReports(db).where('series', '=', series).orderBy('version', 'desc').limit(1).executeTakeFirst();
}

export interface ReportListFilter {
  kind?: 'monthly' | 'special';
  series?: string;
  /** keyset position: (created_at, id) descending */
  before?: { at: Date; id: string };
  limit: number;
}

/** Reports newest first, without their figures. */
export async function listReports(db: Kysely<DB>, f: ReportListFilter): Promise<Array<Omit<ReportRow, 'figures'>>> {
  let q = db
    .selectFrom('reports')
    .select(COLUMNS.filter((c) => c !== 'figures'))
    .select([sql<number | null>`octet_length(pdf)`.as('pdf_bytes'), sql<number | null>`octet_length(xlsx)`.as('xlsx_bytes')]);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.series) q = q.where('series', '=', f.series);
  if (f.before) q = q.where(sql<boolean>`(created_at, id) < (${f.before.at}, ${f.before.id}::uuid)`);
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
}

export async function reportFile(db: Kysely<DB>, id: string, format: 'pdf' | 'xlsx'): Promise<Buffer | null> {
  const row = await db.selectFrom('reports').select(format).where('id', '=', id).executeTakeFirst();
  return row?.[format] ?? null;
}

/** Claims a queued (or failed, retried) report for building; false when it is built or being built already. */
export async function markBuilding(db: Kysely<DB>, id: string, at: Date): Promise<boolean> {
  const r = await db
    .updateTable('reports')
    .set({ status: 'building', progress: 1, step: 'queued', error: null, started_at: at, updated_at: at })
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'failed', 'building'])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Progress of a build (committed on its own, so the web page sees it while the build goes on). */
export async function setProgress(db: Kysely<DB>, id: string, progress: number, step: string, at: Date): Promise<void> {
  await db
    .updateTable('reports')
    .set({ progress: Math.max(0, Math.min(99, Math.round(progress))), step, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', 'building')
    .execute();
}

export async function markBuilt(
  db: Kysely<DB>,
  id: string,
  b: { figures: Record<string, unknown>; pdf: Buffer; xlsx: Buffer | null; at: Date },
): Promise<boolean> {
  const r = await db
    .updateTable('reports')
    .set({
      status: 'draft',
      progress: 100,
      step: 'done',
      figures: JSON.stringify(b.figures),
      pdf: b.pdf,
      xlsx: b.xlsx,
      built_at: b.at,
      updated_at: b.at,
    })
    .where('id', '=', id)
    .where('status', '=', 'building')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function markFailed(db: Kysely<DB>, id: string, error: string, at: Date): Promise<void> {
  await db
    .updateTable('reports')
    .set({ status: 'failed', step: null, error: error.slice(0, 2000), updated_at: at })
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'building'])
    .execute();
}

/** New texts and the files drawn again with them (a draft only). */
export async function updateReportTexts(
  db: Kysely<DB>,
  id: string,
  p: { commentary?: string | null; recommendations?: string | null; by: string; at: Date; pdf: Buffer; xlsx: Buffer | null },
): Promise<void> {
  await db
    .updateTable('reports')
    .set({
      ...(p.commentary !== undefined ? { commentary: p.commentary } : {}),
      ...(p.recommendations !== undefined ? { recommendations: p.recommendations } : {}),
      commentary_by: p.by,
      commentary_at: p.at,
      pdf: p.pdf,
      xlsx: p.xlsx,
      updated_at: p.at,
    })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .execute();
}

export async function markFinal(db: Kysely<DB>, id: string, p: { by: string; at: Date; pdf: Buffer; xlsx: Buffer | null }): Promise<void> {
  await db
    .updateTable('reports')
    .set({ status: 'final', finalised_by: p.by, finalised_at: p.at, pdf: p.pdf, xlsx: p.xlsx, updated_at: p.at })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .execute();
}

export async function automaticReportExists(db: Kysely<DB>, series: string): Promise<boolean> {
  const r = await db.selectFrom('reports').select('id').where('series', '=', series).where('automatic', '=', true).executeTakeFirst();
  return r !== undefined;
}

export interface Level1FactRow {
  number: string;
  received_on: string;
  closed_on: string | null;
  status: string;
  business_line: string;
  category: string;
  outcome: string | null;
  major: boolean;
  policy_breached: boolean | null;
  regulatory_breached: boolean | null;
  compensation_paid: string;
}

/** Level-1 complaints received in the period or open during it (received before, not closed before it began). */
export async function level1Facts(db: Kysely<DB>, from: string, to: string, limit = 100): Promise<Level1FactRow[]> {
  const r = await sql<Level1FactRow>`
    SELECT number, received_on, closed_on, status, business_line, category, outcome, major, policy_breached, regulatory_breached,
      compensation_paid::text AS compensation_paid
    FROM complaint_facts
    WHERE level = 1 AND received_on <= ${to}::date AND (received_on >= ${from}::date OR closed_on IS NULL OR closed_on >= ${from}::date)
    ORDER BY received_on, number
    LIMIT ${limit}`.execute(db);
  return r.rows;
}

export interface ImprovementSummaryRow {
  open: number;
  overdue: number;
  done: number;
  verified: number;
  created_in_period: number;
  completed_in_period: number;
}

/** The improvement actions' state at `end` (their current status; overdue: open and due before `end`). */
export async function improvementSummary(db: Kysely<DB>, start: Date, end: Date): Promise<ImprovementSummaryRow> {
  const r = await sql<ImprovementSummaryRow>`
    SELECT
      count(*) FILTER (WHERE status = 'open')::int AS open,
      count(*) FILTER (WHERE status = 'open' AND due_at < ${end})::int AS overdue,
      count(*) FILTER (WHERE status = 'done')::int AS done,
      count(*) FILTER (WHERE status = 'verified')::int AS verified,
      count(*) FILTER (WHERE created_at >= ${start} AND created_at < ${end})::int AS created_in_period,
      count(*) FILTER (WHERE done_at >= ${start} AND done_at < ${end})::int AS completed_in_period
    FROM improvement_actions
    WHERE created_at < ${end}`.execute(db);
  return r.rows[0] ?? { open: 0, overdue: 0, done: 0, verified: 0, created_in_period: 0, completed_in_period: 0 };
}

export interface ImprovementItemRow {
  title: string;
  complaint_number: string;
  owner: string;
  due_at: Date;
  status: 'open' | 'done' | 'verified';
}

/** Actions created in the period or open at its end (optionally of some complaints), earliest due first. */
export async function improvementItems(
  db: Kysely<DB>,
  p: { start: Date; end: Date; complaintIds?: readonly string[]; limit: number },
): Promise<ImprovementItemRow[]> {
  const only = p.complaintIds ? sql`AND a.complaint_id = ANY(${sql.val(p.complaintIds)}::uuid[])` : sql``;
  const r = await sql<ImprovementItemRow>`
    SELECT a.title, c.number AS complaint_number, a.owner, a.due_at, a.status
    FROM improvement_actions a JOIN complaints c ON c.id = a.complaint_id
    WHERE a.created_at < ${p.end} AND (a.created_at >= ${p.start} OR a.status = 'open' OR ${p.complaintIds !== undefined}) ${only}
    ORDER BY a.due_at, a.id
    LIMIT ${p.limit}`.execute(db);
  return r.rows;
}

export interface ComplaintFactsRow {
  id: string;
  number: string;
  received_at: Date;
  closed_at: Date | null;
  status: string;
  level: number;
  channel: string;
  business_line: string;
  category: string;
  product: string | null;
  causes: string[];
  outcome: string | null;
  major: boolean;
  urgent: boolean;
  risk_flags: string[];
  reopen_count: number;
  satisfied: boolean | null;
  amount: string | null;
  compensation_proposed: string;
  compensation_paid: string;
  policy_due_at: Date | null;
  policy_met_at: Date | null;
  policy_breached: boolean | null;
  regulatory_due_at: Date | null;
  regulatory_met_at: Date | null;
  regulatory_breached: boolean | null;
  branch_name: string | null;
  department_names: string[];
}

/** One complaint's statistics facts with its branch and departments named (a special report's facts). */
export async function complaintFactsRow(db: Kysely<DB>, id: string): Promise<ComplaintFactsRow | undefined> {
  const r = await sql<ComplaintFactsRow>`
    SELECT f.id, f.number, f.received_at, f.closed_at, f.status, f.level, f.channel, f.business_line, f.category, f.product, f.causes,
      f.outcome, f.major, f.urgent, f.risk_flags, f.reopen_count, f.satisfied, f.amount::text AS amount,
      f.compensation_proposed::text AS compensation_proposed, f.compensation_paid::text AS compensation_paid,
      f.policy_due_at, f.policy_met_at, f.policy_breached, f.regulatory_due_at, f.regulatory_met_at, f.regulatory_breached,
      b.name_zh AS branch_name,
      COALESCE((SELECT array_agg(u.name_zh ORDER BY u.name_zh) FROM org_units u WHERE u.id = ANY(f.department_ids)), '{}') AS department_names
    FROM complaint_facts f LEFT JOIN org_units b ON b.id = f.branch_id
    WHERE f.id = ${id}::uuid`.execute(db);
  return r.rows[0];
}
