import type { Kysely } from 'kysely';
import type { DB } from '../schema.js';

export interface OutboxMessage {
  topic: string;
  payload: Record<string, unknown>;
  idempotencyKey: string;
}

/** Written in the same transaction as the change it announces; delivered after commit. */
export async function enqueueOutbox(db: Kysely<DB>, messages: readonly OutboxMessage[], at: Date): Promise<void> {
  if (messages.length === 0) return;
  await db
    .insertInto('outbox')
    .values(
      messages.map((m) => ({
        topic: m.topic,
        payload: JSON.stringify(m.payload),
        idempotency_key: m.idempotencyKey,
        created_at: at,
        available_at: at,
      })),
    )
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .execute();
}
