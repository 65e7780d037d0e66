/**
 * The portal's and the mobile app's API (#12 item 1): no sign-in; a one-time code sent to the
 * customer's phone or e-mail opens a 30-minute session (Authorization: Bearer) to submit a
 * complaint, or to track one, add information and answer the survey. Limited per client address,
 * per contact and overall (counters in PostgreSQL, shared by every instance): 429 with Retry-After
 * and `retryAfterSeconds`. Every attempt is audited, never with the contact or the code.
 */
import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyRouteSchemaDef, FastifyValidationResult } from 'fastify/types/schema.js';
import { validatorCompiler, type FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError, errorStatus, isDomainError } from '../../domain/errors.js';
import { ValidationError } from '../../domain/validation.js';
import type { ServiceContext } from '../../services/context.js';
import { intakeOptions } from '../../services/portal/intake-options.service.js';
import type { PortalAuditAction } from '../../services/portal/portal-audit.js';
import { openSession, requestCode } from '../../services/portal/portal-codes.service.js';
import { enforceLimits } from '../../services/portal/portal-limits.service.js';
import { bearerToken, submitSession, trackSession } from '../../services/portal/portal-session.service.js';
import type { PortalSettings } from '../../services/portal/portal-settings.js';
import { submitComplaint } from '../../services/portal/portal-submit.service.js';
import { addInformation, answerSurvey, checkInformationAccepted, portalComplaintView } from '../../services/portal/portal-track.service.js';
import { access, metaOf } from '../auth/route-access.js';
import { pickLocale } from '../i18n/locale.js';
import { translateIssue } from '../i18n/messages.js';
import { publicStageLabel, publicStatusLabel } from '../i18n/public-labels.js';
import {
  codeAnswer,
  codeRequestBody,
  intakeOptionsAnswer,
  numberField,
  parseComplaintPart,
  portalAnswers,
  portalComplaintView as viewAnswer,
  sessionAnswer,
  sessionBody,
  submitAnswer,
  surveyBody,
} from '../schemas/portal.schemas.js';
import { receiveMultipart } from './multipart-upload.js';

const tags = ['public'];
const numberParams = z.strictObject({ number: numberField });
const BEARER = 'Send the session token as `Authorization: Bearer <token>` (POST /api/public/sessions).';

/** Multipart bodies are read by the handler as a stream (receiveMultipart); the schema only documents them. */
function multipartValidator<S>(route: FastifyRouteSchemaDef<S>): FastifyValidationResult {
  if (route.httpPart === 'body') return () => ({ value: undefined });
  return validatorCompiler(route as unknown as FastifyRouteSchemaDef<z.ZodType>);
}

/** The longest addition a customer writes. */
const ADDITION_MAX = 20_000;

