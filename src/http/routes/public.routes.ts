import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contactKind, normalizeComplaintNumber, PUBLIC_NUMBER, PUBLIC_STAGES } from '../../domain/complaint/public-track.js';
import { STATUSES } from '../../domain/workflow/workflow.types.js';
import { trackComplaint, trackRateLimited } from '../../services/complaints/public-track.service.js';
import type { ServiceContext } from '../../services/context.js';
import { access, metaOf } from '../auth/route-access.js';
import { apiError } from '../errors/error-handler.js';
import { pickLocale } from '../i18n/locale.js';
import { publicStageLabel, publicStatusLabel } from '../i18n/public-labels.js';
import { BODY_ERRORS } from '../schemas/complaint.responses.js';
import { answers, instant } from '../schemas/response.js';

export interface PublicRouteOptions {
  /** track attempts per client address and complaint number in the window */
  trackPerNumber?: number;
  /** track attempts per client address, whatever the number (against trying many numbers) */
  trackPerAddress?: number;
  trackWindow?: string;
}

const trackBody = z.strictObject({
  number: z
    .string()
    .max(40)
    .transform(normalizeComplaintNumber)
    .pipe(z.string().min(1).regex(PUBLIC_NUMBER, { message: 'invalid_complaint_number' })),
  contact: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .pipe(z.string().refine((v) => contactKind(v) !== null, { message: 'invalid_contact' })),
});

/** What a customer sees: no personal data, no notes, no staff, no level. */
export const trackView = z.object({
  number: z.string(),
  status: z.enum(STATUSES),
  statusLabel: z.string().describe('the status in words, in the request language'),
  finished: z.boolean(),
  receivedAt: instant,
  regulatoryDueAt: instant.nullable().describe("the regulator's deadline for the answer; null when there is none"),
  updatedAt: instant,
  stages: z.array(
    z.object({
      stage: z.enum(PUBLIC_STAGES),
      label: z.string(),
      at: instant.nullable().describe('when it was reached; null for a stage still ahead'),
      done: z.boolean(),
    }),
  ),
});
export type TrackAnswer = z.output<typeof trackView>;

/**
 * The public portal's API (no sign-in): tracking a complaint by number and contact. The answer
 * names no person, no staff, no note; an unknown number and a wrong contact get the same 404.
 */
export function publicRoutes(ctx: ServiceContext, opts: PublicRouteOptions = {}): FastifyPluginAsyncZod {
  return async (app) => {
    const timeWindow = opts.trackWindow ?? '15 minutes';
    const numberOf = (req: FastifyRequest) => String((req.body as { number?: unknown } | undefined)?.number ?? '');
    const perNumber = app.createRateLimit({
      max: opts.trackPerNumber ?? 10,
      timeWindow,
      keyGenerator: (req) => `track:${req.ip}:${numberOf(req)}`,
    });
    const perAddress = app.createRateLimit({ max: opts.trackPerAddress ?? 200, timeWindow, keyGenerator: (req) => `track:${req.ip}` });

    app.post(
      '/api/public/track',
      {
        config: { access: access.public },
        schema: {
          tags: ['public'],
          summary: 'Track a complaint by its number and the phone or e-mail given at registration (no sign-in)',
          description: 'A wrong number and a wrong contact answer the same 404. Limited per address and number; every attempt is audited.',
          body: trackBody,
          response: answers({ 200: trackView }, ...BODY_ERRORS, 404, 429),
        },
      },
      async (req, reply) => {
        const locale = pickLocale(req.headers['accept-language']);
        const { number, contact } = req.body;
        const limits = await Promise.all([perNumber(req), perAddress(req)]);
        const exceeded = limits.find((l) => !l.isAllowed && l.isExceeded);
        if (exceeded && !exceeded.isAllowed) {
          await trackRateLimited(ctx, metaOf(req), number, contact);
          return reply.status(429).header('retry-after', String(exceeded.ttlInSeconds)).send(apiError(locale, 'too_many_requests'));
        }
        const view = await trackComplaint(ctx, metaOf(req), number, contact);
        if (!view) return reply.status(404).send(apiError(locale, 'track_not_found'));
        return {
          ...view,
          statusLabel: publicStatusLabel(view.status, locale),
          stages: view.stages.map((s) => ({ ...s, label: publicStageLabel(s.stage, locale) })),
        };
      },
    );
  };
}
