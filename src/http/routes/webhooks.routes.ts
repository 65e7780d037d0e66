import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../services/context.js';
import {
  changeWebhookSubscription,
  createWebhookSubscription,
  removeWebhookSubscription,
  rotateWebhookSecret,
  sendWebhookTest,
  webhookSubscriptions,
} from '../../services/channels/webhook-subscriptions.service.js';
import { access, actorOf, metaOf } from '../auth/route-access.js';
import { answers } from '../schemas/response.js';
import {
  webhookCreateBody,
  webhookList,
  webhookParams,
  webhookPatchBody,
  webhookRemoved,
  webhookResponse,
  webhookTestQueued,
  webhookWithSecret,
} from '../schemas/webhooks.responses.js';

/**
 * Webhook subscriptions for other systems (#11 item 8, R-H5): administrators manage them
 * (message.manage: they decide what leaves the company and where to); readers of the message log
 * (message.read: auditors too) see them. Deliveries are messages like any other (the message log).
 */
export function webhookRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['webhooks'];
    const rule = { access: access.to('message.manage') };

    app.get(
      '/api/admin/webhooks',
      {
        config: { access: access.to('message.read') },
        schema: { tags, summary: 'Webhook subscriptions (never their secrets)', response: answers({ 200: webhookList }) },
      },
      async () => webhookSubscriptions(ctx),
    );

    app.post(
      '/api/admin/webhooks',
      {
        config: rule,
        schema: {
          tags,
          summary: 'Subscribe a URL to event types; the answer shows the signing secret this once',
          body: webhookCreateBody,
          response: answers({ 201: webhookWithSecret }, 413, 415),
        },
      },
      async (req, reply) => reply.status(201).send(await createWebhookSubscription(ctx, metaOf(req), actorOf(req), req.body)),
    );

    app.patch(
      '/api/admin/webhooks/:id',
      {
        config: rule,
        schema: {
          tags,
          summary: 'Rename, move, change the event types of, or (de)activate a subscription',
          params: webhookParams,
          body: webhookPatchBody,
          response: answers({ 200: webhookResponse }, 404, 413, 415),
        },
      },
      async (req) => changeWebhookSubscription(ctx, metaOf(req), actorOf(req), req.params.id, req.body),
    );

    app.delete(
      '/api/admin/webhooks/:id',
      {
        config: rule,
        schema: {
          tags,
          summary: 'Delete a subscription (deactivated instead when messages were sent to it)',
          params: webhookParams,
          response: answers({ 200: webhookRemoved }, 404),
        },
      },
      async (req) => removeWebhookSubscription(ctx, metaOf(req), actorOf(req), req.params.id),
    );

    app.post(
      '/api/admin/webhooks/:id/rotate-secret',
      {
        config: rule,
        schema: {
          tags,
          summary: 'A new signing secret, shown this once; the old one stops signing at once',
          params: webhookParams,
          response: answers({ 200: webhookWithSecret }, 404),
        },
      },
      async (req) => rotateWebhookSecret(ctx, metaOf(req), actorOf(req), req.params.id),
    );

    app.post(
      '/api/admin/webhooks/:id/test',
      {
        config: rule,
        schema: {
          tags,
          summary: 'Send a webhook.test ping to this subscription through the message pipeline',
          params: webhookParams,
          response: answers({ 202: webhookTestQueued }, 404, 409),
        },
      },
      async (req, reply) => reply.status(202).send(await sendWebhookTest(ctx, metaOf(req), actorOf(req), req.params.id)),
    );
  };
}
