import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DomainError } from '../../domain/errors.js';
import { access } from '../auth/route-access.js';
import type { AppMetrics } from '../metrics/app-metrics.js';

export interface MetricsRouteOptions {
  metrics: AppMetrics;
  /** METRICS_TOKEN: the scraper's bearer token; null: /metrics answers 404 */
  token: string | null;
  now: () => Date;
}

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/** Constant time whatever the lengths: both sides are hashed to 32 bytes first. */
function bearerMatches(header: string | undefined, expected: Buffer): boolean {
  const m = typeof header === 'string' ? /^bearer\s+(\S+)\s*$/i.exec(header) : null;
  return m?.[1] !== undefined && timingSafeEqual(digest(m[1]), expected);
}

/**
 * `GET /metrics` for Prometheus (#16 item 8), text format (app-metrics.ts). Public to the session
 * layer (a scraper has no account) and guarded by its own bearer token, METRICS_TOKEN: unset, the
 * route answers 404 like an unknown one; a missing or wrong token 401. Hidden from the OpenAPI
 * document: it is for the monitoring system, not for API clients.
 */
export function metricsRoutes(opts: MetricsRouteOptions): FastifyPluginAsyncZod {
  const expected = opts.token === null ? null : digest(opts.token);
  return async (app) => {
    app.get('/metrics', { config: { access: access.public }, schema: { hide: true } }, async (request, reply) => {
      if (expected === null) throw new DomainError('route_not_found', { route: 'GET /metrics' });
      if (!bearerMatches(request.headers.authorization, expected)) {
        reply.header('www-authenticate', 'Bearer realm="metrics"');
        throw new DomainError('unauthenticated');
      }
      const text = await opts.metrics.render(opts.now());
      return reply.type(opts.metrics.contentType).header('cache-control', 'no-store').send(text);
    });
  };
}
