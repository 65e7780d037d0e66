import { buildCalendar, isWeekdayWorking, type CalendarDay, type DayKind, type WorkingCalendar } from '../../domain/calendar/calendar.js';
import { parseCalendarIcs, parseCalendarJson, type CalendarImportResult, type ImportIssue } from '../../domain/calendar/calendar-import.js';
import { hasStatutoryHolidays, statutoryHolidayOn, statutoryName } from '../../domain/calendar/statutory-holidays.js';
import { DomainError } from '../../domain/errors.js';
import { addDays, weekdayOf, yearOf } from '../../domain/time/zoned.js';
import { ValidationError, type FieldIssue } from '../../domain/validation.js';
import type { Database } from '../../db/database.js';
import {
  bumpCalendarRevision,
  calendarRevision,
  daysOfYear,
  deleteDay,
  findCalendarYear,
  insertDays,
  loadCalendarDays,
  loadCalendarYears,
  replaceYearDays,
  upsertCalendarYear,
} from '../../db/repositories/calendar.repository.js';
import { audit } from './audit.service.js';
import type { Actor, RequestMeta, ServiceContext } from '../context.js';
import { replanOpenClocks } from '../workflow/clock-replan.service.js';

const cache = new WeakMap<Database, { revision: string; calendar: WorkingCalendar }>();

/** The working calendar, cached per database handle and reloaded when any instance changed it. */
export async function loadWorkingCalendar(db: Database): Promise<WorkingCalendar> {
  const revision = await calendarRevision(db);
  const hit = cache.get(db);
  if (hit && hit.revision === revision) return hit.calendar;
  const [days, years] = await Promise.all([loadCalendarDays(db), loadCalendarYears(db)]);
  const calendar = buildCalendar(
    days,
    years.filter((y) => y.confirmed).map((y) => y.year),
  );
  cache.set(db, { revision, calendar });
  return calendar;
}

export interface CalendarYearView {
  year: number;
  confirmed: boolean;
  source: string | null;
  updatedAt: Date | null;
  updatedBy: string | null;
  /** not confirmed, so counted from the national holiday regulation: statutory holidays known, adjusted days not (#9 item 10) */
  provisional: boolean;
  summary: { workingDays: number; holidays: number; adjustedWorkdays: number };
  /** statutory: a holiday the regulation names (in a provisional year, the reason the day is off) */
  days: Array<{ date: string; weekday: number; working: boolean; kind: DayKind | 'weekday' | 'weekend'; name: string; statutory: boolean }>;
}

/**
 * Every day of a year. A year without confirmed data says so and shows what its clocks count
 * with: weekends and the statutory holidays of the regulation (day-oracle.ts); entries already
 * stored for it (a draft) are shown over them.
 */
export async function calendarYear(db: Database, year: number): Promise<CalendarYearView> {
  const [meta, explicit] = await Promise.all([findCalendarYear(db, year), daysOfYear(db, year)]);
  const confirmed = meta?.confirmed ?? false;
  const provisional = !confirmed && hasStatutoryHolidays(year);
  const byDate = new Map(explicit.map((d) => [d.date, d]));
  const days: CalendarYearView['days'] = [];
  const summary = { workingDays: 0, holidays: 0, adjustedWorkdays: 0 };
  for (let date = `${year}-01-01`; date.startsWith(String(year)); date = addDays(date, 1)) {
    const statutory = statutoryHolidayOn(date);
    const entry =
      byDate.get(date) ?? (provisional && statutory ? { date, kind: 'holiday' as const, name: statutoryName(statutory) } : undefined);
    const working = entry ? entry.kind === 'workday' : isWeekdayWorking(date);
    const kind = entry ? entry.kind : working ? 'weekday' : 'weekend';
    if (working) summary.workingDays += 1;
    if (kind === 'holiday') summary.holidays += 1;
    if (kind === 'workday') summary.adjustedWorkdays += 1;
    days.push({ date, weekday: weekdayOf(date), working, kind, name: entry?.name ?? '', statutory: statutory !== undefined });
  }
  return {
    year,
    confirmed,
    provisional,
    source: meta?.source ?? null,
    updatedAt: meta?.updatedAt ?? null,
    updatedBy: meta?.updatedBy ?? null,
    summary,
    days,
  };
}

export async function calendarYears(db: Database) {
  return loadCalendarYears(db);
}

