import { z } from 'zod';
import { WEBHOOK_EVENT_TYPES } from '../../domain/messages/webhook-events.js';
import { requiredText } from './common.js';
import { instant } from './response.js';

/**
 * Requests and answers of the webhook subscriptions (#11 item 8). The secret is part of exactly two
 * answers (creation and rotation); the subscription itself never carries it, so no listing can.
 */

export const webhookEventType = z.enum(WEBHOOK_EVENT_TYPES);

export const webhookResponse = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  eventTypes: z.array(webhookEventType),
  active: z.boolean(),
  createdAt: instant,
  createdBy: z.string(),
  updatedAt: instant,
});

export const webhookList = z.object({
  items: z.array(webhookResponse),
  eventTypes: z.array(webhookEventType).describe('every type a subscription may list: the milestones, then the complaint event types'),
});

export const webhookWithSecret = z.object({
  subscription: webhookResponse,
  secret: z.string().describe('the signing secret, shown this once: store it at the receiver'),
});

export const webhookRemoved = z.object({
  outcome: z.enum(['deleted', 'deactivated']).describe('deactivated when messages were sent to it (the log keeps naming it)'),
});

export const webhookTestQueued = z.object({
  idempotencyKey: z.string().describe("the test message's key: the body's id and X-Idempotency-Key, to find it in the message log"),
});

const url = z.string().trim().min(1).max(2000).describe('http:// or https://, without user name or password');
const eventTypes = z.array(webhookEventType).min(1).max(WEBHOOK_EVENT_TYPES.length);

export const webhookCreateBody = z.strictObject({ name: requiredText(100), url, eventTypes });
export const webhookPatchBody = z.strictObject({
  name: requiredText(100).optional(),
  url: url.optional(),
  eventTypes: eventTypes.optional(),
  active: z.boolean().optional(),
});
export const webhookParams = z.strictObject({ id: z.uuid() });

export type WebhookAnswer = z.output<typeof webhookResponse>;
export type WebhookListAnswer = z.output<typeof webhookList>;
export type WebhookWithSecretAnswer = z.output<typeof webhookWithSecret>;
