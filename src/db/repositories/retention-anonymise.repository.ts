/**
 * The retention sweep's writes on the tables that hold a complaint's personal data besides the
 * complaint row and its events (#15 item 4, R-H6). Each table's free text and JSON columns are read
 * and written back through the caller's rewrite (the anonymiser); the bytes of evidence files and of
 * e-mails as received are erased; portal codes and sessions deleted. The list of tables and what
 * happens to each is in docs/architecture.md ("Retention, anonymisation and the hash chain").
 * Runs inside the complaint's transaction, after allowRetentionRedaction.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../schema.js';

export interface Rewrite {
  text(value: string): string;
  json(value: unknown): unknown;
}

interface RewriteSpec {
  /** the count's name in the run */
  kind: string;
  table: string;
  key: string;
  where: (complaintId: string) => RawBuilder<unknown>;
  text: readonly string[];
  json: readonly string[];
}

const byComplaint = (complaintId: string) => sql`complaint_id = ${complaintId}`;

/** Tables whose text and JSON columns go through the anonymiser, rows of the complaint only. */
export const REWRITTEN_TABLES: readonly RewriteSpec[] = [
  { kind: 'records', table: 'complaint_records', key: 'id', where: byComplaint, text: [], json: ['data'] },
  { kind: 'exceptions', table: 'complaint_exceptions', key: 'id', where: byComplaint, text: ['resolution'], json: ['details'] },
  {
    kind: 'improvementActions',
    table: 'improvement_actions',
    key: 'id',
    where: byComplaint,
    text: ['title', 'description', 'done_note', 'verified_note'],
    json: [],
  },
  { kind: 'notifications', table: 'notifications', key: 'id', where: byComplaint, text: [], json: ['params'] },
  {
    kind: 'messages',
    table: 'messages',
    key: 'id',
    where: byComplaint,
    text: ['recipient_ref', 'recipient_label', 'subject', 'body', 'last_error'],
    json: ['params'],
  },
  {
    kind: 'developmentMessages',
    table: 'development_messages',
    key: 'id',
    where: (id) => sql`message_id IN (SELECT m.id FROM messages m WHERE m.complaint_id = ${id})`,
    text: ['recipient', 'subject', 'body', 'html'],
    json: [],
  },
  {
    kind: 'inboundMail',
    table: 'inbound_mail',
    key: 'id',
    where: byComplaint,
    text: ['envelope_from', 'sender', 'subject', 'reason', 'detail'],
    json: [],
  },
  { kind: 'hotlineCalls', table: 'hotline_calls', key: 'id', where: byComplaint, text: ['caller', 'dismiss_reason'], json: [] },
  {
    kind: 'outbox',
    table: 'outbox',
    key: 'id',
    where: (id) => sql`payload ->> 'complaintId' = ${id}`,
    text: ['last_error'],
    json: ['payload'],
  },
  { kind: 'auditRows', table: 'audit_log', key: 'id', where: (id) => sql`target_id = ${id}`, text: [], json: ['details'] },
  {
    kind: 'inspectionItems',
    table: 'inspection_items',
    key: 'id',
    where: byComplaint,
    text: ['manual_reason', 'removed_reason'],
    json: [],
  },
  { kind: 'inspectionFindings', table: 'inspection_findings', key: 'id', where: byComplaint, text: ['text', 'answer'], json: [] },
  {
    kind: 'rectificationRequests',
    table: 'rectification_requests',
    key: 'id',
    where: byComplaint,
    text: ['text', 'answer', 'verdict_note'],
    json: [],
  },
  { kind: 'majorPlans', table: 'major_plans', key: 'complaint_id', where: byComplaint, text: ['summary'], json: [] },
  { kind: 'majorPlanItems', table: 'major_plan_items', key: 'id', where: byComplaint, text: ['title', 'done_note'], json: [] },
  { kind: 'majorRegulatorReports', table: 'major_regulator_reports', key: 'id', where: byComplaint, text: ['body', 'reference'], json: [] },
  { kind: 'legalHolds', table: 'complaint_legal_holds', key: 'id', where: byComplaint, text: ['reason', 'release_reason'], json: [] },
];

