import { DomainError } from '../../../domain/errors.js';
import { passwordIssues } from '../../../domain/access/password-policy.js';
import type { Principal } from '../../../domain/access/permissions.js';
import { ValidationError, type FieldIssue } from '../../../domain/validation.js';
import { findSessionWithAccess, insertSession, revokeSessions, touchSession } from '../../../db/repositories/session.repository.js';
import { findUser, updateUser, type UserWithAccess } from '../../../db/repositories/user.repository.js';
import { hashPassword, verifyAgainstNothing, verifyPassword } from '../../../security/passwords.js';
import { hashSecret, newSecret } from '../../../security/secret-tokens.js';
import type { Database } from '../../../db/database.js';
import { audit } from '../../administration/audit.service.js';
import {
  forgetPasswordChangeFailures,
  forgetSourceFailures,
  passwordChangeWait,
  recordPasswordChangeFailure,
  recordSignInFailure,
  signInWait,
} from './sign-in-throttle.service.js';
import type { RequestMeta, ServiceContext } from '../../context.js';
import { principalFrom } from '../principal.service.js';

const MINUTE = 60_000;
/** last_seen_at is written at most this often, not on every request */
const TOUCH_EVERY_MS = MINUTE;

export interface SignedIn {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: UserWithAccess;
}

export interface SessionPrincipal extends Principal {
  sessionId: string;
  csrfToken: string;
  mustChangePassword: boolean;
}

export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

/**
 * POST /api/auth/login: throttle check, argon2id check, a new server-side session. Unknown and
 * existing names take the same path (same throttle keys, an argon2 verify either way) and get the
 * same answers: 429 too_many_attempts while held back, 401 invalid_credentials when wrong.
 */
export async function login(ctx: ServiceContext, meta: RequestMeta, username: string, password: string): Promise<SignedIn> {
  const now = ctx.now();
  const name = normaliseUsername(username);
  const address = meta.ip ?? '';
  const user = await findUser(ctx.db, { username: name });
  const auditFailure = (db: Database, reason: string, outcome: 'failure' | 'denied', extra: Record<string, unknown> = {}) =>
    audit(db, meta, {
      at: now,
      actor: name || '(empty)',
      action: 'auth.login',
      outcome,
      targetType: 'user',
      targetId: user?.id ?? null,
      details: { reason, ...extra },
    });
  const wait = await signInWait(ctx, name, address, user?.id ?? null, now);
  if (wait > 0) {
    // refused before any password check: a held-back guesser learns nothing, right or wrong
    await auditFailure(ctx.db, 'throttled', 'denied', { retryAfterSeconds: wait });
    throw new DomainError('too_many_attempts', { retryAfterSeconds: wait });
  }
  const ok = user?.active ? await verifyPassword(user.password_hash, password) : await verifyAgainstNothing(password);
  if (!user || !user.active || !ok) {
    const reason = !user ? 'unknown_user' : !user.active ? 'inactive' : 'bad_password';
    await recordSignInFailure(ctx, meta, name, address, now, (db) => auditFailure(db, reason, 'failure'));
    throw new DomainError('invalid_credentials');
  }
  const token = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(now.getTime() + ctx.security.sessionMaxHours * 60 * MINUTE);
  await ctx.db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { last_login_at: now, updated_at: now });
    await forgetSourceFailures(trx, name, address);
    await insertSession(trx, {
      id: hashSecret(token),
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
      revoked_at: null,
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    });
    await audit(trx, meta, {
      at: now,
      actor: user.username,
      action: 'auth.login',
      outcome: 'success',
      targetType: 'user',
      targetId: user.id,
    });
  });
  return { token, csrfToken, expiresAt, user };
}

/**
 * The principal behind a session cookie, or null when unknown, revoked, idle too long or expired.
 * One statement reads the session, the user, their roles and units (#16).
 */
