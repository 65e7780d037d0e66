import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../services/context.js';
import { kpiChoices, readKpis } from '../../services/supervision/kpi.service.js';
import { access, metaOf, principal } from '../auth/route-access.js';
import { kpiAnswer, kpiChoicesAnswer, kpiQuerystring } from '../schemas/assessment.schemas.js';
import { answers } from '../schemas/response.js';

/** KPIs per department and per person over any period (#14 item 5, R-E6), within what the reader may see. */
export function kpiRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['assessment'];
    app.get(
      '/api/kpis',
      {
        config: { access: access.to('kpi.read') },
        schema: {
          tags,
          summary: 'KPIs of a department, a person or the company over a period, scored against the policy targets',
          description: [
            'A person sees their own; a department supervisor their departments and their people; leaders, the inspector and the auditor',
            'everyone (others: 404). Without department or person: the company with every department (all-scoped readers), your first',
            'department (supervisors) or yourself. On-time rates, satisfaction and reopen rates and the volume count the complaints received',
            'in the period; handling days those closed in it, as the statistics do. The read is recorded in the audit log.',
          ].join(' '),
          querystring: kpiQuerystring,
          response: answers({ 200: kpiAnswer }, 404),
        },
      },
      async (req) => readKpis(ctx, metaOf(req), principal(req), req.query),
    );
    app.get(
      '/api/kpis/choices',
      {
        config: { access: access.to('kpi.read') },
        schema: {
          tags,
          summary: 'The departments and people whose KPIs you may see',
          response: answers({ 200: kpiChoicesAnswer }),
        },
      },
      async (req) => kpiChoices(ctx, principal(req)),
    );
  };
}
