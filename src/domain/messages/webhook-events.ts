/**
 * What a webhook can subscribe to and what it receives (#11 item 8, R-H5). Pure.
 *
 * Types: the four complaint milestones written to the outbox by their services
 * (`complaint.registered`, `complaint.regraded`, `complaint.feedback_sent`, `complaint.concluded`)
 * and every event type of a complaint's history (EVENT_TYPES: `received`, `assign`, `clock_breached`…),
 * each of which the event writer announces as one `complaint.event` outbox row. The two sets never
 * collide: milestones have a dot, event types do not.
 *
 * Data: an allow-list of facts that are never personal data: ids, the complaint number, levels,
 * the event's sequence number, type, time and actor (a staff username), the feedback method, the
 * outcome. Event payloads are NOT sent: several carry free text (notes, contact summaries, the
 * feedback's content, meeting owners) that may name the complainant. A receiver that needs more
 * reads the complaint or its history through the API with its own token, which is scoped and audited.
 */
import { EVENT_TYPES } from '../events/event-types.js';

/** The outbox topics a webhook may subscribe to, besides the complaint events. */
export const WEBHOOK_TOPICS = ['complaint.registered', 'complaint.regraded', 'complaint.feedback_sent', 'complaint.concluded'] as const;

/** Every type a subscription may list: the milestones, then each complaint event type. */
export const WEBHOOK_EVENT_TYPES = [...WEBHOOK_TOPICS, ...EVENT_TYPES] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The outbox topic of a complaint event (one row per appended event, event.repository.ts appendEvents). */
export const COMPLAINT_EVENT_TOPIC = 'complaint.event';
/** The topic and the delivered type of a subscription's test ping (sent to that subscription only). */
export const WEBHOOK_TEST_TOPIC = 'webhook.test';

export function isWebhookEventType(value: unknown): value is WebhookEventType {
  return typeof value === 'string' && (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}

/**
 * The type an outbox row is delivered as: its topic, or the event's type for a complaint event;
 * null when no subscription can ask for it (staff notices, the test ping, topics of the future).
 */
export function webhookTypeOf(topic: string, payload: Readonly<Record<string, unknown>>): WebhookEventType | null {
  const type = topic === COMPLAINT_EVENT_TOPIC ? payload.type : topic;
  return isWebhookEventType(type) ? type : null;
}

/** The facts a receiver is given, whatever else the outbox row carries (see the module comment). */
const DATA_KEYS = [
  'complaintId',
  'number',
  'level',
  'from',
  'to',
  'seq',
  'type',
  'occurredAt',
  'actor',
  'method',
  'outcome',
  'subscriptionId',
] as const;

export type WebhookData = Partial<Record<(typeof DATA_KEYS)[number], string | number | boolean | null>>;

/** The allow-listed scalar facts of an outbox row's payload. */
export function webhookData(payload: Readonly<Record<string, unknown>>): WebhookData {
  const data: WebhookData = {};
  for (const key of DATA_KEYS) {
    const v = payload[key];
    if (v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) data[key] = v;
  }
  return data;
}
