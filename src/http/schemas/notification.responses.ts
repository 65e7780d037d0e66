import { z } from 'zod';
import { TEMPLATE_CODES } from '../../domain/messages/message-templates.js';
import { instant } from './response.js';

/** Answers of the notification routes (#10 items 1 and 4). */

/** One notification: its message rendered in the request's language, with the template and its parameters. */
export const notificationItem = z.object({
  id: z.string(),
  kind: z.string().describe('the fact it announces: a workflow action, clock_warning, sign_in_attack…'),
  template: z.enum(TEMPLATE_CODES).describe('the message template (domain/messages/message-templates.ts)'),
  title: z.string().describe('the message in the language of Accept-Language (zh-CN unless English is preferred)'),
  body: z
    .record(z.string(), z.unknown())
    .describe("the template's parameters: the complaint number, the clock, `link` for a notice about no complaint…"),
  complaintId: z.string().nullable(),
  complaintNumber: z.string().nullable(),
  createdAt: instant,
  readAt: instant.nullable(),
});

export const notificationPage = z.object({
  items: z.array(notificationItem),
  unreadCount: z.number().int(),
  nextBefore: z.string().nullable().describe('pass as `before` for the next (older) page; null on the last'),
});

export const unreadCountAnswer = z.object({ unreadCount: z.number().int() });

export const markReadAnswer = z.object({
  updated: z.number().int().describe('how many were unread and are now read'),
  unreadCount: z.number().int(),
});

export type NotificationItemAnswer = z.output<typeof notificationItem>;
export type NotificationPageAnswer = z.output<typeof notificationPage>;
