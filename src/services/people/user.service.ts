import { randomBytes, randomUUID } from 'node:crypto';
import { generateOneTimePassword } from '../../domain/access/password-policy.js';
import { permissionsOf, ROLES, type Role } from '../../domain/access/permissions.js';
import { DomainError } from '../../domain/errors.js';
import { ValidationError, type FieldIssue } from '../../domain/validation.js';
import { findOrgUnitsByIds } from '../../db/repositories/org.repository.js';
import { revokeApiTokens, revokeSessions } from '../../db/repositories/session.repository.js';
import {
  findUser,
  insertUser,
  listUsers,
  replaceUserAccess,
  updateUser,
  type UserWithAccess,
} from '../../db/repositories/user.repository.js';
import { throttledUntilByUsername } from '../../db/repositories/sign-in-throttle.repository.js';
import { hashPassword } from '../../security/passwords.js';
import { clearUserThrottle } from './auth/sign-in-throttle.service.js';
import { audit } from '../administration/audit.service.js';
import { enrolNewStaff } from '../training/training-plans.service.js';
import type { Actor, RequestMeta, ServiceContext } from '../context.js';

/** `lockedUntil`: until when failed sign-ins hold this name back somewhere (the throttle), or null. */
export function presentUser(u: UserWithAccess, throttledUntil: Date | null = null) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    email: u.email,
    roles: u.roles,
    permissions: permissionsOf(u.roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r))),
    orgUnitIds: u.orgUnitIds,
    active: u.active,
    mustChangePassword: u.must_change_password,
    lockedUntil: throttledUntil,
    lastLoginAt: u.last_login_at,
    createdAt: u.created_at,
  };
}

async function checkAccess(ctx: ServiceContext, roles?: readonly string[], orgUnitIds?: readonly string[]): Promise<void> {
  const issues: FieldIssue[] = [];
  for (const [i, r] of (roles ?? []).entries()) {
    if (!(ROLES as readonly string[]).includes(r)) issues.push({ field: `roles.${i}`, code: 'unknown_role', params: { value: r } });
  }
  if (orgUnitIds?.length) {
    const found = new Map((await findOrgUnitsByIds(ctx.db, orgUnitIds)).map((u) => [u.id, u]));
    for (const [i, id] of orgUnitIds.entries()) {
      if (!found.get(id)?.active) issues.push({ field: `orgUnitIds.${i}`, code: 'unknown_org_unit', params: { value: id } });
    }
  }
  if (issues.length > 0) throw new ValidationError(issues);
}

export async function users(ctx: ServiceContext, includeInactive: boolean) {
  const list = await listUsers(ctx.db, { includeInactive });
  const throttled = await throttledUntilByUsername(
    ctx.db,
    list.map((u) => u.username),
    ctx.now(),
  );
  return list.map((u) => presentUser(u, throttled.get(u.username) ?? null));
}

/**
 * The staff directory: active people with their roles and org units, nothing else (no e-mail, no
 * sign-in state). For those who assign, escalate and plan complaints and must pick a colleague.
 */
export async function directory(ctx: ServiceContext) {
  return (await users(ctx, false)).map((u) => ({
    username: u.username,
    displayName: u.displayName,
    roles: u.roles,
    orgUnitIds: u.orgUnitIds,
    active: u.active,
  }));
}

export async function user(ctx: ServiceContext, id: string) {
  const u = await findUser(ctx.db, { id });
  if (!u) throw new DomainError('user_not_found', {}, 'id');
  const throttled = await throttledUntilByUsername(ctx.db, [u.username], ctx.now());
  return presentUser(u, throttled.get(u.username) ?? null);
}

