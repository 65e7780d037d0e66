/**
 * Retention (#15 item 4, R-H6; migration 0028): the sweep's candidates, the runs, the logs period.
 * A candidate has ended (closed_at set, not reopened), is not anonymised, is past the period of its
 * business line and has no effective legal hold (complaint_legal_holds, migration 0029).
 */
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import { ENDED_STATUSES } from '../../domain/retention/retention.js';
import type { DB } from '../schema.js';

/** The latest closing instant that is past the period, per business line (retention.ts closedBeforeForExpiry). */
export type ExpiryBounds = ReadonlyArray<{ businessLine: string; closedBefore: Date }>;

function expired(eb: ExpressionBuilder<DB, 'complaints'>, bounds: ExpiryBounds) {
  return eb.and([
    eb('complaints.anonymised_at', 'is', null),
    eb('complaints.closed_at', 'is not', null),
    eb('complaints.status', 'in', ENDED_STATUSES),
    eb.or(
      bounds.map((b) => eb.and([eb('complaints.business_line', '=', b.businessLine), eb('complaints.closed_at', '<', b.closedBefore)])),
    ),
  ]);
}

/** An effective hold: not released, and no `until` or an `until` of today or later (today: company-time date). */
function held(eb: ExpressionBuilder<DB, 'complaints'>, today: string) {
  return eb.exists(
    eb
      .selectFrom('complaint_legal_holds as h')
      .select(sql.lit(1).as('one'))
      .whereRef('h.complaint_id', '=', 'complaints.id')
      .where('h.released_at', 'is', null)
      .where((w) => w.or([w('h.until', 'is', null), w('h.until', '>=', today)])),
  );
}

/**
 * Claims the next complaint due for anonymisation, locked (FOR UPDATE SKIP LOCKED: another sweep
 * instance takes the next one). `skip`: complaints this run already failed on.
 */
export async function claimNextDue(db: Kysely<DB>, bounds: ExpiryBounds, today: string, skip: readonly string[]): Promise<string | null> {
  if (bounds.length === 0) return null;
  let q = db
    .selectFrom('complaints')
    .select('complaints.id')
    .where((eb) => eb.and([expired(eb, bounds), eb.not(held(eb, today))]))
    .orderBy('complaints.closed_at')
    .orderBy('complaints.id')
    .limit(1)
    .forUpdate()
    .skipLocked();
  if (skip.length > 0) q = q.where('complaints.id', 'not in', skip);
  return (await q.executeTakeFirst())?.id ?? null;
}

export interface DueComplaint {
  id: string;
  number: string;
  businessLine: string;
  closedAt: Date;
  held: boolean;
}

/** The complaints past their period, held ones marked (the dry-run preview and the run's "held" list). */
export async function listDue(db: Kysely<DB>, bounds: ExpiryBounds, today: string, limit = 1000): Promise<DueComplaint[]> {
  if (bounds.length === 0) return [];
  const rows = await db
    .selectFrom('complaints')
    .select((eb) => ['id', 'number', 'business_line', 'closed_at', held(eb, today).as('held')])
    .where((eb) => expired(eb, bounds))
    .orderBy('closed_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, number: r.number, businessLine: r.business_line, closedAt: r.closed_at!, held: Boolean(r.held) }));
}

/** Lets this transaction's statements pass the append-only triggers the way migration 0028 allows the retention job. */
export async function allowRetentionRedaction(db: Kysely<DB>): Promise<void> {
  await sql`SELECT set_config('app.retention_redaction', 'on', true)`.execute(db);
}

/** Deletes audit_log rows (the audit and access log) before the cutoff; in a transaction that allowed it. */
export async function deleteLogsBefore(db: Kysely<DB>, cutoff: Date): Promise<number> {
  const r = await db.deleteFrom('audit_log').where('at', '<', cutoff).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export interface NewRetentionRun {
  id: string;
  startedAt: Date;
  nowUsed: Date;
  triggeredBy: string;
}

export async function insertRetentionRun(db: Kysely<DB>, r: NewRetentionRun): Promise<void> {
  await db
    .insertInto('retention_runs')
    .values({ id: r.id, started_at: r.startedAt, now_used: r.nowUsed, status: 'running', triggered_by: r.triggeredBy })
    .execute();
}

export interface RetentionRunResult {
  status: 'done' | 'failed';
  finishedAt: Date;
  counts: Record<string, number>;
  anonymised: string[];
  held: string[];
  errors: Array<{ complaintId: string | null; message: string }>;
}

export async function finishRetentionRun(db: Kysely<DB>, id: string, r: RetentionRunResult): Promise<void> {
  await db
    .updateTable('retention_runs')
    .set({
      status: r.status,
      finished_at: r.finishedAt,
      counts: JSON.stringify(r.counts),
      anonymised: r.anonymised,
      held: r.held,
      errors: JSON.stringify(r.errors),
    })
    .where('id', '=', id)
    .execute();
}

export async function listRetentionRuns(db: Kysely<DB>, limit = 50) {
  return db.selectFrom('retention_runs').selectAll().orderBy('started_at', 'desc').limit(limit).execute();
}

/** The complaint's columns the anonymisation reads (the row is locked by claimNextDue). */
export async function complaintForAnonymisation(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('complaints')
    .select([
      'id',
      'number',
      'channel',
      'business_line',
      'category',
      'product',
      'branch',
      'description',
      'requested_remedy',
      'subject_party',
      'call_reference',
      'major_reason',
      'regulator_named_reference',
      'complainant_name',
      'complainant_phone',
      'complainant_email',
      'complainant_address',
      'complainant_id_number',
      'complainant_account',
      'import_source',
    ])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

export interface AnonymisedComplaintFields {
  description: string;
  requestedRemedy: string | null;
  subjectParty: string | null;
  callReference: string | null;
  majorReason: string | null;
  regulatorNamedReference: string | null;
  searchText: string;
}

/** The complaint row anonymised: the complainant's name a placeholder, contact, ID and account data gone. */
export async function writeAnonymisedComplaint(
  db: Kysely<DB>,
  id: string,
  name: string,
  f: AnonymisedComplaintFields,
  now: Date,
): Promise<void> {
  await db
    .updateTable('complaints')
    .set((eb) => ({
      complainant_name: name,
      complainant_phone: null,
      complainant_email: null,
      complainant_address: null,
      complainant_id_type: null,
      complainant_id_number: null,
      complainant_id_number_hash: null,
      complainant_account: null,
      complainant_account_hash: null,
      contact_keys: [],
      description: f.description,
      requested_remedy: f.requestedRemedy,
      subject_party: f.subjectParty,
      call_reference: f.callReference,
      major_reason: f.majorReason,
      regulator_named_reference: f.regulatorNamedReference,
      search_text: f.searchText,
      anonymised_at: now,
      row_version: eb('row_version', '+', 1),
    }))
    .where('id', '=', id)
    .execute();
}
