/**
 * What the retention page counts and lists (#15 item 4, R-H6): closed complaints not anonymised
 * by their closure instant (the caller turns each business line's period into closure bounds with
 * the engine's `closedBeforeForExpiry`; ended as the engine counts it), complaints anonymised, and
 * the sweep's runs. The sweep's own candidates are the engine's (retention.repository.ts listDue).
 */
import { sql, type Selectable } from 'kysely';
import { ENDED_STATUSES } from '../../domain/retention/retention.js';
import type { Database } from '../database.js';
import type { RetentionRunsTable } from '../schema-retention.js';

/** A business line's closure window: closed at or after `from` (when given) and before `before`. */
export interface ClosureWindow {
  businessLine: string;
  from: Date | null;
  before: Date;
}

/** Ended, not anonymised complaints closed within one of the windows; with `held` those under a hold in force on `today`. */
export async function countClosedInWindows(db: Database, windows: readonly ClosureWindow[], today: string, held: boolean): Promise<number> {
  if (windows.length === 0) return 0;
  const r = await db
    .selectFrom('complaints as c')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('c.status', 'in', ENDED_STATUSES)
    .where('c.anonymised_at', 'is', null)
    .where((eb) =>
      eb.or(
        windows.map((w) =>
          eb.and([
            eb('c.business_line', '=', w.businessLine),
            eb('c.closed_at', '<', w.before),
            ...(w.from ? [eb('c.closed_at', '>=', w.from)] : []),
          ]),
        ),
      ),
    )
    .where(({ exists, not, selectFrom }) => {
      const hold = exists(
        selectFrom('complaint_legal_holds as h')
          .select(sql.lit(1).as('one'))
          .whereRef('h.complaint_id', '=', 'c.id')
          .where('h.released_at', 'is', null)
          .where((eb) => eb.or([eb('h.until', 'is', null), eb('h.until', '>=', sql<string>`${today}::date`)])),
      );
      return held ? hold : not(hold);
    })
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function countAnonymised(db: Database): Promise<number> {
  const r = await db
    .selectFrom('complaints')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('anonymised_at', 'is not', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export type RetentionRunRow = Selectable<RetentionRunsTable>;

export async function listRetentionRuns(db: Database, limit = 50): Promise<RetentionRunRow[]> {
  return db.selectFrom('retention_runs').selectAll().orderBy('started_at', 'desc').limit(limit).execute();
}
