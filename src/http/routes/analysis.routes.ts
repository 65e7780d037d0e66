import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../services/context.js';
import { analyseCauses, analyseImpact, analyseTrend, auditAnalysisRead } from '../../services/reports/analysis.service.js';
import { listOpenSpikes } from '../../services/reports/spike.service.js';
import { access, metaOf, principal } from '../auth/route-access.js';
import {
  analysisQuerystring,
  causesAnswer,
  impactAnswer,
  spikesAnswer,
  trendAnswer,
  trendQuerystring,
} from '../schemas/analysis.schemas.js';
import { answers } from '../schemas/response.js';
import { statisticsQuery } from './statistics.routes.js';

/** Analysis (#13 item 2, R-F3): cause ranking, trends with month-on-month and year-on-year change, impact, spike alerts. */
export function analysisRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['statistics'];
    const read = { config: { access: access.to('statistics.read') } };

    app.get(
      '/api/statistics/causes',
      {
        ...read,
        schema: {
          tags,
          summary: 'Cause ranking (Pareto) of the complaints received in a period, within your data scope',
          description:
            'Causes are those of each complaint’s latest analysis record; a complaint naming several counts for each, so shares are of mentions. ' +
            'The read is recorded in the audit log.',
          querystring: analysisQuerystring,
          response: answers({ 200: causesAnswer }),
        },
      },
      async (req) => {
        const q = statisticsQuery(req.query);
        const result = await analyseCauses(ctx, principal(req), q);
        await auditAnalysisRead(ctx, metaOf(req), principal(req), 'causes', {
          from: q.from,
          to: q.to,
          filter: q.filter,
          rows: result.rows.length,
        });
        return result;
      },
    );

    app.get(
      '/api/statistics/trend',
      {
        ...read,
        schema: {
          tags,
          summary: 'Monthly series of one measure, optionally per value of one dimension, with month-on-month and year-on-year change',
          description:
            'The figures are those of GET /api/statistics grouped by month (each measure by its own instant). Counts and money are 0 in a ' +
            'month without complaints; rates and percentiles null. The read is recorded in the audit log.',
          querystring: trendQuerystring,
          response: answers({ 200: trendAnswer }),
        },
      },
      async (req) => {
        const { from, to, measure, groupBy, limit, ...filters } = req.query;
        const { filter } = statisticsQuery({ ...filters, from: `${from}-01`, to: `${to}-01` });
        const result = await analyseTrend(ctx, principal(req), { fromMonth: from, toMonth: to, measure, groupBy, limit, filter });
        await auditAnalysisRead(ctx, metaOf(req), principal(req), 'trend', { from, to, measure, groupBy: groupBy ?? null, filter });
        return result;
      },
    );

    app.get(
      '/api/statistics/impact',
      {
        ...read,
        schema: {
          tags,
          summary:
            'Impact of the complaints received in a period: amounts, compensation, risk flags, regulator referrals, major complaints',
          description: 'Each figure with the ledger query of the complaints behind it. The read is recorded in the audit log.',
          querystring: analysisQuerystring,
          response: answers({ 200: impactAnswer }),
        },
      },
      async (req) => {
        const q = statisticsQuery(req.query);
        const result = await analyseImpact(ctx, principal(req), q);
        await auditAnalysisRead(ctx, metaOf(req), principal(req), 'impact', { from: q.from, to: q.to, filter: q.filter });
        return result;
      },
    );

    app.get(
      '/api/statistics/spikes',
      {
        ...read,
        schema: {
          tags,
          summary: 'Open spike alerts: products, categories and branches whose complaints rose sharply above their own baseline',
          description:
            'Judged every morning over every complaint, so only readers who see every complaint get them (an empty list otherwise). ' +
            'Each is a tracked exception of kind spike until resolved.',
          response: answers({ 200: spikesAnswer }),
        },
      },
      async (req) => {
        const items = await listOpenSpikes(ctx, principal(req));
        await auditAnalysisRead(ctx, metaOf(req), principal(req), 'spikes', { items: items.length });
        return { items };
      },
    );
  };
}