/** A new account with a one-time password (shown once) that must be changed at first sign-in. */
export async function createUser(
  ctx: ServiceContext,
  meta: RequestMeta,
  actor: Actor,
  input: { username: string; displayName: string; email?: string | null; roles: string[]; orgUnitIds: string[] },
  password?: { value: string; mustChange: boolean },
) {
  const username = input.username.trim().toLowerCase();
  await checkAccess(ctx, input.roles, input.orgUnitIds);
  if (await findUser(ctx.db, { username })) throw new DomainError('username_taken', {}, 'username');
  const oneTime = password?.value ?? generateOneTimePassword((n) => randomBytes(n));
  const now = ctx.now();
  const id = randomUUID();
  await ctx.db.transaction().execute(async (trx) => {
    // checked above, but a parallel request may have taken the username since (the unique constraint decides)
    const inserted = await insertUser(
      trx,
      {
        id,
        username,
        display_name: input.displayName,
        email: input.email ?? null,
        password_hash: await hashPassword(oneTime),
        must_change_password: password?.mustChange ?? true,
        active: true,
        password_changed_at: now,
        last_login_at: null,
        created_at: now,
        created_by: actor.id,
        updated_at: now,
      },
      [...new Set(input.roles)],
      [...new Set(input.orgUnitIds)],
    );
    if (!inserted) throw new DomainError('username_taken', {}, 'username');
    // new staff join the current onboarding plan (#15 item 1, policy §7.1 新员工培训), in the same transaction
    await enrolNewStaff(trx, username, now, actor.id, ctx.timeZone);
    await audit(trx, meta, {
      at: now,
      actor: actor.id,
      action: 'user.create',
      outcome: 'success',
      targetType: 'user',
      targetId: id,
      details: { username, roles: input.roles, orgUnitIds: input.orgUnitIds },
    });
  });
  const created = await findUser(ctx.db, { id });
  if (!created) throw new DomainError('user_not_found', {}, 'id');
  return { user: presentUser(created), oneTimePassword: oneTime };
}

/** Roles, org units, names, activation; deactivating ends every session and token of the user. */
export async function changeUser(
  ctx: ServiceContext,
  meta: RequestMeta,
  actor: Actor,
  id: string,
  patch: { displayName?: string; email?: string | null; roles?: string[]; orgUnitIds?: string[]; active?: boolean },
) {
  await checkAccess(ctx, patch.roles, patch.orgUnitIds);
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const u = await findUser(trx, { id }, true);
    if (!u) throw new DomainError('user_not_found', {}, 'id');
    // an administrator cannot lock themselves out (deactivate, or drop their own administrator role)
    if (
      u.username === actor.id &&
      (patch.active === false || (patch.roles && u.roles.includes('administrator') && !patch.roles.includes('administrator')))
    ) {
      throw new DomainError('cannot_lock_yourself_out', {}, patch.active === false ? 'active' : 'roles');
    }
    await updateUser(trx, id, { display_name: patch.displayName, email: patch.email, active: patch.active, updated_at: now });
    await replaceUserAccess(trx, id, patch.roles && [...new Set(patch.roles)], patch.orgUnitIds && [...new Set(patch.orgUnitIds)]);
    if (patch.active === false) {
      await revokeSessions(trx, { userId: id }, now);
      await revokeApiTokens(trx, { userId: id }, now);
    }
    await audit(trx, meta, {
      at: now,
      actor: actor.id,
      action: 'user.update',
      outcome: 'success',
      targetType: 'user',
      targetId: id,
      details: { ...patch },
    });
  });
  return user(ctx, id);
}

/** A new one-time password; the user must change it, and every session of theirs ends. */
export async function resetPassword(ctx: ServiceContext, meta: RequestMeta, actor: Actor, id: string) {
  const oneTime = generateOneTimePassword((n) => randomBytes(n));
  const now = ctx.now();
  const hash = await hashPassword(oneTime);
  await ctx.db.transaction().execute(async (trx) => {
    const u = await findUser(trx, { id }, true);
    if (!u) throw new DomainError('user_not_found', {}, 'id');
    await updateUser(trx, id, { password_hash: hash, must_change_password: true, password_changed_at: now, updated_at: now });
    // a reset often answers a compromise: whatever the old password opened ends
    await revokeSessions(trx, { userId: id }, now);
    await revokeApiTokens(trx, { userId: id }, now);
    await audit(trx, meta, {
      at: now,
      actor: actor.id,
      action: 'user.reset_password',
      outcome: 'success',
      targetType: 'user',
      targetId: id,
    });
  });
  return { oneTimePassword: oneTime };
}

/** Clears every sign-in and password-change throttle of the user's name (there is no lockout any more). */
export async function unlockUser(ctx: ServiceContext, meta: RequestMeta, actor: Actor, id: string) {
  const now = ctx.now();
  const u = await findUser(ctx.db, { id });
  if (!u) throw new DomainError('user_not_found', {}, 'id');
  await ctx.db.transaction().execute(async (trx) => {
    const cleared = await clearUserThrottle(trx, u.username);
    await audit(trx, meta, {
      at: now,
      actor: actor.id,
      action: 'user.unlock',
      outcome: 'success',
      targetType: 'user',
      targetId: id,
      details: { cleared },
    });
  });
  return user(ctx, id);
}
