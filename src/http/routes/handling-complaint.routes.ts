/** Complaints about complaint handling (R-E5, #14 item 2): staff link a registered complaint to the one whose handling it is about. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { linkAsHandlingComplaint } from '../../services/complaints/handling-complaint.service.js';
import { complaintDetail } from '../../services/complaints/complaint-view.js';
import type { ServiceContext } from '../../services/context.js';
import { access, principal } from '../auth/route-access.js';
import { idParams } from '../schemas/common.js';
import { aboutHandlingBody } from '../schemas/complaint.schemas.js';
import { BODY_ERRORS, complaintDetail as detailAnswer } from '../schemas/complaint.responses.js';
import { answers } from '../schemas/response.js';

export function handlingComplaintRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/complaints/:id/about-handling',
      {
        config: { access: access.to('complaint.assign') },
        schema: {
          tags: ['complaints'],
          summary:
            'Mark a complaint as one about how another complaint was handled (R-E5): linked both ways, moved to the supervision department, its handlers of the original taken off it',
          params: idParams,
          body: aboutHandlingBody,
          response: answers({ 200: detailAnswer }, ...BODY_ERRORS, 404, 409),
        },
      },
      async (req) => {
        const p = principal(req);
        const id = await linkAsHandlingComplaint(ctx, p, req.params.id, req.body.aboutComplaint);
        return complaintDetail(ctx, p, id);
      },
    );
  };
}
