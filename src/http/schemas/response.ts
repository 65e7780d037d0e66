import { z } from 'zod';
import { errorResponse } from './common.js';

/**
 * Building blocks of response schemas (#10 item 1). The serializer (fastify-type-provider-zod)
 * parses every answer with the route's schema for its status and sends what the parse returns, so
 * an object schema is an allow-list: a field that is not declared never reaches the client.
 */

/** An instant as the services hold it (a Date, or an ISO string from SQL), sent as ISO 8601 in UTC. */
export const instant = z.codec(z.union([z.date(), z.string()]), z.iso.datetime({ offset: true }), {
  decode: (v) => (typeof v === 'string' ? new Date(v) : v).toISOString(),
  encode: (s) => s,
});

/** A calendar date (YYYY-MM-DD), from a Date (PostgreSQL `date` read as UTC midnight) or a string. */
export const calendarDate = z.codec(z.union([z.date(), z.string()]), z.iso.date(), {
  decode: (v) => (typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10)),
  encode: (s) => s,
});

/** A CNY amount as a decimal string ("12000.50"); the services keep amounts as strings. */
export const amount = z.string().describe('CNY amount as a decimal string, e.g. "12000.50"');

/** A page of a keyset-paged list. */
export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable().describe('pass as cursor for the next page; null on the last') });

/** The error statuses a route may answer, each with the error body. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;

/**
 * The `response` map of a route: its success schemas plus the error body for each error status it
 * answers. 400 (validation), 401 and 403 (access) and 503 (database unavailable) are added for every
 * route; list the others the route can answer.
 */
export function answers<S extends Record<number, z.ZodType>>(
  success: S,
  ...errors: ErrorStatus[]
): Omit<Record<ErrorStatus, typeof errorResponse>, keyof S> & S {
  const all: ErrorStatus[] = [400, 401, 403, 503, ...errors];
  const errorMap = Object.fromEntries(all.map((s) => [s, errorResponse])) as Record<ErrorStatus, typeof errorResponse>;
  return { ...errorMap, ...success };
}
