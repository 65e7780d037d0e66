import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  listMessageTemplates,
  messageTemplate,
  previewMessageTemplate,
  saveMessageTemplate,
} from '../../services/channels/message-template.service.js';
import type { ServiceContext } from '../../services/context.js';
import { access, actorOf, metaOf, principal } from '../auth/route-access.js';
import {
  messageTemplateDetail,
  messageTemplateList,
  messageTemplatePreview,
  messageTemplateVersion,
  templateCode,
  templateLocale,
} from '../schemas/message-templates.responses.js';
import { answers } from '../schemas/response.js';

/** Room for a draft past the templates' own limits, so the service names the field and the limit (not the schema). */
const draftText = z.string().max(20_000);
const codeParams = z.strictObject({ code: templateCode });

/** #11 item 5: outgoing message templates per type and language, edited by administrators, with a preview and a history. */
export function messageTemplateRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['message-templates'];
    const rule = { access: access.to('message.manage') };

    app.get(
      '/api/admin/message-templates',
      {
        config: rule,
        schema: {
          tags,
          summary: 'Every message template and the version in force per language',
          response: answers({ 200: messageTemplateList }),
        },
      },
      async () => listMessageTemplates(ctx.db),
    );

    app.get(
      '/api/admin/message-templates/:code',
      {
        config: rule,
        schema: {
          tags,
          summary: 'One template: per language the built-in text, the text in force and every version',
          params: codeParams,
          response: answers({ 200: messageTemplateDetail }),
        },
      },
      async (req) => messageTemplate(ctx.db, req.params.code),
    );

    app.post(
      '/api/admin/message-templates/:code/versions',
      {
        config: rule,
        schema: {
          tags,
          summary: 'Save a new version (every variable checked), or restore the built-in text as a new version',
          params: codeParams,
          body: z.strictObject({
            locale: templateLocale,
            subject: draftText.nullish(),
            body: draftText.nullish(),
            reason: z.string().max(2000).nullish().describe('why the text changes: recorded with the version (required unless restoring)'),
            restore: z.boolean().optional().describe('true: the new version is the built-in text; subject and body are ignored'),
          }),
          response: answers({ 201: messageTemplateVersion }),
        },
      },
      async (req, reply) => {
        const v = await saveMessageTemplate(ctx, actorOf(req), metaOf(req), req.params.code, req.body);
        return reply.status(201).send(v);
      },
    );

    app.post(
      '/api/admin/message-templates/:code/preview',
      {
        config: rule,
        schema: {
          tags,
          summary: 'A draft rendered on a complaint the reader may open (default: the newest), or on sample values',
          params: codeParams,
          body: z.strictObject({
            locale: templateLocale,
            subject: draftText,
            body: draftText,
            complaintNumber: z
              .string()
              .trim()
              .max(64)
              .nullish()
              .describe('a complaint number; none: the newest complaint the reader may open'),
          }),
          response: answers({ 200: messageTemplatePreview }, 404),
        },
      },
      async (req) => previewMessageTemplate(ctx, principal(req), metaOf(req), req.params.code, req.body),
    );
  };
}
