import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { can } from '../../domain/access/permissions.js';
import { DomainError } from '../../domain/errors.js';
import { audit } from '../../services/audit.service.js';
import { sessionPrincipal } from '../../services/auth/session.service.js';
import { tokenPrincipal } from '../../services/auth/token.service.js';
import type { ServiceContext } from '../../services/context.js';
import { safeEqual } from '../../security/secret-tokens.js';
import { metaOf, PUBLIC_PREFIXES, type AuthPrincipal, type RouteAccess } from './route-access.js';

export const SESSION_COOKIE = 'cms_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface AuthPluginOptions {
  ctx: ServiceContext;
  sessionSecret: string;
}

async function resolve(ctx: ServiceContext, request: FastifyRequest): Promise<AuthPrincipal | null> {
  const header = request.headers.authorization;
  if (typeof header === 'string' && /^bearer\s+/i.test(header)) {
    const p = await tokenPrincipal(ctx, header.replace(/^bearer\s+/i, '').trim());
    return p ? { ...p, via: 'token', mustChangePassword: false } : null;
  }
  const raw = request.cookies[SESSION_COOKIE];
  if (!raw) return null;
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return null;
  const p = await sessionPrincipal(ctx, unsigned.value);
  return p ? { ...p, via: 'session' } : null;
}

function routeAccess(request: FastifyRequest): RouteAccess | undefined {
  return request.routeOptions.config.access;
}

/**
 * Authentication and authorisation for every route, in one place: bearer token or session cookie,
 * CSRF for cookie-authenticated writes, forced password change, then the route's permission.
 */
async function authPlugin(app: FastifyInstance, opts: AuthPluginOptions): Promise<void> {
  await app.register(cookie, { secret: opts.sessionSecret });
  app.decorateRequest('principal', null);

  app.addHook('onRoute', (route) => {
    if (PUBLIC_PREFIXES.some((p) => route.url.startsWith(p))) {
      route.config = { ...(route.config ?? {}), access: { public: true } };
      return;
    }
    if (!route.config?.access) throw new Error(`route ${route.method} ${route.url} declares no access rule`);
  });

  app.addHook('onRequest', async (request) => {
    const rule = routeAccess(request);
    if (!rule || 'public' in rule) return;
    const p = await resolve(opts.ctx, request);
    if (!p) throw new DomainError('unauthenticated');
    request.principal = p;
    if (p.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !p.csrfToken || !safeEqual(sent, p.csrfToken)) throw new DomainError('csrf_failed', {}, 'X-CSRF-Token');
    }
    const duringChange = 'signedIn' in rule && rule.duringPasswordChange === true;
    if (p.mustChangePassword && !duringChange) throw new DomainError('password_change_required');
    if ('permission' in rule && !can(p, rule.permission)) {
      await audit(opts.ctx.db, metaOf(request), {
        at: opts.ctx.now(),
        actor: p.username,
        action: rule.permission,
        outcome: 'denied',
        targetType: 'route',
        targetId: `${request.method} ${request.routeOptions.url}`,
        details: { via: p.via },
      });
      throw new DomainError('forbidden', { action: rule.permission });
    }
  });
}

export const authentication = fp(authPlugin, { name: 'authentication' });
