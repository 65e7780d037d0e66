/**
 * One-time codes (#12 item 1): asked for with a contact (and a complaint number for tracking), sent
 * by SMS to a phone or by e-mail to an address through the message pipeline, tried at most five
 * times within ten minutes; a right one opens a portal session. A tracking code for a number and
 * contact that do not belong together is a decoy: written like a real one but never sent, so the
 * answers (and the later tries) are the same whether or not they match.
 */
import { randomUUID } from 'node:crypto';
import { contactMatches, PUBLIC_NUMBER } from '../../domain/complaint/public-track.js';
import { DomainError } from '../../domain/errors.js';
import {
  addSeconds,
  checkCode,
  generateCode,
  normalizeCode,
  resendWaitSeconds,
  type PortalPurpose,
} from '../../domain/portal/one-time-code.js';
import { channelFor, maskContact, portalContact, type VerifiedContact } from '../../domain/portal/portal-contact.js';
import { ValidationError } from '../../domain/validation.js';
import type { Database } from '../../db/database.js';
import { findComplaint } from '../../db/repositories/complaint.repository.js';
import { enqueueJobs } from '../../db/repositories/job.repository.js';
import { insertMessages } from '../../db/repositories/message.repository.js';
import {
  countCodeAttempt,
  insertCode,
  insertSession,
  lastCodeCreatedAt,
  lockCodeSubject,
  lockNewestCode,
  markCodeUsed,
  purgeExpiredPortalRows,
  supersedeCodes,
  type CodeSubject,
} from '../../db/repositories/portal.repository.js';
import { encryptField } from '../../security/pii-crypto.js';
import { hashSecret, newSecret } from '../../security/secret-tokens.js';
import type { RequestMeta, ServiceContext } from '../context.js';
import { auditPortal } from './portal-audit.js';
import { codeHash, codeMatches, contactHash } from './portal-hashes.js';
import { enforceLimits } from './portal-limits.service.js';
import type { PortalSettings } from './portal-settings.js';

export type CodeRequest = { purpose: 'submit'; contact: string } | { purpose: 'track'; number: string; contact: string };
export type SessionRequest = CodeRequest & { code: string };

export interface CodeAnswer {
  /** the contact, masked */
  sentTo: string;
  expiresAt: Date;
  resendAfterSeconds: number;
}

export interface SessionAnswer {
  token: string;
  expiresAt: Date;
}

/** Codes and sessions expired a day ago are removed, a few with each request for a code. */
const PURGE_AFTER_MS = 24 * 3600 * 1000;
const PURGE_BATCH = 50;

function verifiedContact(input: string): VerifiedContact {
  const c = portalContact(input);
  if (!c) throw new ValidationError([{ field: 'contact', code: 'invalid_phone_or_email' }]);
  return c;
}

interface Subject {
  contact: VerifiedContact;
  code: CodeSubject;
  purpose: PortalPurpose;
  number: string | null;
}

function subjectOf(ctx: ServiceContext, req: CodeRequest): Subject {
  const contact = verifiedContact(req.contact);
  const number = req.purpose === 'track' ? req.number : '';
  return {
    contact,
    code: { purpose: req.purpose, contactHash: contactHash(ctx.security.keyRing, contact), number },
    purpose: req.purpose,
    number: number || null,
  };
}

/** What the audit log and the limits record of one request for a code or a session. */
function attemptOf<A extends 'public.code' | 'public.session'>(s: Subject, action: A) {
  return { action, purpose: s.purpose, contactKind: s.contact.kind, contactHash: s.code.contactHash, number: s.number };
}

/** The limits every code and session request counts against: the client address and the contact. */
function subjectLimits(meta: RequestMeta, s: Subject) {
  return [
    { scope: 'address' as const, ip: meta.ip },
    { scope: 'contact' as const, contactHash: s.code.contactHash },
  ];
}

/** The complaint a tracking code is for: only when the number and the contact belong together. */
async function matchingComplaint(
  db: Database,
  number: string,
  contact: VerifiedContact,
): Promise<{ complaintId: string | null; reason: 'unknown_number' | 'contact_mismatch' | null }> {
  const c = PUBLIC_NUMBER.test(number) ? await findComplaint(db, number) : undefined;
  if (!c) return { complaintId: null, reason: 'unknown_number' };
  if (!contactMatches({ phone: c.complainant_phone, email: c.complainant_email }, contact.value)) {
    return { complaintId: null, reason: 'contact_mismatch' };
  }
  return { complaintId: c.id, reason: null };
}

/**
 * Asks for a code. Refused with 429 `code_resend_too_soon` within a minute of the last one for the
 * same contact and purpose (and number), or `rate_limited` past the limits. Every request is audited.
 */
