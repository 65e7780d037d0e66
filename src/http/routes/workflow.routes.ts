import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { TRANSITIONS } from '../../domain/workflow/transitions.js';
import type { ServiceContext } from '../../services/context.js';
import { complaintDetail } from '../../services/complaints/complaint-view.js';
import { actionPath, WORKFLOW_HANDLERS } from '../../services/workflow/handlers/index.js';
import { performAction } from '../../services/workflow/workflow.service.js';
import { access, metaOf, principal } from '../auth/route-access.js';
import { idParams } from '../schemas/common.js';
import { BODY_ERRORS, complaintDetail as detailAnswer } from '../schemas/complaint.responses.js';
import { answers } from '../schemas/response.js';

/** One endpoint per workflow action (issue #4); a step the table forbids answers 409 with the reason. */
export function workflowRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    for (const h of WORKFLOW_HANDLERS) {
      if (h.ownRoute) continue;
      const rule = TRANSITIONS[h.action];
      app.post(
        `/api/complaints/:id/${actionPath(h.action)}`,
        {
          config: { access: access.to(rule.permission) },
          schema: {
            tags: ['workflow'],
            summary: `${rule.zh} / ${rule.en}`,
            params: idParams,
            body: h.body,
            response: answers({ 200: detailAnswer }, ...BODY_ERRORS, 404, 409),
          },
        },
        async (req) => {
          const p = principal(req);
          const id = await performAction(ctx, metaOf(req), p, req.params.id, h, req.body);
          return complaintDetail(ctx, p, id);
        },
      );
    }
  };
}
