import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DOCUMENT_KINDS } from '../../domain/documents/printed-documents.js';
import { printComplaintDocument } from '../../services/channels/documents/document.service.js';
import type { ServiceContext } from '../../services/context.js';
import { access, metaOf, principal } from '../auth/route-access.js';
import { idParams } from '../schemas/common.js';
import { fileDownload } from '../schemas/complaint.responses.js';
import { answers } from '../schemas/response.js';
import { contentDisposition } from './evidence.routes.js';

const PDF = 'application/pdf';

const documentParams = idParams.extend({
  kind: z.enum(DOCUMENT_KINDS).describe('acceptance-receipt: 受理回执; reply-letter: 书面答复函 (after the feedback step)'),
});

/** Printed documents as PDF (#11 item 9): the acceptance receipt and the written reply letter. */
export function documentRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/complaints/:id/documents/:kind',
      {
        config: { access: access.to('complaint.read') },
        schema: {
          tags: ['complaints'],
          summary:
            'The acceptance receipt (受理回执) or the written reply letter (书面答复函) as an A4 PDF in Chinese; recorded in the audit log. 409 reply_letter_without_feedback before the feedback step',
          params: documentParams,
          response: answers(
            { 200: fileDownload(PDF, 'the document, with the company name, number, dates and a QR code to the portal') },
            404,
            409,
          ),
        },
      },
      async (req, reply) => {
        const file = await printComplaintDocument(ctx, metaOf(req), principal(req), req.params.id, req.params.kind);
        return reply
          .header('content-type', PDF)
          .header('content-disposition', contentDisposition(file.fileName))
          .header('cache-control', 'no-store')
          .send(file.pdf);
      },
    );
  };
}
