/**
 * Whether an error means "the database cannot be reached right now" (down, restarting, in crash
 * recovery, unreachable, connections cut) rather than a fault in the request or in our code. Those
 * answer 503 `database_unavailable` with Retry-After, so clients retry instead of giving up.
 */

/** Node socket errors: nothing listening, the connection cut, the host unreachable. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * PostgreSQL SQLSTATEs: 57P01 admin shutdown (also "unexpected postmaster exit"), 57P02 crash of
 * another backend, 57P03 cannot connect now (starting up, in recovery, shutting down), 53300 too
 * many connections; class 08 is every connection exception.
 */
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

/** What node-postgres and its pool say when a connection dies or cannot be had in time. */
const DRIVER_MESSAGES = [
  /^Connection terminated/i, // "…unexpectedly", "…due to connection timeout"
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error and is not queryable/i,
  /Client was closed and is not queryable/i,
];

function ownCode(err: object): string | undefined {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (depth > 4 || typeof err !== 'object' || err === null) return false;
  const code = ownCode(err);
  if (code !== undefined && (SOCKET_CODES.has(code) || SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  const message = (err as { message?: unknown }).message;
  if (typeof message === 'string' && DRIVER_MESSAGES.some((re) => re.test(message))) return true;
  // connecting to "localhost" tries ::1 and 127.0.0.1: an AggregateError of both refusals
  const inner = (err as { errors?: unknown }).errors;
  if (Array.isArray(inner) && inner.some((e) => isDatabaseUnavailable(e, depth + 1))) return true;
  return isDatabaseUnavailable((err as { cause?: unknown }).cause, depth + 1);
}
