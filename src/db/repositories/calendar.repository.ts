import { sql, type Kysely } from 'kysely';
import type { CalendarDay } from '../../domain/calendar/calendar.js';
import type { DB } from '../schema.js';

export interface CalendarYearRow {
  year: number;
  confirmed: boolean;
  source: string;
  updatedAt: Date;
  updatedBy: string;
}

export async function calendarRevision(db: Kysely<DB>): Promise<string> {
  const r = await db.selectFrom('calendar_revision').select('revision').executeTakeFirstOrThrow();
  return String(r.revision);
}

export async function bumpCalendarRevision(db: Kysely<DB>): Promise<void> {
  await db
    .updateTable('calendar_revision')
    .set({ revision: sql`revision + 1` })
    .execute();
}

export async function loadCalendarDays(db: Kysely<DB>): Promise<CalendarDay[]> {
  const rows = await db.selectFrom('calendar_days').select(['date', 'kind', 'name']).orderBy('date').execute();
  return rows.map((r) => ({ date: r.date, kind: r.kind, name: r.name }));
}

export async function loadCalendarYears(db: Kysely<DB>): Promise<CalendarYearRow[]> {
  const rows = await db.selectFrom('calendar_years').selectAll().orderBy('year').execute();
  return rows.map((r) => ({ year: r.year, confirmed: r.confirmed, source: r.source, updatedAt: r.updated_at, updatedBy: r.updated_by }));
}

export async function findCalendarYear(db: Kysely<DB>, year: number): Promise<CalendarYearRow | undefined> {
  return (await loadCalendarYears(db)).find((y) => y.year === year);
}

export async function daysOfYear(db: Kysely<DB>, year: number): Promise<CalendarDay[]> {
  const rows = await db
    .selectFrom('calendar_days')
    .select(['date', 'kind', 'name'])
    .where('date', '>=', `${year}-01-01`)
    .where('date', '<=', `${year}-12-31`)
    .orderBy('date')
    .execute();
  return rows.map((r) => ({ date: r.date, kind: r.kind, name: r.name }));
}

export async function upsertCalendarYear(
  db: Kysely<DB>,
  y: { year: number; confirmed: boolean; source: string; by: string; at: Date },
): Promise<void> {
  await db
    .insertInto('calendar_years')
    .values({ year: y.year, confirmed: y.confirmed, source: y.source, updated_by: y.by, updated_at: y.at })
    .onConflict((oc) => oc.column('year').doUpdateSet({ confirmed: y.confirmed, source: y.source, updated_by: y.by, updated_at: y.at }))
    .execute();
}

/** Replaces every explicit day of a year (weekday/weekend defaults apply to the rest). */
export async function replaceYearDays(db: Kysely<DB>, year: number, days: readonly CalendarDay[], by: string, at: Date): Promise<void> {
  await db.deleteFrom('calendar_days').where('date', '>=', `${year}-01-01`).where('date', '<=', `${year}-12-31`).execute();
  await insertDays(db, days, by, at);
}

export async function insertDays(db: Kysely<DB>, days: readonly CalendarDay[], by: string, at: Date): Promise<void> {
  for (let i = 0; i < days.length; i += 1000) {
    const chunk = days.slice(i, i + 1000);
    await db
      .insertInto('calendar_days')
      .values(chunk.map((d) => ({ date: d.date, kind: d.kind, name: d.name, updated_by: by, updated_at: at })))
      .onConflict((oc) =>
        oc.column('date').doUpdateSet((eb) => ({
          kind: eb.ref('excluded.kind'),
          name: eb.ref('excluded.name'),
          updated_by: eb.ref('excluded.updated_by'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
}

export async function deleteDay(db: Kysely<DB>, date: string): Promise<void> {
  await db.deleteFrom('calendar_days').where('date', '=', date).execute();
}
