import { DEMO_ACCOUNTS, DEMO_ORG_UNITS } from '../../db/demo/demo-organisation.js';
import { findOrgUnit } from '../../db/repositories/org.repository.js';
import { findUser, updateNoticeSettings, updateUser } from '../../db/repositories/user.repository.js';
import { hashPassword } from '../../security/passwords.js';
import type { ServiceContext } from '../context.js';
import { createOrgUnit } from './org.service.js';
import { createUser } from './user.service.js';

const SEED = { id: 'demo-seed' };
const NO_META = { ip: null, userAgent: null };

export interface DemoAccount {
  username: string;
  roles: string[];
  /** set when this run created the account or reset its password */
  password: string | null;
}

/**
 * The demo organisation and one account per role. New accounts get a one-time password (to be
 * changed at first sign-in); with `password` (DEMO_PASSWORD) every demo account gets that password
 * and no forced change, also when it already existed. Each new account has a demo e-mail address
 * and mobile number (example.com, 1380000xxxx), so staff notices by e-mail and SMS show in the
 * development mailbox of a fresh demo (#11).
 */
export async function seedDemoAccounts(ctx: ServiceContext, password?: string): Promise<DemoAccount[]> {
  for (const u of DEMO_ORG_UNITS) {
    if (!(await findOrgUnit(ctx.db, u.code))) await createOrgUnit(ctx, NO_META, SEED, u);
  }
  const out: DemoAccount[] = [];
  for (const [i, a] of DEMO_ACCOUNTS.entries()) {
    const existing = await findUser(ctx.db, { username: a.username });
    if (!existing) {
      const units = await Promise.all(a.units.map((code) => findOrgUnit(ctx.db, code)));
      const created = await createUser(
        ctx,
        NO_META,
        SEED,
        {
          username: a.username,
          displayName: a.displayName,
          email: `${a.username}@example.com`,
          roles: a.roles,
          orgUnitIds: units.flatMap((u) => (u ? [u.id] : [])),
        },
        password ? { value: password, mustChange: false } : undefined,
      );
      await updateNoticeSettings(ctx.db, created.user.id, { mobile: `1380000${String(i + 1).padStart(4, '0')}` }, ctx.now());
      out.push({ username: a.username, roles: a.roles, password: created.oneTimePassword });
    } else if (password) {
      const now = ctx.now();
      await updateUser(ctx.db, existing.id, {
        password_hash: await hashPassword(password),
        must_change_password: false,
        password_changed_at: now,
        updated_at: now,
      });
      out.push({ username: a.username, roles: a.roles, password });
    } else {
      out.push({ username: a.username, roles: a.roles, password: null });
    }
  }
  return out;
}
