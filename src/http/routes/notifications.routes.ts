import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../services/context.js';
import { inboxUnreadCount, listInbox, markInboxRead } from '../../services/channels/notification.service.js';
import { access, principal } from '../auth/route-access.js';
import { pickLocale } from '../i18n/locale.js';
import { markReadAnswer, notificationPage, unreadCountAnswer } from '../schemas/notification.responses.js';
import { answers } from '../schemas/response.js';

const readBody = z.union([z.strictObject({ ids: z.array(z.uuid()).min(1).max(500) }), z.strictObject({ all: z.literal(true) })]);

/** R-H4: the signed-in user's own in-app notifications (issue #4 item 7). */
export function notificationRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['workflow'];

    app.get(
      '/api/notifications',
      {
        config: { access: access.signedIn },
        schema: {
          tags,
          summary: 'My notifications, newest first, with the unread count; each rendered in the language of Accept-Language',
          querystring: z.strictObject({
            unread: z.enum(['true', 'false']).optional().describe('true: unread only'),
            limit: z.coerce.number().int().min(1).max(200).default(50),
            before: z.string().min(1).max(200).optional().describe('nextBefore of the previous page, or an instant'),
          }),
          response: answers({ 200: notificationPage }),
        },
      },
      async (req) => {
        const q = req.query;
        return listInbox(ctx, principal(req), {
          unreadOnly: q.unread === 'true',
          limit: q.limit,
          before: q.before,
          english: pickLocale(req.headers['accept-language']) === 'en-US',
        });
      },
    );

    app.get(
      '/api/notifications/unread-count',
      {
        config: { access: access.signedIn },
        schema: { tags, summary: 'How many of my notifications are unread', response: answers({ 200: unreadCountAnswer }) },
      },
      async (req) => ({ unreadCount: await inboxUnreadCount(ctx, principal(req)) }),
    );

    app.post(
      '/api/notifications/read',
      {
        config: { access: access.signedIn },
        schema: {
          tags,
          summary: 'Mark my notifications read: {ids} or {all: true}',
          body: readBody,
          response: answers({ 200: markReadAnswer }),
        },
      },
      async (req) => markInboxRead(ctx, principal(req), req.body),
    );
  };
}
