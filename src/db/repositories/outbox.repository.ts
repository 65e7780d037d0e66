import type { Kysely, Selectable } from 'kysely';
import type { DB, OutboxTable } from '../schema.js';
import { enqueueJobs } from './job.repository.js';

export interface OutboxMessage {
  topic: string;
  payload: Record<string, unknown>;
  idempotencyKey: string;
}

export type OutboxRow = Selectable<OutboxTable>;

/**
 * Written in the same transaction as the change it announces, with the job that hands it to its
 * channels after commit (#11): a rolled-back change leaves neither. A repeated key writes nothing.
 */
export async function enqueueOutbox(db: Kysely<DB>, messages: readonly OutboxMessage[], at: Date): Promise<void> {
  // 5 parameters a row: chunks stay far below PostgreSQL's 65,535 parameters per statement
  for (let i = 0; i < messages.length; i += 5000) await enqueueChunk(db, messages.slice(i, i + 5000), at);
}

async function enqueueChunk(db: Kysely<DB>, messages: readonly OutboxMessage[], at: Date): Promise<void> {
  if (messages.length === 0) return;
  const rows = await db
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
    .returning('id')
    .execute();
  await enqueueJobs(
    db,
    rows.map((r) => ({ name: 'outbox.dispatch' as const, data: { outboxId: String(r.id) } })),
  );
}

/** The row, locked until the dispatcher's transaction ends (two instances never both hand it over). */
export async function lockOutboxRow(db: Kysely<DB>, id: string): Promise<OutboxRow | undefined> {
  return db.selectFrom('outbox').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function markOutboxDispatched(db: Kysely<DB>, id: string, at: Date): Promise<void> {
  await db
    .updateTable('outbox')
    .set((eb) => ({ dispatched_at: at, attempts: eb('attempts', '+', 1), last_error: null }))
    .where('id', '=', id)
    .execute();
}

export async function recordOutboxError(db: Kysely<DB>, id: string, error: string): Promise<void> {
  await db
    .updateTable('outbox')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: error.slice(0, 2000) }))
    .where('id', '=', id)
    .execute();
}

/** Rows still waiting for their channels, written before `olderThan` (their job was lost or is late). */
export async function listUndispatched(db: Kysely<DB>, olderThan: Date, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('outbox')
    .select('id')
    .where('dispatched_at', 'is', null)
    .where('created_at', '<', olderThan)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => String(r.id));
}

/** Every row written so far counts as handed over (the demo's history, which nobody is sent). */
export async function markAllOutboxDispatched(db: Kysely<DB>): Promise<void> {
  await db
    .updateTable('outbox')
    .set((eb) => ({ dispatched_at: eb.ref('created_at') }))
    .where('dispatched_at', 'is', null)
    .execute();
}
