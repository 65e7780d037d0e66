import type { ExceptionKind } from '../../domain/codes.js';
/**
 * The leadership board's figures (R-F1 timeliness, R-E6 on-time rate, R-E3 exceptions), each one
 * SQL query over the complaints the reader may see. Days and weeks are counted in the company's
 * time zone; `now` comes in as an argument like everywhere else.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { ScopeFilter } from '../../domain/access/permissions.js';
import { OPEN_STATUSES } from '../../domain/workflow/workflow.types.js';
import type { Database } from '../database.js';
import { overdueSql, scopeSql } from './complaint-scope.js';

/** The ledger's scope rule on the complaint aliased `c`. */
export const scopeOf = (s: ScopeFilter): RawBuilder<SqlBool> => scopeSql(s, 'c');

/** A clock of complaint `c` that is late right now. */
export const overdueClockOf = (now: Date): RawBuilder<SqlBool> => overdueSql(now, 'c');

const openStatuses = () => sql`c.status IN (${sql.join(OPEN_STATUSES.map((s) => sql.lit(s)))})`;

export interface OpenByLevelRow {
  level: number;
  open: number;
  overdue: number;
}

/** Open complaints per level (1, 2, 3, zero-filled) and how many of them have a late clock. */
export async function openByLevel(db: Database, scope: ScopeFilter, now: Date): Promise<OpenByLevelRow[]> {
  const r = await sql<OpenByLevelRow>`
    SELECT l.level,
           count(c.id)::int AS open,
           count(c.id) FILTER (WHERE ${overdueClockOf(now)})::int AS overdue
    FROM (VALUES (1), (2), (3)) AS l(level)
    LEFT JOIN complaints c ON c.level = l.level AND ${openStatuses()} AND ${scopeOf(scope)}
    GROUP BY l.level
    ORDER BY l.level`.execute(db);
  return r.rows;
}

export interface OnTimeWeekRow {
  weekStart: string;
  onTime: number;
  late: number;
}

/**
 * The on-time rate per week (Monday to Sunday, company time) over the last `weeks` weeks, this one
 * included. Every clock is counted once, in the week it was settled: met by its due time counts as
 * on time in the week it was met; late (marked breached by the sweeper, or met after its due time)
 * counts as late in the week of its due time (the sweeper records breached_at = due time).
 * Running, paused and cancelled clocks that were never late do not count.
 */
export async function onTimeByWeek(db: Database, scope: ScopeFilter, now: Date, timeZone: string, weeks: number): Promise<OnTimeWeekRow[]> {
  // bounded (#16): only the clocks settled in the chart's weeks, counted per week in one pass.
  // Every complaint: complaint_clocks_settled_idx alone (clock_settled_at: when a clock was settled,
  // the `at` of the rule above). A scoped reader: the settled clocks each facts row carries
  // (migration 0036, the same rule), of the complaints in scope whose latest settled clock falls in
  // the weeks, from complaint_facts_settled_idx alone; exact, since a clock settled in the weeks puts
  // its complaint's last_settled_at in them. At 1,000,000 complaints that is about 7,000 index
  // entries, where checking the scope of the 50,000 complaints behind the weeks' clocks took 0.4 s.
  const settledAt = sql`clock_settled_at(k.status, k.due_at, k.met_at, k.breached_at)`;
  const from = sql`(date_trunc('week', ${now}::timestamptz AT TIME ZONE ${timeZone}) - make_interval(weeks => ${weeks - 1}::int)) AT TIME ZONE ${timeZone}`;
  const settled = scope.all
    ? sql`
      SELECT date_trunc('week', ${settledAt} AT TIME ZONE ${timeZone}) AS week,
             COALESCE(k.breached_at IS NOT NULL OR (k.status = 'met' AND k.met_at > k.due_at), false) AS late
      FROM complaint_clocks k
      WHERE (k.breached_at IS NOT NULL OR (k.status = 'met' AND k.met_at IS NOT NULL))
        AND ${settledAt} >= ${from} AND ${settledAt} <= ${now}::timestamptz`
    : sql`
      SELECT date_trunc('week', u.at AT TIME ZONE ${timeZone}) AS week, u.late
      FROM complaint_facts c CROSS JOIN LATERAL unnest(c.settled_at, c.settled_late) AS u(at, late)
      WHERE c.last_settled_at >= ${from} AND ${scopeOf(scope)} AND u.at >= ${from} AND u.at <= ${now}::timestamptz`;
  const r = await sql<OnTimeWeekRow>`
    WITH w AS (
      SELECT generate_series(t.this_week - make_interval(weeks => ${weeks - 1}::int), t.this_week, interval '1 week') AS week
      FROM (SELECT date_trunc('week', ${now}::timestamptz AT TIME ZONE ${timeZone}) AS this_week) t
    ),
    counted AS (
      SELECT s.week, count(*) FILTER (WHERE NOT s.late) AS on_time, count(*) FILTER (WHERE s.late) AS late
      FROM (${settled}) s
      GROUP BY s.week
    )
    SELECT to_char(w.week, 'YYYY-MM-DD') AS "weekStart", COALESCE(s.on_time, 0)::int AS "onTime", COALESCE(s.late, 0)::int AS late
    FROM w
    LEFT JOIN counted s ON s.week = w.week
    ORDER BY w.week`.execute(db);
  return r.rows;
}

