/**
 * One-time codes and sessions of the public portal and the app (#12 item 1). A code's "subject" is
 * its purpose, the keyed hash of the contact and (for tracking) the complaint number typed: a new
 * code replaces the earlier ones of its subject, and only the newest is ever checked.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, PortalCodesTable, PortalSessionsTable } from '../schema.js';

export type PortalCodeRow = Selectable<PortalCodesTable>;
export type PortalSessionRow = Selectable<PortalSessionsTable>;

export interface CodeSubject {
  purpose: 'submit' | 'track';
  contactHash: string;
  /** the number typed for tracking; '' for submitting */
  number: string;
}

export interface NewPortalCode extends CodeSubject {
  id: string;
  contactKind: 'phone' | 'email';
  /** encrypted */
  contact: string;
  complaintId: string | null;
  codeHash: string;
  maxAttempts: number;
  createdAt: Date;
  expiresAt: Date;
}

/**
 * Serialises code requests of one subject until the transaction ends, so two requests at once
 * cannot both pass the resend wait.
 */
export async function lockCodeSubject(db: Kysely<DB>, s: CodeSubject): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`portal-code:${s.purpose}:${s.contactHash}:${s.number}`}, 0))`.execute(db);
}

/** When the newest code of the subject was created (null: never). */
export async function lastCodeCreatedAt(db: Kysely<DB>, s: CodeSubject): Promise<Date | null> {
  const r = await db
    .selectFrom('portal_codes')
    .select('created_at')
    .where('purpose', '=', s.purpose)
    .where('contact_hash', '=', s.contactHash)
    .where('number', '=', s.number)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r?.created_at ?? null;
}

/** Marks the subject's codes still open as replaced. */
export async function supersedeCodes(db: Kysely<DB>, s: CodeSubject, at: Date): Promise<void> {
  await db
    .updateTable('portal_codes')
    .set({ superseded_at: at })
    .where('purpose', '=', s.purpose)
    .where('contact_hash', '=', s.contactHash)
    .where('number', '=', s.number)
    .where('used_at', 'is', null)
    .where('superseded_at', 'is', null)
    .execute();
}

export async function insertCode(db: Kysely<DB>, c: NewPortalCode): Promise<void> {
  await db
    .insertInto('portal_codes')
    .values({
      id: c.id,
      purpose: c.purpose,
      contact_kind: c.contactKind,
      contact_hash: c.contactHash,
      contact: c.contact,
      number: c.number,
      complaint_id: c.complaintId,
      code_hash: c.codeHash,
      max_attempts: c.maxAttempts,
      created_at: c.createdAt,
      expires_at: c.expiresAt,
    })
    .execute();
}

/** The newest code of the subject, locked for the try. */
export async function lockNewestCode(db: Kysely<DB>, s: CodeSubject): Promise<PortalCodeRow | undefined> {
  return db
    .selectFrom('portal_codes')
    .selectAll()
    .where('purpose', '=', s.purpose)
    .where('contact_hash', '=', s.contactHash)
    .where('number', '=', s.number)
    .orderBy('created_at', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
}

export async function findCode(db: Kysely<DB>, id: string): Promise<PortalCodeRow | undefined> {
  return db.selectFrom('portal_codes').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countCodeAttempt(db: Kysely<DB>, id: string): Promise<void> {
  await db
    .updateTable('portal_codes')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function markCodeUsed(db: Kysely<DB>, id: string, at: Date): Promise<void> {
  await db.updateTable('portal_codes').set({ used_at: at }).where('id', '=', id).execute();
}

export interface NewPortalSession {
  id: string;
  tokenHash: string;
  purpose: 'submit' | 'track';
  contactKind: 'phone' | 'email';
  contactHash: string;
  /** encrypted */
  contact: string;
  complaintId: string | null;
  codeId: string | null;
  createdAt: Date;
  expiresAt: Date;
}

export async function insertSession(db: Kysely<DB>, s: NewPortalSession): Promise<void> {
  await db
    .insertInto('portal_sessions')
    .values({
      id: s.id,
      token_hash: s.tokenHash,
      purpose: s.purpose,
      contact_kind: s.contactKind,
      contact_hash: s.contactHash,
      contact: s.contact,
      complaint_id: s.complaintId,
      code_id: s.codeId,
      created_at: s.createdAt,
      expires_at: s.expiresAt,
    })
    .execute();
}

export async function findSessionByTokenHash(db: Kysely<DB>, tokenHash: string): Promise<PortalSessionRow | undefined> {
  return db.selectFrom('portal_sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** A submit session's complaint, once registered (set once). */
export async function bindSessionComplaint(db: Kysely<DB>, sessionId: string, complaintId: string): Promise<void> {
  await db
    .updateTable('portal_sessions')
    .set({ complaint_id: complaintId })
    .where('id', '=', sessionId)
    .where('complaint_id', 'is', null)
    .execute();
}

/** Removes at most `limit` sessions and codes that expired before `before`. */
export async function purgeExpiredPortalRows(db: Kysely<DB>, before: Date, limit: number): Promise<void> {
  await db
    .deleteFrom('portal_sessions')
    .where('id', 'in', (eb) => eb.selectFrom('portal_sessions').select('id').where('expires_at', '<', before).limit(limit))
    .execute();
  await db
    .deleteFrom('portal_codes')
    .where('id', 'in', (eb) => eb.selectFrom('portal_codes').select('id').where('expires_at', '<', before).limit(limit))
    .execute();
}
