import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../services/context.js';
import {
  getImprovementAction,
  listImprovementActions,
  markImprovementDone,
  updateImprovementAction,
  verifyImprovementAction,
} from '../../services/workflow/improvement.service.js';
import { access, principal } from '../auth/route-access.js';
import { idParams, isoDateTime, requiredText } from '../schemas/common.js';
import { BODY_ERRORS } from '../schemas/complaint.responses.js';
import { answers } from '../schemas/response.js';
import { improvementAction, improvementPage } from '../schemas/workflow.responses.js';

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

/**
 * Improvement actions (R-D3, issue #4 item 6) beyond the complaint they came from: listed and read
 * within the originating complaint's scope, marked done by the owner, verified by someone else.
 * Created by POST /api/complaints/{id}/create-improvement-action.
 */
export function improvementRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['workflow'];

    app.get(
      '/api/improvement-actions',
      {
        config: { access: access.to('complaint.read') },
        schema: {
          tags,
          summary: 'Improvement actions I may see, earliest due first',
          querystring: z.strictObject({
            status: z.enum(['open', 'done', 'verified']).optional(),
            owner: z.string().trim().min(1).max(64).optional(),
            departmentId: z.uuid().optional(),
            complaintId: z.uuid().optional(),
            overdue: bool.optional().describe('true: open and past due; false: the others'),
            limit: z.coerce.number().int().min(1).max(200).default(50),
            cursor: z.string().min(1).max(300).optional().describe('nextCursor of the previous page'),
          }),
          response: answers({ 200: improvementPage }),
        },
      },
      async (req) => listImprovementActions(ctx, principal(req), req.query),
    );

    app.get(
      '/api/improvement-actions/:id',
      {
        config: { access: access.to('complaint.read') },
        schema: { tags, summary: 'One improvement action', params: idParams, response: answers({ 200: improvementAction }, 404) },
      },
      async (req) => getImprovementAction(ctx, principal(req), req.params.id),
    );

    app.post(
      '/api/improvement-actions/:id/done',
      {
        // the owner, or a holder of improvement.manage (checked by the service)
        config: { access: access.to('complaint.read') },
        schema: {
          tags,
          summary: 'Mark done (owner or improvement manager): open -> done; meets the deadline clock',
          params: idParams,
          body: z.strictObject({ note: requiredText(5000) }),
          response: answers({ 200: improvementAction }, ...BODY_ERRORS, 404, 409),
        },
      },
      async (req) => markImprovementDone(ctx, principal(req), req.params.id, req.body.note),
    );

    app.post(
      '/api/improvement-actions/:id/verify',
      {
        config: { access: access.to('improvement.manage') },
        schema: {
          tags,
          summary: 'Verify (not by whoever marked it done): done -> verified, or back to open with a new deadline when not effective',
          params: idParams,
          body: z.strictObject({ note: requiredText(5000), effective: z.boolean() }),
          response: answers({ 200: improvementAction }, ...BODY_ERRORS, 404, 409),
        },
      },
      async (req) => verifyImprovementAction(ctx, principal(req), req.params.id, req.body),
    );

    app.patch(
      '/api/improvement-actions/:id',
      {
        config: { access: access.to('improvement.manage') },
        schema: {
          tags,
          summary: 'Change owner, due time or description (a new due time restarts the deadline clock)',
          params: idParams,
          body: z
            .strictObject({
              owner: z.string().trim().min(2).max(64).optional(),
              dueAt: isoDateTime.optional(),
              description: z.string().trim().max(10_000).nullish(),
            })
            .refine((b) => b.owner !== undefined || b.dueAt !== undefined || b.description !== undefined, {
              message: 'nothing_to_change',
              path: ['owner'],
            }),
          response: answers({ 200: improvementAction }, ...BODY_ERRORS, 404, 409),
        },
      },
      async (req) => updateImprovementAction(ctx, principal(req), req.params.id, req.body),
    );
  };
}
