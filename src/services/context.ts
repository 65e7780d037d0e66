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
  timeZone: string;
  now: () => Date;
  security: SecuritySettings;
  /** how messages leave (#11); unset: the development mailbox and the defaults of channelsOf */
  channels?: ChannelSettings;
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
