import multipart from '@fastify/multipart';
import { Readable } from 'node:stream';
import type { FastifyRouteSchemaDef, FastifyValidationResult } from 'fastify/types/schema.js';
import { validatorCompiler, type FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ValidationError } from '../../domain/validation.js';
import { exportLedgerCsv } from '../../services/complaints/ledger-export-csv.service.js';
import type { ServiceContext } from '../../services/context.js';
import { carryOutDryRun, getImportRun, importErrorsCsv, listRuns, startImportRun } from '../../services/imports/import-runs.service.js';
import { access, actorOf, metaOf, principal } from '../auth/route-access.js';
import { pickLocale } from '../i18n/locale.js';
import { fileDownload } from '../schemas/complaint.responses.js';
import { ledgerQuerystring } from '../schemas/complaint.schemas.js';
import { importRun, importRunList, importRunParams, importUploadFields } from '../schemas/imports.schemas.js';
import { answers } from '../schemas/response.js';
import { ledgerQuery } from './complaints.routes.js';
import { receiveMultipart } from './multipart-upload.js';

/** The largest CSV accepted for an import (the Texas file is 2.6 MB, the CFPB sample 14 MB). */
export const IMPORT_MAX_BYTES = 200 * 1024 * 1024;
const CSV_TYPES = ['text/csv', 'text/plain', 'application/csv', 'application/vnd.ms-excel', 'application/octet-stream'];
const CSV = 'text/csv; charset=utf-8';

/** Zod for the path; the multipart body is read by the handler as a stream. */
function uploadValidator<S>(route: FastifyRouteSchemaDef<S>): FastifyValidationResult {
  if (route.httpPart === 'body') return () => ({ value: undefined });
  return validatorCompiler(route as unknown as FastifyRouteSchemaDef<z.ZodType>);
}

const attachment = (name: string, ascii: string) => `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/**
 * Historical import (#13 item 7, R-H7): upload a CSV with a mapping (dry run or real), watch its
 * progress, download the refused rows, carry a dry run out for real; and the ledger as streamed CSV.
 */
export function importRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(multipart, { limits: { fileSize: IMPORT_MAX_BYTES, files: 1 } });
    const tags = ['imports'];

    app.post(
      '/api/imports',
      {
        config: { access: access.to('complaint.import') },
        validatorCompiler: uploadValidator,
        schema: {
          tags,
          summary: '历史导入 / Upload a CSV of historical complaints with a column mapping, as a dry run or for real (multipart/form-data)',
          description:
            'Text fields `mapping` (tdi | cfpb) and `dryRun` (true | false, default true), then the part `file` (CSV, UTF-8, at most 200 MB). The header is checked at once (400 `import_missing_columns` naming `file`); the rows are read by the job `import.run`: follow GET /api/imports/{id}. Recorded in the audit log.',
          consumes: ['multipart/form-data'],
          body: z.object({ mapping: z.string(), dryRun: z.string().optional(), file: z.file() }),
          response: answers({ 202: importRun }, 413, 415),
        },
      },
      async (req, reply) => {
        const upload = await receiveMultipart(req, {
          textFields: ['mapping', 'dryRun'],
          fileField: 'file',
          maxFiles: 1,
          settings: { maxBytes: IMPORT_MAX_BYTES, contentTypes: CSV_TYPES },
          tempPrefix: 'import-',
        });
        try {
          const fields = importUploadFields.safeParse(upload.fields);
          if (!fields.success) {
            throw new ValidationError(
              fields.error.issues.map((i) => ({
                field: String(i.path[0] ?? 'body'),
                code: 'invalid_value',
                params: { values: 'mapping: tdi | cfpb; dryRun: true | false' },
              })),
            );
          }
          const file = upload.files[0];
          if (!file) throw new ValidationError([{ field: 'file', code: 'required' }]);
          const run = await startImportRun(ctx, actorOf(req), metaOf(req), {
            mapping: fields.data.mapping,
            dryRun: fields.data.dryRun === 'true',
            file,
          });
          return reply.code(202).header('location', `/api/imports/${run.id}`).send(run);
        } finally {
          await upload.cleanup();
        }
      },
    );

    app.get(
      '/api/imports',
      {
        config: { access: access.to('complaint.import') },
        schema: { tags, summary: 'The latest 100 import runs, newest first', response: answers({ 200: importRunList }) },
      },
      async () => ({ items: await listRuns(ctx) }),
    );

    app.get(
      '/api/imports/:id',
      {
        config: { access: access.to('complaint.import') },
        schema: {
          tags,
          summary: 'One import run: status, progress and counts',
          params: importRunParams,
          response: answers({ 200: importRun }, 404),
        },
      },
      async (req) => getImportRun(ctx, req.params.id),
    );

    app.post(
      '/api/imports/:id/run',
      {
        config: { access: access.to('complaint.import') },
        schema: {
          tags,
          summary: 'Carry out a finished dry run for real, on the same file (once); recorded in the audit log',
          params: importRunParams,
          response: answers({ 202: importRun }, 404, 409),
        },
      },
      async (req, reply) => {
        const run = await carryOutDryRun(ctx, actorOf(req), metaOf(req), req.params.id);
        return reply.code(202).header('location', `/api/imports/${run.id}`).send(run);
      },
    );

    app.get(
      '/api/imports/:id/errors.csv',
      {
        config: { access: access.to('complaint.import') },
        schema: {
          tags,
          summary: "The run's refused rows as CSV (row, source id, column, code, problem in the request's language)",
          params: importRunParams,
          response: answers({ 200: fileDownload('text/csv', 'one line per problem of a refused row') }, 404),
        },
      },
      async (req, reply) => {
        const language = pickLocale(req.headers['accept-language']);
        const chunks = importErrorsCsv(ctx, req.params.id, language);
        // the first piece (header) comes after the run is found, so a wrong id is still a 404
        const first = await chunks.next();
        async function* all() {
          if (!first.done) yield first.value;
          yield* chunks;
        }
        return reply
          .header('content-type', CSV)
          .header('content-disposition', attachment(`import-errors-${req.params.id}.csv`, `import-errors-${req.params.id}.csv`))
          .header('cache-control', 'no-store')
          .send(Readable.from(all()));
      },
    );

    app.get(
      '/api/complaints/export.csv',
      {
        config: { access: access.to('complaint.export') },
        schema: {
          tags: ['complaints'],
          summary:
            "The ledger's current filter and sort as CSV, streamed with no row limit (within your data scope); recorded in the audit log",
          querystring: ledgerQuerystring.omit({ limit: true, cursor: true, total: true }),
          response: answers({ 200: fileDownload('text/csv', 'the ledger as CSV (UTF-8 with BOM); X-Export-Rows says how many rows') }),
        },
      },
      async (req, reply) => {
        const p = principal(req);
        const { limit: _limit, cursor: _cursor, ...q } = ledgerQuery({ ...req.query, limit: 1 }, { username: p.username, now: ctx.now() });
        const english = pickLocale(req.headers['accept-language']) === 'en-US';
        const file = await exportLedgerCsv(ctx, metaOf(req), p, q, english);
        return reply
          .header('content-type', CSV)
          .header('content-disposition', attachment(file.fileName, 'complaints.csv'))
          .header('x-export-rows', String(file.rows))
          .header('cache-control', 'no-store')
          .send(Readable.from(file.chunks));
      },
    );
  };
}
