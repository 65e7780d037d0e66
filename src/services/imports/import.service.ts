/**
 * Historical import (#13 item 7, R-H7): a CSV file read as a stream (constant memory whatever its
 * size), every row mapped by the chosen column mapping and checked against the current policy.
 * - Dry run: every row validated and counted (would import, already imported, refused, closed,
 *   open), nothing written.
 * - Real run: the valid rows written in batches, each batch one transaction (import-batch.ts), so a
 *   failure keeps the batches before it and a re-run of the same file skips them (idempotent on the
 *   source and the source's id).
 * Refused rows are reported with their row number, source id, column and problem; they never stop
 * the others. Only a file without the mapping's required columns is refused whole.
 */
import type { ImportMapping } from '../../domain/codes.js';
import { CsvParser, type CsvRecord } from '../../domain/imports/csv-parser.js';
import { checkHeader, IMPORT_MAPPING_SPECS, mapRow } from '../../domain/imports/import-mappings.js';
import { policyIssues, type ImportedComplaint, type ImportRowIssue } from '../../domain/imports/import-row.js';
import { localDate } from '../../domain/time/zoned.js';
import { existingImportIds } from '../../db/repositories/import.repository.js';
import { currentPolicy } from '../administration/policy.service.js';
import { loadWorkingCalendar } from '../administration/calendar.service.js';
import { resolvePlacement } from '../complaints/complaint-placement.js';
import type { Actor, ServiceContext } from '../context.js';
import { writeImportBatch, type BatchEnvironment } from './import-batch.js';

export interface ImportRowError {
  /** data row number: 1 is the first row after the header */
  row: number;
  /** the file line the row starts on */
  line: number;
  sourceId: string | null;
  column: string | null;
  problem: ImportRowIssue['problem'];
  params: Record<string, string | number>;
}

export interface ImportProgress {
  rowsRead: number;
  /** rows that map and pass every check (imported, skipped as already there, or in a dry run would be) */
  rowsValid: number;
  rowsImported: number;
  rowsSkipped: number;
  rowsFailed: number;
  rowsClosed: number;
  rowsOpen: number;
  bytesRead: number;
}

export interface ImportReport extends ImportProgress {
  mapping: ImportMapping;
  dryRun: boolean;
  /** the first `maxErrors` problems (all of them go to onErrors) */
  errors: ImportRowError[];
  errorsTruncated: boolean;
  /** the file could not be imported at all (missing columns) */
  fileError: ImportRowError | null;
  durationMs: number;
}

export interface ImportOptions {
  mapping: ImportMapping;
  dryRun: boolean;
  runId?: string | null;
  /** rows per transaction (default 500) */
  batchSize?: number;
  /** problems kept in the report (default 1000) */
  maxErrors?: number;
  onProgress?: (p: ImportProgress) => Promise<void> | void;
  /** every problem, a batch at a time, before the progress of that batch */
  onErrors?: (errors: ImportRowError[]) => Promise<void> | void;
}

function asText(decoder: TextDecoder, chunk: Buffer | Uint8Array | string, last = false): string {
  if (typeof chunk === 'string') return chunk;
  return decoder.decode(chunk, { stream: !last });
}

