import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { STATISTICS_DIMENSIONS, STATISTICS_MEASURES, type StatisticsDimension, type StatisticsMeasure } from '../../domain/codes.js';
import type { StatisticsQuery } from '../../domain/reports/statistics-types.js';
import { assertNoIssues, type FieldIssue } from '../../domain/validation.js';
import type { ServiceContext } from '../../services/context.js';
import { readStatistics } from '../../services/reports/statistics.service.js';
import { access, metaOf, principal } from '../auth/route-access.js';
import { splitList } from '../schemas/common.js';
import { statisticsAnswer, statisticsQuerystring } from '../schemas/statistics.schemas.js';
import { answers } from '../schemas/response.js';

/** The query string as the statistics service takes it: codes checked against their lists, each fault naming its field. */
export function statisticsQuery(q: z.infer<typeof statisticsQuerystring>): StatisticsQuery {
  const issues: FieldIssue[] = [];
  const oneOf = <T extends string>(field: string, list: readonly T[], value: string | string[] | undefined): T[] => {
    const values = splitList(value) ?? [];
    const bad = values.filter((v) => !(list as readonly string[]).includes(v));
    if (bad.length > 0) issues.push({ field: `querystring.${field}`, code: 'invalid_value', params: { values: list.join(', ') } });
    return values.filter((v): v is T => (list as readonly string[]).includes(v));
  };
  const groupBy = oneOf<StatisticsDimension>('groupBy', STATISTICS_DIMENSIONS, q.groupBy);
  const measures = oneOf<StatisticsMeasure>('measures', STATISTICS_MEASURES, q.measures);
  const levels = splitList(q.level)?.map(Number);
  if (levels?.some((l) => ![1, 2, 3].includes(l)))
    issues.push({ field: 'querystring.level', code: 'invalid_value', params: { values: '1, 2, 3' } });
  assertNoIssues(issues);
  const filter = {
    level: levels,
    channel: splitList(q.channel),
    businessLine: splitList(q.businessLine),
    category: splitList(q.category),
    branch: splitList(q.branch),
    product: splitList(q.product),
    cause: splitList(q.cause),
    department: splitList(q.department),
    handler: splitList(q.handler),
    outcome: splitList(q.outcome),
    customerGroup: splitList(q.customerGroup),
    imported: q.imported === undefined ? undefined : q.imported === 'true',
  };
  return {
    from: q.from,
    to: q.to,
    groupBy,
    ...(measures.length > 0 ? { measures } : {}),
    filter: Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)),
  };
}

/** Statistics (#13 item 1, R-F1/R-F2): counts and rates over any period, grouped, each figure with its ledger drill-down. */
export function statisticsRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/statistics',
      {
        config: { access: access.to('statistics.read') },
        schema: {
          tags: ['statistics'],
          summary: 'Statistics over a period, grouped by up to two dimensions, within your data scope',
          description: [
            'Received-based measures (received, the six timeliness counts, reopen and satisfaction rates, compensation, amounts) count the',
            'complaints received in [from, to]; closed and the handling-day percentiles those closed in it; open_at_end those received by the',
            "end and not closed by then. By month, week or day each measure takes its own instant. Each figure's `drill` is the ledger query",
            'listing exactly its complaints (for rates: the numerator). The read is recorded in the audit log.',
          ].join(' '),
          querystring: statisticsQuerystring,
          response: answers({ 200: statisticsAnswer }),
        },
      },
      async (req) => readStatistics(ctx, metaOf(req), principal(req), statisticsQuery(req.query)),
    );
  };
}
