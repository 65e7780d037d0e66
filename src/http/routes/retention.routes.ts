import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../services/context.js';
import { getLegalHoldPanel, placeLegalHold, releaseLegalHold } from '../../services/retention/legal-hold.service.js';
import { queueSweep, retentionOverview, sweepPreview } from '../../services/retention/retention-overview.service.js';
import { exportSubject, searchSubject } from '../../services/retention/subject-export.service.js';
import { access, metaOf, principal } from '../auth/route-access.js';
import { BODY_ERRORS } from '../schemas/complaint.responses.js';
import { answers } from '../schemas/response.js';
import {
  holdParams,
  legalHoldPanel,
  placeHoldBody,
  releaseHoldBody,
  retentionOverview as overviewAnswer,
  subjectExportBody,
  subjectExportFile,
  subjectQuery,
  subjectSearchAnswer,
  sweepPreview as previewAnswer,
  sweepQueued,
} from '../schemas/retention.schemas.js';
import { contentDisposition } from './evidence.routes.js';

/**
 * Retention (#15 item 4, R-H6): a complaint's legal hold (read: retention.read; place and release:
 * retention.hold), the retention page and the sweep (retention.read, retention.manage), and the data
 * subject's search and export (personal_data.export, PIPL art. 45). The subject's identifiers travel
 * in request bodies, never in URLs (which access logs keep).
 */
export function retentionRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['retention'];
    const panel = answers({ 200: legalHoldPanel }, ...BODY_ERRORS, 404, 409);

    app.get(
      '/api/complaints/:id/legal-hold',
      {
        config: { access: access.to('retention.read') },
        schema: {
          tags,
          summary: "The complaint's retention status (expiry per the policy, held, anonymised) and its legal holds",
          params: holdParams,
          response: answers({ 200: legalHoldPanel }, 404),
        },
      },
      async (req) => getLegalHoldPanel(ctx, principal(req), req.params.id),
    );
    app.post(
      '/api/complaints/:id/legal-hold',
      {
        config: { access: access.to('retention.hold') },
        schema: {
          tags,
          summary: 'Place a legal hold (reason, optional last day): the retention sweep leaves the complaint as it is',
          params: holdParams,
          body: placeHoldBody,
          response: panel,
        },
      },
      async (req) => placeLegalHold(ctx, metaOf(req), principal(req), req.params.id, req.body),
    );
    app.post(
      '/api/complaints/:id/legal-hold/release',
      {
        config: { access: access.to('retention.hold') },
        schema: { tags, summary: 'Release the legal hold with a reason', params: holdParams, body: releaseHoldBody, response: panel },
      },
      async (req) => releaseLegalHold(ctx, metaOf(req), principal(req), req.params.id, req.body),
    );

    app.get(
      '/api/retention',
      {
        config: { access: access.to('retention.read') },
        schema: {
          tags,
          summary: 'Periods in force, complaints expiring in 30 and 90 days, held, anonymised; holds; sweep runs',
          response: answers({ 200: overviewAnswer }),
        },
      },
      async (req) => retentionOverview(ctx, principal(req)),
    );
    app.get(
      '/api/retention/preview',
      {
        config: { access: access.to('retention.manage') },
        schema: { tags, summary: 'Dry run: what the sweep would anonymise now', response: answers({ 200: previewAnswer }) },
      },
      async (req) => sweepPreview(ctx, principal(req)),
    );
    app.post(
      '/api/retention/sweep',
      {
        config: { access: access.to('retention.manage') },
        schema: { tags, summary: 'Queue the retention sweep now (the job retention.sweep)', response: answers({ 202: sweepQueued }) },
      },
      async (req, reply) => reply.code(202).send(await queueSweep(ctx, metaOf(req), principal(req))),
    );

    app.post(
      '/api/personal-data/search',
      {
        config: { access: access.to('personal_data.export') },
        schema: {
          tags,
          summary: "A data subject's complaints by phone, ID number, e-mail or name (exact, normalised; any matches), masked; audited",
          body: subjectQuery,
          response: answers({ 200: subjectSearchAnswer }, ...BODY_ERRORS),
        },
      },
      async (req) => searchSubject(ctx, metaOf(req), principal(req), req.body),
    );
    app.post(
      '/api/personal-data/export',
      {
        config: { access: access.to('personal_data.export') },
        schema: {
          tags,
          summary:
            'Every complaint of the data subject as one zip (record, timeline, correspondence, file list, optionally files); audited',
          body: subjectExportBody,
          response: answers({ 200: subjectExportFile }, ...BODY_ERRORS),
        },
      },
      async (req, reply) => {
        const file = await exportSubject(ctx, metaOf(req), principal(req), req.body);
        return reply
          .header('content-type', 'application/zip')
          .header('content-disposition', contentDisposition(file.fileName))
          .header('x-export-complaints', String(file.count))
          .header('cache-control', 'no-store')
          .send(file.stream);
      },
    );
  };
}
