import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../services/context.js';
import { createChecklist, listChecklists, updateChecklist } from '../../services/supervision/inspection-checklists.service.js';
import { answerFinding, listMyFindings, recordFinding } from '../../services/supervision/inspection-findings.service.js';
import {
  addSampleItem,
  completePlan,
  createPlan,
  drawPlanSampleRun,
  getPlan,
  listPlans,
  removeSampleItem,
  scoreSampleItem,
  verifyRun,
} from '../../services/supervision/inspection-plans.service.js';
import {
  answerRectification,
  getRectification,
  issueRectification,
  listMyRectifications,
  listRectifications,
  verifyRectification,
} from '../../services/supervision/rectification.service.js';
import { access, principal, metaOf } from '../auth/route-access.js';
import { BODY_ERRORS } from '../schemas/complaint.responses.js';
import {
  answerBody,
  checklistAnswer,
  checklistBody,
  checklistPatch,
  completeBody,
  findingAnswer,
  findingBody,
  itemAnswer,
  manualItemBody,
  myInspectionAnswer,
  planBody,
  planDetail,
  planListItem,
  reasonBody,
  rectificationAnswer,
  rectificationBody,
  rectificationDetail,
  runCheck,
  scoreBody,
  verdictBody,
} from '../schemas/inspection.schemas.js';
import { answers } from '../schemas/response.js';
import { inspectionReport } from '../../services/supervision/inspection-report.service.js';
import { contentDisposition } from './evidence.routes.js';

