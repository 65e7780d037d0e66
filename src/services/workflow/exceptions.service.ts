import type { ExceptionKind } from '../../domain/codes.js';
import type { Database } from '../../db/database.js';
import { insertException, resolveOpenExceptionsOf } from '../../db/repositories/exception.repository.js';

/**
 * A tracked exception for leaders (R-E3): a breach, a dissatisfied customer, stalled progress.
 * Raised once per source fact (unique source_key), resolved by a person with a note.
 */
export async function raiseException(
  db: Database,
  e: {
    complaintId: string;
    kind: ExceptionKind;
    clockId: string | null;
    sourceKey: string;
    details: Record<string, unknown>;
    at: Date;
  },
): Promise<boolean> {
  return insertException(db, e);
}

/** Resolves a complaint's open exceptions (it was closed, withdrawn, transferred or merged); returns their ids for the event. */
export async function resolveOpenExceptions(
  db: Database,
  complaintId: string,
  r: { at: Date; by: string; resolution: string },
): Promise<string[]> {
  return resolveOpenExceptionsOf(db, complaintId, r);
}
