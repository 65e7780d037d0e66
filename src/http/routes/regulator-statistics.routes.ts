import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../services/context.js';
import { regulatorStatistics, regulatorStatisticsFile } from '../../services/reports/regulator-statistics.service.js';
import { access, metaOf, principal } from '../auth/route-access.js';
import { pickLocale } from '../i18n/locale.js';
import { fileDownload } from '../schemas/complaint.responses.js';
import { regulatorQuerystring, regulatorStatisticsAnswer } from '../schemas/regulator-statistics.schemas.js';
import { answers } from '../schemas/response.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV = 'text/csv; charset=utf-8';

const description = [
  'Complaints received in the quarter (local date of receipt, within your data scope; the same set as the statistics measure received),',
  "in the regulators' categories: insurance by dispute type (理赔纠纷, 销售纠纷, 退保纠纷, 保单服务, 其他) for property and personal insurance,",
  'securities by business type (business line), by channel, and by calendar days from receipt to the decision told to the customer',
  '(within 15, 16-30, 31-60, over 60, not decided yet). The read is recorded in the audit log.',
].join(' ');

/** The regulators' quarterly complaint statistics (#13 item 6) as JSON, xlsx and CSV. */
export function regulatorStatisticsRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['statistics'];
    app.get(
      '/api/statistics/regulator',
      {
        config: { access: access.to('statistics.read') },
        schema: {
          tags,
          summary: "Quarterly complaint statistics in the regulators' categories",
          description,
          querystring: regulatorQuerystring,
          response: answers({ 200: regulatorStatisticsAnswer }),
        },
      },
      async (req) => regulatorStatistics(ctx, metaOf(req), principal(req), req.query),
    );

    for (const format of ['xlsx', 'csv'] as const) {
      const type = format === 'xlsx' ? XLSX : CSV;
      app.get(
        `/api/statistics/regulator.${format}`,
        {
          config: { access: access.to('statistics.read') },
          schema: {
            tags,
            summary: `Quarterly complaint statistics in the regulators' categories as ${format === 'xlsx' ? 'an xlsx workbook' : 'CSV (UTF-8 with BOM)'}`,
            description: `${description} Labels in the request's language (Accept-Language). The download is recorded in the audit log.`,
            querystring: regulatorQuerystring,
            response: answers({ 200: fileDownload(type, format === 'xlsx' ? 'summary and one sheet per table' : 'one figure a line') }),
          },
        },
        async (req, reply) => {
          const english = pickLocale(req.headers['accept-language']) === 'en-US';
          const file = await regulatorStatisticsFile(ctx, metaOf(req), principal(req), req.query, format, english);
          return reply
            .header('content-type', type)
            .header(
              'content-disposition',
              `attachment; filename="regulator-statistics.${format}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
            )
            .header('cache-control', 'no-store')
            .send(file.body);
        },
      );
    }
  };
}
