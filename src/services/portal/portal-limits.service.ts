/**
 * The portal's request limits (#12 item 1), counted in PostgreSQL so every app instance shares
 * them: per client address, per contact and overall, each a fixed window. A request over any of
 * them is refused with 429 `rate_limited` and the seconds until the fullest window ends (the
 * answer's Retry-After), and is audited as denied. Refused requests count too: hammering does not
 * shorten the wait.
 */
import { DomainError } from '../../domain/errors.js';
import { secondsUntil, windowOf, type LimitScope, type PortalLimits } from '../../domain/portal/rate-limit.js';
import { hitCounters, purgeExpiredCounters } from '../../db/repositories/rate-limit.repository.js';
import type { RequestMeta, ServiceContext } from '../context.js';
import { auditPortal, type PortalAttempt } from './portal-audit.js';

/** One limit a request counts against: the address, a contact (its keyed hash), or everything. */
export type LimitSubject = { scope: 'address'; ip: string | null } | { scope: 'contact'; contactHash: string } | { scope: 'overall' };

function keyOf(s: LimitSubject): string {
  switch (s.scope) {
    case 'address':
      return `portal:address:${s.ip ?? 'unknown'}`;
    case 'contact':
      return `portal:contact:${s.contactHash}`;
    case 'overall':
      return 'portal:overall';
  }
}

/** Windows removed per new window: the table stays small without a job of its own. */
const PURGE_BATCH = 200;

/**
 * Counts the request against each subject's limit; throws `rate_limited` (after auditing the
 * attempt as denied) when one is exceeded.
 */
export async function enforceLimits(
  ctx: ServiceContext,
  limits: PortalLimits,
  meta: RequestMeta,
  subjects: readonly LimitSubject[],
  attempt: Omit<PortalAttempt, 'outcome' | 'reason'>,
): Promise<void> {
  const now = ctx.now();
  const planned = subjects.map((s) => {
    const limit = limits[s.scope];
    const w = windowOf(now, limit);
    return { scope: s.scope as LimitScope, key: keyOf(s), max: limit.max, windowStart: w.start, expiresAt: w.end };
  });
  const counts = await hitCounters(ctx.db, planned);
  if ([...counts.values()].some((n) => n === 1)) await purgeExpiredCounters(ctx.db, now, PURGE_BATCH);
  const over = planned.filter((p) => (counts.get(p.key) ?? 0) > p.max);
  if (over.length === 0) return;
  const retryAfterSeconds = Math.max(...over.map((p) => secondsUntil(p.expiresAt, now)));
  await auditPortal(ctx, meta, { ...attempt, outcome: 'denied', reason: `rate_limited:${over.map((p) => p.scope).join(',')}` });
  throw new DomainError('rate_limited', { retryAfterSeconds });
}
