import { findChainBreak, type ChainBreak } from '../domain/events/hash-chain.js';
import type { Database } from '../db/database.js';
import { allChains } from '../db/repositories/event.repository.js';

export interface LedgerVerification {
  complaints: number;
  events: number;
  broken: Array<{ complaintId: string; break: ChainBreak | { kind: 'no_events' } }>;
}

/** Checks every complaint's hash chain (R-A4) and names the first broken link of each. */
export async function verifyLedger(db: Database): Promise<LedgerVerification> {
  const result: LedgerVerification = { complaints: 0, events: 0, broken: [] };
  for await (const chain of allChains(db)) {
    result.complaints += 1;
    result.events += chain.length;
    const first = chain[0];
    if (!first) continue;
    const brk = findChainBreak(chain);
    if (brk) result.broken.push({ complaintId: first.complaintId, break: brk });
  }
  return result;
}
