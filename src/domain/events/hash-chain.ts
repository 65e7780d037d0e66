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

export interface StoredChainedEvent extends ChainedEventFields {
  id: string;
  prevHash: string;
  hash: string;
}

export type ChainBreak =
  | { kind: 'sequence_gap'; eventId: string; seq: number; expectedSeq: number }
  | { kind: 'prev_hash_mismatch'; eventId: string; seq: number }
  | { kind: 'hash_mismatch'; eventId: string; seq: number };

/** Walks one complaint's events in seq order and returns the first broken link, or null. */
export function findChainBreak(events: readonly StoredChainedEvent[]): ChainBreak | null {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const e of events) {
    if (e.seq !== expectedSeq) return { kind: 'sequence_gap', eventId: e.id, seq: e.seq, expectedSeq };
    if (e.prevHash !== prev) return { kind: 'prev_hash_mismatch', eventId: e.id, seq: e.seq };
    if (eventHash(prev, e) !== e.hash) return { kind: 'hash_mismatch', eventId: e.id, seq: e.seq };
    prev = e.hash;
    expectedSeq += 1;
  }
  return null;
}
