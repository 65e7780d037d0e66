/** The webhook subscriptions' generated answers and the labels of the event types they subscribe to (#11 item 8). */
import type { Answer, ItemOf } from '../../api/client';
import type { I18n } from '../../i18n/i18n';
import { eventLabel } from '../complaint/event-facts';

export type WebhookListAnswer = Answer<'/api/admin/webhooks', 'get'>;
export type Webhook = ItemOf<WebhookListAnswer>;
export type WebhookEventType = WebhookListAnswer['eventTypes'][number];
/** Creation and rotation: the subscription and its secret, shown once. */
export type WebhookWithSecret = Answer<'/api/admin/webhooks', 'post'>;

export const WEBHOOK_KEYS = { list: ['admin', 'webhooks'] } as const;

/** Milestones are outbox topics (`complaint.registered`); the other types are events of a complaint's history. */
export function isMilestone(type: string): boolean {
  return type.includes('.');
}

/** A type as people name it: the milestone's label, or the event's label of the complaint history. */
export function webhookTypeLabel(type: string, i18n: I18n): string {
  return isMilestone(type) ? i18n.label('webhooks.milestone', type) : eventLabel(type, i18n);
}
