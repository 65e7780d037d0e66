import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { hitCounters, purgeExpiredCounters } from '../../db/repositories/rate-limit.repository.js';
import { secondsUntil, windowOf } from '../../domain/portal/rate-limit.js';
import { ACTIONS, ROLE_GRANTS, ROLES } from '../../domain/access/permissions.js';
import { DomainError } from '../../domain/errors.js';
import { changePassword, login, logout } from '../../services/people/auth/session.service.js';
import { createApiToken, myApiTokens, revokeApiToken } from '../../services/people/auth/token.service.js';
import type { ServiceContext } from '../../services/context.js';
import { user } from '../../services/people/user.service.js';
import { SESSION_COOKIE } from '../auth/auth.plugin.js';
import { access, metaOf, principal } from '../auth/route-access.js';
import { requiredText } from '../schemas/common.js';
import {
  apiTokenList,
  createdApiToken,
  loggedOutEverywhere,
  loginResponse,
  meResponse,
  okResponse,
  roleList,
} from '../schemas/people.responses.js';
import { answers } from '../schemas/response.js';

/** The window of the login flood limit: `loginRateLimit` attempts per address and name in it. */
const LOGIN_WINDOW_SECONDS = 60;
/** Expired windows removed when a new one starts: the table stays small without a job of its own. */
const PURGE_BATCH = 200;

/**
 * Counts one sign-in attempt against the flood limit of its address and (lower-cased) user name,
 * before the throttle and argon2 run: a fixed window in rate_limit_counters, shared by every app
 * instance (#16 item 6), so three instances allow what one does. Over the limit: 429
 * `too_many_attempts` with the seconds until the window ends. The x-ratelimit-* headers are
 * kept as they were.
 */
async function countLoginAttempt(ctx: ServiceContext, max: number, ip: string, username: string, reply: FastifyReply): Promise<void> {
  const now = ctx.now();
  const window = windowOf(now, { max, windowSeconds: LOGIN_WINDOW_SECONDS });
  const key = `login:${ip}:${username.toLowerCase()}`;
  const hits = (await hitCounters(ctx.db, [{ key, windowStart: window.start, expiresAt: window.end }])).get(key) ?? 0;
  if (hits === 1) await purgeExpiredCounters(ctx.db, now, PURGE_BATCH);
  const retryAfterSeconds = secondsUntil(window.end, now);
  reply.header('x-ratelimit-limit', max);
  reply.header('x-ratelimit-remaining', Math.max(0, max - hits));
  reply.header('x-ratelimit-reset', retryAfterSeconds);
  if (hits > max) throw new DomainError('too_many_attempts', { retryAfterSeconds });
}

/** Sign-in, sessions, one's own password and API tokens; the role catalogue. */
export function authRoutes(ctx: ServiceContext, opts: { loginRateLimit: number }): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['auth'];

    app.post(
      '/api/auth/login',
      {
        config: { access: access.public },
        // a flood beyond the throttle (and its argon2 cost) gets the throttle's own answer, counted
        // in PostgreSQL so that every app instance shares one limit (#16 item 6)
        preHandler: async (req, reply) => countLoginAttempt(ctx, opts.loginRateLimit, req.ip, req.body.username, reply),
        schema: {
          tags,
          summary: 'Sign in; sets the session cookie and returns the CSRF token for later writes',
          body: z.strictObject({ username: requiredText(64), password: z.string().min(1).max(200) }),
          response: answers({ 200: loginResponse }, 413, 415, 429),
        },
      },
      async (req, reply) => {
        const s = await login(ctx, metaOf(req), req.body.username, req.body.password);
        reply.setCookie(SESSION_COOKIE, s.token, {
          httpOnly: true,
          sameSite: 'lax',
          secure: req.protocol === 'https',
          path: '/',
          signed: true,
          expires: s.expiresAt,
        });
        return {
          user: await user(ctx, s.user.id),
          csrfToken: s.csrfToken,
          expiresAt: s.expiresAt,
          mustChangePassword: s.user.must_change_password,
        };
      },
    );

    app.get(
      '/api/auth/me',
      {
        config: { access: access.passwordChange },
        schema: { tags, summary: 'Who is signed in, with roles and permissions', response: answers({ 200: meResponse }) },
      },
      async (req) => {
        const p = principal(req);
        return {
          user: await user(ctx, p.userId),
          via: p.via,
          csrfToken: p.csrfToken ?? null,
          mustChangePassword: p.mustChangePassword,
          tokenActions: p.tokenActions ? [...p.tokenActions] : null,
        };
      },
    );

    app.post(
      '/api/auth/logout',
      { config: { access: access.passwordChange }, schema: { tags, summary: 'End this session', response: answers({ 200: okResponse }) } },
      async (req, reply) => {
        await logout(ctx, metaOf(req), principal(req), false);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    );

    app.post(
      '/api/auth/logout-all',
      {
        config: { access: access.passwordChange },
        schema: { tags, summary: 'End every session of this user, everywhere', response: answers({ 200: loggedOutEverywhere }) },
      },
      async (req, reply) => {
        const sessions = await logout(ctx, metaOf(req), principal(req), true);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const, sessions };
      },
    );

    app.post(
      '/api/auth/password',
      {
        config: { access: access.passwordChange },
        schema: {
          tags,
          summary: 'Change your password (required at first sign-in); your other sessions end',
          body: z.strictObject({ currentPassword: z.string().min(1).max(200), newPassword: z.string().min(1).max(200) }),
          response: answers({ 200: okResponse }, 413, 415, 429),
        },
      },
      async (req) => {
        await changePassword(ctx, metaOf(req), principal(req), req.body.currentPassword, req.body.newPassword);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/auth/tokens',
      {
        config: { access: access.to('token.manage') },
        schema: { tags, summary: 'Your API tokens (never the secret)', response: answers({ 200: apiTokenList }) },
      },
      async (req) => ({
        items: await myApiTokens(ctx, principal(req)),
      }),
    );

    app.post(
      '/api/auth/tokens',
      {
        config: { access: access.to('token.manage') },
        schema: {
          tags,
          summary: 'Create a personal API token, limited to actions you hold; the secret is shown once',
          body: z.strictObject({
            name: requiredText(100),
            actions: z.array(z.enum(ACTIONS)).min(1).max(ACTIONS.length),
            expiresInDays: z.number().int().min(1).max(366).default(90),
          }),
          response: answers({ 201: createdApiToken }, 413, 415),
        },
      },
      async (req, reply) => reply.status(201).send(await createApiToken(ctx, metaOf(req), principal(req), req.body)),
    );

    app.delete(
      '/api/auth/tokens/:id',
      {
        config: { access: access.to('token.manage') },
        schema: {
          tags,
          summary: 'Revoke one of your API tokens',
          params: z.strictObject({ id: z.uuid() }),
          response: answers({ 200: okResponse }, 404),
        },
      },
      async (req) => {
        await revokeApiToken(ctx, metaOf(req), principal(req), req.params.id);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/roles',
      {
        config: { access: access.signedIn },
        schema: { tags, summary: 'Roles with their permissions and data scope', response: answers({ 200: roleList }) },
      },
      async () => ({
        items: ROLES.map((r) => ({
          role: r,
          zh: ROLE_GRANTS[r].zh,
          en: ROLE_GRANTS[r].en,
          scope: ROLE_GRANTS[r].scope,
          permissions: [...ROLE_GRANTS[r].actions],
        })),
      }),
    );
  };
}
