import type { FastifyRequest } from 'fastify';
import type { Action, Principal } from '../../domain/access/permissions.js';
import { DomainError } from '../../domain/errors.js';
import type { RequestMeta } from '../../services/context.js';

/**
 * What a route requires. Every route declares one (the app refuses to start otherwise):
 * public, any signed-in user, or one action of the permission map.
 */
export type RouteAccess = { public: true } | { signedIn: true; duringPasswordChange?: boolean } | { permission: Action };

export interface AuthPrincipal extends Principal {
  via: 'session' | 'token';
  sessionId?: string;
  csrfToken?: string;
  mustChangePassword: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    principal: AuthPrincipal | null;
  }
}

/** The signed-in principal of a protected route (the auth hook has already refused anonymous calls). */
export function principal(request: FastifyRequest): AuthPrincipal {
  if (!request.principal) throw new DomainError('unauthenticated');
  return request.principal;
}

/** The principal as the actor recorded in events and the audit log. */
export function actorOf(request: FastifyRequest): { id: string } {
  return { id: principal(request).username };
}

export function metaOf(request: FastifyRequest): RequestMeta {
  const ua = request.headers['user-agent'];
  return { ip: request.ip ?? null, userAgent: typeof ua === 'string' ? ua : null };
}

/** Routes registered by plugins we do not write (the documentation UI) and are public by design. */
export const PUBLIC_PREFIXES = ['/api/docs'] as const;

export const access = {
  public: { public: true } as const,
  signedIn: { signedIn: true } as const,
  passwordChange: { signedIn: true, duringPasswordChange: true } as const,
  to: (permission: Action): RouteAccess => ({ permission }),
};
