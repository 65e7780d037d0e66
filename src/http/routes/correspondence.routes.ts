import multipart from '@fastify/multipart';
import type { FastifyRouteSchemaDef, FastifyValidationResult } from 'fastify/types/schema.js';
import { validatorCompiler, type FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CORRESPONDENCE_CHANNELS } from '../../domain/codes.js';
import {
  addAttachments,
  ATTACHMENT_MAX_FILES,
  attachmentNote,
  checkAttachmentsAllowed,
} from '../../services/complaints/attachments.service.js';
import {
  checkLetterAllowed,
  LETTER_PERMISSION,
  letterFields,
  readCorrespondence,
  recordLetter,
  REPLY_LIMITS,
  REPLY_PERMISSION,
  sendReply,
} from '../../services/complaints/correspondence.service.js';
import type { ServiceContext } from '../../services/context.js';
import { DEFAULT_EVIDENCE_SETTINGS, type EvidenceSettings } from '../../services/workflow/handlers/evidence-file.js';
import { access, metaOf, principal } from '../auth/route-access.js';
import { idParams } from '../schemas/common.js';
import { BODY_ERRORS } from '../schemas/complaint.responses.js';
import { MESSAGE_STATUSES } from '../schemas/messages.responses.js';
import { answers, instant } from '../schemas/response.js';
import { receiveMultipart } from './multipart-upload.js';

const threadFile = z.object({
  id: z.string(),
  name: z.string(),
  contentType: z.string(),
  size: z.number().int().describe('bytes; download with GET /api/complaints/{id}/evidence/{fileId}'),
});

export const threadItem = z.object({
  id: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  channel: z.enum(CORRESPONDENCE_CHANNELS),
  at: instant,
  from: z
    .string()
    .nullable()
    .describe('the sender of an inbound message; masked unless the reader may see personal data (complaint.unmask)'),
  to: z.string().nullable().describe('the masked address an outbound message went to'),
  subject: z.string().nullable(),
  text: z.string().describe('inbound: as received; outbound: what was sent (or will be, while queued)'),
  files: z.array(threadFile),
  status: z.enum(MESSAGE_STATUSES).nullable().describe('delivery status of an outbound message; null inbound'),
  purpose: z.string().nullable().describe('outbound: acknowledgment, feedback, final_notice, reply; null inbound'),
  by: z.string().nullable().describe('who recorded the inbound item or wrote the reply'),
});

const thread = z.object({ items: z.array(threadItem) });

const attachmentsAnswer = z.object({
  recordId: z.string(),
  files: z.array(threadFile.extend({ sha256: z.string() })),
});

export type ThreadItemAnswer = z.output<typeof threadItem>;
export type ThreadAnswer = z.output<typeof thread>;
export type AttachmentsAnswer = z.output<typeof attachmentsAnswer>;

function filesDoc(settings: EvidenceSettings) {
  return z
    .array(z.file())
    .max(ATTACHMENT_MAX_FILES)
    .describe(
      `at most ${ATTACHMENT_MAX_FILES} files of at most ${settings.maxBytes} bytes each; types (checked by content): ${settings.contentTypes.join(', ')}`,
    );
}

/** Zod for the path; the multipart body is read by the handler as a stream (receiveMultipart checks every part). */
function uploadValidator<S>(route: FastifyRouteSchemaDef<S>): FastifyValidationResult {
  if (route.httpPart === 'body') return () => ({ value: undefined });
  return validatorCompiler(route as unknown as FastifyRouteSchemaDef<z.ZodType>);
}

const UPLOAD_REFUSALS =
  'Refusals name the field: 413 `file_too_large` (with the limit), 415 `file_type_not_allowed`, 400 `file_empty` or `file_content_mismatch` (on `files[n]`, with the file name), `too_many_files`; 415 `multipart_required` for any other content type.';

/**
 * The correspondence thread (#12 item 5) and attachments at intake (#12 item 4, R-B4): the thread
 * of inbound and outbound messages with their delivery status, a staff reply through the outbox, a
 * letter received with its scans, and the complainant's materials added in any status.
 */
