import { maskComplainant, type ComplainantPersonalData } from '../../domain/personal-data/masking.js';
import type { Database } from '../../db/database.js';
import { listStoredPersonalData, rewriteStoredPersonalData, type ComplaintRecord } from '../../db/repositories/complaint.repository.js';
import {
  decryptField,
  encryptField,
  isEncrypted,
  keyedHash,
  needsRotation,
  PiiDecryptError,
  type KeyRing,
} from '../../security/pii-crypto.js';

/** ID document and account numbers as stored: encrypted, with keyed hashes for exact search. */
export function protectedPersonalData(ring: KeyRing, c: { idNumber?: string | null; account?: string | null }) {
  return {
    complainant_id_number: c.idNumber ? encryptField(ring, c.idNumber) : null,
    complainant_id_number_hash: c.idNumber ? keyedHash(ring, 'id_number', c.idNumber) : null,
    complainant_account: c.account ? encryptField(ring, c.account) : null,
    complainant_account_hash: c.account ? keyedHash(ring, 'account', c.account) : null,
  };
}

/** Shown instead of a value whose key is missing from the ring: the rest of the complaint still reads. */
export const UNREADABLE = '[无法解密 / unreadable]';

/** Clear text of a stored value; throws when its key is not in the ring (used where losing it is not an option). */
function revealStrict(ring: KeyRing, stored: string | null): string | null {
  if (stored === null) return null;
  return isEncrypted(stored) ? decryptField(ring, stored) : stored;
}

function reveal(ring: KeyRing, stored: string | null): string | null {
  try {
    return revealStrict(ring, stored);
  } catch (err) {
    if (err instanceof PiiDecryptError) return UNREADABLE;
    throw err;
  }
}

/** The complainant's personal data in clear (only for unmask and internal use). */
export function complainantOf(ring: KeyRing, r: ComplaintRecord): ComplainantPersonalData {
  return {
    name: r.complainant_name,
    phone: r.complainant_phone,
    email: r.complainant_email,
    address: r.complainant_address,
    idType: r.complainant_id_type,
    idNumber: reveal(ring, r.complainant_id_number),
    account: reveal(ring, r.complainant_account),
  };
}

/** What a response shows: masked (138****5678) unless this view is an explicit, recorded unmask. */
export function presentComplainant(ring: KeyRing, r: ComplaintRecord, unmasked: boolean): ComplainantPersonalData & { masked: boolean } {
  const clear = complainantOf(ring, r);
  return unmasked ? { ...clear, masked: false } : { ...maskComplainant(clear), masked: true };
}

/**
 * Encrypts values still stored in clear and re-encrypts values under a retired key (rotation):
 * run at start-up and by `npm run rotate-keys`. Idempotent; returns how many rows changed.
 */
export async function protectStoredPersonalData(db: Database, ring: KeyRing): Promise<number> {
  const rows = await listStoredPersonalData(db);
  let changed = 0;
  for (const r of rows) {
    const stale = (v: string | null) => v !== null && (!isEncrypted(v) || needsRotation(ring, v));
    if (!stale(r.complainant_id_number) && !stale(r.complainant_account)) continue;
    // strict: a value whose key is missing stops the rotation rather than being re-encrypted as garbage
    const idNumber = revealStrict(ring, r.complainant_id_number);
    const account = revealStrict(ring, r.complainant_account);
    await rewriteStoredPersonalData(db, r.id, protectedPersonalData(ring, { idNumber, account }));
    changed += 1;
  }
  return changed;
}