export async function importComplaints(
  ctx: ServiceContext,
  actor: Actor,
  input: AsyncIterable<Buffer | Uint8Array | string>,
  opts: ImportOptions,
): Promise<ImportReport> {
  const started = Date.now();
  const spec = IMPORT_MAPPING_SPECS[opts.mapping];
  const batchSize = opts.batchSize ?? 500;
  const maxErrors = opts.maxErrors ?? 1000;
  const now = ctx.now();
  const today = localDate(now, ctx.timeZone);
  const { version: policyVersion, policy } = await currentPolicy(ctx.db);
  const calendar = await loadWorkingCalendar(ctx.db);
  const placement = await resolvePlacement(ctx.db, {}, { branchIds: [], departmentIds: [] }, policy.handling.defaultDepartmentCode);
  const env: BatchEnvironment = {
    source: spec.source,
    sourceLabel: spec.label.en,
    runId: opts.runId ?? null,
    actor,
    now,
    today,
    timeZone: ctx.timeZone,
    policy,
    policyVersion,
    calendar,
    departmentIds: placement.departmentIds,
  };

  const progress: ImportProgress = {
    rowsRead: 0,
    rowsValid: 0,
    rowsImported: 0,
    rowsSkipped: 0,
    rowsFailed: 0,
    rowsClosed: 0,
    rowsOpen: 0,
    bytesRead: 0,
  };
  const report: ImportReport = {
    ...progress,
    mapping: opts.mapping,
    dryRun: opts.dryRun,
    errors: [],
    errorsTruncated: false,
    fileError: null,
    durationMs: 0,
  };
  let header: string[] | null = null;
  const firstRowOf = new Map<string, number>();
  const pending: ImportedComplaint[] = [];
  let pendingErrors: ImportRowError[] = [];
  let stopped = false;

  const fail = (e: ImportRowError) => {
    pendingErrors.push(e);
    if (report.errors.length < maxErrors) report.errors.push(e);
    else report.errorsTruncated = true;
  };

  /** Writes (or in a dry run counts) the first batch of the pending rows; reports errors and progress. */
  const flush = async () => {
    const batch = pending.splice(0, batchSize);
    if (batch.length > 0) {
      if (opts.dryRun) {
        const existing = await existingImportIds(
          ctx.db,
          spec.source,
          batch.map((c) => c.sourceId),
        );
        progress.rowsSkipped += existing.size;
        for (const c of batch) {
          if (existing.has(c.sourceId)) continue;
          if (c.closedOn === null) progress.rowsOpen += 1;
          else progress.rowsClosed += 1;
        }
      } else {
        const r = await ctx.db.transaction().execute((trx) => writeImportBatch(trx, env, batch));
        progress.rowsImported += r.imported;
        progress.rowsSkipped += r.skipped;
        progress.rowsClosed += r.closed;
        progress.rowsOpen += r.open;
      }
    }
    const errors = pendingErrors;
    pendingErrors = [];
    if (errors.length > 0) await opts.onErrors?.(errors);
    await opts.onProgress?.({ ...progress });
  };

  const handle = (rec: CsvRecord) => {
    if (stopped) return;
    if (header === null) {
      const checked = checkHeader(spec, rec.fields);
      if (checked.missing.length > 0) {
        report.fileError = {
          row: 0,
          line: rec.line,
          sourceId: null,
          column: null,
          problem: 'missing_columns',
          params: { columns: checked.missing.join(', ') },
        };
        fail(report.fileError);
        stopped = true;
        return;
      }
      header = checked.header;
      return;
    }
    progress.rowsRead += 1;
    const row = progress.rowsRead;
    const refuse = (sourceId: string | null, issues: ImportRowIssue[]) => {
      progress.rowsFailed += 1;
      issues.forEach((i) => fail({ row, line: rec.line, sourceId, column: i.column, problem: i.problem, params: i.params ?? {} }));
    };
    if (rec.error) {
      refuse(null, [{ column: null, problem: rec.error }]);
      return;
    }
    const mapped = mapRow(spec, header, rec.fields, today);
    if (!mapped.ok) {
      refuse(mapped.sourceId, mapped.issues);
      return;
    }
    const c = mapped.complaint;
    const issues = policyIssues(c, policy);
    const firstRow = firstRowOf.get(c.sourceId);
    if (firstRow !== undefined) issues.push({ column: spec.idColumn, problem: 'duplicate_in_file', params: { firstRow } });
    if (issues.length > 0) {
      refuse(c.sourceId, issues);
      return;
    }
    firstRowOf.set(c.sourceId, row);
    progress.rowsValid += 1;
    pending.push(c);
  };

  const parser = new CsvParser();
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of input) {
    progress.bytesRead += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
    for (const rec of parser.push(asText(decoder, chunk))) handle(rec);
    while (pending.length >= batchSize) await flush();
    if (stopped) break;
  }
  if (!stopped) for (const rec of [...parser.push(asText(decoder, new Uint8Array(), true)), ...parser.end()]) handle(rec);
  if (header === null && !stopped) {
    report.fileError = {
      row: 0,
      line: 1,
      sourceId: null,
      column: null,
      problem: 'missing_columns',
      params: { columns: spec.requiredColumns.join(', ') },
    };
    fail(report.fileError);
  }
  while (pending.length > batchSize) await flush();
  await flush();
  Object.assign(report, progress);
  report.durationMs = Date.now() - started;
  return report;
}
