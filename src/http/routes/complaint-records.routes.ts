import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { complaintRecords } from '../../services/complaints/complaint-records.service.js';
import type { ServiceContext } from '../../services/context.js';
import { access, metaOf, principal } from '../auth/route-access.js';
import { idParams } from '../schemas/common.js';
import { answers } from '../schemas/response.js';
import { complaintRecords as recordsAnswer } from '../schemas/workflow.responses.js';

/**
 * The records a complaint's workflow steps wrote (issue #5, the complaint page's tabs): findings,
 * analysis, compensation with approval and payment, settlement, feedback, survey, closing,
 * progress, the leadership meeting and its plan, evidence metadata, extensions; plus the plan's
 * milestones with the state of their clocks. Read by anyone who may read the complaint.
 */
export function complaintRecordRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/complaints/:id/records',
      {
        config: { access: access.to('complaint.read') },
        schema: {
          tags: ['workflow'],
          summary:
            "The complaint's workflow records (kind: investigation, findings, analysis, compensation, settlement, feedback, survey, closing, meeting, …) and plan milestones",
          params: idParams,
          response: answers({ 200: recordsAnswer }, 404),
        },
      },
      async (req) => complaintRecords(ctx, metaOf(req), principal(req), req.params.id),
    );
  };
}
