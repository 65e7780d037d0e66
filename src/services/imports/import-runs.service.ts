/**
 * Import runs (#13 item 7, R-H7): an administrator uploads a CSV with a mapping, as a dry run or for
 * real. The file is stored with its run (1 MiB chunks) and the `import.run` job reads it back as a
 * stream, so the request returns at once and the page shows the run's progress. A finished dry run
 * can then be carried out for real on the same bytes. Every problem row is kept and downloadable as
 * a CSV in the reader's language. Starting a run is audited (`complaint.import`).
 */
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { ImportMapping } from '../../domain/codes.js';
import { DomainError } from '../../domain/errors.js';
import { CsvParser } from '../../domain/imports/csv-parser.js';
import { CSV_BOM, csvLine } from '../../domain/imports/csv-writer.js';
import { importIssueMessage } from '../../domain/imports/import-messages.js';
import { checkHeader, IMPORT_MAPPING_SPECS } from '../../domain/imports/import-mappings.js';
import type { ImportRowIssueCode } from '../../domain/imports/import-row.js';
import { insertAudit } from '../../db/repositories/audit.repository.js';
import {
  findCarriedOutRun,
  findImportRun,
  insertImportChunk,
  insertImportErrors,
  insertImportRun,
  listImportErrors,
  listImportRuns,
  readImportChunks,
  updateImportRun,
  type ImportRunRow,
} from '../../db/repositories/import-run.repository.js';
import { enqueueJobs } from '../../db/repositories/job.repository.js';
import type { StagedEvidenceFile } from '../workflow/handlers/evidence.handlers.js';
import type { Actor, RequestMeta, ServiceContext } from '../context.js';
import { importComplaints, type ImportOptions, type ImportRowError } from './import.service.js';

const CHUNK_BYTES = 1024 * 1024;

export interface ImportRunView {
  id: string;
  mapping: ImportMapping;
  fileName: string;
  fileSize: number;
  dryRun: boolean;
  status: ImportRunRow['status'];
  fromRunId: string | null;
  /** a real run already made from this dry run */
  carriedOutBy: string | null;
  rowsRead: number;
  rowsValid: number;
  rowsImported: number;
  rowsSkipped: number;
  rowsFailed: number;
  rowsClosed: number;
  rowsOpen: number;
  /** share of the file read, 0..1 */
  progress: number;
  error: string | null;
  createdBy: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

function present(r: ImportRunRow, carriedOutBy: string | null = null): ImportRunView {
  const size = Number(r.file_size);
  const read = Number(r.bytes_read);
  return {
    id: r.id,
    mapping: r.mapping as ImportMapping,
    fileName: r.file_name,
    fileSize: size,
    dryRun: r.dry_run,
    status: r.status,
    fromRunId: r.from_run_id,
    carriedOutBy,
    rowsRead: r.rows_read,
    rowsValid: r.rows_valid,
    rowsImported: r.rows_imported,
    rowsSkipped: r.rows_skipped,
    rowsFailed: r.rows_failed,
    rowsClosed: r.rows_closed,
    rowsOpen: r.rows_open,
    progress: r.status === 'done' ? 1 : size === 0 ? 0 : Math.min(1, read / size),
    error: r.error,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    startedAt: r.started_at?.toISOString() ?? null,
    finishedAt: r.finished_at?.toISOString() ?? null,
  };
}

/** Reads the first record of the file: a file without the mapping's columns is refused at once. */
async function assertHeader(file: StagedEvidenceFile, mapping: ImportMapping): Promise<void> {
  const handle = await open(file.path, 'r');
  let first: string[] | null = null;
  try {
    const parser = new CsvParser();
    const decoder = new TextDecoder('utf-8');
    const buf = Buffer.alloc(64 * 1024);
    for (let pos = 0; first === null && pos < 1024 * 1024;) {
      const { bytesRead } = await handle.read(buf, 0, buf.length, pos);
      if (bytesRead === 0) break;
      pos += bytesRead;
      first = parser.push(decoder.decode(buf.subarray(0, bytesRead), { stream: true }))[0]?.fields ?? null;
    }
    first ??= parser.end()[0]?.fields ?? [];
  } finally {
    await handle.close();
  }
  const { missing } = checkHeader(IMPORT_MAPPING_SPECS[mapping], first);
  if (missing.length > 0) throw new DomainError('import_missing_columns', { columns: missing.join(', '), mapping }, 'file');
}

/** Stores the uploaded file with a new run and queues its job, in one transaction. */
export async function startImportRun(
  ctx: ServiceContext,
  actor: Actor,
  meta: RequestMeta,
  input: { mapping: ImportMapping; dryRun: boolean; file: StagedEvidenceFile },
): Promise<ImportRunView> {
  await assertHeader(input.file, input.mapping);
  const id = randomUUID();
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await insertImportRun(trx, {
      id,
      mapping: input.mapping,
      fileName: input.file.name,
      fileSize: input.file.size,
      fileSha256: input.file.sha256,
      dryRun: input.dryRun,
      fromRunId: null,
      createdBy: actor.id,
      createdAt: now,
    });
    let seq = 0;
    for await (const chunk of createReadStream(input.file.path, { highWaterMark: CHUNK_BYTES })) {
      await insertImportChunk(trx, id, seq++, chunk as Buffer);
    }
    await enqueueJobs(trx, [{ name: 'import.run', data: { runId: id } }]);
    await insertAudit(trx, {
      at: now,
      actor: actor.id,
      action: 'complaint.import',
      outcome: 'success',
      targetType: 'import_run',
      targetId: id,
      ip: meta.ip,
      details: {
        mapping: input.mapping,
        dryRun: input.dryRun,
        fileName: input.file.name,
        size: input.file.size,
        sha256: input.file.sha256,
      },
    });
  });
  return getImportRun(ctx, id);
}

