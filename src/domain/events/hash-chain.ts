import { createHash } from 'node:crypto';
import { findUnstorableText } from '../text/storable-text.js';
import { ValidationError } from '../validation.js';

/** The genesis value a complaint's first event chains from. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedEventFields {
  complaintId: string;
  seq: number;
  type: string;
  actor: string;
  occurredAt: Date;
  reason: string | null;
  payload: unknown;
}

/** JSON with object keys sorted at every depth: one byte string per value, whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * hash = sha256(prev_hash + canonical row): any edit of a stored event changes its hash.
 * Text PostgreSQL cannot store as sent (NUL, an unpaired surrogate: see storable-text.ts) is refused
 * here too, so an input the edge missed fails the transaction instead of chaining a hash over
 * characters the database would change.
 */
export function eventHash(prevHash: string, e: ChainedEventFields): string {
  const bad = findUnstorableText({ type: e.type, actor: e.actor, reason: e.reason, payload: e.payload });
  if (bad !== null) throw new ValidationError([{ field: bad, code: 'invalid_characters' }]);
  const row = canonicalJson({
    complaintId: e.complaintId,
    seq: e.seq,
    type: e.type,
    actor: e.actor,
    occurredAt: e.occurredAt.toISOString(),
    reason: e.reason,
    payload: e.payload,
  });
  return createHash('sha256').update(prevHash).update(row).digest('hex');
}

/** The hashed fields of a version-2 event: the salted commitment stands for reason and payload. */
export interface CommittedEventFields {
  complaintId: string;
  seq: number;
  type: string;
  actor: string;
  occurredAt: Date;
  commitment: string;
}

/**
 * Version 2 (migration 0028): commitment = sha256(salt || canonical {reason, payload}), with a random
 * 32-byte salt per complaint kept apart (complaint_salts). Once the salt is deleted and the payload
 * redacted (retention), the commitment tells nothing about the removed data.
 */
export function eventCommitment(salt: Uint8Array, reason: string | null, payload: unknown): string {
  return createHash('sha256').update(salt).update(canonicalJson({ reason, payload })).digest('hex');
}

/** hash = sha256(prev_hash + canonical row), the row holding the commitment instead of reason and payload. */
export function eventHashV2(prevHash: string, e: CommittedEventFields): string {
  const row = canonicalJson({
    v: 2,
    complaintId: e.complaintId,
    seq: e.seq,
    type: e.type,
    actor: e.actor,
    occurredAt: e.occurredAt.toISOString(),
    commitment: e.commitment,
  });
  return createHash('sha256').update(prevHash).update(row).digest('hex');
}

/** Chains one new event (version 2): refuses text PostgreSQL cannot store, as eventHash does. */
export function chainEvent(prevHash: string, e: ChainedEventFields, salt: Uint8Array): { commitment: string; hash: string } {
  const bad = findUnstorableText({ type: e.type, actor: e.actor, reason: e.reason, payload: e.payload });
  if (bad !== null) throw new ValidationError([{ field: bad, code: 'invalid_characters' }]);
  const commitment = eventCommitment(salt, e.reason, e.payload);
  return { commitment, hash: eventHashV2(prevHash, { ...e, commitment }) };
}

export interface StoredChainedEvent extends ChainedEventFields {
  id: string;
  prevHash: string;
  hash: string;
  /** 1 (absent): the hash covers reason and payload; 2: the commitment */
  hashVersion?: number;
  commitment?: string | null;
  /** set when the retention job replaced payload and reason (they no longer match the hash) */
  redactedAt?: Date | null;
}

/** The type of the event the retention job appends after redacting a chain. */
export const ANONYMISED_EVENT_TYPE = 'retention_anonymised';

/** What the `retention_anonymised` event records of each version-1 event it redacted (verified first). */
export interface RecordedV1Event {
  seq: number;
  hash: string;
  type: string;
  actor: string;
  occurredAt: string;
}

export type ChainBreak =
  | { kind: 'sequence_gap'; eventId: string; seq: number; expectedSeq: number }
  | { kind: 'prev_hash_mismatch'; eventId: string; seq: number }
  /** the row does not match its hash (version 2: its payload or reason does not match the commitment, or the hash the commitment) */
  | { kind: 'hash_mismatch'; eventId: string; seq: number }
  /** a version-2 event is not redacted but the complaint's salt is gone */
  | { kind: 'salt_missing'; eventId: string; seq: number }
  /** a redacted version-1 event that no `retention_anonymised` event recorded as it was */
  | { kind: 'redaction_unrecorded'; eventId: string; seq: number };

function recordedV1(events: readonly StoredChainedEvent[]): Map<number, RecordedV1Event> {
  const out = new Map<number, RecordedV1Event>();
  for (const e of events) {
    if (e.type !== ANONYMISED_EVENT_TYPE || e.redactedAt) continue;
    const list = (e.payload as { v1Events?: unknown } | null)?.v1Events;
    if (!Array.isArray(list)) continue;
    for (const r of list as RecordedV1Event[]) out.set(r.seq, r);
  }
  return out;
}

function linkBreak(e: StoredChainedEvent, prev: string, salt: Uint8Array | null, v1: Map<number, RecordedV1Event>): ChainBreak | null {
  const at = { eventId: e.id, seq: e.seq };
  if ((e.hashVersion ?? 1) === 2) {
    const commitment = e.commitment ?? '';
    if (!e.redactedAt) {
      if (!salt) return { kind: 'salt_missing', ...at };
      if (eventCommitment(salt, e.reason, e.payload) !== commitment) return { kind: 'hash_mismatch', ...at };
    }
    return eventHashV2(prev, { ...e, commitment }) === e.hash ? null : { kind: 'hash_mismatch', ...at };
  }
  if (e.redactedAt) {
    // the payload is gone: the hash recorded (verified) before the redaction, and the row's other fields, stand for it
    const r = v1.get(e.seq);
    const same = r && r.hash === e.hash && r.type === e.type && r.actor === e.actor && r.occurredAt === e.occurredAt.toISOString();
    return same ? null : { kind: 'redaction_unrecorded', ...at };
  }
  return eventHash(prev, e) === e.hash ? null : { kind: 'hash_mismatch', ...at };
}

/**
 * Walks one complaint's events in seq order and returns the first broken link, or null. `salt` is the
 * complaint's current salt (null: none, or deleted by the retention job); version-2 events not
 * redacted are checked against it.
 */
export function findChainBreak(events: readonly StoredChainedEvent[], salt: Uint8Array | null = null): ChainBreak | null {
  const v1 = recordedV1(events);
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const e of events) {
    if (e.seq !== expectedSeq) return { kind: 'sequence_gap', eventId: e.id, seq: e.seq, expectedSeq };
    if (e.prevHash !== prev) return { kind: 'prev_hash_mismatch', eventId: e.id, seq: e.seq };
    const brk = linkBreak(e, prev, salt, v1);
    if (brk) return brk;
    prev = e.hash;
    expectedSeq += 1;
  }
  return null;
}
