import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceContext } from '../../services/context.js';
import { assessmentLineComplaints, assessmentList, readAssessment } from '../../services/supervision/assessment-read.service.js';
import { exportAssessmentXlsx } from '../../services/supervision/assessment-export.service.js';
import { openAssessment, signAssessment } from '../../services/supervision/assessment.service.js';
import { access, metaOf, principal } from '../auth/route-access.js';
import {
  assessmentDetailAnswer,
  assessmentIdParams,
  assessmentLineComplaintsAnswer,
  assessmentLineParams,
  assessmentListAnswer,
  openAssessmentBody,
  signAssessmentBody,
} from '../schemas/assessment.schemas.js';
import { answers } from '../schemas/response.js';
import { contentDisposition } from './evidence.routes.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const workbook = z.unknown().meta({
  description: 'the assessment as an xlsx workbook',
  content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } },
});

/**
 * Periodic assessments (#14 item 5, R-E6): opened for a month or quarter (a frozen snapshot of every
 * figure and the complaints behind it), signed off by a leader (then immutable), exported as xlsx.
 */
export function assessmentRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['assessment'];
    app.get(
      '/api/assessments',
      {
        config: { access: access.to('kpi.read') },
        schema: { tags, summary: 'Assessments you may see, newest period first', response: answers({ 200: assessmentListAnswer }) },
      },
      async (req) => ({ items: await assessmentList(ctx, principal(req)) }),
    );
    app.post(
      '/api/assessments',
      {
        config: { access: access.to('assessment.manage') },
        schema: {
          tags,
          summary: "Open an assessment of an ended month or quarter for a department or everyone: freezes every subject's figures",
          body: openAssessmentBody,
          response: answers({ 201: assessmentDetailAnswer }, 404, 409),
        },
      },
      async (req, reply) => {
        const id = await openAssessment(ctx, metaOf(req), principal(req), req.body);
        return reply.code(201).send(await readAssessment(ctx, metaOf(req), principal(req), id));
      },
    );
    app.get(
      '/api/assessments/:id',
      {
        config: { access: access.to('kpi.read') },
        schema: {
          tags,
          summary: 'One assessment: the subjects you may see with every figure, target, weight and score; the read is audited',
          params: assessmentIdParams,
          response: answers({ 200: assessmentDetailAnswer }, 404),
        },
      },
      async (req) => readAssessment(ctx, metaOf(req), principal(req), req.params.id),
    );
    app.post(
      '/api/assessments/:id/sign',
      {
        config: { access: access.to('assessment.sign') },
        schema: {
          tags,
          summary: 'Sign an assessment off (once; a signed assessment never changes)',
          params: assessmentIdParams,
          body: signAssessmentBody,
          response: answers({ 200: assessmentDetailAnswer }, 404, 409),
        },
      },
      async (req) => {
        await signAssessment(ctx, metaOf(req), principal(req), req.params.id, req.body.comment ?? null);
        return readAssessment(ctx, metaOf(req), principal(req), req.params.id);
      },
    );
    app.get(
      '/api/assessments/:id/subjects/:seq/lines/:code/complaints',
      {
        config: { access: access.to('kpi.read') },
        schema: {
          tags,
          summary: 'Exactly the complaints behind one figure of an assessment (those in your complaint scope), numerator marked',
          params: assessmentLineParams,
          response: answers({ 200: assessmentLineComplaintsAnswer }, 404),
        },
      },
      async (req) => assessmentLineComplaints(ctx, metaOf(req), principal(req), req.params.id, req.params.seq, req.params.code),
    );
    app.get(
      '/api/assessments/:id/export.xlsx',
      {
        config: { access: access.to('kpi.read') },
        schema: {
          tags,
          summary: 'The assessment as an xlsx workbook (what you may see of it); recorded in the audit log',
          params: assessmentIdParams,
          response: answers({ 200: workbook }, 404),
        },
      },
      async (req, reply) => {
        const file = await exportAssessmentXlsx(ctx, metaOf(req), principal(req), req.params.id);
        return reply
          .header('content-type', XLSX)
          .header('content-disposition', contentDisposition(file.filename))
          .header('cache-control', 'no-store')
          .send(file.stream);
      },
    );
  };
}