export async function requestCode(
  ctx: ServiceContext,
  settings: PortalSettings,
  meta: RequestMeta,
  locale: 'zh-CN' | 'en-US',
  req: CodeRequest,
): Promise<CodeAnswer> {
  const s = subjectOf(ctx, req);
  const attempt = attemptOf(s, 'public.code');
  await enforceLimits(ctx, settings.limits, meta, [...subjectLimits(meta, s), { scope: 'overall' }], attempt);
  const now = ctx.now();
  const ring = ctx.security.keyRing;
  const result = await ctx.db.transaction().execute(async (trx) => {
    await lockCodeSubject(trx, s.code);
    const wait = resendWaitSeconds(await lastCodeCreatedAt(trx, s.code), now, settings.code);
    if (wait > 0) return { wait, expiresAt: null, reason: null };
    const match = req.purpose === 'track' ? await matchingComplaint(trx, s.code.number, s.contact) : { complaintId: null, reason: null };
    await supersedeCodes(trx, s.code, now);
    const id = randomUUID();
    const code = generateCode(settings.code.length);
    const expiresAt = addSeconds(now, settings.code.ttlSeconds);
    await insertCode(trx, {
      ...s.code,
      id,
      contactKind: s.contact.kind,
      contact: encryptField(ring, s.contact.value),
      complaintId: match.complaintId,
      codeHash: codeHash(ring, id, code),
      maxAttempts: settings.code.maxAttempts,
      createdAt: now,
      expiresAt,
    });
    // a decoy (number and contact do not match) is never sent
    if (req.purpose === 'submit' || match.complaintId) {
      const written = await insertMessages(
        trx,
        [
          {
            outboxId: null,
            idempotencyKey: `portal-code:${id}`,
            channel: channelFor(s.contact),
            purpose: 'verification_code',
            recipientKind: 'contact',
            recipientRef: id,
            recipientLabel: maskContact(s.contact),
            complaintId: null,
            template: 'complainant.code',
            // the code itself only encrypted; code-delivery.ts reveals it to render the text being sent
            params: { code: encryptField(ring, code), minutes: Math.round(settings.code.ttlSeconds / 60) },
            locale,
          },
        ],
        now,
      );
      await enqueueJobs(
        trx,
        written.map((m) => ({ name: 'message.send' as const, data: { messageId: m.id } })),
      );
    }
    return { wait: 0, expiresAt, reason: match.reason };
  });
  if (result.wait > 0 || !result.expiresAt) {
    await auditPortal(ctx, meta, { ...attempt, outcome: 'denied', reason: 'resend_too_soon' });
    throw new DomainError('code_resend_too_soon', { retryAfterSeconds: result.wait });
  }
  await auditPortal(ctx, meta, { ...attempt, ...(result.reason ? { outcome: 'failure', reason: result.reason } : { outcome: 'success' }) });
  await purgeExpiredPortalRows(ctx.db, new Date(now.getTime() - PURGE_AFTER_MS), PURGE_BATCH);
  return { sentTo: maskContact(s.contact), expiresAt: result.expiresAt, resendAfterSeconds: settings.code.resendAfterSeconds };
}

type TryResult =
  | { outcome: 'ok'; session: SessionAnswer }
  | { outcome: 'invalid'; attemptsLeft: number }
  | { outcome: 'attempts_exceeded' | 'expired'; attemptsLeft?: undefined };

/**
 * Tries a code; a right one opens a session (bound to the purpose and the contact, and for tracking
 * to the complaint). A wrong one is 400 `code_invalid` with the tries left; an old, used or replaced
 * one `code_expired`; after the last wrong try `code_attempts_exceeded`. Both need a new code.
 */
export async function openSession(
  ctx: ServiceContext,
  settings: PortalSettings,
  meta: RequestMeta,
  req: SessionRequest,
): Promise<SessionAnswer> {
  const s = subjectOf(ctx, req);
  const attempt = attemptOf(s, 'public.session');
  await enforceLimits(ctx, settings.limits, meta, subjectLimits(meta, s), attempt);
  const now = ctx.now();
  const ring = ctx.security.keyRing;
  const typed = normalizeCode(req.code, settings.code.length);
  const result = await ctx.db.transaction().execute(async (trx): Promise<TryResult> => {
    const row = await lockNewestCode(trx, s.code);
    // a decoy's code was never sent: even a lucky guess is wrong
    const real = row !== undefined && (row.purpose === 'submit' || row.complaint_id !== null);
    const matches = real && typed !== null && codeMatches(ring, row.id, typed, row.code_hash);
    const check = checkCode(
      row
        ? {
            attempts: row.attempts,
            maxAttempts: row.max_attempts,
            expiresAt: row.expires_at,
            usedAt: row.used_at,
            supersededAt: row.superseded_at,
          }
        : null,
      matches,
      now,
    );
    if (row && check.counts) await countCodeAttempt(trx, row.id);
    if (check.outcome === 'invalid') return { outcome: 'invalid', attemptsLeft: check.attemptsLeft };
    if (check.outcome !== 'ok') return { outcome: check.outcome };
    // a right code implies its row (checkCode says expired without one)
    if (!row) return { outcome: 'expired' };
    await markCodeUsed(trx, row.id, now);
    const token = newSecret();
    const expiresAt = addSeconds(now, settings.code.sessionTtlSeconds);
    await insertSession(trx, {
      id: randomUUID(),
      tokenHash: hashSecret(token),
      purpose: row.purpose,
      contactKind: row.contact_kind,
      contactHash: row.contact_hash,
      contact: row.contact,
      complaintId: row.complaint_id,
      codeId: row.id,
      createdAt: now,
      expiresAt,
    });
    return { outcome: 'ok', session: { token, expiresAt } };
  });
  if (result.outcome === 'ok') {
    await auditPortal(ctx, meta, { ...attempt, outcome: 'success' });
    return result.session;
  }
  await auditPortal(ctx, meta, { ...attempt, outcome: 'failure', reason: `code_${result.outcome}` });
  if (result.outcome === 'invalid') throw new DomainError('code_invalid', { attemptsLeft: result.attemptsLeft }, 'code');
  if (result.outcome === 'expired') throw new DomainError('code_expired', {}, 'code');
  throw new DomainError('code_attempts_exceeded', {}, 'code');
}
