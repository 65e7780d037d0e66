import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DomainError } from '../../domain/errors.js';
import { NOTICE_CHANNELS, NOTICE_GROUPS } from '../../domain/messages/notice-preferences.js';
import { QUEUE_NAMES } from '../../jobs/job-queues.js';
import { channelsOf } from '../../services/channels/channel-settings.js';
import {
  complaintMessages,
  developmentMailbox,
  failedJobs,
  messageLog,
  recordReceipt,
  resendMessage,
  retryJob,
} from '../../services/channels/message-log.service.js';
import type { ServiceContext } from '../../services/context.js';
import { getNoticeSettings, updateOwnNoticeSettings } from '../../services/people/notice-settings.service.js';
import { access, metaOf, principal } from '../auth/route-access.js';
import { idParams, isoDateTime } from '../schemas/common.js';
import { BODY_ERRORS } from '../schemas/complaint.responses.js';
import * as answer from '../schemas/messages.responses.js';
import { MESSAGE_CHANNELS, MESSAGE_PURPOSES, MESSAGE_STATUSES } from '../schemas/messages.responses.js';
import { answers } from '../schemas/response.js';

/** `a,b` or repeated: a list of one enum's values in the query string. */
const listOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .preprocess((v) => (typeof v === 'string' ? v.split(',').filter((x) => x !== '') : v), z.array(z.enum(values)).max(values.length))
    .optional();

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'invalid_format');

function sameToken(given: string | undefined, expected: string | null): boolean {
  if (!given || !expected) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** #11: the message log, resends, failed jobs, the development mailbox, delivery receipts, one's own notice settings. */
export function messageRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['messages'];

    app.get(
      '/api/messages',
      {
        config: { access: access.to('message.read') },
        schema: {
          tags,
          summary: 'The message log: e-mail, SMS and webhook messages with their status, newest first',
          querystring: z.strictObject({
            status: listOf(MESSAGE_STATUSES),
            channel: listOf(MESSAGE_CHANNELS),
            purpose: listOf(MESSAGE_PURPOSES),
            complaint: z.string().trim().min(1).max(64).optional().describe('a complaint id or (part of) its number'),
            q: z.string().trim().min(1).max(100).optional().describe('part of a complaint number or of a recipient'),
            from: isoDateTime.optional(),
            to: isoDateTime.optional(),
            cursor: z.string().min(1).max(300).optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
          }),
          response: answers({ 200: answer.messagePage }),
        },
      },
      async (req) => messageLog(ctx, principal(req), req.query),
    );

    app.get(
      '/api/complaints/:id/messages',
      {
        config: { access: access.to('complaint.read') },
        schema: {
          tags,
          summary: "A complaint's messages: to the complainant (acknowledgment, feedback, final notice) and staff notices about it",
          params: idParams,
          response: answers({ 200: answer.complaintMessages }, 404),
        },
      },
      async (req) => complaintMessages(ctx, principal(req), req.params.id),
    );

    app.post(
      '/api/messages/:id/resend',
      {
        config: { access: access.to('message.manage') },
        schema: {
          tags,
          summary: 'Send a failed or dead message again (same idempotency key)',
          params: z.strictObject({ id: z.uuid() }),
          response: answers({ 200: answer.messageItem }, 404, 409),
        },
      },
      async (req) => resendMessage(ctx, metaOf(req), principal(req), req.params.id),
    );

    app.get(
      '/api/messages/development-mailbox',
      {
        config: { access: access.to('message.manage') },
        schema: {
          tags,
          summary: 'What would have been sent without an SMTP server or SMS gateway (the development adapters)',
          querystring: z.strictObject({
            channel: z.enum(['email', 'sms']).optional(),
            cursor: z.string().min(1).max(20).optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
          }),
          response: answers({ 200: answer.developmentMailbox }),
        },
      },
      async (req) => developmentMailbox(ctx, req.query),
    );

    app.get(
      '/api/jobs/failed',
      {
        config: { access: access.to('message.manage') },
        schema: {
          tags,
          summary: 'Background jobs that failed their last attempt (the dead-letter list)',
          querystring: z.strictObject({
            queue: z.enum(QUEUE_NAMES).optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
          }),
          response: answers({ 200: answer.failedJobs }),
        },
      },
      async (req) => failedJobs(ctx, req.query),
    );

    app.post(
      '/api/jobs/:queue/:id/retry',
      {
        config: { access: access.to('message.manage') },
        schema: {
          tags,
          summary: 'Put a failed job back in its queue',
          params: z.strictObject({ queue: z.enum(QUEUE_NAMES), id: z.uuid() }),
          response: answers({ 204: z.null() }, 404, 409),
        },
      },
      async (req, reply) => {
        await retryJob(ctx, metaOf(req), principal(req), req.params.queue, req.params.id);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/api/messages/receipts',
      {
        config: { access: access.public },
        schema: {
          tags,
          summary: "A provider's delivery receipt (header X-Receipt-Token: MESSAGE_RECEIPT_TOKEN)",
          headers: z.object({ 'x-receipt-token': z.string().max(200).optional() }),
          body: z.strictObject({
            provider: z.enum(['smtp', 'sms-http', 'webhook']).optional(),
            providerId: z.string().trim().min(1).max(300),
            status: z.enum(['delivered', 'failed']),
            at: isoDateTime.optional(),
            error: z.string().max(500).optional(),
          }),
          response: answers({ 200: answer.receiptAnswer }, ...BODY_ERRORS, 404),
        },
      },
      async (req) => {
        if (!sameToken(req.headers['x-receipt-token'], channelsOf(ctx).receiptToken)) throw new DomainError('receipt_token_invalid');
        return recordReceipt(ctx, req.body);
      },
    );

    app.get(
      '/api/me/notice-settings',
      {
        config: { access: access.signedIn },
        schema: {
          tags,
          summary: 'My contact details and how I am told of each kind of notice',
          response: answers({ 200: answer.noticeSettings }),
        },
      },
      async (req) => getNoticeSettings(ctx, principal(req)),
    );

    app.put(
      '/api/me/notice-settings',
      {
        config: { access: access.signedIn },
        schema: {
          tags,
          summary: 'Change my contact details, channels per kind of notice, quiet hours',
          body: z.strictObject({
            email: z.email().max(200).nullable().optional(),
            mobile: z
              .string()
              .trim()
              .regex(/^\+?[0-9][0-9 -]{5,19}$/, 'invalid_format')
              .nullable()
              .optional(),
            locale: z.enum(['zh-CN', 'en-US']).optional(),
            channels: z.partialRecord(z.enum(NOTICE_GROUPS), z.array(z.enum(NOTICE_CHANNELS)).max(4)).optional(),
            quietHours: z.strictObject({ start: HHMM, end: HHMM }).nullable().optional(),
          }),
          response: answers({ 200: answer.noticeSettings }, ...BODY_ERRORS),
        },
      },
      async (req) => updateOwnNoticeSettings(ctx, metaOf(req), principal(req), req.body),
    );
  };
}
