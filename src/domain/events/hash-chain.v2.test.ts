import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ANONYMISED_EVENT_TYPE,
  chainEvent,
  eventHash,
  findChainBreak,
  GENESIS_HASH,
  type ChainedEventFields,
  type StoredChainedEvent,
} from './hash-chain.js';

const salt = randomBytes(32);

function fields(seq: number, payload: unknown = { name: '张三', phone: '13812345678', seq }): ChainedEventFields {
  return {
    complaintId: 'c1',
    seq,
    type: seq === 1 ? 'received' : 'graded',
    actor: 'agent',
    occurredAt: new Date(Date.UTC(2026, 10, 25, 1, seq)),
    reason: seq === 2 ? '客户张三来电' : null,
    payload,
  };
}

function appendV2(chain: StoredChainedEvent[], f: ChainedEventFields, withSalt = salt): void {
  const prev = chain[chain.length - 1]?.hash ?? GENESIS_HASH;
  const { hash, commitment } = chainEvent(prev, f, withSalt);
  chain.push({ ...f, id: String(f.seq), prevHash: prev, hash, hashVersion: 2, commitment, redactedAt: null });
}

function appendV1(chain: StoredChainedEvent[], f: ChainedEventFields): void {
  const prev = chain[chain.length - 1]?.hash ?? GENESIS_HASH;
  chain.push({ ...f, id: String(f.seq), prevHash: prev, hash: eventHash(prev, f) });
}

const redact = (e: StoredChainedEvent): StoredChainedEvent => ({
  ...e,
  reason: e.reason ? '[已删除]' : null,
  payload: { redacted: true },
  redactedAt: new Date(),
});

describe('hash chain version 2: salted commitments (retention, R-H6)', () => {
  it('an intact version-2 chain verifies with its salt', () => {
    const chain: StoredChainedEvent[] = [];
    for (let seq = 1; seq <= 4; seq++) appendV2(chain, fields(seq));
    expect(findChainBreak(chain, salt)).toBeNull();
  });

  it('an edited payload or reason no longer matches its commitment', () => {
    const chain: StoredChainedEvent[] = [];
    for (let seq = 1; seq <= 3; seq++) appendV2(chain, fields(seq));
    const edited = [...chain];
    edited[1] = { ...chain[1]!, reason: 'changed' };
    expect(findChainBreak(edited, salt)).toEqual({ kind: 'hash_mismatch', eventId: '2', seq: 2 });
    edited[1] = { ...chain[1]!, payload: { name: '李四' } };
    expect(findChainBreak(edited, salt)).toEqual({ kind: 'hash_mismatch', eventId: '2', seq: 2 });
  });

  it('an edited type, actor or time breaks the hash', () => {
    const chain: StoredChainedEvent[] = [];
    for (let seq = 1; seq <= 3; seq++) appendV2(chain, fields(seq));
    const edited = [...chain];
    edited[2] = { ...chain[2]!, actor: 'someone else' };
    expect(findChainBreak(edited, salt)).toEqual({ kind: 'hash_mismatch', eventId: '3', seq: 3 });
    edited[2] = { ...chain[2]!, commitment: 'f'.repeat(64), redactedAt: new Date() };
    expect(findChainBreak(edited, salt)).toEqual({ kind: 'hash_mismatch', eventId: '3', seq: 3 });
  });

  it('without the salt, an unredacted version-2 event cannot be checked and is reported', () => {
    const chain: StoredChainedEvent[] = [];
    appendV2(chain, fields(1));
    expect(findChainBreak(chain, null)).toEqual({ kind: 'salt_missing', eventId: '1', seq: 1 });
  });

  it('after redaction (payload gone, salt deleted) the chain still verifies over the commitments', () => {
    const chain: StoredChainedEvent[] = [];
    for (let seq = 1; seq <= 3; seq++) appendV2(chain, fields(seq));
    const redacted = chain.map(redact);
    expect(findChainBreak(redacted, null)).toBeNull();
    // order, seq and the other fields stay tamper-evident
    const swapped = [redacted[0]!, { ...redacted[2]!, seq: 2 }, { ...redacted[1]!, seq: 3 }];
    expect(findChainBreak(swapped, null)).not.toBeNull();
    const retyped = [...redacted];
    retyped[1] = { ...redacted[1]!, type: 'closed' };
    expect(findChainBreak(retyped, null)).toEqual({ kind: 'hash_mismatch', eventId: '2', seq: 2 });
  });

  it('redacted version-1 events verify against the hashes the anonymised event recorded', () => {
    const chain: StoredChainedEvent[] = [];
    appendV1(chain, fields(1));
    appendV1(chain, fields(2));
    appendV2(chain, fields(3)); // written after migration 0028
    expect(findChainBreak(chain, salt)).toBeNull();
    const v1Events = chain
      .slice(0, 2)
      .map((e) => ({ seq: e.seq, hash: e.hash, type: e.type, actor: e.actor, occurredAt: e.occurredAt.toISOString() }));
    const redacted = chain.map(redact);
    const newSalt = randomBytes(32);
    appendV2(
      redacted,
      { ...fields(4), type: ANONYMISED_EVENT_TYPE, reason: null, payload: { runId: 'r1', counts: {}, redactedSeqs: [1, 2, 3], v1Events } },
      newSalt,
    );
    expect(findChainBreak(redacted, newSalt)).toBeNull();

    // a redacted v1 event whose time was changed no longer matches the record
    const moved = [...redacted];
    moved[0] = { ...redacted[0]!, occurredAt: new Date(Date.UTC(2020, 0, 1)) };
    expect(findChainBreak(moved, newSalt)).toEqual({ kind: 'redaction_unrecorded', eventId: '1', seq: 1 });
    // a forged record breaks the anonymised event itself
    const forged = [...redacted];
    forged[3] = { ...redacted[3]!, payload: { runId: 'r1', counts: {}, redactedSeqs: [], v1Events: [] } };
    expect(findChainBreak(forged, newSalt)).toMatchObject({ kind: 'redaction_unrecorded' });
    // a redacted v1 event without a record
    expect(findChainBreak(redacted.slice(0, 3), null)).toEqual({ kind: 'redaction_unrecorded', eventId: '1', seq: 1 });
  });
});