/** Carries out a finished dry run for real, on the same stored file (once). */
export async function carryOutDryRun(ctx: ServiceContext, actor: Actor, meta: RequestMeta, dryRunId: string): Promise<ImportRunView> {
  const id = randomUUID();
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const dry = await findImportRun(trx, dryRunId, true);
    if (!dry) throw new DomainError('import_run_not_found', {}, 'id');
    const used = await findCarriedOutRun(trx, dryRunId);
    if (!dry.dry_run || dry.status !== 'done' || used)
      throw new DomainError('import_run_not_runnable', { status: used ? 'carried_out' : dry.status }, 'id');
    await insertImportRun(trx, {
      id,
      mapping: dry.mapping,
      fileName: dry.file_name,
      fileSize: Number(dry.file_size),
      fileSha256: dry.file_sha256,
      dryRun: false,
      fromRunId: dry.id,
      createdBy: actor.id,
      createdAt: now,
    });
    await enqueueJobs(trx, [{ name: 'import.run', data: { runId: id } }]);
    await insertAudit(trx, {
      at: now,
      actor: actor.id,
      action: 'complaint.import',
      outcome: 'success',
      targetType: 'import_run',
      targetId: id,
      ip: meta.ip,
      details: { mapping: dry.mapping, dryRun: false, fromRunId: dry.id, fileName: dry.file_name },
    });
  });
  return getImportRun(ctx, id);
}

/** Runs an import with its progress and problems written to its run row (the job, the CLI). */
export async function runRecorded(
  ctx: ServiceContext,
  run: Pick<ImportRunRow, 'id' | 'mapping' | 'dry_run' | 'created_by'>,
  input: AsyncIterable<Buffer | Uint8Array | string>,
  observe: Pick<ImportOptions, 'onProgress' | 'onErrors' | 'batchSize'> = {},
) {
  await updateImportRun(ctx.db, run.id, {
    status: 'running',
    startedAt: ctx.now(),
    error: null,
    rowsRead: 0,
    rowsValid: 0,
    rowsImported: 0,
    rowsSkipped: 0,
    rowsFailed: 0,
    rowsClosed: 0,
    rowsOpen: 0,
    bytesRead: 0,
  });
  try {
    const report = await importComplaints(ctx, { id: run.created_by }, input, {
      mapping: run.mapping as ImportMapping,
      dryRun: run.dry_run,
      runId: run.id,
      batchSize: observe.batchSize,
      onErrors: async (errors) => {
        await insertImportErrors(ctx.db, run.id, errors.map(toStored));
        await observe.onErrors?.(errors);
      },
      onProgress: async (p) => {
        await updateImportRun(ctx.db, run.id, p);
        await observe.onProgress?.(p);
      },
    });
    const fileError = report.fileError ? importIssueMessage(report.fileError, 'en-US') : null;
    await updateImportRun(ctx.db, run.id, { ...report, status: fileError ? 'failed' : 'done', error: fileError, finishedAt: ctx.now() });
    return report;
  } catch (err) {
    await updateImportRun(ctx.db, run.id, {
      status: 'failed',
      error: err instanceof Error ? err.message : String(err),
      finishedAt: ctx.now(),
    });
    throw err;
  }
}