export interface DayCountRow {
  day: string;
  count: number;
}

/** Complaints received per day (company time) over the last `days` days, today included, zero-filled. */
export async function receivedPerDay(db: Database, scope: ScopeFilter, now: Date, timeZone: string, days: number): Promise<DayCountRow[]> {
  // bounded (#16): complaint_facts (narrow rows, the complaint's scope columns) through
  // complaint_facts_received_idx on received_on, a day wider than asked (received_on is the date in
  // the facts' time zone), cut exactly on received_at from the first day's midnight, company time
  const firstDay = sql`(${now}::timestamptz AT TIME ZONE ${timeZone})::date - ${days - 1}::int`;
  const r = await sql<DayCountRow>`
    WITH d AS (
      SELECT generate_series(${firstDay}, (${now}::timestamptz AT TIME ZONE ${timeZone})::date, interval '1 day')::date AS day
    ),
    c AS (
      SELECT (c.received_at AT TIME ZONE ${timeZone})::date AS day, count(*) AS count
      FROM complaint_facts c
      WHERE c.received_on >= (${firstDay}) - 1 AND c.received_on <= (${now}::timestamptz AT TIME ZONE ${timeZone})::date + 1
        AND c.received_at >= (${firstDay})::timestamp AT TIME ZONE ${timeZone} AND c.received_at <= ${now}::timestamptz AND ${scopeOf(scope)}
      GROUP BY 1
    )
    SELECT to_char(d.day, 'YYYY-MM-DD') AS day, COALESCE(c.count, 0)::int AS count
    FROM d
    LEFT JOIN c ON c.day = d.day
    ORDER BY d.day`.execute(db);
  return r.rows;
}

export interface ExceptionCountRow {
  kind: ExceptionKind;
  count: number;
}

/**
 * Open tracked exceptions per kind; spikes (no complaint, company-wide figures) for readers of every
 * complaint only. The scope is checked on the complaint's narrow complaint_facts row (#16).
 */
export async function openExceptionCounts(db: Database, scope: ScopeFilter): Promise<ExceptionCountRow[]> {
  const r = await sql<ExceptionCountRow>`
    SELECT e.kind, count(*)::int AS count
    FROM complaint_exceptions e
    LEFT JOIN complaint_facts c ON c.id = e.complaint_id
    WHERE e.status = 'open' AND (CASE WHEN e.complaint_id IS NULL THEN ${scope.all} ELSE ${scopeOf(scope)} END)
    GROUP BY e.kind
    ORDER BY e.kind`.execute(db);
  return r.rows;
}

export interface BreachRow {
  clockId: string;
  kind: string;
  label: string | null;
  dueAt: Date | null;
  breachedAt: Date;
  clockStatus: string;
  complaintId: string;
  number: string;
  level: number;
  complaintStatus: string;
  total: number;
}

/** Clocks that went past due since `since`, newest first; every row carries the total count. */
export async function recentBreaches(db: Database, scope: ScopeFilter, since: Date, now: Date, limit: number): Promise<BreachRow[]> {
  // bounded (#16): the window's breaches are counted from complaint_clocks_breached_idx, and only the
  // page's rows are joined to their clock and complaint (after a catch-up sweep a week holds
  // thousands of breaches: joining each to its complaint to count them took 60-75 ms at 1,000,000
  // complaints). A breached clock is settled at its breach (clock_settled_at), so a scoped reader's
  // breaches belong to the complaints in scope whose last_settled_at is in the window: read from
  // complaint_facts_settled_idx alone (migration 0037), a few hundred complaints for a department at
  // 1,000,000, instead of a scope probe for each of the window's breaches.
  const visible = scope.all
    ? sql`true`
    : sql`k.complaint_id IN (SELECT c.id FROM complaint_facts c WHERE c.last_settled_at >= ${since}::timestamptz AND ${scopeOf(scope)})`;
  const r = await sql<BreachRow>`
    WITH b AS MATERIALIZED (
      SELECT k.id, k.breached_at FROM complaint_clocks k
      WHERE k.breached_at >= ${since}::timestamptz AND k.breached_at <= ${now}::timestamptz AND ${visible}
    ),
    page AS (SELECT b.id FROM b ORDER BY b.breached_at DESC, b.id DESC LIMIT ${limit})
    SELECT k.id AS "clockId", k.kind, k.label, k.due_at AS "dueAt", k.breached_at AS "breachedAt", k.status AS "clockStatus",
           c.id AS "complaintId", c.number, c.level, c.status AS "complaintStatus",
           (SELECT count(*) FROM b)::int AS total
    FROM page
    JOIN complaint_clocks k ON k.id = page.id
    JOIN complaints c ON c.id = k.complaint_id
    ORDER BY k.breached_at DESC, k.id DESC`.execute(db);
  return r.rows;
}
