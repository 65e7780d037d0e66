import { describe, expect, it } from 'vitest';
import { canonicalJson, eventHash, findChainBreak, GENESIS_HASH, type StoredChainedEvent } from './hash-chain.js';

function chain(n: number): StoredChainedEvent[] {
  const out: StoredChainedEvent[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const base = {
      id: String(seq),
      complaintId: 'c1',
      seq,
      type: seq === 1 ? 'received' : 'graded',
      actor: 'agent',
      occurredAt: new Date(Date.UTC(2026, 10, 25, 1, seq)),
      reason: null,
      payload: { level: seq, nested: { b: 1, a: [1, 'x'] } },
    };
    const hash = eventHash(prev, base);
    out.push({ ...base, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

describe('hash chain (R-A4)', () => {
  it('canonical JSON ignores key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe(canonicalJson({ a: { c: 3, d: 2 }, b: 1 }));
  });

  it('an intact chain verifies', () => {
    expect(findChainBreak(chain(5))).toBeNull();
  });

  it('an edited payload is found at its event', () => {
    const events = chain(4);
    events[2] = { ...events[2]!, payload: { level: 1 } };
    expect(findChainBreak(events)).toEqual({ kind: 'hash_mismatch', eventId: '3', seq: 3 });
  });

  it('a re-hashed edit still breaks the next link', () => {
    const events = chain(4);
    const edited = { ...events[1]!, actor: 'someone else' };
    edited.hash = eventHash(edited.prevHash, edited);
    events[1] = edited;
    expect(findChainBreak(events)).toEqual({ kind: 'prev_hash_mismatch', eventId: '3', seq: 3 });
  });

  it('a removed event is a sequence gap', () => {
    const events = chain(4);
    events.splice(1, 1);
    expect(findChainBreak(events)).toMatchObject({ kind: 'sequence_gap', seq: 3, expectedSeq: 2 });
  });
});