export function correspondenceRoutes(ctx: ServiceContext, settings: EvidenceSettings = DEFAULT_EVIDENCE_SETTINGS): FastifyPluginAsyncZod {
  return async (app) => {
    // multipart for the two uploads of this plugin only: every other route keeps refusing it with 415
    await app.register(multipart, { limits: { fileSize: settings.maxBytes, files: ATTACHMENT_MAX_FILES } });
    const tags = ['correspondence'];

    app.get(
      '/api/complaints/:id/correspondence',
      {
        config: { access: access.to('complaint.read') },
        schema: {
          tags,
          summary: '往来沟通 / The correspondence thread: inbound messages and letters, messages to the complainant with their status',
          description:
            'Oldest first. Inbound: portal additions, e-mail replies, letters recorded with their scans. Outbound: every message to the complainant (acknowledgment, result, final notice, replies), with its delivery status; a reply not yet planned into a message shows as queued. Recorded in the audit log as a read of the complaint.',
          params: idParams,
          response: answers({ 200: thread }, 404),
        },
      },
      async (req) => readCorrespondence(ctx, metaOf(req), principal(req), req.params.id),
    );

    app.post(
      '/api/complaints/:id/correspondence/reply',
      {
        config: { access: access.to(REPLY_PERMISSION) },
        schema: {
          tags,
          summary: '回复投诉人 / Reply to the complainant by e-mail or SMS (template complainant.reply, through the outbox)',
          description: `Any status. 400 \`no_contact_for_method\` on \`channel\` when the complainant has no address for it. The text is at most ${REPLY_LIMITS.email} characters by e-mail, ${REPLY_LIMITS.sms} by SMS; an SMS has no subject.`,
          params: idParams,
          body: z.strictObject({
            channel: z.enum(['email', 'sms']),
            subject: z.string().max(REPLY_LIMITS.subject).nullable().optional(),
            text: z.string().min(1).max(REPLY_LIMITS.email),
          }),
          response: answers({ 201: threadItem }, 404),
        },
      },
      async (req, reply) => reply.code(201).send(await sendReply(ctx, metaOf(req), principal(req), req.params.id, req.body)),
    );

    app.post(
      '/api/complaints/:id/correspondence/letter',
      {
        config: { access: access.to(LETTER_PERMISSION) },
        validatorCompiler: uploadValidator,
        schema: {
          tags,
          summary: '登记来信 / Record a letter received, with its scans (multipart/form-data)',
          description: `Fields \`text\` (the letter, or a summary of it) and optionally \`subject\`; parts \`files\` (the scans, at least one). Any status. ${UPLOAD_REFUSALS}`,
          params: idParams,
          consumes: ['multipart/form-data'],
          body: z.object({
            text: z.string().min(1).max(20_000),
            subject: z.string().max(200).optional(),
            files: filesDoc(settings),
          }),
          response: answers({ 201: threadItem }, ...BODY_ERRORS, 404),
        },
      },
      async (req, reply) => {
        const p = principal(req);
        const id = await checkLetterAllowed(ctx, p, req.params.id);
        const upload = await receiveMultipart(req, {
          textFields: ['text', 'subject'],
          fileField: 'files',
          maxFiles: ATTACHMENT_MAX_FILES,
          settings,
        });
        try {
          const letter = letterFields(upload.fields);
          return reply.code(201).send(await recordLetter(ctx, metaOf(req), p, id, { ...letter, files: upload.files }));
        } finally {
          await upload.cleanup();
        }
      },
    );

    app.post(
      '/api/complaints/:id/attachments',
      {
        config: { access: access.to('complaint.create') },
        validatorCompiler: uploadValidator,
        schema: {
          tags,
          summary: '受理附件 / Add the complainant’s materials (scanned letter, photos, recordings) in any status (multipart/form-data)',
          description: `Parts \`files\` (at least one) and optionally the text field \`note\`. Accepted in every status, closed included (R-B4). Stored as evidence files with their sha256 (download: GET /api/complaints/{id}/evidence/{fileId}). ${UPLOAD_REFUSALS}`,
          params: idParams,
          consumes: ['multipart/form-data'],
          body: z.object({ note: z.string().max(2000).optional(), files: filesDoc(settings) }),
          response: answers({ 201: attachmentsAnswer }, ...BODY_ERRORS, 404),
        },
      },
      async (req, reply) => {
        const p = principal(req);
        const id = await checkAttachmentsAllowed(ctx, p, req.params.id);
        const upload = await receiveMultipart(req, { textFields: ['note'], fileField: 'files', maxFiles: ATTACHMENT_MAX_FILES, settings });
        try {
          const note = attachmentNote(upload.fields.note);
          const added = await addAttachments(ctx, metaOf(req), p, id, { note, files: upload.files });
          return reply.code(201).send({ recordId: added.recordId, files: added.files });
        } finally {
          await upload.cleanup();
        }
      },
    );
  };
}
