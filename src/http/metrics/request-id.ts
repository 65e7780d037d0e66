/**
 * Request ids and what the request log may say (#16 item 8). Every request gets an id: the caller's
 * `X-Request-Id` when it is a sane token (a load balancer or another service set it, so one id follows
 * the request through every hop), a new UUID otherwise. Fastify puts it on every log line of the
 * request (`reqId`); the answer carries it back in `X-Request-Id`, errors included.
 *
 * The log never holds personal data: request bodies are not logged (fastify never does), the query
 * string is cut from the logged URL (`?contact=13800001111`, `?q=张三` are personal data), and errors
 * are logged by type, code, message and stack only (a PostgreSQL error's `detail` quotes the row's
 * values: "Key (phone)=(138…) already exists").
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';

const SANE_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** The caller's id when it is 1-128 of [A-Za-z0-9._-], a new UUID otherwise (fastify's genReqId). */
export function requestIdFor(req: Pick<IncomingMessage, 'headers'>): string {
  const given = req.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && SANE_ID.test(given) ? given : randomUUID();
}

/** A URL as logged: the path only; a query string becomes `?…`. */
export function loggedUrl(url: string): string {
  const q = url.indexOf('?');
  return q < 0 ? url : `${url.slice(0, q)}?…`;
}

interface LoggedRequest {
  method: string;
  url: string;
  ip?: string;
  routeOptions?: { url?: string };
}

/** pino serializers for fastify's logger: the request without its query, errors without their data. */
export const logSerializers = {
  req: (req: LoggedRequest) => ({
    method: req.method,
    url: loggedUrl(req.url),
    route: req.routeOptions?.url,
    remoteAddress: req.ip,
  }),
  err: (err: Error): { type: string; message: string; stack: string; code?: string | number } => {
    const code = (err as { code?: unknown }).code;
    return {
      type: err.constructor.name,
      message: err.message,
      ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
      stack: err.stack ?? '',
    };
  },
};
