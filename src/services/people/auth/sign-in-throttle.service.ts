/**
 * Sign-in throttling (issue #9 item 4; rules in domain/access/sign-in-throttle.ts). Keys are the
 * name as typed and the source address, never whether the account exists, so an unknown name and
 * an existing one are held back, answered and timed alike.
 *
 * Known sources: an address from which the account signed in successfully within
 * `knownSourceDays` (the sessions table keeps the address of every sign-in) is exempt from the
 * per-account throttle, so a guesser spread over many addresses cannot keep the real user out of
 * their usual workstation. Chosen over a signed device cookie because staff sign in from office
 * workstations with stable addresses, it needs no client state that clearing the browser would lose,
 * and it works the same for the web app and scripts. The per-(account, source) throttle still
 * applies to every address, known or not.
 */
import type { Kysely } from 'kysely';
import { recordFailure, retryAfterSeconds, type ThrottleSchedule, type ThrottleState } from '../../../domain/access/sign-in-throttle.js';
import type { DB } from '../../../db/schema.js';
import {
  clearThrottle,
  lockThrottleKeys,
  purgeStaleThrottle,
  saveThrottleState,
  signedInFrom,
  throttleStates,
  type ThrottleKey,
} from '../../../db/repositories/sign-in-throttle.repository.js';
import { usersWithRole } from '../../../db/repositories/user.repository.js';
import { audit } from '../../administration/audit.service.js';
import { sendNotifications } from '../../channels/notification.service.js';
import type { RequestMeta, ServiceContext } from '../../context.js';

const DAY = 86_400_000;

const sourceKey = (username: string, address: string): ThrottleKey => ({ kind: 'source', username, address });
const accountKey = (username: string): ThrottleKey => ({ kind: 'account', username, address: '' });
const addressKey = (address: string): ThrottleKey => ({ kind: 'address', username: '', address });
const passwordKey = (username: string): ThrottleKey => ({ kind: 'password', username, address: '' });

const waitOf = (rows: Array<ThrottleKey & { state: ThrottleState }>, k: ThrottleKey, now: Date) =>
  retryAfterSeconds(
    rows.find((r) => r.kind === k.kind && r.username === k.username && r.address === k.address)?.state.blockedUntil ?? null,
    now,
  );

/** Seconds before this name may try again from this address (0: now). */
export async function signInWait(
  ctx: ServiceContext,
  username: string,
  address: string,
  userId: string | null,
  now: Date,
): Promise<number> {
  const rows = await throttleStates(ctx.db, [sourceKey(username, address), accountKey(username)]);
  const source = waitOf(rows, sourceKey(username, address), now);
  const account = waitOf(rows, accountKey(username), now);
  if (account <= source) return source;
  const since = new Date(now.getTime() - ctx.security.signInThrottle.knownSourceDays * DAY);
  return (await signedInFrom(ctx.db, userId, address, since)) ? source : account;
}

/** Seconds before this user may try their current password again on a password change. */
export async function passwordChangeWait(ctx: ServiceContext, username: string, now: Date): Promise<number> {
  return waitOf(await throttleStates(ctx.db, [passwordKey(username)]), passwordKey(username), now);
}

interface Counted {
  key: ThrottleKey;
  schedule?: ThrottleSchedule;
  alertAt?: number;
}

/** Counts one failure on each key, in the caller's transaction; returns the keys that now alert. */
async function countFailure(
  db: Kysely<DB>,
  ctx: ServiceContext,
  counted: readonly Counted[],
  now: Date,
): Promise<Array<{ key: ThrottleKey; failures: number; windowStart: Date }>> {
  const policy = ctx.security.signInThrottle;
  const locked = await lockThrottleKeys(
    db,
    counted.map((c) => c.key),
    now,
  );
  const alerts: Array<{ key: ThrottleKey; failures: number; windowStart: Date }> = [];
  for (const c of counted) {
    const prev = locked.find((r) => r.kind === c.key.kind && r.username === c.key.username && r.address === c.key.address)?.state;
    const { next, alert } = recordFailure(prev, now, policy, c.schedule, c.alertAt);
    await saveThrottleState(db, c.key, next);
    if (alert) alerts.push({ key: c.key, failures: next.windowFailures, windowStart: next.windowStart });
  }
  return alerts;
}

