import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createMonthlyReport,
  createSpecialReport,
  downloadReport,
  finaliseReport,
  getReport,
  listReports,
  rebuildReport,
  reportProgress,
  updateReportText,
} from '../../services/reports/report-build.service.js';
import type { ServiceContext } from '../../services/context.js';
import { access, metaOf, principal } from '../auth/route-access.js';
import { BODY_ERRORS } from '../schemas/complaint.responses.js';
import {
  monthlyReportBody,
  reportDetail,
  reportFormatParams,
  reportIdParams,
  reportListQuery,
  reportPage,
  reportProgress as progressSchema,
  reportTextsBody,
  specialReportBody,
} from '../schemas/reports.schemas.js';
import { answers } from '../schemas/response.js';
import { contentDisposition } from './evidence.routes.js';

const TYPES = { pdf: 'application/pdf', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;
const binary = { schema: { type: 'string', format: 'binary' } };
const reportFile = z.unknown().meta({
  description: 'the report as PDF, or (monthly reports) as an xlsx workbook',
  content: { [TYPES.pdf]: binary, [TYPES.xlsx]: binary },
});

/**
 * Reports to the leadership (#13 items 4 and 5, R-F4, R-F5): the monthly report (built by the
 * schedule on the first working day of each month, or asked for) and special reports, built in the
 * background with their progress, each build a version; commentary until final; PDF and xlsx
 * downloads recorded in the audit log.
 */
export function reportRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['reports'];

    app.get(
      '/api/reports',
      {
        config: { access: access.to('report.read') },
        schema: { tags, summary: 'Reports, newest first', querystring: reportListQuery, response: answers({ 200: reportPage }) },
      },
      async (req) => listReports(ctx, req.query),
    );

    app.post(
      '/api/reports/monthly',
      {
        config: { access: access.to('report.manage') },
        schema: {
          tags,
          summary: "Build a month's report now (a new version when one exists; the commentary carries over); built in the background",
          body: monthlyReportBody,
          response: answers({ 202: reportDetail }, ...BODY_ERRORS),
        },
      },
      async (req, reply) => reply.code(202).send(await createMonthlyReport(ctx, metaOf(req), principal(req), req.body.month)),
    );

    app.post(
      '/api/reports/special',
      {
        config: { access: access.to('report.manage') },
        schema: {
          tags,
          summary: 'Build a special report on one complaint (in your scope; 404 otherwise) or a filtered set over a period',
          body: specialReportBody,
          response: answers({ 202: reportDetail }, ...BODY_ERRORS, 404),
        },
      },
      async (req, reply) => reply.code(202).send(await createSpecialReport(ctx, metaOf(req), principal(req), req.body)),
    );

    app.get(
      '/api/reports/:id',
      {
        config: { access: access.to('report.read') },
        schema: {
          tags,
          summary: 'One report version: state, texts, its versions and the highlights of its figures',
          params: reportIdParams,
          response: answers({ 200: reportDetail }, 404),
        },
      },
      async (req) => getReport(ctx, req.params.id),
    );

    app.get(
      '/api/reports/:id/progress',
      {
        config: { access: access.to('report.read') },
        schema: {
          tags,
          summary: 'The build progress (percent and step), for polling while it builds',
          params: reportIdParams,
          response: answers({ 200: progressSchema }, 404),
        },
      },
      async (req) => reportProgress(ctx, req.params.id),
    );

    app.post(
      '/api/reports/:id/rebuild',
      {
        config: { access: access.to('report.manage') },
        schema: {
          tags,
          summary: "A new version of the report from today's data (same kind, subject and period)",
          params: reportIdParams,
          response: answers({ 202: reportDetail }, 404),
        },
      },
      async (req, reply) => reply.code(202).send(await rebuildReport(ctx, metaOf(req), principal(req), req.params.id)),
    );

    app.post(
      '/api/reports/:id/commentary',
      {
        config: { access: access.to('report.manage') },
        schema: {
          tags,
          summary: 'Write the commentary and/or recommendations of a draft; its files are drawn again with them (409 when not a draft)',
          params: reportIdParams,
          body: reportTextsBody,
          response: answers({ 200: reportDetail }, ...BODY_ERRORS, 404, 409),
        },
      },
      async (req) => updateReportText(ctx, metaOf(req), principal(req), req.params.id, req.body),
    );

    app.post(
      '/api/reports/:id/finalise',
      {
        config: { access: access.to('report.manage') },
        schema: {
          tags,
          summary: 'Make a draft final (定稿): its texts and files no longer change',
          params: reportIdParams,
          response: answers({ 200: reportDetail }, 404, 409),
        },
      },
      async (req) => finaliseReport(ctx, metaOf(req), principal(req), req.params.id),
    );

    app.get(
      '/api/reports/:id/files/:format',
      {
        config: { access: access.to('report.read') },
        schema: {
          tags,
          summary: 'Download the PDF or the xlsx workbook (monthly reports); recorded in the audit log. 409 while building',
          params: reportFormatParams,
          response: answers({ 200: reportFile }, 404, 409),
        },
      },
      async (req, reply) => {
        const file = await downloadReport(ctx, metaOf(req), principal(req), req.params.id, req.params.format);
        return reply
          .header('content-type', TYPES[req.params.format])
          .header('content-disposition', contentDisposition(file.fileName))
          .header('cache-control', 'no-store')
          .send(file.bytes);
      },
    );
  };
}
