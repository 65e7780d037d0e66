import multipart from '@fastify/multipart';
import type { FastifyRouteSchemaDef, FastifyValidationResult } from 'fastify/types/schema.js';
import { validatorCompiler, type FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ORIGIN_KINDS } from '../../domain/training/training.js';
import { materialStream } from '../../db/repositories/training-material.repository.js';
import type { ServiceContext } from '../../services/context.js';
import {
  changePlan,
  createPlan,
  enrolAttendees,
  getPlan,
  listPlans,
  plansStartedFrom,
} from '../../services/training/training-plans.service.js';
import { trainingRecord } from '../../services/training/training-record.service.js';
import {
  addMaterial,
  changeSession,
  createSession,
  getSession,
  readMaterial,
  recordAttendance,
  setSessionCases,
} from '../../services/training/training-sessions.service.js';
import { DomainError } from '../../domain/errors.js';
import { DEFAULT_EVIDENCE_SETTINGS, type EvidenceSettings } from '../../services/workflow/handlers/evidence-file.js';
import { access, metaOf, principal } from '../auth/route-access.js';
import { BODY_ERRORS, fileDownload } from '../schemas/complaint.responses.js';
import { answers } from '../schemas/response.js';
import {
  attendanceBody,
  casesBody,
  enrolAnswer,
  enrolBody,
  originPlans,
  planBody,
  planDetail,
  planListItem,
  planPatch,
  sessionBody,
  sessionDetail,
  sessionPatch,
  trainingRecord as recordAnswer,
} from '../schemas/training.schemas.js';
import { contentDisposition } from './evidence.routes.js';
import { receiveMultipart } from './multipart-upload.js';

const idParams = z.strictObject({ id: z.uuid() });

/** The multipart body is read as a stream by the handler; its schema only documents it. */
function uploadValidator<S>(route: FastifyRouteSchemaDef<S>): FastifyValidationResult {
  if (route.httpPart === 'body') return () => ({ value: undefined });
  return validatorCompiler(route as unknown as FastifyRouteSchemaDef<z.ZodType>);
}

const optionalDate = (v: string | null | undefined) => (v === undefined ? undefined : v === null ? undefined : new Date(v));

/**
 * Training (#15 item 1, R-G1): plans, sessions, attendees, attendance and scores, materials, the
 * personal training record. Those who run training (training.manage: the trainer, the administrator)
 * work all of it; everyone reads their own record (training.read) and the materials of their sessions.
 */
