import type { Kysely } from 'kysely';
import type { DB } from '../schema.js';

export type IdempotencyClaim = { kind: 'new' } | { kind: 'replay'; status: number; body: unknown } | { kind: 'mismatch' };

/**
 * Claims a key inside the caller's transaction. A concurrent request with the same key blocks on
 * the primary key until the first commits, then sees its stored response: never two rows.
 */
export async function claimIdempotencyKey(db: Kysely<DB>, scope: string, key: string, requestHash: string): Promise<IdempotencyClaim> {
  const inserted = await db
    .insertInto('idempotency_keys')
    .values({ scope, key, request_hash: requestHash })
    .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  if (inserted) return { kind: 'new' };
  const existing = await db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'response_status', 'response_body'])
    .where('scope', '=', scope)
    .where('key', '=', key)
    .executeTakeFirstOrThrow();
  if (existing.request_hash !== requestHash) return { kind: 'mismatch' };
  return { kind: 'replay', status: existing.response_status ?? 200, body: existing.response_body };
}

export async function storeIdempotentResponse(db: Kysely<DB>, scope: string, key: string, status: number, body: unknown): Promise<void> {
  await db
    .updateTable('idempotency_keys')
    .set({ response_status: status, response_body: JSON.stringify(body) })
    .where('scope', '=', scope)
    .where('key', '=', key)
    .execute();
}
