import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../services/context.js';
import { addPlanItem, completePlanItem, recordRegulatorReport, saveEmergencyPlan } from '../../services/workflow/major-plan.service.js';
import { getMajorView, markMajor, unmarkMajor } from '../../services/workflow/major.service.js';
import { access, principal } from '../auth/route-access.js';
import { BODY_ERRORS } from '../schemas/complaint.responses.js';
import {
  majorItemBody,
  majorItemDoneBody,
  majorItemParams,
  majorParams,
  majorPlanBody,
  majorReasonBody,
  majorView,
  regulatorReportBody,
} from '../schemas/major.schemas.js';
import { answers } from '../schemas/response.js';

/**
 * Major complaints (重大投诉, #14 item 4): read within the complaint's scope; marked, unmarked,
 * planned and reported by leaders (major.manage); a plan item's owner marks it done.
 */
export function majorRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['major'];
    const ok = answers({ 200: majorView }, ...BODY_ERRORS, 404, 409, 422);

    app.get(
      '/api/complaints/:id/major',
      {
        config: { access: access.to('complaint.read') },
        schema: {
          tags,
          summary: 'The major view: marking, emergency plan, report to the regulator',
          params: majorParams,
          response: answers({ 200: majorView }, 404),
        },
      },
      async (req) => getMajorView(ctx, principal(req), req.params.id),
    );

    app.post(
      '/api/complaints/:id/major/mark',
      {
        config: { access: access.to('major.manage') },
        schema: {
          tags,
          summary: 'Mark major with a reason: the report-to-regulator clock starts, leadership and senior management are told',
          params: majorParams,
          body: majorReasonBody,
          response: ok,
        },
      },
      async (req) => markMajor(ctx, principal(req), req.params.id, req.body.reason),
    );

    app.post(
      '/api/complaints/:id/major/unmark',
      {
        config: { access: access.to('major.manage') },
        schema: {
          tags,
          summary: 'Unmark with a reason: the open report and milestone clocks are cancelled',
          params: majorParams,
          body: majorReasonBody,
          response: ok,
        },
      },
      async (req) => unmarkMajor(ctx, principal(req), req.params.id, req.body.reason),
    );

    app.put(
      '/api/complaints/:id/major/plan',
      {
        config: { access: access.to('major.manage') },
        schema: {
          tags,
          summary: 'Create or replace the emergency plan (summary, owners)',
          params: majorParams,
          body: majorPlanBody,
          response: ok,
        },
      },
      async (req) => saveEmergencyPlan(ctx, principal(req), req.params.id, req.body),
    );

    app.post(
      '/api/complaints/:id/major/items',
      {
        config: { access: access.to('major.manage') },
        schema: {
          tags,
          summary: "Add an action or a milestone to the emergency plan (a milestone's due time runs on a clock)",
          params: majorParams,
          body: majorItemBody,
          response: ok,
        },
      },
      async (req) => addPlanItem(ctx, principal(req), req.params.id, req.body),
    );

    app.post(
      '/api/complaints/:id/major/items/:itemId/done',
      {
        // the item's owner, or a holder of major.manage (checked by the service)
        config: { access: access.to('complaint.read') },
        schema: {
          tags,
          summary: "Mark a plan item done (its owner or a leader); a milestone's clock is met",
          params: majorItemParams,
          body: majorItemDoneBody,
          response: ok,
        },
      },
      async (req) => completePlanItem(ctx, principal(req), req.params.id, req.params.itemId, req.body.note),
    );

    app.post(
      '/api/complaints/:id/major/regulator-reports',
      {
        config: { access: access.to('major.manage') },
        schema: {
          tags,
          summary: 'Record the report to the regulator (when, to whom, reference, text); meets its clock',
          params: majorParams,
          body: regulatorReportBody,
          response: ok,
        },
      },
      async (req) => recordRegulatorReport(ctx, principal(req), req.params.id, req.body),
    );
  };
}
