/**
 * The bearer token of a portal session (#12 item 1): opened by a right one-time code, valid thirty
 * minutes, bound to its purpose and contact. A submit session submits one complaint and then also
 * tracks it; a track session tracks the one complaint its code was for. Anything else (no token, an
 * unknown or expired one, another complaint's number) is the same 401 `portal_session_required`,
 * so a token tells nothing about complaints it is not for.
 */
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.js';
import { PUBLIC_NUMBER } from '../../domain/complaint/public-track.js';
import type { VerifiedContact } from '../../domain/portal/portal-contact.js';
import { findComplaint, type ComplaintRecord } from '../../db/repositories/complaint.repository.js';
import { addSeconds } from '../../domain/portal/one-time-code.js';
import {
  bindSessionComplaint,
  findSessionByTokenHash,
  insertSession,
  type PortalSessionRow,
} from '../../db/repositories/portal.repository.js';
import { decryptField } from '../../security/pii-crypto.js';
import { hashSecret, newSecret } from '../../security/secret-tokens.js';
import type { RequestMeta, ServiceContext } from '../context.js';
import { auditPortal, type PortalAuditAction } from './portal-audit.js';

export interface PortalSession {
  id: string;
  purpose: 'submit' | 'track';
  contact: VerifiedContact;
  contactHash: string;
  /** the encrypted contact, as stored (copied into the track session a submission opens) */
  storedContact: string;
  complaintId: string | null;
  expiresAt: Date;
}

/** The token of `Authorization: Bearer <token>`, or null. */
export function bearerToken(header: string | undefined): string | null {
  if (typeof header !== 'string') return null;
  const m = /^bearer\s+(\S+)\s*$/i.exec(header);
  return m?.[1] ?? null;
}

function refused(): DomainError {
  return new DomainError('portal_session_required', {}, 'Authorization');
}

async function liveSession(ctx: ServiceContext, token: string | null): Promise<PortalSessionRow | null> {
  // a token is 43 base64url characters; anything else is not one of ours
  if (!token || token.length > 100) return null;
  const row = await findSessionByTokenHash(ctx.db, hashSecret(token));
  return row && row.expires_at.getTime() > ctx.now().getTime() ? row : null;
}

function asSession(ctx: ServiceContext, row: PortalSessionRow): PortalSession {
  return {
    id: row.id,
    purpose: row.purpose,
    contact: { kind: row.contact_kind, value: decryptField(ctx.security.keyRing, row.contact) },
    contactHash: row.contact_hash,
    storedContact: row.contact,
    complaintId: row.complaint_id,
    expiresAt: row.expires_at,
  };
}

/** A refused token is audited as a failed attempt of what it was presented for. */
async function refusedAttempt(
  ctx: ServiceContext,
  meta: RequestMeta,
  action: PortalAuditAction,
  number: string | null,
): Promise<DomainError> {
  await auditPortal(ctx, meta, { action, outcome: 'failure', reason: 'no_session', number });
  return refused();
}

/** A live submit session (used or not: a used one replays its complaint, see portal-submit). */
export async function submitSession(ctx: ServiceContext, meta: RequestMeta, token: string | null): Promise<PortalSession> {
  const row = await liveSession(ctx, token);
  if (!row || row.purpose !== 'submit') throw await refusedAttempt(ctx, meta, 'public.submit', null);
  return asSession(ctx, row);
}

/** A live session for the complaint with this number, and the complaint. */
export async function trackSession(
  ctx: ServiceContext,
  meta: RequestMeta,
  action: PortalAuditAction,
  token: string | null,
  number: string,
): Promise<{ session: PortalSession; complaint: ComplaintRecord }> {
  const row = await liveSession(ctx, token);
  const c = row && PUBLIC_NUMBER.test(number) ? await findComplaint(ctx.db, number) : undefined;
  if (!row || !c || row.complaint_id !== c.id) throw await refusedAttempt(ctx, meta, action, number);
  return { session: asSession(ctx, row), complaint: c };
}

/**
 * After a submission: the submit session tracks the complaint it registered from then on, and a new
 * track session for it (the same contact, a full thirty minutes) is handed to the customer.
 */
export async function sessionsAfterSubmission(
  ctx: ServiceContext,
  session: PortalSession,
  complaintId: string,
  ttlSeconds: number,
): Promise<{ token: string; expiresAt: Date }> {
  const now = ctx.now();
  const token = newSecret();
  const expiresAt = addSeconds(now, ttlSeconds);
  await bindSessionComplaint(ctx.db, session.id, complaintId);
  await insertSession(ctx.db, {
    id: randomUUID(),
    tokenHash: hashSecret(token),
    purpose: 'track',
    contactKind: session.contact.kind,
    contactHash: session.contactHash,
    contact: session.storedContact,
    complaintId,
    codeId: null,
    createdAt: now,
    expiresAt,
  });
  return { token, expiresAt };
}
