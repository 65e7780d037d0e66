/** Import runs (#13 item 7): the uploaded file, progress and counts, and the rows refused. */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, ImportRunsTable } from '../schema.js';

export type ImportRunRow = Selectable<ImportRunsTable>;

export async function insertImportRun(
  db: Kysely<DB>,
  r: {
    id: string;
    mapping: string;
    fileName: string;
    fileSize: number;
    fileSha256: string;
    dryRun: boolean;
    fromRunId: string | null;
    createdBy: string;
    createdAt: Date;
  },
): Promise<void> {
  await db
    .insertInto('import_runs')
    .values({
      id: r.id,
      mapping: r.mapping,
      file_name: r.fileName,
      file_size: r.fileSize,
      file_sha256: r.fileSha256,
      dry_run: r.dryRun,
      status: 'queued',
      from_run_id: r.fromRunId,
      created_by: r.createdBy,
      created_at: r.createdAt,
    })
    .execute();
}

export async function insertImportChunk(db: Kysely<DB>, runId: string, seq: number, bytes: Buffer): Promise<void> {
  await db.insertInto('import_run_chunks').values({ run_id: runId, seq, bytes }).execute();
}

/** The file's chunks in order, one query per chunk (a file is never held whole in memory). */
export async function* readImportChunks(db: Kysely<DB>, runId: string): AsyncGenerator<Buffer> {
  for (let seq = 0; ; seq++) {
    const row = await db
      .selectFrom('import_run_chunks')
      .select('bytes')
      .where('run_id', '=', runId)
      .where('seq', '=', seq)
      .executeTakeFirst();
    if (!row) return;
    yield row.bytes;
  }
}

export async function findImportRun(db: Kysely<DB>, id: string, forUpdate = false): Promise<ImportRunRow | undefined> {
  let q = db.selectFrom('import_runs').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** The real run made from a dry run, if any. */
export async function findCarriedOutRun(db: Kysely<DB>, dryRunId: string): Promise<string | undefined> {
  const r = await db.selectFrom('import_runs').select('id').where('from_run_id', '=', dryRunId).executeTakeFirst();
  return r?.id;
}

export async function listImportRuns(db: Kysely<DB>, limit: number): Promise<ImportRunRow[]> {
  return db.selectFrom('import_runs').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export interface ImportRunCounts {
  rowsRead: number;
  rowsValid: number;
  rowsImported: number;
  rowsSkipped: number;
  rowsFailed: number;
  rowsClosed: number;
  rowsOpen: number;
  bytesRead: number;
}

export async function updateImportRun(
  db: Kysely<DB>,
  id: string,
  patch: Partial<ImportRunCounts> & {
    status?: ImportRunRow['status'];
    error?: string | null;
    startedAt?: Date;
    finishedAt?: Date;
  },
): Promise<void> {
  const set: Record<string, unknown> = {};
  if (patch.status !== undefined) set.status = patch.status;
  if (patch.error !== undefined) set.error = patch.error;
  if (patch.startedAt !== undefined) set.started_at = patch.startedAt;
  if (patch.finishedAt !== undefined) set.finished_at = patch.finishedAt;
  if (patch.rowsRead !== undefined) set.rows_read = patch.rowsRead;
  if (patch.rowsValid !== undefined) set.rows_valid = patch.rowsValid;
  if (patch.rowsImported !== undefined) set.rows_imported = patch.rowsImported;
  if (patch.rowsSkipped !== undefined) set.rows_skipped = patch.rowsSkipped;
  if (patch.rowsFailed !== undefined) set.rows_failed = patch.rowsFailed;
  if (patch.rowsClosed !== undefined) set.rows_closed = patch.rowsClosed;
  if (patch.rowsOpen !== undefined) set.rows_open = patch.rowsOpen;
  if (patch.bytesRead !== undefined) set.bytes_read = patch.bytesRead;
  if (Object.keys(set).length === 0) return;
  await db.updateTable('import_runs').set(set).where('id', '=', id).execute();
}

export interface NewImportError {
  rowNumber: number;
  seq: number;
  sourceId: string | null;
  column: string | null;
  code: string;
  params: Record<string, string | number>;
}

export async function insertImportErrors(db: Kysely<DB>, runId: string, errors: readonly NewImportError[]): Promise<void> {
  for (let i = 0; i < errors.length; i += 2000) {
    await db
      .insertInto('import_run_errors')
      .values(
        errors.slice(i, i + 2000).map((e) => ({
          run_id: runId,
          row_number: e.rowNumber,
          seq: e.seq,
          source_id: e.sourceId,
          column_name: e.column,
          code: e.code,
          params: JSON.stringify(e.params),
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/** A run's errors in row order, a page at a time (the error report streams them). */
export async function listImportErrors(
  db: Kysely<DB>,
  runId: string,
  after: { rowNumber: number; seq: number } | null,
  limit: number,
): Promise<Array<Selectable<DB['import_run_errors']>>> {
  let q = db.selectFrom('import_run_errors').selectAll().where('run_id', '=', runId);
  if (after) q = q.where(sql<boolean>`(row_number, seq) > (${after.rowNumber}, ${after.seq})`);
  return q.orderBy('row_number').orderBy('seq').limit(limit).execute();
}