const TYPES = { pdf: 'application/pdf', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;
const binary = { schema: { type: 'string', format: 'binary' } };
const reportFile = z.unknown().meta({
  description: 'the inspection report as PDF or as an xlsx workbook',
  content: { [TYPES.pdf]: binary, [TYPES.xlsx]: binary },
});

/** Every id here is a UUID: anything else is refused before it reaches a query. */
const idParams = z.strictObject({ id: z.uuid() });

/**
 * Inspections (#14 item 1, R-E4): checklists, plans, reproducible samples, scoring, findings and
 * rectification requests. The inspector (inspection.manage) works all of it, leaders and auditors
 * read it (inspection.read), the inspected answer what is addressed to them (inspection.respond).
 */
export function inspectionRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['inspections'];
    const manage = { access: access.to('inspection.manage') };
    const read = { access: access.to('inspection.read') };
    const respond = { access: access.to('inspection.respond') };

    app.get(
      '/api/inspections/checklists',
      {
        config: read,
        schema: { tags, summary: 'Inspection checklists (current versions)', response: answers({ 200: z.array(checklistAnswer) }) },
      },
      async (req) => listChecklists(ctx, principal(req)),
    );
    app.post(
      '/api/inspections/checklists',
      {
        config: manage,
        schema: { tags, summary: 'Create a checklist', body: checklistBody, response: answers({ 201: checklistAnswer }, ...BODY_ERRORS) },
      },
      async (req, reply) => reply.code(201).send(await createChecklist(ctx, principal(req), req.body)),
    );
    app.patch(
      '/api/inspections/checklists/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Change a checklist (new items on a version a plan uses make a new version)',
          params: idParams,
          body: checklistPatch,
          response: answers({ 200: checklistAnswer }, ...BODY_ERRORS, 404),
        },
      },
      async (req) => updateChecklist(ctx, principal(req), req.params.id, req.body),
    );

    app.get(
      '/api/inspections/plans',
      {
        config: read,
        schema: { tags, summary: 'Inspection plans, newest period first', response: answers({ 200: z.array(planListItem) }) },
      },
      async (req) => listPlans(ctx, principal(req)),
    );
    app.post(
      '/api/inspections/plans',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Create a plan (freezes the checklist version)',
          body: planBody,
          response: answers({ 201: planDetail }, ...BODY_ERRORS, 404),
        },
      },
      async (req, reply) => reply.code(201).send(await createPlan(ctx, principal(req), req.body, metaOf(req))),
    );
    app.get(
      '/api/inspections/plans/:id',
      {
        config: read,
        schema: {
          tags,
          summary: 'A plan with its runs, sample, findings and requests',
          params: idParams,
          response: answers({ 200: planDetail }, 404),
        },
      },
      async (req) => getPlan(ctx, principal(req), req.params.id),
    );
    app.post(
      '/api/inspections/plans/:id/draw',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Draw (or redraw) the sample with a fresh recorded seed',
          params: idParams,
          response: answers({ 200: planDetail }, 404, 409),
        },
      },
      async (req) => drawPlanSampleRun(ctx, principal(req), req.params.id, { meta: metaOf(req) }),
    );
    app.get(
      '/api/inspections/plans/:id/report/:format',
      {
        config: read,
        schema: {
          tags,
          summary: 'The inspection report of a plan, PDF or xlsx (recorded in the audit log)',
          params: z.strictObject({ id: z.uuid(), format: z.enum(['pdf', 'xlsx']) }),
          response: answers({ 200: reportFile }, 404),
        },
      },
      async (req, reply) => {
        const file = await inspectionReport(ctx, principal(req), req.params.id, req.params.format, metaOf(req));
        return reply
          .header('content-type', TYPES[req.params.format])
          .header('content-disposition', contentDisposition(file.fileName))
          .header('cache-control', 'no-store')
          .send(file.bytes);
      },
    );
    app.get(
      '/api/inspections/runs/:id/verify',
      {
        config: read,
        schema: {
          tags,
          summary: 'Repeat a sampling run from its seed and population',
          params: idParams,
          response: answers({ 200: runCheck }, 404),
        },
      },
      async (req) => verifyRun(ctx, principal(req), req.params.id),
    );
    app.post(
      '/api/inspections/plans/:id/items',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Add a complaint to the sample by hand (with the reason)',
          params: idParams,
          body: manualItemBody,
          response: answers({ 200: planDetail }, ...BODY_ERRORS, 404, 409),
        },
      },
      async (req) => addSampleItem(ctx, principal(req), req.params.id, req.body, metaOf(req)),
    );
    app.post(
      '/api/inspections/items/:id/remove',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Take a complaint out of the sample (with the reason)',
          params: idParams,
          body: reasonBody,
          response: answers({ 200: planDetail }, ...BODY_ERRORS, 404, 409),
        },
      },
      async (req) => removeSampleItem(ctx, principal(req), req.params.id, req.body.reason, metaOf(req)),
    );
    app.put(
      '/api/inspections/items/:id/score',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Score a sampled complaint against the checklist',
          params: idParams,
          body: scoreBody,
          response: answers({ 200: itemAnswer }, ...BODY_ERRORS, 404, 409),
        },
      },
      async (req) => scoreSampleItem(ctx, principal(req), req.params.id, req.body.answers),
    );
    app.post(
      '/api/inspections/plans/:id/complete',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Complete the plan with a summary',
          params: idParams,
          body: completeBody,
          response: answers({ 200: planDetail }, ...BODY_ERRORS, 404, 409),
        },
      },
      async (req) => completePlan(ctx, principal(req), req.params.id, req.body.summary),
    );

    app.post(
      '/api/inspections/findings',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Record a finding',
          body: findingBody,
          response: answers({ 201: findingAnswer }, ...BODY_ERRORS, 404, 409),
        },
      },
      async (req, reply) => reply.code(201).send(await recordFinding(ctx, principal(req), req.body)),
    );
    app.post(
      '/api/inspections/findings/:id/answer',
      {
        config: respond,
        schema: {
          tags,
          summary: 'Answer a finding addressed to me or my department',
          params: idParams,
          body: answerBody,
          response: answers({ 200: findingAnswer }, ...BODY_ERRORS, 404),
        },
      },
      async (req) => answerFinding(ctx, principal(req), req.params.id, req.body.answer),
    );

    app.get(
      '/api/inspections/rectifications',
      {
        config: read,
        schema: {
          tags,
          summary: 'Rectification requests',
          querystring: z.strictObject({ status: z.enum(['open', 'answered', 'verified', 'cancelled']).optional() }),
          response: answers({ 200: z.array(rectificationAnswer) }),
        },
      },
      async (req) => listRectifications(ctx, principal(req), req.query.status),
    );
    app.post(
      '/api/inspections/rectifications',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Issue a rectification request (deadline in working days from the policy)',
          body: rectificationBody,
          response: answers({ 201: rectificationDetail }, ...BODY_ERRORS, 404),
        },
      },
      async (req, reply) => reply.code(201).send(await issueRectification(ctx, principal(req), req.body)),
    );
    app.get(
      '/api/inspections/rectifications/:id',
      {
        config: read,
        schema: {
          tags,
          summary: 'A rectification request with its history',
          params: idParams,
          response: answers({ 200: rectificationDetail }, 404),
        },
      },
      async (req) => getRectification(ctx, principal(req), req.params.id),
    );
    app.post(
      '/api/inspections/rectifications/:id/answer',
      {
        config: respond,
        schema: {
          tags,
          summary: 'Answer a request addressed to me or my department: open -> answered',
          params: idParams,
          body: answerBody,
          response: answers({ 200: rectificationDetail }, ...BODY_ERRORS, 404, 409),
        },
      },
      async (req) => answerRectification(ctx, principal(req), req.params.id, req.body.answer),
    );
    app.post(
      '/api/inspections/rectifications/:id/verify',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Verify an answer (closes the request) or reject it (open again with a new deadline)',
          params: idParams,
          body: verdictBody,
          response: answers({ 200: rectificationDetail }, ...BODY_ERRORS, 404, 409),
        },
      },
      async (req) => verifyRectification(ctx, principal(req), req.params.id, req.body),
    );

    app.get(
      '/api/inspections/mine',
      {
        config: respond,
        schema: {
          tags,
          summary: "My findings and rectification requests (mine or my departments')",
          response: answers({ 200: myInspectionAnswer }),
        },
      },
      async (req) => ({ findings: await listMyFindings(ctx, principal(req)), requests: await listMyRectifications(ctx, principal(req)) }),
    );
  };
}
