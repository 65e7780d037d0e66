import { chineseDaysSeed } from '../domain/calendar/chinese-days-seed.js';
import { defaultPolicy } from '../domain/policy/policy.defaults.js';
import type { Database } from './database.js';
import { bumpCalendarRevision, insertDays, loadCalendarYears, upsertCalendarYear } from './repositories/calendar.repository.js';
import { findCurrentPolicy, insertPolicyVersion } from './repositories/policy.repository.js';

/**
 * Reference data every installation needs, written once: policy version 1 from the defaults, and
 * the working-day calendar for every year the chinese-days package confirms. Idempotent.
 */
export async function seedReferenceData(db: Database, actor: string): Promise<{ policy: boolean; calendarYears: number }> {
  return db.transaction().execute(async (trx) => {
    const at = new Date();
    let policy = false;
    if (!(await findCurrentPolicy(trx))) {
      await insertPolicyVersion(trx, {
        version: 1,
        document: defaultPolicy,
        createdBy: actor,
        reason: 'defaults (policy-defaults.md)',
        createdAt: at,
      });
      policy = true;
    }
    let calendarYears = 0;
    if ((await loadCalendarYears(trx)).length === 0) {
      const seed = chineseDaysSeed();
      await insertDays(trx, seed.days, actor, at);
      for (const year of seed.years) await upsertCalendarYear(trx, { year, confirmed: true, source: 'chinese-days', by: actor, at });
      await bumpCalendarRevision(trx);
      calendarYears = seed.years.length;
    }
    return { policy, calendarYears };
  });
}
