import multipart from '@fastify/multipart';
import type { FastifyRouteSchemaDef, FastifyValidationResult } from 'fastify/types/schema.js';
import { validatorCompiler, type FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TRANSITIONS } from '../../domain/workflow/transitions.js';
import { evidenceFileStream } from '../../db/repositories/evidence.repository.js';
import { readEvidenceFile } from '../../services/complaints/complaint-read-audit.service.js';
import { complaintDetail } from '../../services/complaints/complaint-view.js';
import type { ServiceContext } from '../../services/context.js';
import { addEvidenceUpload, checkEvidenceAllowed } from '../../services/complaints/evidence.service.js';
import { EVIDENCE_METHODS } from '../../domain/codes.js';
import { DEFAULT_EVIDENCE_SETTINGS, type EvidenceSettings } from '../../services/workflow/handlers/evidence-file.js';
import { access, metaOf, principal } from '../auth/route-access.js';
import { idParams } from '../schemas/common.js';
import { BODY_ERRORS, complaintDetail as detailAnswer, fileDownload } from '../schemas/complaint.responses.js';
import { answers } from '../schemas/response.js';
import { receiveEvidenceUpload } from './multipart-upload.js';

/** Content-Disposition with an ASCII fallback and the exact UTF-8 name (RFC 6266, RFC 5987 filename*). */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** The multipart form, for the OpenAPI document only: the route reads the parts as a stream. */
function uploadForm(settings: EvidenceSettings) {
  return z.object({
    method: z.enum(EVIDENCE_METHODS),
    note: z.string().min(1).max(20_000),
    file: z
      .file()
      .optional()
      .describe(
        `at most ${settings.maxBytes} bytes (${Math.round(settings.maxBytes / 1024 / 1024)} MiB); one of ${settings.contentTypes.join(', ')}`,
      ),
  });
}

/**
 * Zod for the path; the multipart body is read by the handler as a stream (receiveEvidenceUpload
 * checks every part), so the body schema above only documents it.
 */
function uploadValidator<S>(route: FastifyRouteSchemaDef<S>): FastifyValidationResult {
  if (route.httpPart === 'body') return () => ({ value: undefined });
  return validatorCompiler(route as unknown as FastifyRouteSchemaDef<z.ZodType>);
}

/**
 * Evidence files (R-D1): uploaded as multipart/form-data with POST /api/complaints/{id}/add-evidence
 * (streamed to disk, then to the database, issue #9 item 8); downloaded by anyone who may read the
 * complaint, always as an attachment with its stored type (never rendered inline), streamed.
 */
export function evidenceRoutes(ctx: ServiceContext, settings: EvidenceSettings = DEFAULT_EVIDENCE_SETTINGS): FastifyPluginAsyncZod {
  return async (app) => {
    // multipart only here: every other route keeps refusing it with 415
    await app.register(multipart, { limits: { fileSize: settings.maxBytes, files: 1 } });

    const rule = TRANSITIONS.add_evidence;
    app.post(
      '/api/complaints/:id/add-evidence',
      {
        config: { access: access.to(rule.permission) },
        validatorCompiler: uploadValidator,
        schema: {
          tags: ['workflow'],
          summary: `${rule.zh} / ${rule.en} (multipart/form-data)`,
          description:
            'Fields `method` and `note`, and optionally one part `file`. Refusals name the field: 413 `file_too_large` (with the limit), 415 `file_type_not_allowed`, 400 `file_empty` or `file_content_mismatch`; 415 `multipart_required` for any other content type.',
          params: idParams,
          consumes: ['multipart/form-data'],
          body: uploadForm(settings),
          response: answers({ 200: detailAnswer }, ...BODY_ERRORS, 404, 409),
        },
      },
      async (req) => {
        const p = principal(req);
        await checkEvidenceAllowed(ctx, p, req.params.id);
        const upload = await receiveEvidenceUpload(req, settings);
        try {
          const id = await addEvidenceUpload(ctx, metaOf(req), p, req.params.id, upload.fields, upload.file);
          return await complaintDetail(ctx, p, id);
        } finally {
          await upload.cleanup();
        }
      },
    );

    // the web app checks a file against these before uploading it, and states them beforehand
    app.get(
      '/api/evidence/settings',
      {
        config: { access: access.signedIn },
        schema: {
          tags: ['workflow'],
          summary: 'Evidence upload limits / 证据上传限制',
          response: answers({
            200: z.object({ maxBytes: z.number().int().describe('the largest file, in bytes'), contentTypes: z.array(z.string()) }),
          }),
        },
      },
      async () => ({ maxBytes: settings.maxBytes, contentTypes: [...settings.contentTypes] }),
    );

    app.get(
      '/api/complaints/:id/evidence/:fileId',
      {
        config: { access: access.to('complaint.read') },
        // recordings and scans are compressed already; the exact length lets clients show progress
        compress: false,
        schema: {
          tags: ['workflow'],
          summary: 'Download an evidence file / 下载证据文件',
          params: z.strictObject({ id: z.string().min(1).max(64), fileId: z.uuid() }),
          response: answers(
            {
              200: fileDownload(
                'application/octet-stream',
                'the file as uploaded, sent with the content type it was stored with, as an attachment',
              ),
            },
            404,
          ),
        },
      },
      async (req, reply) => {
        // recorded in the audit log as an unmasked read of the complaint (R-H1)
        const file = await readEvidenceFile(ctx, metaOf(req), principal(req), req.params.id, req.params.fileId);
        return reply
          .header('content-type', file.contentType)
          .header('content-length', String(file.size))
          .header('content-disposition', contentDisposition(file.name))
          .header('cache-control', 'private, no-store')
          .header('x-content-type-options', 'nosniff')
          .header('etag', `"${file.sha256}"`)
          .send(evidenceFileStream(ctx.db, file.id));
      },
    );
  };
}
