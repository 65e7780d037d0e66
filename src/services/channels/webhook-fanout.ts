/**
 * Webhooks (#11 item 8): the messages an outbox row implies for the subscriptions to its type, one
 * per active subscription, keyed `<row key>:webhook:<subscription id>` (the body's `id` and the
 * X-Idempotency-Key header, the same on every attempt and resend). The message's params hold what
 * the body is built from (webhook-delivery.ts): the type, the instant and the allow-listed data, so
 * the body is the same bytes on every attempt. Rows no subscription can ask for cost nothing; the
 * others one indexed statement (webhookTargets), which also reads the complaint's number.
 */
import { COMPLAINT_EVENT_TOPIC, WEBHOOK_TEST_TOPIC, webhookData, webhookTypeOf } from '../../domain/messages/webhook-events.js';
import type { Database } from '../../db/database.js';
import type { NewMessage } from '../../db/repositories/message.repository.js';
import type { OutboxRow } from '../../db/repositories/outbox.repository.js';
import { webhookTargets, type WebhookTarget } from '../../db/repositories/webhook.repository.js';

/** What a webhook message's params hold: the body's parts but its id (the message's idempotency key). */
export interface WebhookParams {
  type: string;
  occurredAt: string;
  data: Record<string, unknown>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

function messageFor(row: OutboxRow, target: WebhookTarget, params: WebhookParams, complaintId: string | null): NewMessage {
  return {
    outboxId: String(row.id),
    idempotencyKey: `${row.idempotency_key}:webhook:${target.id}`,
    channel: 'webhook',
    purpose: 'webhook',
    recipientKind: 'webhook',
    recipientRef: target.id,
    recipientLabel: target.name,
    complaintId,
    template: 'webhook',
    params: { ...params },
    locale: 'zh-CN',
  };
}

export async function webhookMessagesFor(trx: Database, row: OutboxRow): Promise<NewMessage[]> {
  const payload = row.payload;
  if (row.topic === WEBHOOK_TEST_TOPIC) {
    const subscriptionId = str(payload.subscriptionId);
    if (!subscriptionId) return [];
    const targets = await webhookTargets(trx, { subscriptionId, complaintId: null });
    const params: WebhookParams = {
      type: WEBHOOK_TEST_TOPIC,
      occurredAt: row.created_at.toISOString(),
      data: { subscriptionId, requestedBy: str(payload.requestedBy) },
    };
    return targets.map((t) => messageFor(row, t, params, null));
  }
  const type = webhookTypeOf(row.topic, payload);
  if (!type) return [];
  const complaintId = UUID.test(str(payload.complaintId) ?? '') ? (payload.complaintId as string) : null;
  const targets = await webhookTargets(trx, { eventType: type, complaintId });
  if (targets.length === 0) return [];
  const occurredAt = (row.topic === COMPLAINT_EVENT_TOPIC && str(payload.occurredAt)) || row.created_at.toISOString();
  return targets.map((t) => {
    const data = { ...webhookData(payload), complaintId, number: str(payload.number) ?? t.complaint_number, occurredAt };
    // the message names the complaint only when it exists (messages.complaint_id is a foreign key)
    return messageFor(row, t, { type, occurredAt, data }, t.complaint_number === null ? null : complaintId);
  });
}
