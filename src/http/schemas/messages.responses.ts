import { z } from 'zod';
import { NOTICE_CHANNELS, NOTICE_GROUPS } from '../../domain/messages/notice-preferences.js';
import { QUEUE_NAMES } from '../../jobs/job-queues.js';
import { instant } from './response.js';

/** Answers of the message log, job and notice-settings routes (#11). */

export const MESSAGE_STATUSES = ['queued', 'sent', 'delivered', 'failed', 'dead'] as const;
export const MESSAGE_CHANNELS = ['email', 'sms', 'webhook'] as const;
export const MESSAGE_PURPOSES = ['staff_notice', 'digest', 'acknowledgment', 'feedback', 'final_notice', 'reply', 'webhook'] as const;

export const messageItem = z.object({
  id: z.string(),
  channel: z.enum(MESSAGE_CHANNELS),
  purpose: z.string().describe('staff_notice, digest, acknowledgment, feedback, final_notice, reply, webhook'),
  status: z.enum(MESSAGE_STATUSES),
  recipient: z.string().describe('masked address with the user name, or the webhook name'),
  recipientKind: z
    .enum(['user', 'complainant', 'webhook', 'contact'])
    .describe("'contact': a phone or e-mail being verified by a one-time code"),
  complaintId: z.string().nullable(),
  complaintNumber: z.string().nullable(),
  template: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  provider: z.string().nullable().describe('smtp, sms-http, webhook, development'),
  providerId: z.string().nullable(),
  subject: z.string().nullable(),
  body: z.string().nullable().describe('what was sent at the last attempt'),
  segments: z.number().int().nullable(),
  idempotencyKey: z.string().describe('the same on every attempt and resend: receivers drop repeats'),
  createdAt: instant,
  sentAt: instant.nullable(),
  deliveredAt: instant.nullable(),
  deadAt: instant.nullable(),
  resentAt: instant.nullable(),
  resentBy: z.string().nullable(),
  contentHidden: z.boolean().describe('subject and body withheld: a message to the complainant, read without access to every complaint'),
});

export const messagePage = z.object({
  items: z.array(messageItem),
  counts: z.object(
    Object.fromEntries(MESSAGE_STATUSES.map((s) => [s, z.number().int()])) as Record<(typeof MESSAGE_STATUSES)[number], z.ZodNumber>,
  ),
  nextCursor: z.string().nullable(),
});

export const complaintMessages = z.object({ items: z.array(messageItem) });

export const developmentMailbox = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      messageId: z.string(),
      channel: z.enum(['email', 'sms']),
      recipient: z.string(),
      subject: z.string().nullable(),
      body: z.string(),
      html: z.string().nullable(),
      idempotencyKey: z.string(),
      createdAt: instant,
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const failedJobs = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      queue: z.enum(QUEUE_NAMES),
      data: z.record(z.string(), z.unknown()),
      attempts: z.number().int(),
      error: z.string().nullable(),
      createdAt: instant,
      failedAt: instant.nullable(),
    }),
  ),
});

export const receiptAnswer = z.object({ messageId: z.string(), status: z.enum(MESSAGE_STATUSES) });

const channelList = z.array(z.enum(NOTICE_CHANNELS));
export const noticeSettings = z.object({
  email: z.string().nullable(),
  mobile: z.string().nullable(),
  locale: z.enum(['zh-CN', 'en-US']),
  channels: z.object(
    Object.fromEntries(NOTICE_GROUPS.map((g) => [g, channelList])) as Record<(typeof NOTICE_GROUPS)[number], typeof channelList>,
  ),
  defaults: z.array(z.enum(NOTICE_GROUPS)),
  urgent: z.array(z.enum(NOTICE_GROUPS)),
  quietHours: z.object({ start: z.string(), end: z.string() }).nullable(),
});

export type MessageItemAnswer = z.output<typeof messageItem>;
export type MessagePageAnswer = z.output<typeof messagePage>;
export type NoticeSettingsAnswer = z.output<typeof noticeSettings>;