export function trainingRoutes(ctx: ServiceContext, settings: EvidenceSettings = DEFAULT_EVIDENCE_SETTINGS): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(multipart, { limits: { fileSize: settings.maxBytes, files: 1 } });
    const tags = ['training'];
    const manage = { access: access.to('training.manage') };
    const read = { access: access.to('training.read') };

    app.get(
      '/api/training/plans',
      {
        config: manage,
        schema: { tags, summary: 'Training plans, newest period first', response: answers({ 200: z.array(planListItem) }) },
      },
      async (req) => listPlans(ctx, principal(req)),
    );
    app.post(
      '/api/training/plans',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Create a training plan (a special-topic plan may name the spike or finding it comes from)',
          body: planBody,
          response: answers({ 201: planDetail }, ...BODY_ERRORS, 404),
        },
      },
      async (req, reply) => reply.code(201).send(await createPlan(ctx, principal(req), req.body, metaOf(req))),
    );
    app.get(
      '/api/training/plans/:id',
      { config: manage, schema: { tags, summary: 'A training plan', params: idParams, response: answers({ 200: planDetail }, 404) } },
      async (req) => getPlan(ctx, principal(req), req.params.id),
    );
    app.patch(
      '/api/training/plans/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Change a training plan',
          params: idParams,
          body: planPatch,
          response: answers({ 200: planDetail }, ...BODY_ERRORS, 404, 409),
        },
      },
      async (req) => changePlan(ctx, principal(req), req.params.id, req.body, metaOf(req)),
    );
    app.post(
      '/api/training/plans/:id/attendees',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Enrol attendees by person, department or role (expanded to persons now)',
          params: idParams,
          body: enrolBody,
          response: answers({ 200: enrolAnswer }, ...BODY_ERRORS, 404, 409),
        },
      },
      async (req) => enrolAttendees(ctx, principal(req), req.params.id, req.body, metaOf(req)),
    );
    app.post(
      '/api/training/plans/:id/sessions',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Schedule a session of a plan',
          params: idParams,
          body: sessionBody,
          response: answers({ 201: sessionDetail }, ...BODY_ERRORS, 404, 409),
        },
      },
      async (req, reply) => {
        const b = req.body;
        const s = await createSession(
          ctx,
          principal(req),
          req.params.id,
          {
            title: b.title,
            startsAt: new Date(b.startsAt),
            endsAt: new Date(b.endsAt),
            trainer: b.trainer,
            place: b.place ?? null,
            onlineUrl: b.onlineUrl ?? null,
            maxScore: b.maxScore ?? null,
            passMark: b.passMark ?? null,
          },
          metaOf(req),
        );
        return reply.code(201).send(s);
      },
    );
    app.get(
      '/api/training/sessions/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: 'A session with its attendance, scores and materials',
          params: idParams,
          response: answers({ 200: sessionDetail }, 404),
        },
      },
      async (req) => getSession(ctx, principal(req), req.params.id),
    );
    app.patch(
      '/api/training/sessions/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Change or cancel a session',
          params: idParams,
          body: sessionPatch,
          response: answers({ 200: sessionDetail }, ...BODY_ERRORS, 404, 409),
        },
      },
      async (req) => {
        const { startsAt, endsAt, ...rest } = req.body;
        return changeSession(
          ctx,
          principal(req),
          req.params.id,
          { ...rest, startsAt: optionalDate(startsAt), endsAt: optionalDate(endsAt) },
          metaOf(req),
        );
      },
    );
    app.put(
      '/api/training/sessions/:id/attendance',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Mark attendance (present / absent / excused) and scores',
          params: idParams,
          body: attendanceBody,
          response: answers({ 200: sessionDetail }, ...BODY_ERRORS, 404, 409),
        },
      },
      async (req) =>
        recordAttendance(
          ctx,
          principal(req),
          req.params.id,
          req.body.marks.map((m) => ({ username: m.username, status: m.status, score: m.score ?? null })),
          metaOf(req),
        ),
    );
    app.put(
      '/api/training/sessions/:id/cases',
      {
        config: manage,
        schema: {
          tags,
          summary: 'The teaching cases (published, from the case library) a session uses',
          params: idParams,
          body: casesBody,
          response: answers({ 200: sessionDetail }, ...BODY_ERRORS, 404),
        },
      },
      async (req) => setSessionCases(ctx, principal(req), req.params.id, req.body.caseIds, metaOf(req)),
    );
    app.post(
      '/api/training/sessions/:id/materials',
      {
        config: manage,
        validatorCompiler: uploadValidator,
        schema: {
          tags,
          summary: 'Upload a material (multipart/form-data, one part `file`; the evidence size and type limits)',
          params: idParams,
          consumes: ['multipart/form-data'],
          body: z.object({ file: z.file().describe(`at most ${settings.maxBytes} bytes; one of ${settings.contentTypes.join(', ')}`) }),
          response: answers({ 201: sessionDetail }, ...BODY_ERRORS, 404),
        },
      },
      async (req, reply) => {
        const p = principal(req);
        await getSession(ctx, p, req.params.id);
        const upload = await receiveMultipart(req, { textFields: [], fileField: 'file', maxFiles: 1, settings, tempPrefix: 'training-' });
        try {
          const file = upload.files[0];
          if (!file) throw new DomainError('required', {}, 'file');
          return reply.code(201).send(await addMaterial(ctx, p, req.params.id, file, metaOf(req)));
        } finally {
          await upload.cleanup();
        }
      },
    );
    app.get(
      '/api/training/sessions/:id/materials/:materialId',
      {
        config: read,
        compress: false,
        schema: {
          tags,
          summary: 'Download a material (those who run training, and the session’s attendees)',
          params: z.strictObject({ id: z.uuid(), materialId: z.uuid() }),
          response: answers({ 200: fileDownload('application/octet-stream', 'the file as uploaded, as an attachment') }, 404),
        },
      },
      async (req, reply) => {
        const m = await readMaterial(ctx, principal(req), req.params.id, req.params.materialId);
        return reply
          .header('content-type', m.content_type)
          .header('content-length', String(m.size))
          .header('content-disposition', contentDisposition(m.name))
          .header('cache-control', 'private, no-store')
          .header('x-content-type-options', 'nosniff')
          .send(materialStream(ctx.db, m.id, m.chunks));
      },
    );
    app.get(
      '/api/training/my',
      { config: read, schema: { tags, summary: 'My training record (我的培训)', response: answers({ 200: recordAnswer }) } },
      async (req) => trainingRecord(ctx, principal(req), principal(req).username),
    );
    app.get(
      '/api/training/records/:username',
      {
        config: manage,
        schema: {
          tags,
          summary: "A person's training record",
          params: z.strictObject({ username: z.string().min(1).max(64) }),
          response: answers({ 200: recordAnswer }, 404),
        },
      },
      async (req) => trainingRecord(ctx, principal(req), req.params.username),
    );
    app.get(
      '/api/training/from',
      {
        config: read,
        schema: {
          tags,
          summary: 'The special-topic plans started from a spike alert or an inspection finding',
          querystring: z.strictObject({ kind: z.enum(ORIGIN_KINDS), id: z.uuid() }),
          response: answers({ 200: originPlans }),
        },
      },
      async (req) => plansStartedFrom(ctx, principal(req), req.query.kind, [req.query.id]),
    );
  };
}