export function portalRoutes(ctx: ServiceContext, settings: PortalSettings): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(multipart, { limits: { fileSize: settings.evidence.maxBytes, files: settings.maxFiles } });

    // a 429 says how long to wait, and a wrong code how many tries are left, in the body as well
    app.setErrorHandler((err, req, reply) => {
      if (!isDomainError(err)) throw err;
      const params = err.params as Record<string, unknown>;
      const retryAfterSeconds = typeof params.retryAfterSeconds === 'number' ? params.retryAfterSeconds : undefined;
      const attemptsLeft = typeof params.attemptsLeft === 'number' ? params.attemptsLeft : undefined;
      if (retryAfterSeconds === undefined && attemptsLeft === undefined) throw err;
      const locale = pickLocale(req.headers['accept-language']);
      if (retryAfterSeconds !== undefined) reply.header('retry-after', String(retryAfterSeconds));
      const fields = err.field
        ? [{ field: err.field, code: err.code, message: `${err.field}: ${translateIssue(err.code, locale, params)}` }]
        : [];
      return reply
        .status(errorStatus(err.code))
        .send({ code: err.code, message: translateIssue(err.code, locale, params), fields, retryAfterSeconds, attemptsLeft });
    });

    const perAddress = (req: FastifyRequest, action: PortalAuditAction, number?: string) =>
      enforceLimits(ctx, settings.limits, metaOf(req), [{ scope: 'address', ip: req.ip }], { action, number: number ?? null });
    const localeOf = (req: FastifyRequest) => pickLocale(req.headers['accept-language']);
    const tokenOf = (req: FastifyRequest) => bearerToken(req.headers.authorization);

    app.get(
      '/api/public/intake-options',
      {
        config: { access: access.public },
        schema: {
          tags,
          summary: 'What the complaint form offers: business lines and their categories in words, attachment rules, code rules',
          description: 'Labels in the request language (Accept-Language: zh-CN default, or en). No sign-in, no limit.',
          response: portalAnswers({ 200: intakeOptionsAnswer }),
        },
      },
      async (req) => intakeOptions(ctx, settings, localeOf(req)),
    );

    app.post(
      '/api/public/codes',
      {
        config: { access: access.public },
        schema: {
          tags,
          summary: 'Send a one-time code to a phone (SMS) or an e-mail address, to submit a complaint or to track one',
          description:
            'Six digits, valid 10 minutes, 5 tries; a new code for the same contact and purpose not before 60 s (429 `code_resend_too_soon`), and a new code replaces the old one. For `track` the answer is the same whether or not the number and contact belong together (nothing is sent when they do not). Limited per address, per contact and overall: 429 `rate_limited`.',
          body: codeRequestBody,
          response: portalAnswers({ 202: codeAnswer }, 413, 415),
        },
      },
      async (req, reply) => {
        const answer = await requestCode(ctx, settings, metaOf(req), localeOf(req), req.body);
        return reply.status(202).send(answer);
      },
    );

    app.post(
      '/api/public/sessions',
      {
        config: { access: access.public },
        schema: {
          tags,
          summary: 'Exchange a right code for a session token (30 minutes) bound to the contact, or to the complaint when tracking',
          description:
            'A wrong code: 400 `code_invalid` on field `code` with `attemptsLeft`; a code used, replaced or older than 10 minutes: 400 `code_expired`; after the 5th wrong try: 400 `code_attempts_exceeded`. The last two need a new code.',
          body: sessionBody,
          response: portalAnswers({ 200: sessionAnswer }, 413, 415),
        },
      },
      async (req) => openSession(ctx, settings, metaOf(req), req.body),
    );

    app.post(
      '/api/public/complaints',
      {
        config: { access: access.public },
        validatorCompiler: multipartValidator,
        schema: {
          tags,
          summary: 'Submit a complaint (multipart/form-data) with a submit session; answers the number and the expected answer date',
          description: `${BEARER} Fields: \`complaint\` (JSON, see the schema; the verified phone or e-mail becomes the complainant's) and up to ${settings.maxFiles} files in \`files\` (types checked by content; a refused file is 415 or 413 naming \`files[i]\` and nothing is registered). The acknowledgment goes to the verified contact. One complaint per session: a retry with the same token answers the same complaint; another complaint needs a new code (409 \`portal_session_used\`). The answer's token tracks the new complaint.`,
          consumes: ['multipart/form-data'],
          body: z.object({
            complaint: z
              .string()
              .describe('JSON: {channel, name, businessLine, category, description, requestedRemedy?, amount?, product?, phone?, email?}'),
            files: z.array(z.file()).optional(),
          }),
          response: portalAnswers({ 201: submitAnswer }, 401, 409, 413, 415, 422),
        },
      },
      async (req, reply) => {
        // the form's type, then the session, then the limit: nothing is counted or read for a request that cannot be one
        if (!req.isMultipart()) {
          throw new DomainError('multipart_required', { contentType: String(req.headers['content-type'] ?? '') }, 'Content-Type');
        }
        const session = await submitSession(ctx, metaOf(req), tokenOf(req));
        await perAddress(req, 'public.submit');
        const upload = await receiveMultipart(req, {
          textFields: ['complaint'],
          fileField: 'files',
          maxFiles: settings.maxFiles,
          settings: settings.evidence,
        });
        try {
          const body = parseComplaintPart(upload.fields.complaint);
          const answer = await submitComplaint(ctx, settings, metaOf(req), session, body, upload.files);
          return await reply.status(201).send(answer);
        } finally {
          await upload.cleanup();
        }
      },
    );

    app.get(
      '/api/public/complaints/:number',
      {
        config: { access: access.public },
        schema: {
          tags,
          summary: 'Track a complaint with a session: progress, the messages exchanged, the survey',
          description: `${BEARER} A session for another complaint, an expired one or none: 401 \`portal_session_required\`. Texts only: no addresses, no staff, no internal notes.`,
          params: numberParams,
          response: portalAnswers({ 200: viewAnswer }, 401),
        },
      },
      async (req) => {
        const { session, complaint } = await trackSession(ctx, metaOf(req), 'public.view', tokenOf(req), req.params.number);
        await perAddress(req, 'public.view', complaint.number);
        const locale = localeOf(req);
        const view = await portalComplaintView(ctx, metaOf(req), session, complaint, locale);
        return {
          ...view,
          statusLabel: publicStatusLabel(view.status, locale),
          stages: view.stages.map((s) => ({ ...s, label: publicStageLabel(s.stage, locale) })),
        };
      },
    );

    app.post(
      '/api/public/complaints/:number/messages',
      {
        config: { access: access.public },
        validatorCompiler: multipartValidator,
        schema: {
          tags,
          summary: 'Add information and files to a complaint (multipart/form-data), with a session',
          description: `${BEARER} Fields: \`text\` (up to ${ADDITION_MAX} characters; may be empty when files are sent) and up to ${settings.maxFiles} files in \`files\`. Its handler is told. 409 \`information_closed\` once withdrawn, transferred or merged.`,
          params: numberParams,
          consumes: ['multipart/form-data'],
          body: z.object({ text: z.string().optional(), files: z.array(z.file()).optional() }),
          response: portalAnswers({ 201: z.object({ id: z.string() }) }, 401, 409, 413, 415),
        },
      },
      async (req, reply: FastifyReply) => {
        const { session, complaint } = await trackSession(ctx, metaOf(req), 'public.add_information', tokenOf(req), req.params.number);
        await perAddress(req, 'public.add_information', complaint.number);
        checkInformationAccepted(complaint);
        const upload = await receiveMultipart(req, {
          textFields: ['text'],
          fileField: 'files',
          maxFiles: settings.maxFiles,
          settings: settings.evidence,
        });
        try {
          const text = (upload.fields.text ?? '').trim();
          if (text === '' && upload.files.length === 0) throw new ValidationError([{ field: 'text', code: 'required' }]);
          if ([...text].length > ADDITION_MAX)
            throw new ValidationError([{ field: 'text', code: 'too_big', params: { origin: 'string', maximum: ADDITION_MAX } }]);
          const added = await addInformation(ctx, metaOf(req), session, complaint, { text, files: upload.files });
          return await reply.status(201).send(added);
        } finally {
          await upload.cleanup();
        }
      },
    );

    app.post(
      '/api/public/complaints/:number/survey',
      {
        config: { access: access.public },
        schema: {
          tags,
          summary: 'Answer the satisfaction survey online, with a session',
          description: `${BEARER} Open once the result was sent, until answered (one answer per round). Recorded as the workflow's satisfaction survey with method \`online\`; 409 \`survey_not_open\` otherwise.`,
          params: numberParams,
          body: surveyBody,
          response: portalAnswers({ 200: z.object({ ok: z.literal(true) }) }, 401, 409, 413, 415),
        },
      },
      async (req) => {
        const { session, complaint } = await trackSession(ctx, metaOf(req), 'public.survey', tokenOf(req), req.params.number);
        await perAddress(req, 'public.survey', complaint.number);
        await answerSurvey(ctx, metaOf(req), session, complaint, req.body);
        return { ok: true as const };
      },
    );
  };
}
