/**
 * Request limits of the public portal and the app (#12 item 1): fixed windows aligned to the epoch,
 * counted in PostgreSQL so every app instance shares them. Three limits: per client address (every
 * portal request but the intake options), per contact (codes asked for and codes tried), and
 * overall (codes sent: each is an SMS or an e-mail). Pure: time is an argument.
 */

export interface RateLimit {
  /** requests allowed in one window */
  max: number;
  windowSeconds: number;
}

export interface PortalLimits {
  address: RateLimit;
  contact: RateLimit;
  overall: RateLimit;
}

export const DEFAULT_PORTAL_LIMITS: PortalLimits = {
  address: { max: 120, windowSeconds: 600 },
  contact: { max: 20, windowSeconds: 3600 },
  overall: { max: 2000, windowSeconds: 600 },
};

export type LimitScope = keyof PortalLimits;

/** The window `now` falls in: [start, end). */
export function windowOf(now: Date, limit: RateLimit): { start: Date; end: Date } {
  const ms = limit.windowSeconds * 1000;
  const start = Math.floor(now.getTime() / ms) * ms;
  return { start: new Date(start), end: new Date(start + ms) };
}

/** Whole seconds until the window ends (at least 1): the answer's Retry-After. */
export function secondsUntil(end: Date, now: Date): number {
  return Math.max(1, Math.ceil((end.getTime() - now.getTime()) / 1000));
}

/** "60/600": 60 requests per 600 seconds; null when it is not that form or out of range. */
export function parseRateLimit(text: string): RateLimit | null {
  const m = /^\s*(\d{1,7})\s*\/\s*(\d{1,7})\s*$/.exec(text);
  if (!m) return null;
  const max = Number(m[1]);
  const windowSeconds = Number(m[2]);
  if (max < 1 || windowSeconds < 1 || windowSeconds > 7 * 24 * 3600) return null;
  return { max, windowSeconds };
}
