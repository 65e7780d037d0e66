import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/database.js';
import { access } from '../auth/route-access.js';

/** GET /healthz: the process answers and the database does too (503 when it does not). */
export function healthRoutes(db: Database): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/healthz', { config: { access: access.public }, schema: { tags: ['system'], summary: 'Health and database status' } }, async (_req, reply) => {
      const started = performance.now();
      try {
        await sql`SELECT 1`.execute(db);
        return { status: 'ok', database: { status: 'up', latencyMs: Math.round((performance.now() - started) * 10) / 10 } };
      } catch (err) {
        return reply.status(503).send({ status: 'degraded', database: { status: 'down', error: (err as Error).message } });
      }
    });
  };
}