export async function sessionPrincipal(ctx: ServiceContext, token: string): Promise<SessionPrincipal | null> {
  const now = ctx.now();
  const found = await findSessionWithAccess(ctx.db, hashSecret(token));
  if (!found || found.session.revoked_at) return null;
  const { session, user } = found;
  const idleLimit = session.last_seen_at.getTime() + ctx.security.sessionIdleMinutes * MINUTE;
  if (now.getTime() >= session.expires_at.getTime() || now.getTime() >= idleLimit) {
    await revokeSessions(ctx.db, { id: session.id }, now);
    return null;
  }
  if (!user.active) return null;
  if (now.getTime() - session.last_seen_at.getTime() >= TOUCH_EVERY_MS) await touchSession(ctx.db, session.id, now);
  return {
    ...principalFrom(user, found.roles, found.units),
    sessionId: session.id,
    csrfToken: session.csrf_token,
    mustChangePassword: user.mustChangePassword,
  };
}

/**
 * Ends this session, or every session of the user. A request made with an API token has no session
 * of its own: plain logout then ends nothing (it must not end the user's browser sessions).
 */
export async function logout(
  ctx: ServiceContext,
  meta: RequestMeta,
  p: Principal & { sessionId?: string },
  everywhere: boolean,
): Promise<number> {
  const now = ctx.now();
  const n = everywhere
    ? await revokeSessions(ctx.db, { userId: p.userId }, now)
    : p.sessionId
      ? await revokeSessions(ctx.db, { id: p.sessionId }, now)
      : 0;
  await audit(ctx.db, meta, {
    at: now,
    actor: p.username,
    action: everywhere ? 'auth.logout_all' : 'auth.logout',
    outcome: 'success',
    targetType: 'user',
    targetId: p.userId,
    details: { sessions: n },
  });
  return n;
}

/** Changes one's own password; the other sessions of the user end. */
export async function changePassword(
  ctx: ServiceContext,
  meta: RequestMeta,
  p: Principal & { sessionId?: string },
  current: string,
  next: string,
): Promise<void> {
  const now = ctx.now();
  const user = await findUser(ctx.db, { id: p.userId });
  // a stolen session cannot guess on: wrong current passwords are throttled on their own counter,
  // which never holds back signing in (nor does signing in clear it)
  const wait = await passwordChangeWait(ctx, p.username, now);
  if (wait > 0) {
    await audit(ctx.db, meta, {
      at: now,
      actor: p.username,
      action: 'auth.password_change',
      outcome: 'denied',
      targetType: 'user',
      targetId: p.userId,
      details: { reason: 'throttled', retryAfterSeconds: wait },
    });
    throw new DomainError('too_many_attempts', { retryAfterSeconds: wait });
  }
  if (!user || !(await verifyPassword(user.password_hash, current))) {
    await recordPasswordChangeFailure(ctx, p.username, now);
    await audit(ctx.db, meta, {
      at: now,
      actor: p.username,
      action: 'auth.password_change',
      outcome: 'failure',
      targetType: 'user',
      targetId: p.userId,
    });
    throw new ValidationError([{ field: 'currentPassword', code: 'password_wrong' }]);
  }
  const issues: FieldIssue[] = passwordIssues(next, user.username).map((code) => ({ field: 'newPassword', code }));
  if (next === current) issues.push({ field: 'newPassword', code: 'password_unchanged' });
  if (issues.length > 0) {
    // a refused change is in the audit log too (R-H1), with the rules it broke (never the password)
    await audit(ctx.db, meta, {
      at: now,
      actor: p.username,
      action: 'auth.password_change',
      outcome: 'failure',
      targetType: 'user',
      targetId: user.id,
      details: { reason: 'rules', codes: issues.map((i) => i.code) },
    });
    throw new ValidationError(issues);
  }
  const hash = await hashPassword(next);
  await ctx.db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { password_hash: hash, must_change_password: false, password_changed_at: now, updated_at: now });
    await revokeSessions(trx, { userId: user.id, exceptId: p.sessionId }, now);
    await forgetPasswordChangeFailures(trx, user.username);
    await audit(trx, meta, {
      at: now,
      actor: p.username,
      action: 'auth.password_change',
      outcome: 'success',
      targetType: 'user',
      targetId: user.id,
    });
  });
}