function toStored(e: ImportRowError, i: number, all: ImportRowError[]) {
  // seq: the problem's place among its row's problems
  let seq = 0;
  for (let j = i - 1; j >= 0 && all[j]!.row === e.row; j--) seq += 1;
  return { rowNumber: e.row, seq, sourceId: e.sourceId, column: e.column, code: e.problem, params: e.params };
}

/** The `import.run` job: reads the stored file back and runs it; a finished run is not run again. */
export async function executeImportRun(ctx: ServiceContext, runId: string): Promise<void> {
  const run = await findImportRun(ctx.db, runId);
  if (!run || run.status === 'done') return;
  await runRecorded(ctx, run, readImportChunks(ctx.db, run.from_run_id ?? run.id));
}

/** A run started from the command line: recorded like the web's (no file kept), for the history page. */
export async function recordCliRun(
  ctx: ServiceContext,
  actor: Actor,
  file: { name: string; size: number; sha256: string },
  mapping: ImportMapping,
): Promise<ImportRunRow> {
  const id = randomUUID();
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await insertImportRun(trx, {
      id,
      mapping,
      fileName: file.name,
      fileSize: file.size,
      fileSha256: file.sha256,
      dryRun: false,
      fromRunId: null,
      createdBy: actor.id,
      createdAt: now,
    });
    await insertAudit(trx, {
      at: now,
      actor: actor.id,
      action: 'complaint.import',
      outcome: 'success',
      targetType: 'import_run',
      targetId: id,
      details: { mapping, dryRun: false, fileName: file.name, size: file.size, sha256: file.sha256, via: 'cli' },
    });
  });
  return (await findImportRun(ctx.db, id))!;
}

export async function listRuns(ctx: ServiceContext): Promise<ImportRunView[]> {
  const rows = await listImportRuns(ctx.db, 100);
  const carried = new Map(rows.filter((r) => r.from_run_id).map((r) => [r.from_run_id!, r.id]));
  return rows.map((r) => present(r, carried.get(r.id) ?? null));
}

export async function getImportRun(ctx: ServiceContext, id: string): Promise<ImportRunView> {
  const run = await findImportRun(ctx.db, id);
  if (!run) throw new DomainError('import_run_not_found', {}, 'id');
  return present(run, (await findCarriedOutRun(ctx.db, id)) ?? null);
}

/** The run's problems as CSV (UTF-8 with BOM), in the reader's language, a page of rows at a time. */
export async function* importErrorsCsv(ctx: ServiceContext, id: string, language: 'zh-CN' | 'en-US'): AsyncGenerator<string> {
  await getImportRun(ctx, id);
  const zh = language === 'zh-CN';
  yield CSV_BOM + csvLine(zh ? ['行号', '来源编号', '列', '问题代码', '说明'] : ['row', 'source id', 'column', 'code', 'problem']);
  let after: { rowNumber: number; seq: number } | null = null;
  for (;;) {
    const page = await listImportErrors(ctx.db, id, after, 1000);
    if (page.length === 0) return;
    let text = '';
    for (const e of page) {
      const message = importIssueMessage({ problem: e.code as ImportRowIssueCode, params: e.params }, language);
      text += csvLine([e.row_number, e.source_id, e.column_name, e.code, message]);
    }
    yield text;
    const last = page[page.length - 1]!;
    after = { rowNumber: last.row_number, seq: last.seq };
  }
}
