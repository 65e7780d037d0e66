import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DomainError } from '../../domain/errors.js';
import { findEvidenceFile } from '../../db/repositories/evidence.repository.js';
import { complaintInScope } from '../../services/complaint-access.js';
import type { ServiceContext } from '../../services/context.js';
import { access, principal } from '../auth/route-access.js';

/** Content-Disposition with an ASCII fallback and the exact UTF-8 name (RFC 6266, RFC 5987 filename*). */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * Evidence files (R-D1), uploaded with POST /api/complaints/{id}/add-evidence: downloaded by anyone
 * who may read the complaint, always as an attachment with its stored type (never rendered inline).
 */
export function evidenceRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/complaints/:id/evidence/:fileId',
      {
        config: { access: access.to('complaint.read') },
        schema: {
          tags: ['workflow'],
          summary: 'Download an evidence file / 下载证据文件',
          params: z.strictObject({ id: z.string().min(1).max(64), fileId: z.uuid() }),
        },
      },
      async (req, reply) => {
        const c = await complaintInScope(ctx.db, principal(req), req.params.id);
        const file = await findEvidenceFile(ctx.db, c.id, req.params.fileId);
        if (!file) throw new DomainError('not_found', {}, 'fileId');
        return reply
          .header('content-type', file.contentType)
          .header('content-length', String(file.size))
          .header('content-disposition', contentDisposition(file.name))
          .header('cache-control', 'private, no-store')
          .header('x-content-type-options', 'nosniff')
          .header('etag', `"${file.sha256}"`)
          .send(file.content);
      },
    );
  };
}
