import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ComplaintEvent, StoredComplaintEvent } from '../../domain/events/event-types.js';
import { chainEvent, GENESIS_HASH, type StoredChainedEvent } from '../../domain/events/hash-chain.js';
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

/** A complaint_events row as inserted: version 2, the commitment in the hash, reason and payload beside it. */
export interface ChainedEventRow {
  complaint_id: string;
  seq: number;
  type: string;
  actor: string;
  occurred_at: Date;
  reason: string | null;
  payload: string;
  prev_hash: string;
  hash: string;
  hash_version: 2;
  commitment: string;
}

/** Chains events after (seq, hash) with the complaint's salt (hash version 2, hash-chain.ts). */
export function chainedRows(
  complaintId: string,
  tail: { seq: number; hash: string } | null,
  events: ReadonlyArray<ComplaintEvent & { actor: string; occurredAt: Date; reason?: string | null }>,
  salt: Uint8Array,
): ChainedEventRow[] {
  let seq = tail?.seq ?? 0;
  let prev = tail?.hash ?? GENESIS_HASH;
  return events.map((e) => {
    seq += 1;
    const payload = normalise(e.payload);
    const fields = { complaintId, seq, type: e.type, actor: e.actor, occurredAt: e.occurredAt, reason: e.reason ?? null, payload };
    const { hash, commitment } = chainEvent(prev, fields, salt);
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
      hash_version: 2 as const,
      commitment,
    };
    prev = hash;
    return row;
  });
}

/** New random salts (32 bytes) for complaints that have none, one insert. */
export async function createSalts(db: Kysely<DB>, complaintIds: readonly string[]): Promise<Map<string, Buffer>> {
  const salts = new Map(complaintIds.map((id) => [id, randomBytes(32)]));
  if (salts.size === 0) return salts;
  const values = [...salts].map(([complaint_id, salt]) => ({ complaint_id, salt }));
  for (let i = 0; i < values.length; i += 5000)
    await db
      .insertInto('complaint_salts')
      .values(values.slice(i, i + 5000))
      .execute();
  return salts;
}

/**
 * Appends events to a complaint's chain. Callers hold the complaint row lock (SELECT … FOR UPDATE
 * or the insert of the row itself), so the tail read here cannot race another writer.
 * Every event is written with hash version 2: the hash covers a commitment to reason and payload
 * salted with the complaint's own salt (complaint_salts), so the retention job can later redact
 * them and delete the salt while the chain stays verifiable (docs/architecture.md, "Retention,
 * anonymisation and the hash chain").
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
  await appendEventsToMany(db, [{ complaintId, events }]);
}

/**
 * appendEvents for several complaints at once (#16: the clock sweeper's batches): one read of the
 * chains' tails, one of the salts, one insert, whatever the number of complaints. Each complaint
 * appears once; the caller holds every complaint's row lock.
 */