/** Tells every administrator, once per window (the notice's source key names the window), and audits it. */
async function announceAttack(
  db: Kysely<DB>,
  ctx: ServiceContext,
  meta: RequestMeta,
  a: { key: ThrottleKey; failures: number; windowStart: Date },
  now: Date,
): Promise<void> {
  const minutes = ctx.security.signInThrottle.alert.windowMinutes;
  const byAccount = a.key.kind === 'account';
  const who = byAccount ? a.key.username : a.key.address;
  const sourceKey = `sign-in-attack:${a.key.kind}:${who}:${a.windowStart.toISOString()}`;
  const admins = await usersWithRole(db, 'administrator');
  const params = {
    target: byAccount ? ('account' as const) : ('address' as const),
    username: byAccount ? who : null,
    address: byAccount ? null : who,
    failures: a.failures,
    windowMinutes: minutes,
    windowStart: a.windowStart.toISOString(),
  };
  await sendNotifications(
    db,
    admins.map((u) => u.id),
    { complaintId: null, kind: 'sign_in_attack', sourceKey, message: { template: 'security.sign_in_attack', params } },
    now,
  );
  await audit(db, meta, {
    at: now,
    actor: 'system',
    action: 'auth.sign_in_attack',
    outcome: 'denied',
    targetType: byAccount ? 'username' : 'address',
    targetId: who,
    details: {
      failures: a.failures,
      windowMinutes: minutes,
      windowStart: a.windowStart.toISOString(),
      notified: admins.map((u) => u.username),
    },
  });
}

/**
 * A failed sign-in: counted per (name, address), per name and per address, with the audit row
 * and any attack notice, in one transaction. Long-decayed keys are purged afterwards.
 */
export async function recordSignInFailure(
  ctx: ServiceContext,
  meta: RequestMeta,
  username: string,
  address: string,
  now: Date,
  writeAudit: (db: Kysely<DB>) => Promise<void>,
): Promise<void> {
  const policy = ctx.security.signInThrottle;
  await ctx.db.transaction().execute(async (trx) => {
    const alerts = await countFailure(
      trx,
      ctx,
      [
        { key: sourceKey(username, address), schedule: policy.perSource },
        { key: accountKey(username), schedule: policy.perAccount, alertAt: policy.alert.accountFailures },
        { key: addressKey(address), alertAt: policy.alert.addressFailures },
      ],
      now,
    );
    await writeAudit(trx);
    for (const a of alerts) await announceAttack(trx, ctx, meta, a, now);
  });
  // twenty half-lives: any score is below a millionth of a failure by then
  await purgeStaleThrottle(ctx.db, new Date(now.getTime() - 20 * policy.halfLifeMinutes * 60_000), now);
}

/** A successful sign-in forgets the failures of that name from that address (not from elsewhere). */
export async function forgetSourceFailures(db: Kysely<DB>, username: string, address: string): Promise<void> {
  await clearThrottle(db, sourceKey(username, address));
}

/** A wrong current password on a password change: its own counter, never the sign-in's. */
export async function recordPasswordChangeFailure(ctx: ServiceContext, username: string, now: Date): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await countFailure(trx, ctx, [{ key: passwordKey(username), schedule: ctx.security.signInThrottle.passwordChange }], now);
  });
}

export async function forgetPasswordChangeFailures(db: Kysely<DB>, username: string): Promise<void> {
  await clearThrottle(db, passwordKey(username));
}

/** An administrator lifts every throttle of a name (the former "unlock"). */
export async function clearUserThrottle(db: Kysely<DB>, username: string): Promise<number> {
  return clearThrottle(db, { username });
}