/** Sets one day to a holiday, an adjusted working day, or back to the weekday/weekend default. */
export async function setCalendarDay(
  ctx: ServiceContext,
  actor: Actor,
  input: { date: string; kind: DayKind | 'default'; name: string },
  meta: RequestMeta,
): Promise<{ replanned: number }> {
  // checked before anything is written: a refused request changes nothing
  assertYear(yearOf(input.date), 'date');
  await ctx.db.transaction().execute(async (trx) => {
    if (input.kind === 'default') await deleteDay(trx, input.date);
    else await insertDays(trx, [{ date: input.date, kind: input.kind, name: input.name }], actor.id, ctx.now());
    await bumpCalendarRevision(trx);
    await audit(trx, meta, {
      at: ctx.now(),
      actor: actor.id,
      action: 'calendar.day_edit',
      outcome: 'success',
      targetType: 'calendar_day',
      targetId: input.date,
      details: { kind: input.kind, name: input.name },
    });
  });
  return replanOpenClocks(ctx, actor, { kind: 'calendar_changed' });
}

/** Marks a year confirmed (or not); open clocks are re-planned either way. */
export async function setYearConfirmed(
  ctx: ServiceContext,
  actor: Actor,
  year: number,
  confirmed: boolean,
  meta: RequestMeta,
): Promise<{ replanned: number }> {
  assertYear(year);
  const existing = await findCalendarYear(ctx.db, year);
  await ctx.db.transaction().execute(async (trx) => {
    await upsertCalendarYear(trx, { year, confirmed, source: existing?.source ?? 'manual', by: actor.id, at: ctx.now() });
    await bumpCalendarRevision(trx);
    await audit(trx, meta, {
      at: ctx.now(),
      actor: actor.id,
      action: 'calendar.confirm',
      outcome: 'success',
      targetType: 'calendar_year',
      targetId: String(year),
      details: { confirmed, was: existing?.confirmed ?? null },
    });
  });
  return replanOpenClocks(ctx, actor, { kind: 'calendar_changed' });
}

export type ImportFormat = 'json' | 'ics';

/** Replaces a year's days from a JSON or iCalendar file and confirms the year. */
export async function importCalendarYear(
  ctx: ServiceContext,
  actor: Actor,
  year: number,
  format: ImportFormat,
  content: unknown,
  meta: RequestMeta,
): Promise<{ year: number; days: number; warnings: string[]; replanned: number }> {
  const result: CalendarImportResult =
    format === 'ics' ? parseCalendarIcs(typeof content === 'string' ? content : '', year) : parseCalendarJson(content, year);
  if (!result.ok) throw new ValidationError(result.errors.map((e) => importIssue(format, e)));
  const days: CalendarDay[] = result.days;
  await ctx.db.transaction().execute(async (trx) => {
    await replaceYearDays(trx, year, days, actor.id, ctx.now());
    await upsertCalendarYear(trx, { year, confirmed: true, source: `import:${format}`, by: actor.id, at: ctx.now() });
    await bumpCalendarRevision(trx);
    await audit(trx, meta, {
      at: ctx.now(),
      actor: actor.id,
      action: 'calendar.import',
      outcome: 'success',
      targetType: 'calendar_year',
      targetId: String(year),
      details: { format, days: days.length, warnings: result.warnings.length },
    });
  });
  const { replanned } = await replanOpenClocks(ctx, actor, { kind: 'calendar_changed' });
  return { year, days: days.length, warnings: result.warnings.map((w) => `${w.path}: ${w.message}`), replanned };
}

/**
 * A JSON problem names its field (body.days.3.date); an .ics problem is in the body as a whole and
 * its line is part of the detail ('line 12: DTSTART: invalid date …'), not of the field name.
 */
function importIssue(format: ImportFormat, e: ImportIssue): FieldIssue {
  if (format === 'ics') return { field: 'body', code: 'invalid_ics', params: { detail: e.path ? `${e.path}: ${e.message}` : e.message } };
  return { field: e.path ? `body.${e.path}` : 'body', code: 'calendar_import_invalid', params: { detail: e.message } };
}

export function assertYear(year: number, field = 'year'): void {
  if (!Number.isInteger(year) || year < 1900 || year > 2200) throw new DomainError('year_out_of_range', { year }, field);
}
