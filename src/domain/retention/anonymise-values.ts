/**
 * What the retention sweep puts in place of a complaint's personal data (#15 item 4, R-H6). Pure:
 * the anonymiser (domain/personal-data/anonymiser.ts) with the complaint's own personal data as the
 * values it must find first, applied to free text and to every string inside JSON values.
 */
import { anonymiseText, PLACEHOLDERS, type KnownPersonalData } from '../personal-data/anonymiser.js';

/** The complainant's name after anonymisation (the column is NOT NULL). */
export const ANONYMISED_NAME = PLACEHOLDERS.name;

export interface ComplainantValues {
  name: string;
  phone: string | null;
  email: string | null;
  address: string | null;
  idNumber: string | null;
  account: string | null;
}

const present = (v: string | null): string[] => (v !== null && v.trim().length > 0 ? [v.trim()] : []);

/** The complaint's own personal data: the anonymiser finds these anywhere, whatever the rules would say. */
export function knownPersonalData(c: ComplainantValues): KnownPersonalData {
  return {
    // the placeholder itself is no name to look for
    names: present(c.name).filter((n) => n !== ANONYMISED_NAME),
    phones: present(c.phone),
    emails: present(c.email),
    addresses: present(c.address),
    idNumbers: present(c.idNumber),
    accounts: present(c.account),
  };
}

export function anonymiseString(text: string, known: KnownPersonalData): string {
  return anonymiseText(text, known).text;
}

export function anonymiseNullable(text: string | null, known: KnownPersonalData): string | null {
  return text === null ? null : anonymiseString(text, known);
}

/** Every string in a JSON value (not the keys) through the anonymiser; numbers, booleans and structure kept. */
export function anonymiseJson(value: unknown, known: KnownPersonalData): unknown {
  if (typeof value === 'string') return anonymiseString(value, known);
  if (Array.isArray(value)) return value.map((v) => anonymiseJson(v, known));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, anonymiseJson(v, known)]));
  }
  return value;
}

/** The ledger's search text of an anonymised complaint: the same parts as at intake, from the anonymised values. */
export function anonymisedSearchText(parts: ReadonlyArray<string | null | undefined>): string {
  return parts
    .filter((v): v is string => typeof v === 'string' && v.length > 0)
    .join('\n')
    .toLowerCase();
}
