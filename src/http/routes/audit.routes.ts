import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditLog } from '../../services/administration/audit.service.js';
import type { ServiceContext } from '../../services/context.js';
import { access } from '../auth/route-access.js';
import { pickLocale } from '../i18n/locale.js';
import { auditPage } from '../schemas/administration.responses.js';
import { isoDateTime } from '../schemas/common.js';
import { answers } from '../schemas/response.js';

const MAX_BIGINT = 9_223_372_036_854_775_807n;

/** GET /api/audit: sign-ins, denials, complaint reads, unmasking, exports, administration; newest first. */
export function auditRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/audit',
      {
        config: { access: access.to('audit.read') },
        schema: {
          tags: ['audit'],
          summary: 'The audit log (auditors): raw ids, and targetLabel / actorName naming them in the Accept-Language',
          querystring: z.strictObject({
            actor: z.string().max(64).optional(),
            action: z.string().max(64).optional().describe('prefix, e.g. auth. or complaint.unmask'),
            outcome: z.enum(['success', 'denied', 'failure']).optional(),
            targetId: z.string().max(64).optional(),
            from: isoDateTime.optional(),
            to: isoDateTime.optional(),
            cursor: z
              .string()
              .regex(/^\d{1,19}$/, { message: 'invalid_cursor' })
              // an audit_log id is a bigint: 19 digits can still exceed it (PostgreSQL would refuse: 500)
              .refine((v) => !/^\d{1,19}$/.test(v) || BigInt(v) <= MAX_BIGINT, { message: 'invalid_cursor' })
              .optional(),
            limit: z.coerce.number().int().min(1).max(500).default(100),
          }),
          response: answers({ 200: auditPage }),
        },
      },
      async (req) => {
        const q = req.query;
        const english = pickLocale(req.headers['accept-language']) === 'en-US';
        return auditLog(
          ctx.db,
          {
            actor: q.actor,
            action: q.action,
            outcome: q.outcome,
            targetId: q.targetId,
            from: q.from ? new Date(q.from) : undefined,
            to: q.to ? new Date(q.to) : undefined,
            before: q.cursor,
            limit: q.limit,
          },
          english,
        );
      },
    );
  };
}
