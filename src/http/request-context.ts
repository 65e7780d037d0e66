import type { FastifyRequest } from 'fastify';
import type { Actor } from '../services/context.js';

/**
 * The acting user. Sign-in arrives with the permissions issue (#3); until then the optional
 * X-Actor header names the person for the record, defaulting to "anonymous". Every route already
 * asks for an actor here, so the permission check slots in at one place.
 */
export function actorOf(request: FastifyRequest): Actor {
  const header = request.headers['x-actor'];
  const id = typeof header === 'string' ? header.trim().slice(0, 64) : '';
  return { id: /^[\w.@:-]+$/.test(id) ? id : 'anonymous' };
}
