/**
 * npm run import -- --mapping tdi|cfpb FILE [--dry-run] [--as USERNAME] [--batch N]
 *
 * Imports historical complaints from a CSV file (#13 item 7, R-H7). Progress goes to stderr; the
 * summary and every refused row (as CSV: row, source id, column, code, problem) to stdout. A dry
 * run validates every row and writes nothing; a real run is recorded as an import run (shown on
 * the web page 历史导入), and a second run of the same file imports only what is not there yet.
 * Exit code: 0 done, 1 some rows refused, 2 bad arguments or a file the mapping cannot read.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { IMPORT_MAPPINGS, type ImportMapping } from '../domain/codes.js';
import { csvLine } from '../domain/imports/csv-writer.js';
import { importIssueMessage } from '../domain/imports/import-messages.js';
import { importComplaints, type ImportProgress, type ImportReport, type ImportRowError } from '../services/imports/import.service.js';
import { recordCliRun, runRecorded } from '../services/imports/import-runs.service.js';
import type { ServiceContext } from '../services/context.js';
import { openDatabase } from './cli-support.js';

const USAGE = 'usage: npm run import -- --mapping tdi|cfpb FILE [--dry-run] [--as USERNAME] [--batch N]';

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      mapping: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      as: { type: 'string', default: 'system' },
      batch: { type: 'string', default: '500' },
    },
  });
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
}
const { values, positionals } = parsed;
const mapping = values.mapping;
if (!mapping || !(IMPORT_MAPPINGS as readonly string[]).includes(mapping)) fail(`--mapping must be one of: ${IMPORT_MAPPINGS.join(', ')}`);
if (positionals.length !== 1) fail('give exactly one CSV file');
const file = path.resolve(positionals[0]!);
const size = await stat(file)
  .then((s) => s.size)
  .catch(() => fail(`cannot read ${file}`));
const batchSize = Number(values.batch);
if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 5000) fail('--batch must be a whole number from 1 to 5000');
const dryRun = values['dry-run'];

async function sha256Of(p: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(p)) h.update(chunk as Buffer);
  return h.digest('hex');
}

let started = Date.now();
function showProgress(p: ImportProgress): void {
  const pct = size === 0 ? 100 : Math.floor((p.bytesRead / size) * 100);
  const done = dryRun ? `${p.rowsValid} valid` : `${p.rowsImported} imported, ${p.rowsSkipped} already there`;
  process.stderr.write(
    `\r${pct}% · ${p.rowsRead} rows read · ${done} · ${p.rowsFailed} refused · ${((Date.now() - started) / 1000).toFixed(1)} s   `,
  );
}

const opened = await openDatabase();
let exitCode = 2;
try {
  const ctx: ServiceContext = { db: opened.db, timeZone: opened.config.timeZone, now: () => new Date(), security: opened.security };
  const actor = { id: values.as };
  started = Date.now();
  const problems: string[] = [];
  const collect = (errors: ImportRowError[]) => {
    for (const e of errors) problems.push(csvLine([e.row, e.sourceId, e.column, e.problem, importIssueMessage(e, 'en-US')]));
  };
  let report: ImportReport;
  if (dryRun) {
    report = await importComplaints(ctx, actor, createReadStream(file), {
      mapping: mapping as ImportMapping,
      dryRun: true,
      batchSize,
      maxErrors: 0,
      onProgress: showProgress,
      onErrors: collect,
    });
  } else {
    const run = await recordCliRun(ctx, actor, { name: path.basename(file), size, sha256: await sha256Of(file) }, mapping as ImportMapping);
    process.stderr.write(`import run ${run.id}\n`);
    report = await runRecorded(ctx, run, createReadStream(file), { onProgress: showProgress, onErrors: collect, batchSize });
  }
  process.stderr.write('\n');
  const s = (n: number) => String(n).padStart(7);
  process.stdout.write(
    [
      `${dryRun ? 'dry run (nothing written)' : 'import'} of ${file} with mapping ${mapping} in ${(report.durationMs / 1000).toFixed(1)} s`,
      `${s(report.rowsRead)} rows read`,
      `${s(report.rowsValid)} valid${dryRun ? '' : `: ${report.rowsImported} imported, ${report.rowsSkipped} already imported (skipped)`}`,
      `${s(report.rowsClosed)} closed at the source (imported closed, no clocks)`,
      `${s(report.rowsOpen)} open (clocks planned from the receipt)`,
      dryRun ? `${s(report.rowsSkipped)} already imported (would be skipped)` : null,
      `${s(report.rowsFailed)} refused`,
    ]
      .filter((l): l is string => l !== null)
      .join('\n') + '\n',
  );
  if (problems.length > 0) {
    process.stdout.write(`\nrefused rows:\n${csvLine(['row', 'source id', 'column', 'code', 'problem'])}${problems.join('')}`);
  }
  exitCode = report.fileError ? 2 : report.rowsFailed > 0 ? 1 : 0;
} finally {
  await opened.close();
}
process.exit(exitCode);
