import { findChainBreak, type ChainBreak } from '../../domain/events/hash-chain.js';
import type { Database } from '../../db/database.js';
import { findComplaint } from '../../db/repositories/complaint.repository.js';
import { allChains } from '../../db/repositories/event.repository.js';

export interface BrokenChain {
  complaintId: string;
  number: string | null;
  break: ChainBreak | { kind: 'no_events' };
}

export interface LedgerVerification {
  complaints: number;
  events: number;
  broken: BrokenChain[];
}

/** Checks every complaint's hash chain (R-A4) and names the first broken link of each. */
export async function verifyLedger(db: Database): Promise<LedgerVerification> {
  const result: LedgerVerification = { complaints: 0, events: 0, broken: [] };
  for await (const { complaintId, events, salt } of allChains(db)) {
    result.complaints += 1;
    result.events += events.length;
    const brk = events.length === 0 ? { kind: 'no_events' as const } : findChainBreak(events, salt);
    if (brk) result.broken.push({ complaintId, number: (await findComplaint(db, complaintId))?.number ?? null, break: brk });
  }
  return result;
}
