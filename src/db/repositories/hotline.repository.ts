/**
 * Hotline calls and the signatures of the telephony system's events (#12 item 3, migration 0013).
 * Thin queries; what an event or an agent's step does is decided in domain/hotline and the services.
 */
import { sql, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { DB, HotlineCallsTable } from '../schema.js';

export type HotlineCallRow = Selectable<HotlineCallsTable>;
export type HotlineCallPatch = Omit<Updateable<HotlineCallsTable>, 'id' | 'call_id' | 'created_at'>;

/**
 * Remembers a signature until `expiresAt`; false when it was seen before (a replay). Expired rows are
 * deleted first. A concurrent copy of the same request waits on the key and then finds it taken.
 */
export async function rememberSignature(db: Kysely<DB>, signature: string, expiresAt: Date, now: Date): Promise<boolean> {
  await db.deleteFrom('hotline_signatures').where('expires_at', '<', now).execute();
  const inserted = await db
    .insertInto('hotline_signatures')
    .values({ signature, expires_at: expiresAt })
    .onConflict((oc) => oc.column('signature').doNothing())
    .returning('signature')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** The call with this telephony call id, locked until the transaction ends. */
export async function lockCallByCallId(db: Kysely<DB>, callId: string): Promise<HotlineCallRow | undefined> {
  return db.selectFrom('hotline_calls').selectAll().where('call_id', '=', callId).forUpdate().executeTakeFirst();
}

export async function findCall(db: Kysely<DB>, id: string, forUpdate = false): Promise<HotlineCallRow | undefined> {
  const q = db.selectFrom('hotline_calls').selectAll().where('id', '=', id);
  return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
}

/** Inserts the call unless its call id is already there (a concurrent event of the same call): true when inserted. */
export async function insertCallIfAbsent(db: Kysely<DB>, row: HotlineCallRow): Promise<boolean> {
  const inserted = await db
    .insertInto('hotline_calls')
    .values(row)
    .onConflict((oc) => oc.column('call_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function updateCall(db: Kysely<DB>, id: string, patch: HotlineCallPatch): Promise<void> {
  await db.updateTable('hotline_calls').set(patch).where('id', '=', id).execute();
}

/** Drops the agent's hold on the call (registration failed); another agent's hold is left alone. */
export async function releaseClaim(db: Kysely<DB>, id: string, by: string): Promise<void> {
  await db
    .updateTable('hotline_calls')
    .set({ claimed_by: null, claimed_until: null })
    .where('id', '=', id)
    .where('claimed_by', '=', by)
    .execute();
}

/** The call a complaint was registered from. */
export async function findCallOfComplaint(db: Kysely<DB>, complaintId: string): Promise<HotlineCallRow | undefined> {
  return db.selectFrom('hotline_calls').selectAll().where('complaint_id', '=', complaintId).executeTakeFirst();
}

/** Calls in these statuses, the given agent's own first, then the newest. */
export async function listCalls(
  db: Kysely<DB>,
  q: { statuses: readonly HotlineCallRow['status'][]; ownFirst: string; limit: number },
): Promise<HotlineCallRow[]> {
  if (q.statuses.length === 0) return [];
  return db
    .selectFrom('hotline_calls')
    .selectAll()
    .where('status', 'in', [...q.statuses])
    .orderBy(sql`(agent IS NOT DISTINCT FROM ${q.ownFirst})`, 'desc')
    .orderBy('started_at', 'desc')
    .orderBy('id')
    .limit(q.limit)
    .execute();
}

/**
 * The complaint registered from this call when its link was never written (the process stopped
 * between registering and linking): a hotline complaint with the call id as its reference,
 * registered after the call arrived.
 */
export async function findComplaintOfCall(db: Kysely<DB>, call: Pick<HotlineCallRow, 'call_id' | 'created_at'>) {
  return db
    .selectFrom('complaints')
    .select(['id', 'number', 'created_by'])
    .where('channel', '=', 'hotline')
    .where('call_reference', '=', call.call_id)
    .where('registered_at', '>=', call.created_at)
    .orderBy('registered_at')
    .limit(1)
    .executeTakeFirst();
}

/** Numbers of the complaints calls were registered as. */
export async function complaintNumbers(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('complaints')
    .select(['id', 'number'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.number]));
}
