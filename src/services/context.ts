import type { Database } from '../db/database.js';
import type { SignInThrottlePolicy } from '../domain/access/sign-in-throttle.js';
import type { KeyRing } from '../security/pii-crypto.js';
import type { ChannelSettings } from './channels/channel-settings.js';

export interface SecuritySettings {
  /** encrypts ID document and account numbers at rest and keys their search hashes */
  keyRing: KeyRing;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** growing, decaying waits after failed sign-ins and wrong current passwords; attack alerts */
  signInThrottle: SignInThrottlePolicy;
}

/** What every use case receives: the database, the company time zone, the clock, security settings. */
export interface ServiceContext {
  db: Database;
  /**
   * A streaming replica (DATABASE_READ_URL, #16 item 6) for the heavy reads that may lag a few
   * seconds: statistics, analysis, regulator statistics, KPI figures, report figures. Unset: the
   * primary. Never used directly: `readerOf(ctx)` picks it.
   */
  readDb?: Database;
  timeZone: string;
  now: () => Date;
  security: SecuritySettings;
  /** how messages leave (#11); unset: the development mailbox and the defaults of channelsOf */
  channels?: ChannelSettings;
}

/**
 * The handle for a heavy read that may lag behind the primary: the replica when one is configured,
 * except while `ctx.db` is a transaction (a use case that writes, or freezes what it reads, as
 * `{ ...ctx, db: trx }`): then the transaction itself, so nothing it decides on comes from a replica.
 * Writes, audit records included, always go to `ctx.db`.
 */
export function readerOf(ctx: Pick<ServiceContext, 'db' | 'readDb'>): Database {
  return ctx.readDb === undefined || ctx.db.isTransaction ? ctx.db : ctx.readDb;
}

/** Who is acting, as recorded in events and the audit log (the username). */
export interface Actor {
  id: string;
}

/** Where a request came from, for the audit log. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}
