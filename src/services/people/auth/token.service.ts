import { randomUUID } from 'node:crypto';
import { can, type Action, type Principal } from '../../../domain/access/permissions.js';
import { DomainError } from '../../../domain/errors.js';
import { ValidationError } from '../../../domain/validation.js';
import {
  findApiTokenWithAccess,
  insertApiToken,
  listApiTokens,
  recordTokenUse,
  revokeApiTokens,
  type ApiTokenRow,
} from '../../../db/repositories/session.repository.js';
import { hashSecret, newSecret } from '../../../security/secret-tokens.js';
import { audit } from '../../administration/audit.service.js';
import type { RequestMeta, ServiceContext } from '../../context.js';
import { principalFrom } from '../principal.service.js';

export const TOKEN_PREFIX = 'cms_';
const DAY = 86_400_000;

export function presentToken(t: ApiTokenRow) {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    actions: t.actions,
    createdAt: t.created_at,
    expiresAt: t.expires_at,
    revokedAt: t.revoked_at,
    lastUsedAt: t.last_used_at,
    useCount: Number(t.use_count),
  };
}

/**
 * A personal API token: shown once, stored hashed, limited to actions the user holds, expiring.
 * When the request itself comes with a token, the new one cannot be wider than that token (`can`
 * honours `p.tokenActions`): a token allowed only `token.manage` must not mint one with more.
 */
export async function createApiToken(
  ctx: ServiceContext,
  meta: RequestMeta,
  p: Principal,
  input: { name: string; actions: Action[]; expiresInDays: number },
) {
  const notHeld = input.actions.filter((a) => !can(p, a));
  if (notHeld.length > 0)
    throw new ValidationError(notHeld.map((a) => ({ field: 'actions', code: 'action_not_held', params: { action: a } })));
  const now = ctx.now();
  const secret = newSecret(TOKEN_PREFIX);
  const row = {
    id: randomUUID(),
    user_id: p.userId,
    name: input.name,
    prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
    token_hash: hashSecret(secret),
    actions: [...new Set(input.actions)],
    created_at: now,
    expires_at: new Date(now.getTime() + input.expiresInDays * DAY),
    revoked_at: null,
    last_used_at: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await insertApiToken(trx, row);
    await audit(trx, meta, {
      at: now,
      actor: p.username,
      action: 'token.create',
      outcome: 'success',
      targetType: 'api_token',
      targetId: row.id,
      details: { name: row.name, actions: row.actions, expiresAt: row.expires_at },
    });
  });
  return { ...presentToken({ ...row, use_count: '0' }), token: secret };
}

export async function myApiTokens(ctx: ServiceContext, p: Principal) {
  return (await listApiTokens(ctx.db, p.userId)).map(presentToken);
}

export async function revokeApiToken(ctx: ServiceContext, meta: RequestMeta, p: Principal, id: string): Promise<void> {
  const n = await revokeApiTokens(ctx.db, { id, userId: p.userId }, ctx.now());
  if (n === 0) throw new DomainError('not_found', {}, 'id');
  await audit(ctx.db, meta, {
    at: ctx.now(),
    actor: p.username,
    action: 'token.revoke',
    outcome: 'success',
    targetType: 'api_token',
    targetId: id,
  });
}

/** The principal behind a bearer token: the user's roles narrowed to the token's actions (one read, one use record). */
export async function tokenPrincipal(ctx: ServiceContext, secret: string): Promise<Principal | null> {
  if (!secret.startsWith(TOKEN_PREFIX)) return null;
  const now = ctx.now();
  const found = await findApiTokenWithAccess(ctx.db, hashSecret(secret));
  if (!found) return null;
  const { token: t, user } = found;
  if (t.revoked_at || t.expires_at.getTime() <= now.getTime() || !user.active) return null;
  await recordTokenUse(ctx.db, t.id, now);
  return { ...principalFrom(user, found.roles, found.units), tokenActions: t.actions as Action[] };
}
