import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import type { AppMetrics } from './app-metrics.js';
import { REQUEST_ID_HEADER } from './request-id.js';

/**
 * Hooks at the root, so that they see every answer (#16 item 8): the request id in `X-Request-Id`
 * (onSend runs for errors and 404s too) and the duration of each request in the histogram.
 */
async function observabilityPlugin(app: FastifyInstance, opts: { metrics: AppMetrics }): Promise<void> {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    opts.metrics.observeRequest(request.method, request.routeOptions.url, reply.statusCode, reply.elapsedTime / 1000);
  });
}

export const observability = fp(observabilityPlugin, { name: 'observability' });