/** Rewrites one table's rows of the complaint; returns how many rows changed. */
async function rewriteTable(db: Kysely<DB>, spec: RewriteSpec, complaintId: string, rewrite: Rewrite): Promise<number> {
  const columns = [...spec.text, ...spec.json];
  const { rows } = await sql<Record<string, unknown>>`SELECT ${sql.ref(spec.key)} AS key, ${sql.join(columns.map((c) => sql.ref(c)))}
    FROM ${sql.table(spec.table)} WHERE ${spec.where(complaintId)}`.execute(db);
  let changed = 0;
  for (const row of rows) {
    const sets: RawBuilder<unknown>[] = [];
    for (const c of spec.text) {
      const v = row[c];
      if (typeof v !== 'string') continue;
      const next = rewrite.text(v);
      if (next !== v) sets.push(sql`${sql.ref(c)} = ${next}`);
    }
    for (const c of spec.json) {
      const v = row[c];
      if (v === null || v === undefined) continue;
      const next = JSON.stringify(rewrite.json(v));
      if (next !== JSON.stringify(v)) sets.push(sql`${sql.ref(c)} = ${next}::jsonb`);
    }
    if (sets.length === 0) continue;
    await sql`UPDATE ${sql.table(spec.table)} SET ${sql.join(sets)} WHERE ${sql.ref(spec.key)} = ${row['key']}`.execute(db);
    changed += 1;
  }
  return changed;
}

/** Every table of REWRITTEN_TABLES; the counts per kind (rows changed). */
export async function rewriteComplaintTables(db: Kysely<DB>, complaintId: string, rewrite: Rewrite): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const spec of REWRITTEN_TABLES) counts[spec.kind] = await rewriteTable(db, spec, complaintId, rewrite);
  return counts;
}

/** Evidence files: chunks deleted, inline bytes dropped, names anonymised, erased_at set. Returns the files erased. */
export async function eraseEvidence(db: Kysely<DB>, complaintId: string, fileName: (name: string) => string, now: Date): Promise<number> {
  const files = await db
    .selectFrom('evidence_files')
    .select(['id', 'name'])
    .where('complaint_id', '=', complaintId)
    .where('erased_at', 'is', null)
    .execute();
  for (const f of files) {
    await db.deleteFrom('evidence_file_chunks').where('file_id', '=', f.id).execute();
    await db
      .updateTable('evidence_files')
      .set({ content: null, chunks: null, name: fileName(f.name), erased_at: now })
      .where('id', '=', f.id)
      .execute();
  }
  return files.length;
}

const EMPTY_SHA256 = createHash('sha256').digest('hex');

/** E-mails as received (raw MIME, with addresses and attachments) of the complaint: the bytes emptied. */
export async function eraseInboundMailSources(db: Kysely<DB>, complaintId: string): Promise<number> {
  const r = await db
    .updateTable('inbound_mail')
    .set({ raw: Buffer.alloc(0), size: 0, sha256: EMPTY_SHA256 })
    .where('complaint_id', '=', complaintId)
    .where('size', '>', 0)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Hotline recordings are links to the telephony system: the link is dropped. */
export async function dropHotlineRecordings(db: Kysely<DB>, complaintId: string): Promise<void> {
  await db.updateTable('hotline_calls').set({ recording_url: null }).where('complaint_id', '=', complaintId).execute();
}

/** Portal sign-in codes and sessions of the complaint (they hold the contact in clear): deleted. */
export async function deletePortalAccess(db: Kysely<DB>, complaintId: string): Promise<number> {
  const sessions = await db.deleteFrom('portal_sessions').where('complaint_id', '=', complaintId).executeTakeFirst();
  const codes = await db.deleteFrom('portal_codes').where('complaint_id', '=', complaintId).executeTakeFirst();
  return Number(sessions.numDeletedRows) + Number(codes.numDeletedRows);
}

/** The stored source files of finished import runs of the given mappings (each holds the complaint's source row). */
export async function deleteImportSources(db: Kysely<DB>, mappings: readonly string[]): Promise<number> {
  if (mappings.length === 0) return 0;
  const r = await db
    .deleteFrom('import_run_chunks')
    .where('run_id', 'in', (eb) =>
      eb.selectFrom('import_runs').select('id').where('mapping', 'in', mappings).where('status', 'in', ['done', 'failed']),
    )
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Stored special reports about the complaint (parameters name it) that have figures and files. */
export async function reportsAboutComplaint(db: Kysely<DB>, complaintId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('reports')
    .select('id')
    .where(sql<boolean>`parameters ->> 'complaintId' = ${complaintId}`)
    .where('figures', 'is not', null)
    .execute();
  return rows.map((r) => r.id);
}

export interface AnonymisedReport {
  title: string;
  commentary: string | null;
  recommendations: string | null;
  figures: unknown;
  pdf: Buffer;
  xlsx: Buffer | null;
}

export async function writeAnonymisedReport(db: Kysely<DB>, id: string, r: AnonymisedReport): Promise<void> {
  await db
    .updateTable('reports')
    .set({
      title: r.title,
      commentary: r.commentary,
      recommendations: r.recommendations,
      figures: JSON.stringify(r.figures),
      pdf: r.pdf,
      xlsx: r.xlsx,
    })
    .where('id', '=', id)
    .execute();
}
