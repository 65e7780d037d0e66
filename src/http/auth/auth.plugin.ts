import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { can } from '../../domain/access/permissions.js';
import { DomainError } from '../../domain/errors.js';
import { audit } from '../../services/administration/audit.service.js';
import { sessionPrincipal } from '../../services/people/auth/session.service.js';
import { tokenPrincipal } from '../../services/people/auth/token.service.js';
import type { ServiceContext } from '../../services/context.js';
import { safeEqual } from '../../security/secret-tokens.js';
import { metaOf, PUBLIC_PREFIXES, type AuthPrincipal, type RouteAccess } from './route-access.js';

export const SESSION_COOKIE = 'cms_session';

/** One row of the route table: what each route requires (the permission matrix test reads it). */
export interface AccessRule {
  method: string;
  url: string;
  access: RouteAccess;
}

declare module 'fastify' {
  interface FastifyInstance {
    accessRules: readonly AccessRule[];
  }
}
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
  const table: AccessRule[] = [];
  app.decorate('accessRules', table);

  app.addHook('onRoute', (route) => {
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter((m) => m !== 'HEAD');
    if (PUBLIC_PREFIXES.some((p) => route.url.startsWith(p))) {
      route.config = { ...(route.config ?? {}), access: { public: true } };
      return;
    }
    const rule = route.config?.access;
    if (!rule) throw new Error(`route ${methods.join(',')} ${route.url} declares no access rule`);
    for (const method of methods) table.push({ method, url: route.url, access: rule });
  });

  // A complaint outside the caller's scope answers 404 like an unknown number; the attempt is
  // still an access denial for the audit log (only auditors read it, so nothing leaks).
  app.addHook('onError', async (request, _reply, error) => {
    if ((error as { code?: string }).code !== 'complaint_not_found' || !request.principal) return;
    const params = request.params as { id?: string } | undefined;
    await audit(opts.ctx.db, metaOf(request), {
      at: opts.ctx.now(),
      actor: request.principal.username,
      action: 'complaint.read',
      outcome: 'denied',
      targetType: 'complaint',
      targetId: params?.id?.slice(0, 64) ?? null,
      details: { reason: 'not_found_or_out_of_scope', route: `${request.method} ${request.routeOptions.url}` },
    });
  });

  app.addHook('onRequest', async (request) => {
    const rule = routeAccess(request);
    if (!rule || 'public' in rule) return;
    const p = await resolve(opts.ctx, request);
    if (!p) throw new DomainError('unauthenticated');
    request.principal = p;
    if (p.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !p.csrfToken || !safeEqual(sent, p.csrfToken))
        throw new DomainError('csrf_failed', {}, 'X-CSRF-Token');
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