export async function appendEventsToMany(
  db: Kysely<DB>,
  batches: ReadonlyArray<{ complaintId: string; events: readonly NewEvent[] }>,
): Promise<void> {
  const work = batches.filter((b) => b.events.length > 0);
  if (work.length === 0) return;
  const ids = work.map((b) => b.complaintId);
  const tails = new Map(
    (
      await db
        .selectFrom('complaint_events')
        .select(['complaint_id', 'seq', 'hash'])
        .distinctOn('complaint_id')
        .where('complaint_id', 'in', ids)
        .orderBy('complaint_id')
        .orderBy('seq', 'desc')
        .execute()
    ).map((t) => [t.complaint_id, { seq: t.seq, hash: t.hash }]),
  );
  // a complaint's salt is made with its first version-2 event: new complaints (no tail) have none yet,
  // nor do complaints from before migration 0028
  const chained = ids.filter((id) => tails.has(id));
  const salts = new Map(
    chained.length === 0
      ? []
      : (await db.selectFrom('complaint_salts').select(['complaint_id', 'salt']).where('complaint_id', 'in', chained).execute()).map(
          (r) => [r.complaint_id, r.salt] as const,
        ),
  );
  for (const [id, salt] of await createSalts(
    db,
    ids.filter((id) => !salts.has(id)),
  ))
    salts.set(id, salt);
  const rows = work.flatMap((b) => chainedRows(b.complaintId, tails.get(b.complaintId) ?? null, b.events, salts.get(b.complaintId)!));
  for (let i = 0; i < rows.length; i += 2000)
    await db
      .insertInto('complaint_events')
      .values(rows.slice(i, i + 2000))
      .execute();
  const wanted = await subscribedEventTypes(
    db,
    rows.map((r) => r.type),
  );
  const announced = rows.filter((r) => wanted.has(r.type));
  if (announced.length === 0) return;
  const numbers = new Map(
    (
      await db
        .selectFrom('complaints')
        .select(['id', 'number'])
        .where('id', 'in', [...new Set(announced.map((r) => r.complaint_id))])
        .execute()
    ).map((c) => [c.id, c.number]),
  );
  await enqueueOutbox(
    db,
    announced.map((r) => ({
      topic: 'complaint.event',
      payload: {
        complaintId: r.complaint_id,
        number: numbers.get(r.complaint_id) ?? null,
        seq: r.seq,
        type: r.type,
        occurredAt: r.occurred_at.toISOString(),
        actor: r.actor,
      },
      idempotencyKey: `event:${r.complaint_id}:${r.seq}`,
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
  hash_version: number;
  commitment: string | null;
  redacted_at: Date | null;
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
    hashVersion: r.hash_version,
    commitment: r.commitment,
    redactedAt: r.redacted_at,
  };
}

export async function listEvents(db: Kysely<DB>, complaintId: string): Promise<EventRow[]> {
  const rows = await db.selectFrom('complaint_events').selectAll().where('complaint_id', '=', complaintId).orderBy('seq').execute();
  return rows.map(toEvent);
}

/** Streams every chain in (complaint, seq) order, a batch of complaints at a time. */
export async function* allChains(
  db: Kysely<DB>,
  batch = 500,
): AsyncGenerator<{ complaintId: string; events: EventRow[]; salt: Buffer | null }> {
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
    const salts = await db
      .selectFrom('complaint_salts')
      .select(['complaint_id', 'salt'])
      .where(
        'complaint_id',
        'in',
        ids.map((i) => i.id),
      )
      .execute();
    const saltOf = new Map(salts.map((r) => [r.complaint_id, r.salt]));
    const byComplaint = new Map<string, EventRow[]>(ids.map((i) => [i.id, []]));
    for (const r of rows) byComplaint.get(r.complaint_id)?.push(toEvent(r));
    for (const [complaintId, events] of byComplaint) yield { complaintId, events, salt: saltOf.get(complaintId) ?? null };
    after = ids[ids.length - 1]!.id;
  }
}

/**
 * The retention job's redaction of one event: payload and reason replaced, redacted_at set. The
 * append-only trigger lets exactly this through, and only in a transaction that called
 * allowRetentionRedaction (retention.repository.ts).
 */
export async function redactEvent(db: Kysely<DB>, eventId: string, reason: string | null, payload: unknown, at: Date): Promise<void> {
  await db
    .updateTable('complaint_events')
    .set({ reason, payload: JSON.stringify(payload), redacted_at: at })
    .where('id', '=', eventId)
    .execute();
}

/** The complaint's salt and the events' commitments: deleting it leaves nothing to test a guess of the redacted data against. */
export async function complaintSaltOrNull(db: Kysely<DB>, complaintId: string): Promise<Buffer | null> {
  const r = await db.selectFrom('complaint_salts').select('salt').where('complaint_id', '=', complaintId).executeTakeFirst();
  return r?.salt ?? null;
}

export async function deleteSalt(db: Kysely<DB>, complaintId: string): Promise<void> {
  await db.deleteFrom('complaint_salts').where('complaint_id', '=', complaintId).execute();
}
