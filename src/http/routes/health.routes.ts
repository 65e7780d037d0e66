import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/database.js';
import { access } from '../auth/route-access.js';
import { DATABASE_RETRY_AFTER_S } from '../errors/error-handler.js';
import { healthResponse, notReadyResponse, readyResponse } from '../schemas/administration.responses.js';
import { errorResponse } from '../schemas/common.js';
import { answers } from '../schemas/response.js';

/** SELECT 1 with its round trip; false when the database cannot be reached (the reason is not ours to publish). */
async function probe(db: Database): Promise<{ up: true; latencyMs: number } | { up: false }> {
  const started = performance.now();
  try {
    await sql`SELECT 1`.execute(db);
    return { up: true, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch {
    return { up: false };
  }
}

/**
 * Liveness and readiness, for load balancers and orchestrators (#9 item 3):
 * GET /healthz answers 200 while the process runs, with the database status in the body (restarting
 * the process would not bring the database back); GET /readyz answers 503 while the database cannot
 * be reached (send no traffic here), 200 when it can.
 */
export function healthRoutes(db: Database): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/healthz',
      {
        config: { access: access.public },
        schema: {
          tags: ['system'],
          summary: 'Liveness: the process runs (200); the database status in the body',
          response: answers({ 200: healthResponse }),
        },
      },
      async () => {
        const state = await probe(db);
        return state.up
          ? ({ status: 'ok', database: 'up', latencyMs: state.latencyMs } as const)
          : ({ status: 'ok', database: 'down' } as const);
      },
    );
    app.get(
      '/readyz',
      {
        config: { access: access.public },
        schema: {
          tags: ['system'],
          summary: 'Readiness: 200 when the database answers, 503 while it does not',
          // the 503 is the readiness body (status: unavailable), not the error body (answers() would add that one)
          response: { 200: readyResponse, 400: errorResponse, 401: errorResponse, 403: errorResponse, 503: notReadyResponse },
        },
      },
      async (_req, reply) => {
        const state = await probe(db);
        if (state.up) return { status: 'ready', database: 'up', latencyMs: state.latencyMs } as const;
        return reply
          .status(503)
          .header('retry-after', String(DATABASE_RETRY_AFTER_S))
          .send({ status: 'unavailable', database: 'down' } as const);
      },
    );
  };
}
