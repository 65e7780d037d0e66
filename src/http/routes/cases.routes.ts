import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../services/context.js';
import { getCase, listCases, listLessonTags } from '../../services/cases/case-read.service.js';
import { editCase, moveOwnCase, proposeCase, reviewCase } from '../../services/cases/teaching-case.service.js';
import { access, metaOf, principal } from '../auth/route-access.js';
import { BODY_ERRORS } from '../schemas/complaint.responses.js';
import {
  caseDetail,
  caseEditBody,
  caseIdParams,
  caseList,
  caseQuery,
  lessonTagCounts,
  proposeBody,
  reasonBody,
  reviewBody,
} from '../schemas/case.schemas.js';
import { answers } from '../schemas/response.js';

/**
 * The case library (#15 item 2, R-G2). Everyone on the staff reads published cases (case.read);
 * front-line staff propose closed complaints (case.propose); supervisors, the leadership group and
 * the supervision inspectors review them, never their own (case.review). Training links cases by id
 * and finds them with GET /api/cases?status=published&q=.
 */
export function caseRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['cases'];
    const read = { access: access.to('case.read') };
    const propose = { access: access.to('case.propose') };
    const review = { access: access.to('case.review') };

    app.get(
      '/api/cases',
      {
        config: read,
        schema: {
          tags,
          summary: 'Teaching cases: published ones, filtered by tags and words; drafts and cases in review for the proposer and reviewers',
          querystring: caseQuery,
          response: answers({ 200: caseList }),
        },
      },
      async (req) => listCases(ctx, principal(req), { ...req.query, mine: req.query.mine === 'true' }),
    );
    app.get(
      '/api/cases/lesson-tags',
      {
        config: read,
        schema: { tags, summary: 'Lesson tags of published cases, most used first', response: answers({ 200: lessonTagCounts }) },
      },
      async (req) => listLessonTags(ctx, principal(req)),
    );
    app.get(
      '/api/cases/:id',
      { config: read, schema: { tags, summary: 'A teaching case', params: caseIdParams, response: answers({ 200: caseDetail }, 404) } },
      async (req) => getCase(ctx, principal(req), req.params.id),
    );
    app.post(
      '/api/cases',
      {
        config: propose,
        schema: {
          tags,
          summary: 'Propose a closed complaint as a teaching case: a draft prefilled by the anonymiser',
          body: proposeBody,
          response: answers({ 201: caseDetail }, ...BODY_ERRORS, 404, 409),
        },
      },
      async (req, reply) => reply.code(201).send(await proposeCase(ctx, metaOf(req), principal(req), req.body)),
    );
    app.patch(
      '/api/cases/:id',
      {
        config: propose,
        schema: {
          tags,
          summary: "The proposer's edit of a draft or rejected case (anonymised again)",
          params: caseIdParams,
          body: caseEditBody,
          response: answers({ 200: caseDetail }, ...BODY_ERRORS, 404, 409),
        },
      },
      async (req) => editCase(ctx, principal(req), req.params.id, req.body),
    );
    for (const step of ['submit', 'recall'] as const) {
      app.post(
        `/api/cases/:id/${step}`,
        {
          config: propose,
          schema: {
            tags,
            summary: step === 'submit' ? 'Submit a draft for review' : 'Take a case back from review',
            params: caseIdParams,
            response: answers({ 200: caseDetail }, 404, 409),
          },
        },
        async (req) => moveOwnCase(ctx, principal(req), req.params.id, step),
      );
    }
    app.post(
      '/api/cases/:id/approve',
      {
        config: review,
        schema: {
          tags,
          summary: 'Approve and publish a case in review (not your own)',
          params: caseIdParams,
          body: reviewBody,
          response: answers({ 200: caseDetail }, ...BODY_ERRORS, 404, 409),
        },
      },
      async (req) => reviewCase(ctx, metaOf(req), principal(req), req.params.id, 'approve', req.body.note ?? null),
    );
    for (const step of ['reject', 'withdraw'] as const) {
      app.post(
        `/api/cases/:id/${step}`,
        {
          config: review,
          schema: {
            tags,
            summary: step === 'reject' ? 'Reject a case in review, with the reason' : 'Withdraw a published case, with the reason',
            params: caseIdParams,
            body: reasonBody,
            response: answers({ 200: caseDetail }, ...BODY_ERRORS, 404, 409),
          },
        },
        async (req) => reviewCase(ctx, metaOf(req), principal(req), req.params.id, step, req.body.reason),
      );
    }
  };
}
