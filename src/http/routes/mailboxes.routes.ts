import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../services/context.js';
import { inboundMailList, inboundMailRaw, reprocessInboundMail } from '../../services/channels/mail-intake/inbound-mail.service.js';
import { mailIntakeSettings } from '../../services/channels/mail-intake/mail-intake-settings.js';
import {
  changeMailbox,
  createMailbox,
  mailboxList,
  requestPoll,
  testMailboxConnection,
} from '../../services/channels/mail-intake/mailboxes.service.js';
import type { EvidenceSettings } from '../../services/workflow/handlers/evidence-file.js';
import { access, actorOf, metaOf } from '../auth/route-access.js';
import { pickLocale } from '../i18n/locale.js';
import { fileDownload } from '../schemas/complaint.responses.js';
import * as s from '../schemas/mailboxes.responses.js';
import { answers } from '../schemas/response.js';
import { contentDisposition } from './evidence.routes.js';

export interface MailboxRouteOptions {
  /** the attachments a reprocessed message may keep (EVIDENCE_MAX_BYTES, EVIDENCE_TYPES) */
  evidence?: EvidenceSettings;
}

/**
 * E-mail intake administration (#12 item 2): administrators manage the mailboxes (mailbox.manage),
 * poll one now, test its login, download a message raw (audited) and import a quarantined one
 * again; readers of the message log (message.read) see the inbound list.
 */
export function mailboxRoutes(ctx: ServiceContext, o: MailboxRouteOptions = {}): FastifyPluginAsyncZod {
  const settings = mailIntakeSettings(o.evidence ? { evidence: o.evidence } : {});
  return async (app) => {
    const tags = ['mail intake'];
    const rule = { access: access.to('mailbox.manage') };

    app.get(
      '/api/admin/mailboxes',
      {
        config: rule,
        schema: { tags, summary: 'Mailboxes complaints arrive in by e-mail, with their health', response: answers({ 200: s.mailboxList }) },
      },
      async () => mailboxList(ctx),
    );

    app.post(
      '/api/admin/mailboxes',
      {
        config: rule,
        schema: {
          tags,
          summary: 'Add a mailbox: an address of the SMTP listener, or an IMAP account to poll (the password stored encrypted)',
          body: s.mailboxBody,
          response: answers({ 201: s.mailboxResponse }, 409, 413, 415),
        },
      },
      async (req, reply) => reply.status(201).send(await createMailbox(ctx, metaOf(req), actorOf(req), req.body)),
    );

    app.put(
      '/api/admin/mailboxes/:id',
      {
        config: rule,
        schema: {
          tags,
          summary: 'Change a mailbox; without a password the stored one is kept',
          params: s.mailboxParams,
          body: s.mailboxBody,
          response: answers({ 200: s.mailboxResponse }, 404, 409, 413, 415),
        },
      },
      async (req) => changeMailbox(ctx, metaOf(req), actorOf(req), req.params.id, req.body),
    );

    app.post(
      '/api/admin/mailboxes/:id/poll',
      {
        config: rule,
        schema: {
          tags,
          summary: 'Poll an IMAP mailbox now (queued; at most one poll per mailbox at a time)',
          params: s.mailboxParams,
          response: answers({ 202: s.pollQueued }, 404),
        },
      },
      async (req, reply) => reply.status(202).send(await requestPoll(ctx, req.params.id)),
    );

    app.post(
      '/api/admin/mailboxes/:id/test',
      {
        config: rule,
        schema: {
          tags,
          summary: 'Connect and log in with the stored settings and open the folder (IMAP only)',
          params: s.mailboxParams,
          response: answers({ 200: s.mailboxTestResult }, 404),
        },
      },
      async (req) => testMailboxConnection(ctx, req.params.id, settings),
    );

    app.get(
      '/api/admin/inbound-mail',
      {
        config: { access: access.to('message.read') },
        schema: {
          tags,
          summary: 'Every e-mail that arrived, newest first, with what became of it; the counts per outcome',
          querystring: s.inboundMailQuery,
          response: answers({ 200: s.inboundMailList }),
        },
      },
      async (req) => inboundMailList(ctx, req.query, pickLocale(req.headers['accept-language']) === 'en-US'),
    );

    app.get(
      '/api/admin/inbound-mail/:id/raw',
      {
        config: rule,
        schema: {
          tags,
          summary: 'The message as it arrived (message/rfc822); recorded in the audit log',
          params: s.inboundMailParams,
          response: answers({ 200: fileDownload('message/rfc822', 'the raw message') }, 404),
        },
      },
      async (req, reply) => {
        const file = await inboundMailRaw(ctx, metaOf(req), actorOf(req), req.params.id);
        return reply
          .header('content-type', 'message/rfc822')
          .header('content-disposition', contentDisposition(file.fileName))
          .header('cache-control', 'no-store')
          .send(file.raw);
      },
    );

    app.post(
      '/api/admin/inbound-mail/:id/reprocess',
      {
        config: rule,
        schema: {
          tags,
          summary: 'Import a quarantined message again, now (after fixing what stopped it)',
          params: s.inboundMailParams,
          response: answers({ 200: s.inboundMailResponse }, 404, 409),
        },
      },
      async (req) =>
        reprocessInboundMail(
          ctx,
          metaOf(req),
          actorOf(req),
          req.params.id,
          settings,
          pickLocale(req.headers['accept-language']) === 'en-US',
        ),
    );
  };
}
