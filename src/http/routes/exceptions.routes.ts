import { EXCEPTION_KINDS } from '../../domain/codes.js';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../services/context.js';
import { listExceptions, resolveException } from '../../services/workflow/exception.service.js';
import { access, principal } from '../auth/route-access.js';
import { idParams, requiredText } from '../schemas/common.js';
import { BODY_ERRORS } from '../schemas/complaint.responses.js';
import { answers } from '../schemas/response.js';
import { exceptionItem, exceptionPage } from '../schemas/workflow.responses.js';

/** R-E3: tracked exceptions (breach, dissatisfied customer, stalled progress) until a leader resolves them. */
export function exceptionRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['workflow'];

    app.get(
      '/api/exceptions',
      {
        config: { access: access.to('complaint.read') },
        schema: {
          tags,
          summary: 'Tracked exceptions on the complaints I may see, newest first',
          querystring: z.strictObject({
            status: z.enum(['open', 'resolved']).optional().describe('both when absent'),
            kind: z.enum(EXCEPTION_KINDS).optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
            cursor: z.string().min(1).max(300).optional().describe('nextCursor of the previous page'),
          }),
          response: answers({ 200: exceptionPage }),
        },
      },
      async (req) => listExceptions(ctx, principal(req), req.query),
    );

    app.post(
      '/api/exceptions/:id/resolve',
      {
        config: { access: access.to('exception.manage') },
        schema: {
          tags,
          summary: 'Resolve a tracked exception with a note (recorded in the complaint history)',
          params: idParams,
          body: z.strictObject({ resolution: requiredText(5000) }),
          response: answers({ 200: exceptionItem }, ...BODY_ERRORS, 404, 409),
        },
      },
      async (req) => resolveException(ctx, principal(req), req.params.id, req.body.resolution),
    );
  };
}
