import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { hitCounters, purgeExpiredCounters } from '../../db/repositories/rate-limit.repository.js';
import { secondsUntil, windowOf, type RateLimit } from '../../domain/portal/rate-limit.js';
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
  /** track attempts per client address and complaint number in a window */
  trackPerNumber?: RateLimit;
  /** track attempts per client address, whatever the number (against trying many numbers) */
  trackPerAddress?: RateLimit;
}

const TRACK_PER_NUMBER: RateLimit = { max: 10, windowSeconds: 900 };
const TRACK_PER_ADDRESS: RateLimit = { max: 200, windowSeconds: 900 };

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
    const perNumber = opts.trackPerNumber ?? TRACK_PER_NUMBER;
    const perAddress = opts.trackPerAddress ?? TRACK_PER_ADDRESS;
    /**
     * Counts the attempt against both limits in PostgreSQL (rate_limit_counters), shared by every
     * app instance (#16 item 6); the seconds until the window of a limit it exceeds, else null.
     */
    const exceeded = async (ip: string, number: string): Promise<number | null> => {
      const now = ctx.now();
      const limits = [
        { key: `track:${ip}:${number}`, limit: perNumber },
        { key: `track:${ip}`, limit: perAddress },
      ].map((l) => ({ ...l, window: windowOf(now, l.limit) }));
      const hits = await hitCounters(
        ctx.db,
        limits.map((l) => ({ key: l.key, windowStart: l.window.start, expiresAt: l.window.end })),
      );
      // a new window: remove some expired ones, so the table stays small without a job of its own
      if ([...hits.values()].some((n) => n === 1)) await purgeExpiredCounters(ctx.db, now, 200);
      const over = limits.find((l) => (hits.get(l.key) ?? 0) > l.limit.max);
      return over ? secondsUntil(over.window.end, now) : null;
    };

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
        const retryAfter = await exceeded(req.ip, number);
        if (retryAfter !== null) {
          await trackRateLimited(ctx, metaOf(req), number, contact);
          return reply.status(429).header('retry-after', String(retryAfter)).send(apiError(locale, 'too_many_requests'));
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
