import type { Kysely } from 'kysely';
import type { ComplaintEvent, StoredComplaintEvent } from '../../domain/events/event-types.js';
import { eventHash, GENESIS_HASH, type StoredChainedEvent } from '../../domain/events/hash-chain.js';
import type { DB } from '../schema.js';
import { enqueueOutbox } from './outbox.repository.js';
import { subscribedEventTypes } from './webhook.repository.js';

/** An event to append: one of the typed events (event-types.ts) with who did it, when and why. */
export type NewEvent = ComplaintEvent & {
  actor: string;
  occurredAt: Date;
  reason?: string | null;
};

/** A stored event: its chain fields and its typed payload as read back (instants as ISO strings). */
export type EventRow = Omit<StoredChainedEvent, 'type' | 'payload'> & StoredComplaintEvent;

/** JSON round trip, so the hash covers exactly what jsonb will give back. */
function normalise(payload: ComplaintEvent['payload']): Record<string, unknown> {
  return JSON.parse(JSON.stringify(payload)) as Record<string, unknown>;
}

/**
 * Appends events to a complaint's chain. Callers hold the complaint row lock (SELECT … FOR UPDATE
 * or the insert of the row itself), so the tail read here cannot race another writer.
 *
 * Each event an active webhook subscription asks for is also announced in the same transaction by
 * one `complaint.event` outbox row (#11 item 8), keyed `event:<complaintId>:<seq>`. The row names the
 * event (complaint id and number, seq, type, time, actor) but never carries its payload: several
 * payloads hold free text that may name the complainant (domain/messages/webhook-events.ts).
 * Events nobody subscribed to are not announced: each outbox row comes with a job, and a row and a
 * job per event for no receiver made the 200-complaint demo seed take 44 s instead of 31 s (nearly
 * all of it the jobs' inserts). The dispatcher checks the subscriptions again when it hands the row over.
 */
export async function appendEvents(db: Kysely<DB>, complaintId: string, events: readonly NewEvent[]): Promise<void> {
  if (events.length === 0) return;
  const tail = await db
    .selectFrom('complaint_events')
    .select(['seq', 'hash'])
    .where('complaint_id', '=', complaintId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  let seq = tail?.seq ?? 0;
  let prev = tail?.hash ?? GENESIS_HASH;
  const rows = events.map((e) => {
    seq += 1;
    const payload = normalise(e.payload);
    const fields = { complaintId, seq, type: e.type, actor: e.actor, occurredAt: e.occurredAt, reason: e.reason ?? null, payload };
    const hash = eventHash(prev, fields);
    const row = {
      complaint_id: complaintId,
      seq,
      type: e.type,
      actor: e.actor,
      occurred_at: e.occurredAt,
      reason: e.reason ?? null,
      payload: JSON.stringify(payload),
      prev_hash: prev,
      hash,
    };
    prev = hash;
    return row;
  });
  await db.insertInto('complaint_events').values(rows).execute();
  const wanted = await subscribedEventTypes(
    db,
    rows.map((r) => r.type),
  );
  const announced = rows.filter((r) => wanted.has(r.type));
  if (announced.length === 0) return;
  const complaint = await db.selectFrom('complaints').select('number').where('id', '=', complaintId).executeTakeFirst();
  await enqueueOutbox(
    db,
    announced.map((r) => ({
      topic: 'complaint.event',
      payload: {
        complaintId,
        number: complaint?.number ?? null,
        seq: r.seq,
        type: r.type,
        occurredAt: r.occurred_at.toISOString(),
        actor: r.actor,
      },
      idempotencyKey: `event:${complaintId}:${r.seq}`,
    })),
    // written when the events were: their own time (the injected clock of the caller), not this process's
    announced[announced.length - 1]!.occurred_at,
  );
}

function toEvent(r: {
  id: string;
  complaint_id: string;
  seq: number;
  type: string;
  actor: string;
  occurred_at: Date;
  reason: string | null;
  payload: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}): EventRow {
  // the type and payload were written through appendEvents, which accepts only the typed events
  const event = { type: r.type, payload: r.payload } as StoredComplaintEvent;
  return {
    id: String(r.id),
    complaintId: r.complaint_id,
    seq: r.seq,
    ...event,
    actor: r.actor,
    occurredAt: r.occurred_at,
    reason: r.reason,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

export async function listEvents(db: Kysely<DB>, complaintId: string): Promise<EventRow[]> {
  const rows = await db.selectFrom('complaint_events').selectAll().where('complaint_id', '=', complaintId).orderBy('seq').execute();
  return rows.map(toEvent);
}

/** Streams every chain in (complaint, seq) order, a batch of complaints at a time. */
export async function* allChains(db: Kysely<DB>, batch = 500): AsyncGenerator<{ complaintId: string; events: EventRow[] }> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const ids = await db.selectFrom('complaints').select('id').where('id', '>', after).orderBy('id').limit(batch).execute();
    if (ids.length === 0) return;
    const rows = await db
      .selectFrom('complaint_events')
      .selectAll()
      .where(
        'complaint_id',
        'in',
        ids.map((i) => i.id),
      )
      .orderBy('complaint_id')
      .orderBy('seq')
      .execute();
    const byComplaint = new Map<string, EventRow[]>(ids.map((i) => [i.id, []]));
    for (const r of rows) byComplaint.get(r.complaint_id)?.push(toEvent(r));
    for (const [complaintId, events] of byComplaint) yield { complaintId, events };
    after = ids[ids.length - 1]!.id;
  }
}
