import { DomainError } from '../../../domain/errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** A position in a newest-first listing: the row's time and id (rows at the same instant stay apart). */
export interface KeysetPosition {
  at: Date;
  id: string;
}

export function encodeKeyset(p: KeysetPosition): string {
  return Buffer.from(JSON.stringify([p.at.toISOString(), p.id])).toString('base64url');
}

export function decodeKeyset(cursor: string, field: string): KeysetPosition {
  try {
    const raw: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(raw) && raw.length === 2 && typeof raw[0] === 'string' && typeof raw[1] === 'string') {
      const at = new Date(raw[0]);
      // a forged cursor may name an instant PostgreSQL cannot hold (year -271821): refused, not a 500
      const year = at.getUTCFullYear();
      if (year >= 1 && year <= 9999 && isUuid(raw[1])) return { at, id: raw[1] };
    }
  } catch {
    // fall through
  }
  throw new DomainError('invalid_cursor', {}, field);
}
